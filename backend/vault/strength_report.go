package vault

import "context"

// Strength is the verdict on a candidate vault password, for a meter shown
// while the user types it.
type Strength struct {
	Bits    int    `json:"bits"`    // the estimator's log2 of the guesses needed, rounded down
	Level   int    `json:"level"`   // 0..4, for the meter
	Label   string `json:"label"`   // the level in words
	OK      bool   `json:"ok"`      // strong enough for Create and ChangePassword
	Message string `json:"message"` // why not, when !OK; "" otherwise
	Rated   bool   `json:"rated"`   // false when the estimator failed: Message says why, the rest is empty
}

// strengthLevels name the meter's steps by their least bits; the third step
// starts below minPasswordBits, so only "Strong" and above are accepted.
var strengthLevels = []struct {
	min   int
	label string
}{{0, "Very weak"}, {20, "Weak"}, {35, "Fair"}, {minPasswordBits, "Strong"}, {70, "Very strong"}}

// PasswordStrength rates a candidate vault password by the rule Create and
// ChangePassword apply, with est and words (a vault's hosts) as a
// dictionary. When est fails, the verdict is not OK and says why.
func PasswordStrength(est Estimator, password []byte, words []string) Strength {
	bits, err := judge(est, "vault password", password, words)
	if err != nil && ErrorCode(err) == Internal {
		return Strength{Label: "Not rated", Message: ErrorMessage(err)}
	}
	s := Strength{Bits: int(bits), OK: err == nil, Rated: true}
	for i, l := range strengthLevels {
		if s.Bits >= l.min {
			s.Level, s.Label = i, l.label
		}
	}
	if err != nil {
		s.Message = ErrorMessage(err)
	}
	return s
}

// PasswordStrength is the package's PasswordStrength with the vault's own
// hosts as words, when it is unlocked.
func (v *Vault) PasswordStrength(ctx context.Context, password []byte) Strength {
	return PasswordStrength(v.est, password, v.ownWords(ctx))
}

// ownWords are the vault's hosts, which a vault password should not be made
// of; none while locked.
func (v *Vault) ownWords(ctx context.Context) []string {
	hosts, err := v.Hosts(ctx, "")
	if err != nil {
		return nil
	}
	return hosts
}

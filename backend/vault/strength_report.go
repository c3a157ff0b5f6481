package vault

// Strength is the verdict on a candidate vault password, for a meter shown
// while the user types it.
type Strength struct {
	Bits    int    // estimated entropy, rounded down
	OK      bool   // strong enough for Create and ChangePassword
	Message string // why not, when !OK; "" otherwise
}

// PasswordStrength rates a candidate vault password by the same rule that
// Create and ChangePassword apply.
func PasswordStrength(password []byte) Strength {
	s := Strength{Bits: int(passwordBits(password)), OK: true}
	if err := checkPasswordStrength(password); err != nil {
		s.OK, s.Message = false, ErrorMessage(err)
	}
	return s
}

package vault

import (
	"errors"
	"slices"
)

// minPasswordBits is the least estimated strength of a vault password, as
// log2 of the guesses an attacker needs: 2^50 guesses, each an Argon2id of
// half a second, is beyond any offline attack on a stolen file. Four common
// words (about 64 bits) pass, three (49) do not.
const minPasswordBits = 50

// appWords are words an attacker of a Forgiva vault tries first, whatever
// the vault holds.
var appWords = []string{"forgiva", "forgiva desktop", "vault", "password manager", "master key"}

// An Estimator rates a password: bits is log2 of the guesses an attacker
// needs, taking words as a dictionary besides its own; weakest names the
// password's longest guessable part ("dictionary", "spatial", "repeat",
// "sequence", "regex", "date"), "" when there is none. The command line
// rates in its process (strength.Local); the desktop app asks a helper
// process (strength/helper), so an error is possible. An error must not
// hold the password.
type Estimator interface {
	Estimate(password []byte, words []string) (bits float64, weakest string, err error)
}

// errNoEstimator: Options named no Estimator, a mistake of the program.
var errNoEstimator = errors.New("no password estimator configured")

// estimate rates password with est, taking words (the vault's hosts) and
// appWords as the attacker's dictionary.
func estimate(est Estimator, password []byte, words []string) (bits float64, weakest string, err error) {
	if est == nil {
		return 0, "", internal("rate the password", errNoEstimator)
	}
	bits, weakest, err = est.Estimate(password, slices.Concat(words, appWords)) // never appends into the caller's words
	if err != nil {
		return 0, "", newError(Internal, err, "Cannot rate the password's strength, so it cannot be used yet: %v", err)
	}
	return bits, weakest, nil
}

var patternHints = map[string]string{
	"dictionary": "it is mostly a common word, name or password",
	"spatial":    "it is mostly a row or pattern of keys",
	"repeat":     "it is mostly a repetition",
	"sequence":   "it is mostly a sequence like abc or 1234",
	"regex":      "it is mostly a year or a simple pattern",
	"date":       "it is mostly a date",
}

// checkPasswordStrength refuses a weak vault password with a message that
// says why and what to do.
func checkPasswordStrength(est Estimator, password []byte, words []string) error {
	return checkStrength(est, "vault password", password, words)
}

// checkStrength is the rule for any password that guards the vault's data
// (the vault password, an export passphrase), named what in the message.
func checkStrength(est Estimator, what string, password []byte, words []string) error {
	_, err := judge(est, what, password, words)
	return err
}

// judge rates password once and applies the rule: bits is the estimate
// (0 when there is none), err the refusal, if any, with a message that
// says why and what to do. A password est cannot rate is refused
// (code Internal).
func judge(est Estimator, what string, password []byte, words []string) (bits float64, err error) {
	if len(password) == 0 {
		return 0, invalidf("A %s is required", what)
	}
	bits, weakest, err := estimate(est, password, words)
	if err != nil {
		return 0, err
	}
	if bits >= minPasswordBits {
		return bits, nil
	}
	why := "it is too short"
	if hint, ok := patternHints[weakest]; ok {
		why = hint
	}
	return bits, invalidf("The %s is too weak (about %d bits; %d are needed): %s. "+
		"Add a few uncommon words, or make it longer.", what, int(bits), minPasswordBits, why)
}

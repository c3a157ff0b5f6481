package vault

import (
	"math"
	"slices"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/match"
)

// minPasswordBits is the least estimated strength of a vault password, as
// log2 of the guesses an attacker needs: 2^50 guesses, each an Argon2id of
// half a second, is beyond any offline attack on a stolen file. Four common
// words (about 64 bits) pass, three (49) do not.
const minPasswordBits = 50

// appWords are words an attacker of a Forgiva vault tries first, whatever
// the vault holds.
var appWords = []string{"forgiva", "forgiva desktop", "vault", "password manager", "master key"}

// estimate rates password with zxcvbn, taking words (the vault's hosts)
// and appWords as the attacker's dictionary.
//
// zxcvbn prices a password it finds no pattern in at all ("bruteforce") at
// 10 guesses a character, which rates a random "Zq8#vL2!mW9$kR" like a
// 14-digit number; such a password is priced here by the character classes
// it draws from instead (26 for lowercase, 95 for printable ASCII…).
func estimate(password []byte, words []string) (bits float64, weakest string) {
	r := zxcvbn.PasswordStrength(string(password), slices.Concat(words, appWords)) // never appends into the caller's words
	if r.Guesses <= 1 {
		return 0, ""
	}
	bits = math.Log2(r.Guesses)
	if len(r.Sequence) == 1 && r.Sequence[0].Pattern == "bruteforce" {
		n := float64(utf8.RuneCountInString(string(password)))
		bits = max(bits, n*math.Log2(float64(poolSize(string(password)))))
	}
	return bits, weakestPattern(r.Sequence)
}

// poolSize is how many characters a brute-force search over s must try per
// position: the sum of the classes s uses.
func poolSize(s string) int {
	var lower, upper, digit, symbol, other bool
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case r < utf8.RuneSelf:
			symbol = true
		default:
			other = true
		}
	}
	pool := 0
	for _, c := range []struct {
		used bool
		size int
	}{{lower, 26}, {upper, 26}, {digit, 10}, {symbol, 33}, {other, 100}} {
		if c.used {
			pool += c.size
		}
	}
	return max(pool, 10)
}

// weakestPattern names the longest guessable part of the password, for the
// reason given to the user.
func weakestPattern(seq []*match.Match) string {
	best, size := "", 0
	for _, m := range seq {
		if n := m.J - m.I + 1; m.Pattern != "bruteforce" && n > size {
			best, size = m.Pattern, n
		}
	}
	return best
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
func checkPasswordStrength(password []byte, words []string) error {
	return checkStrength("vault password", password, words)
}

// checkStrength is the rule for any password that guards the vault's data
// (the vault password, an export passphrase), named what in the message.
func checkStrength(what string, password []byte, words []string) error {
	if len(password) == 0 {
		return invalidf("A %s is required", what)
	}
	bits, weakest := estimate(password, words)
	if bits >= minPasswordBits {
		return nil
	}
	why := "it is too short"
	if hint, ok := patternHints[weakest]; ok {
		why = hint
	}
	return invalidf("The %s is too weak (about %d bits; %d are needed): %s. "+
		"Add a few uncommon words, or make it longer.", what, int(bits), minPasswordBits, why)
}

// Package strength estimates how many guesses an attacker needs to find a
// password, with zxcvbn. It only measures: the vault package holds the rule
// that a password must meet (minimum bits, messages).
//
// zxcvbn builds its frequency lists when the program starts, about 12 MB
// that stay in memory for the program's life. The desktop app, which waits
// all day in the tray, therefore does not link this package: it asks a
// helper process (package helper, served by the command-line twin) when a
// password is to be rated. The command line rates in its own process.
package strength

import (
	"math"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/match"
)

// Estimate rates password, taking words as the attacker's dictionary
// besides zxcvbn's own lists: bits is log2 of the guesses needed, weakest
// the name of its longest guessable part ("dictionary", "spatial",
// "repeat", "sequence", "regex", "date"; "" when there is none).
//
// zxcvbn prices a password it finds no pattern in at all ("bruteforce") at
// 10 guesses a character, which rates a random "Zq8#vL2!mW9$kR" like a
// 14-digit number; such a password is priced here by the character classes
// it draws from instead (26 for lowercase, 95 for printable ASCII…).
func Estimate(password []byte, words []string) (bits float64, weakest string) {
	r := zxcvbn.PasswordStrength(string(password), words)
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

// Local rates passwords in this process; its zero value is ready to use.
type Local struct{}

// Estimate is the package's Estimate; it never fails.
func (Local) Estimate(password []byte, words []string) (bits float64, weakest string, err error) {
	bits, weakest = Estimate(password, words)
	return bits, weakest, nil
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

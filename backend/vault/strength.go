package vault

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// minPasswordBits is the least estimated entropy of a vault password.
const minPasswordBits = 64

// passwordBits estimates the entropy of a password the way Forgiva's rule
// does: each character is worth log2 of the size of the character pool the
// password draws from (lowercase, uppercase, digits, ASCII symbols, other
// scripts). A character that repeats or continues its predecessor ("aaaa",
// "abcd", "4321") is worth one bit, so padding does not fool the estimate.
func passwordBits(password []byte) float64 {
	var lower, upper, digit, symbol, other bool
	for _, r := range string(password) {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case r < utf8.RuneSelf && unicode.IsPrint(r):
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
	if pool == 0 {
		return 0
	}
	perChar := math.Log2(float64(pool))
	bits := 0.0
	prev := rune(-10)
	for _, r := range string(password) {
		if d := r - prev; d >= -1 && d <= 1 {
			bits++
		} else {
			bits += perChar
		}
		prev = r
	}
	return bits
}

// checkPasswordStrength refuses a weak vault password with a message that
// says why.
func checkPasswordStrength(password []byte) error {
	if len(password) == 0 {
		return invalidf("A vault password is required")
	}
	if bits := passwordBits(password); bits < minPasswordBits {
		return invalidf("The vault password is too weak: it has about %d bits of entropy and at least %d are needed. "+
			"Make it longer, or mix lowercase and uppercase letters, digits and symbols.", int(bits), minPasswordBits)
	}
	return nil
}

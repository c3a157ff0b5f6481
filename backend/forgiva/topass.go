package forgiva

import (
	"bytes"
	"crypto/sha512"
	"strings"
	"unicode/utf8"
)

// Class alphabets of policy mode, in the reference's order.
const (
	lowercaseChars = "qwertyuiopasdfghjklzxcvbnm"
	uppercaseChars = "QWERTYUIOPASDFGHJKLZXCVBNM"
	numberChars    = "0123456789"
	symbolChars    = `.@+-*/%_!,#$;\()><=^&{}`
)

// Legacy alphabets: each complexity adds to the one before.
const (
	legacyNormal       = lowercaseChars + uppercaseChars + numberChars + `.@+-*/%_!,`
	legacyIntermediate = legacyNormal + `|#$;\()><"=`
	legacyAdvanced     = legacyIntermediate + "´~£¢§^&±{}"
)

// Classes is the character classes a policy-mode password must draw from.
type Classes struct {
	Lowercase bool `json:"lowercase"`
	Uppercase bool `json:"uppercase"`
	Numbers   bool `json:"numbers"`
	Symbols   bool `json:"symbols"`
}

// AllClasses chooses every class.
func AllClasses() Classes { return Classes{true, true, true, true} }

// ParseClasses reads letters l (lowercase), u (uppercase), n (numbers) and
// s (symbols) in any order.
func ParseClasses(letters string) (Classes, error) {
	var c Classes
	for _, r := range letters {
		switch r {
		case 'l':
			c.Lowercase = true
		case 'u':
			c.Uppercase = true
		case 'n':
			c.Numbers = true
		case 's':
			c.Symbols = true
		default:
			return Classes{}, inputError("classes", "Character classes are letters l (lowercase), u (uppercase), n (numbers) and s (symbols)")
		}
	}
	if c.empty() {
		return Classes{}, inputError("classes", "Choose at least one character class")
	}
	return c, nil
}

// Letters returns the classes as canonical letters, a subset of "luns".
func (c Classes) Letters() string {
	var b strings.Builder
	for _, class := range c.chosen() {
		b.WriteByte(class.letter)
	}
	return b.String()
}

func (c Classes) empty() bool { return c == Classes{} }

type charClass struct {
	letter byte
	chars  string
}

// chosen lists the chosen classes in alphabet order.
func (c Classes) chosen() []charClass {
	var classes []charClass
	for _, class := range []struct {
		on bool
		charClass
	}{
		{c.Lowercase, charClass{'l', lowercaseChars}},
		{c.Uppercase, charClass{'u', uppercaseChars}},
		{c.Numbers, charClass{'n', numberChars}},
		{c.Symbols, charClass{'s', symbolChars}},
	} {
		if class.on {
			classes = append(classes, class.charClass)
		}
	}
	return classes
}

// Alphabet returns the characters a policy-mode password draws from.
func (c Classes) Alphabet() string {
	var b strings.Builder
	for _, class := range c.chosen() {
		b.WriteString(class.chars)
	}
	return b.String()
}

// Satisfied reports whether password holds a character of every chosen
// class.
func (c Classes) Satisfied(password []byte) bool {
	for _, class := range c.chosen() {
		if !bytes.ContainsAny(password, class.chars) {
			return false
		}
	}
	return true
}

// Password is a generated password. Wipe it when done.
type Password struct {
	text     []byte // Length whole characters
	length   int    // Length, in characters
	complete bool   // every required class is present
}

// String returns the password as the user sees it: Length characters.
func (p *Password) String() string { return string(p.text) }

// Bytes returns the password's UTF-8 bytes. The slice is the password's own
// storage: do not keep it after Wipe.
func (p *Password) Bytes() []byte { return p.text }

// ReferenceBytes returns the reference implementation's bytes: the first
// Length bytes, which in legacy mode with the advanced alphabet may end in
// half of a two-byte character. Server JSON and --hex print these.
func (p *Password) ReferenceBytes() []byte { return p.text[:p.length] }

// Complete reports whether the password holds every chosen class. It is
// false only in policy mode when no window of the draw qualified (always
// for length 64): the algorithm keeps such a password, the app may warn.
func (p *Password) Complete() bool { return p.complete }

// Wipe zeroes the password.
func (p *Password) Wipe() { clear(p.text) }

// topass turns a link of the key chain into the password shown to the user.
func topass(k []byte, in *Input) *Password {
	h := sha512.Sum512(k)
	defer clear(h[:])
	if in.Legacy {
		return legacyPassword(h[:], in.Length, in.Complexity)
	}
	return policyPassword(h[:], in.Length, in.Classes)
}

// policyDraw maps each byte of h to a character of the classes' alphabet.
func policyDraw(h []byte, classes Classes) []byte {
	alphabet := classes.Alphabet()
	draw := make([]byte, len(h))
	for i, b := range h {
		draw[i] = alphabet[int(b)%len(alphabet)]
	}
	return draw
}

// policyPassword returns the first window of the draw that holds every
// chosen class. As in the reference, the window ending at the draw's end is
// never tried, and when none qualifies the password is the draw's start.
func policyPassword(h []byte, length int, classes Classes) *Password {
	draw := policyDraw(h, classes)
	defer clear(draw)
	for i := 0; i < len(draw)-length; i++ {
		if window := draw[i : i+length]; classes.Satisfied(window) {
			return &Password{text: append([]byte(nil), window...), length: length, complete: true}
		}
	}
	text := append([]byte(nil), draw[:length]...)
	return &Password{text: text, length: length, complete: classes.Satisfied(text)}
}

// legacyAlphabet returns the legacy alphabet of a complexity, one rune per
// character (the advanced extras are two bytes long in UTF-8).
func legacyAlphabet(complexity int) []rune {
	switch complexity {
	case 2:
		return []rune(legacyIntermediate)
	case 3:
		return []rune(legacyAdvanced)
	}
	return []rune(legacyNormal)
}

// legacyPassword maps the first length bytes of h to legacy characters.
func legacyPassword(h []byte, length, complexity int) *Password {
	alphabet := legacyAlphabet(complexity)
	text := make([]byte, 0, 2*length)
	for _, b := range h[:length] {
		text = utf8.AppendRune(text, alphabet[int(b)%len(alphabet)])
	}
	return &Password{text: text, length: length, complete: true}
}

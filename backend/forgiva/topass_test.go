package forgiva

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAlphabets(t *testing.T) {
	t.Parallel()
	if n := len(symbolChars); n != 23 || symbolChars[13] != '\\' {
		t.Errorf("symbols: %d characters, 14th %q; want 23 with a backslash 14th", n, symbolChars[13])
	}
	for complexity, want := range map[int]int{1: 72, 2: 83, 3: 93} {
		if got := len(legacyAlphabet(complexity)); got != want {
			t.Errorf("legacy alphabet %d: %d characters, want %d", complexity, got, want)
		}
	}
	if got := AllClasses().Alphabet(); len(got) != 26+26+10+23 {
		t.Errorf("full policy alphabet has %d characters", len(got))
	}
}

// referenceWindow is the test's own reading of the policy rule.
func referenceWindow(h []byte, length int, c Classes) string {
	alphabet := c.Alphabet()
	var draw strings.Builder
	for _, b := range h {
		draw.WriteByte(alphabet[int(b)%len(alphabet)])
	}
	t := draw.String()
	for i := 0; i < 64-length; i++ {
		if hasEveryClass(t[i:i+length], c) {
			return t[i : i+length]
		}
	}
	return t[:length]
}

func TestPolicyPassword(t *testing.T) {
	t.Parallel()
	// Draws of lowercase "q" with one digit: only windows that reach the
	// digit qualify.
	c := Classes{Lowercase: true, Numbers: true}
	tests := []struct {
		name     string
		digitAt  int
		length   int
		want     string
		complete bool
	}{
		{"first qualifying window", 60, 8, strings.Repeat("q", 7) + "0", true},
		{"last window is never tried", 63, 4, "qqqq", false},
		{"length 64 falls back to the start", 60, 64, strings.Repeat("q", 60) + "0qqq", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := make([]byte, 64)
			h[tt.digitAt] = 26 // 26 mod 36 is "0", 0 is "q"
			p := policyPassword(h, tt.length, c)
			if got := p.String(); got != tt.want || p.Complete() != tt.complete {
				t.Errorf("got %q complete=%v, want %q complete=%v", got, p.Complete(), tt.want, tt.complete)
			}
			if got := referenceWindow(h, tt.length, c); got != tt.want {
				t.Errorf("test's own reading gives %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLegacyPasswordCutsBytesNotCharacters(t *testing.T) {
	t.Parallel()
	// 83 is the first advanced extra ("´"), 92 the last ("}").
	h := make([]byte, 64)
	h[0], h[1] = 83, 92
	p := legacyPassword(h, 2, Advanced)
	if got := p.String(); got != "´}" {
		t.Errorf("String() = %q, want %q", got, "´}")
	}
	if got := p.ReferenceBytes(); !bytes.Equal(got, []byte("´")) {
		t.Errorf("ReferenceBytes() = %x, want the first two bytes %x", got, "´")
	}
	if !utf8.ValidString(p.String()) {
		t.Error("String() is not valid UTF-8")
	}
}

func TestParseClasses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, letters string
		ok          bool
	}{
		{"luns", "luns", true}, {"snul", "luns", true}, {"n", "n", true}, {"ll", "l", true},
		{"", "", false}, {"x", "", false}, {"LUNS", "", false},
	}
	for _, tt := range tests {
		c, err := ParseClasses(tt.in)
		var inputErr *InputError
		switch {
		case tt.ok && (err != nil || c.Letters() != tt.letters):
			t.Errorf("ParseClasses(%q) = %q, %v; want %q", tt.in, c.Letters(), err, tt.letters)
		case !tt.ok && (!errors.As(err, &inputErr) || inputErr.Field != "classes"):
			t.Errorf("ParseClasses(%q) error = %v, want a classes InputError", tt.in, err)
		}
	}
}

func FuzzPolicyPassword(f *testing.F) {
	f.Add(bytes.Repeat([]byte{3}, 64), uint8(16), uint8(15))
	f.Add(make([]byte, 64), uint8(64), uint8(8))
	f.Fuzz(func(t *testing.T, h []byte, length, classBits uint8) {
		if len(h) < 64 {
			h = append(h, make([]byte, 64-len(h))...)
		}
		h = h[:64]
		c := classesFromBits(classBits)
		n := int(length)%MaxLength + 1
		p := policyPassword(h, n, c)
		if got, want := p.String(), referenceWindow(h, n, c); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

// classesFromBits maps any byte to a non-empty class choice.
func classesFromBits(bits uint8) Classes {
	bits = bits%15 + 1
	return Classes{bits&1 != 0, bits&2 != 0, bits&4 != 0, bits&8 != 0}
}

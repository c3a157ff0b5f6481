package limits

import "testing"

func TestHidden(t *testing.T) {
	cases := []struct {
		text string
		want rune
	}{
		{"bank.com", 0},
		{"b\u200bank.com", 0x200B},
		{"\u202emoc.knab", 0x202E},
		{"a\u2066b", 0x2066},
		{"\ufeffhost", 0xFEFF},
		{"user\u200d", 0x200D},
		{"straße.example", 0},
		{"例え.jp", 0},
		{"\u2070", 0}, // just past the isolates
	}
	for _, c := range cases {
		got, ok := FirstHidden(c.text)
		if ok != (c.want != 0) || got != c.want {
			t.Errorf("FirstHidden(%q) = %U, %v; want %U", c.text, got, ok, c.want)
		}
	}
}

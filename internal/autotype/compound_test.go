package autotype

import "testing"

func TestCompoundText(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want string
	}{
		{"ascii", "Sign in - Browser", "Sign in - Browser"},
		{"latin-1 right half", "caf\xe9 \xb7 na\xefve", "café · naïve"},
		// What xterm wrote for "Sign in · example.org — Browser".
		{"utf-8 segment", "Sign in \xb7 example.org \x1b%G\xe2\x80\x94\x1b%@ Browser", "Sign in · example.org — Browser"},
		{"utf-8 segment to the end", "\x1b%G✓ ok", "✓ ok"},
		{"bad utf-8 in a segment", "\x1b%G\xe2\x80\x1b%@x", "\uFFFDx"},
		{"latin-1 designated again", "\x1b(B\x1b-A\xe9", "é"},
		{"another right half (Greek)", "\x1b-F\xe1\x1b-A\xe1", "\uFFFDá"},
		{"a 94^2 set (JIS X 0208) in GL", "a\x1b$(B\x30\x21\x1b(Bb", "a\uFFFD\uFFFDb"},
		{"cut-off escape", "title\x1b%", "title"},
		{"C1 control", "a\x85b", "a\uFFFDb"},
	} {
		if got := compoundText([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

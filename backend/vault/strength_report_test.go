package vault

import (
	"strings"
	"testing"
)

// The strength rule, as a table: what is refused, with which reason.
func TestPasswordStrength(t *testing.T) {
	cases := []struct {
		password string
		ok       bool
		reason   string // a word of the refusal
	}{
		{"", false, "required"},
		{"password", false, "common word"},
		{"Password1", false, "common word"},
		{"iloveyouiloveyou", false, "repetition"},
		{"Password!Password!", false, "repetition"},
		{"qwertyuiopasdfghjkl", false, ""},
		{"zxcvbnm,./asdfghjkl;'", false, "row or pattern of keys"},
		{"abcdefghijklmnopqrstuvwxyz", false, "sequence"},
		{strings.Repeat("a", 40), false, "repetition"},
		{"forgivaforgiva2024!", false, ""},
		{"github.example2024", false, ""}, // a host of the vault: see words below
		{"purple monkey dishwasher", false, "common word"},
		{"Zq8#", false, "too short"},
		{testPassword, true, ""},
		{"purple monkey dishwasher elephant", true, ""},
		{"Zq8#vL2!mW9$kR", true, ""},
		{"ein Baum, zwei Bäume, drei Wälder", true, ""},
	}
	words := []string{"github.example"}
	for _, c := range cases {
		got := PasswordStrength([]byte(c.password), words)
		err := checkPasswordStrength([]byte(c.password), words)
		switch {
		case got.OK != c.ok:
			t.Errorf("%q: ok=%v (%d bits, %q), want %v", c.password, got.OK, got.Bits, got.Message, c.ok)
		case got.OK != (err == nil):
			t.Errorf("%q: the meter says ok=%v, the create rule %v", c.password, got.OK, err)
		case !c.ok && got.Message != ErrorMessage(err):
			t.Errorf("%q: message %q, want the rule's %q", c.password, got.Message, ErrorMessage(err))
		case !c.ok && !strings.Contains(got.Message, c.reason):
			t.Errorf("%q: message %q does not say %q", c.password, got.Message, c.reason)
		case c.ok && got.Message != "":
			t.Errorf("%q: strong password with message %q", c.password, got.Message)
		case c.ok && got.Level < 3, !c.ok && c.password != "" && got.Level >= 3:
			t.Errorf("%q: meter level %d (%s) disagrees with ok=%v", c.password, got.Level, got.Label, c.ok)
		}
	}
}

package hotkey

import (
	"errors"
	"strings"
	"testing"
)

func TestParseCanonical(t *testing.T) {
	cases := map[string]string{
		"Ctrl+Alt+F":             "Ctrl+Alt+F",
		"alt+ctrl+f":             "Ctrl+Alt+F",
		" Control + Alt + f ":    "Ctrl+Alt+F",
		"Super+Shift+Space":      "Shift+Super+Space",
		"win+p":                  "Super+P",
		"Ctrl+F12":               "Ctrl+F12",
		"ctrl+alt+return":        "Ctrl+Alt+Enter",
		"Ctrl+Escape":            "Ctrl+Esc",
		"Ctrl+Shift+pgdn":        "Ctrl+Shift+PageDown",
		"Ctrl+/":                 "Ctrl+Slash",
		"Alt+9":                  "Alt+9",
		"Ctrl+Alt+Shift+Super+Z": "Ctrl+Alt+Shift+Super+Z",
	}
	for in, want := range cases {
		s, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if got := s.String(); got != want {
			t.Errorf("Parse(%q).String() = %q, want %q", in, got, want)
		}
		again, err := Parse(s.String())
		if err != nil || again != s {
			t.Errorf("Parse(%q) does not read back: %v, %v", s.String(), again, err)
		}
	}
}

func TestParseFields(t *testing.T) {
	s, err := Parse("Ctrl+Alt+F")
	if err != nil {
		t.Fatal(err)
	}
	if s.Mods != Ctrl|Alt || s.Key != "F" {
		t.Fatalf("Parse(Ctrl+Alt+F) = %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"":               "empty",
		"   ":            "empty",
		"F":              "needs Ctrl, Alt or Super",
		"Shift+F":        "needs Ctrl, Alt or Super",
		"Ctrl+Alt":       "no key",
		"Ctrl+Hyper":     `unknown key "Hyper"`,
		"Ctrl+Alt+Foo":   `unknown key "Foo"`,
		"Ctrl++F":        "empty part",
		"Ctrl+Alt+F+":    "empty part",
		"Ctrl+Ctrl+F":    "names Ctrl twice",
		"Ctrl+control+F": "names Ctrl twice",
		"Ctrl+F+G":       "two keys",
		"F+Ctrl":         "must come after the modifiers",
		"Ctrl+F25":       `unknown key "F25"`,
	}
	for in, want := range cases {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error with %q", in, want)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q) error %v does not wrap ErrInvalid", in, err)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error %q does not say %q", in, err, want)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, s := range []Shortcut{{}, {Mods: Ctrl}, {Mods: Ctrl, Key: "f"}, {Mods: Shift, Key: "F"}, {Mods: 1 << 6, Key: "F"}} {
		if err := s.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalid", s, err)
		}
	}
	if err := (Shortcut{Mods: Super, Key: "F1"}).Validate(); err != nil {
		t.Errorf("Validate(Super+F1) = %v", err)
	}
}

func TestTakenErrorMessage(t *testing.T) {
	err := error(&TakenError{Shortcut: Shortcut{Mods: Ctrl | Alt, Key: "F"}})
	want := "Ctrl+Alt+F is taken by another application: choose another shortcut in Settings"
	if err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
}

func TestEveryKeyNameHasAKeysym(t *testing.T) {
	for name := range keysyms {
		s, err := Parse("Ctrl+" + name)
		if err != nil || s.Key != name {
			t.Errorf("Parse(Ctrl+%s) = %+v, %v", name, s, err)
		}
	}
}

// Package hotkey grabs a desktop-wide keyboard shortcut on X11 (and on
// Windows, with RegisterHotKey) and reports each press, so the app can
// react while another window has the focus.
//
// Parse and Shortcut work on every OS (Settings validates what a person
// types); Grab exists on Linux (an X server) and Windows.
package hotkey

import (
	"errors"
	"fmt"
	"strings"
)

// Modifiers is a set of modifier keys held with a shortcut's key.
type Modifiers uint8

const (
	Ctrl Modifiers = 1 << iota
	Alt
	Shift
	Super
)

// modifierNames is in canonical order: String writes them in this order
// whatever order a person typed them in, so one shortcut has one spelling.
var modifierNames = []struct {
	mod   Modifiers
	name  string
	alias []string
}{
	{Ctrl, "Ctrl", []string{"control", "ctl"}},
	{Alt, "Alt", nil},
	{Shift, "Shift", nil},
	{Super, "Super", []string{"win", "logo"}},
}

// Shortcut is a key pressed while holding Mods. Key is a canonical key name
// (see Parse); the zero Shortcut is invalid.
type Shortcut struct {
	Mods Modifiers
	Key  string
}

// ErrInvalid is wrapped by every error Parse and Validate return.
var ErrInvalid = errors.New("invalid shortcut")

// Parse reads a shortcut such as "Ctrl+Alt+F": modifiers (Ctrl, Alt, Shift,
// Super) and one key, joined by '+', in any order and case. At least one of
// Ctrl, Alt or Super is required, since a shortcut of plain keys would
// swallow them from every other application.
func Parse(text string) (Shortcut, error) {
	var s Shortcut
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return s, fmt.Errorf("%w: empty, expected something like Ctrl+Alt+F", ErrInvalid)
	}
	parts := strings.Split(trimmed, "+")
	keyAt := -1
	for i, raw := range parts {
		part := strings.TrimSpace(raw)
		if part == "" {
			return Shortcut{}, fmt.Errorf("%w: %q has an empty part (a '+' too many?)", ErrInvalid, text)
		}
		if mod, ok := lookupModifier(part); ok {
			if s.Mods&mod != 0 {
				return Shortcut{}, fmt.Errorf("%w: %q names %s twice", ErrInvalid, text, modifierName(mod))
			}
			s.Mods |= mod
			continue
		}
		key, ok := lookupKey(part)
		if !ok {
			return Shortcut{}, fmt.Errorf("%w: unknown key %q in %q", ErrInvalid, part, text)
		}
		if s.Key != "" {
			return Shortcut{}, fmt.Errorf("%w: %q has two keys (%s and %s): use one key with modifiers", ErrInvalid, text, s.Key, key)
		}
		s.Key, keyAt = key, i
	}
	if keyAt >= 0 && keyAt != len(parts)-1 {
		return Shortcut{}, fmt.Errorf("%w: %q: the key %s must come after the modifiers", ErrInvalid, text, s.Key)
	}
	if err := s.Validate(); err != nil {
		return Shortcut{}, err
	}
	return s, nil
}

// Validate reports why s cannot be grabbed, for Shortcuts not made by Parse.
func (s Shortcut) Validate() error {
	if s.Key == "" {
		return fmt.Errorf("%w: %q has no key, only modifiers", ErrInvalid, s.String())
	}
	if _, ok := keysyms[s.Key]; !ok {
		return fmt.Errorf("%w: unknown key %q", ErrInvalid, s.Key)
	}
	if s.Mods&^(Ctrl|Alt|Shift|Super) != 0 {
		return fmt.Errorf("%w: unknown modifier bits %#x", ErrInvalid, uint8(s.Mods))
	}
	if s.Mods&(Ctrl|Alt|Super) == 0 {
		return fmt.Errorf("%w: %q needs Ctrl, Alt or Super, or it would take the key from every application", ErrInvalid, s.String())
	}
	return nil
}

// String is the canonical spelling, e.g. "Ctrl+Alt+F"; Parse reads it back.
func (s Shortcut) String() string {
	var b strings.Builder
	for _, m := range modifierNames {
		if s.Mods&m.mod != 0 {
			b.WriteString(m.name)
			b.WriteByte('+')
		}
	}
	b.WriteString(s.Key)
	return b.String()
}

func lookupModifier(name string) (Modifiers, bool) {
	for _, m := range modifierNames {
		if strings.EqualFold(name, m.name) {
			return m.mod, true
		}
		for _, a := range m.alias {
			if strings.EqualFold(name, a) {
				return m.mod, true
			}
		}
	}
	return 0, false
}

func modifierName(mod Modifiers) string {
	for _, m := range modifierNames {
		if m.mod == mod {
			return m.name
		}
	}
	return "?"
}

// lookupKey returns the canonical name of a key name typed in any case.
func lookupKey(name string) (string, bool) {
	if _, ok := keysyms[name]; ok {
		return name, true
	}
	if canon, ok := keyAliases[strings.ToLower(name)]; ok {
		return canon, true
	}
	return "", false
}

// keysyms maps canonical key names to the X keysym the key produces without
// Shift: the keycode to grab is the one whose mapping holds that keysym.
var keysyms = map[string]uint32{
	"Space": 0x0020, "Tab": 0xff09, "Enter": 0xff0d, "Esc": 0xff1b,
	"Backspace": 0xff08, "Insert": 0xff63, "Delete": 0xffff,
	"Home": 0xff50, "End": 0xff57, "PageUp": 0xff55, "PageDown": 0xff56,
	"Left": 0xff51, "Up": 0xff52, "Right": 0xff53, "Down": 0xff54,
	"Pause": 0xff13, "Print": 0xff61, "Menu": 0xff67,
	"Minus": 0x002d, "Equal": 0x003d, "Comma": 0x002c, "Period": 0x002e,
	"Slash": 0x002f, "Semicolon": 0x003b, "Apostrophe": 0x0027,
	"Grave": 0x0060, "Backslash": 0x005c,
	"BracketLeft": 0x005b, "BracketRight": 0x005d,
}

// keyAliases maps lower-case spellings (including the canonical ones) to
// canonical names.
var keyAliases = map[string]string{
	"return": "Enter", "escape": "Esc", "del": "Delete", "ins": "Insert",
	"pgup": "PageUp", "prior": "PageUp", "pgdn": "PageDown", "next": "PageDown",
	"-": "Minus", "=": "Equal", ",": "Comma", ".": "Period", "/": "Slash",
	";": "Semicolon", "'": "Apostrophe", "`": "Grave", "\\": "Backslash",
	"[": "BracketLeft", "]": "BracketRight",
}

func init() {
	for c := 'A'; c <= 'Z'; c++ {
		// Letter keys carry the lower-case keysym in their first column.
		keysyms[string(c)] = uint32(c - 'A' + 'a')
	}
	for c := '0'; c <= '9'; c++ {
		keysyms[string(c)] = uint32(c)
	}
	for n := 1; n <= 24; n++ {
		keysyms[fmt.Sprintf("F%d", n)] = 0xffbe + uint32(n-1)
	}
	for name := range keysyms {
		keyAliases[strings.ToLower(name)] = name
	}
}

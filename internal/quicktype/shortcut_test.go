package quicktype

import (
	"errors"
	"testing"

	"github.com/forgiva/forgiva-desktop/internal/hotkey"
)

// fakeGrab is a desktop's grab: it refuses the shortcuts in taken, and
// counts what is held.
type fakeGrab struct {
	taken map[string]bool
	held  map[string]int
}

type fakeListener struct {
	g   *fakeGrab
	key string
	c   chan struct{}
}

func (l *fakeListener) Pressed() <-chan struct{} { return l.c }
func (l *fakeListener) Close() error             { l.g.held[l.key]--; close(l.c); return nil }

func (g *fakeGrab) grab(s hotkey.Shortcut) (listener, error) {
	if g.taken[s.String()] {
		return nil, &hotkey.TakenError{Shortcut: s}
	}
	g.held[s.String()]++
	return &fakeListener{g: g, key: s.String(), c: make(chan struct{})}, nil
}

// Set holds one shortcut at a time, takes a new spelling of the same one as
// the same, keeps the earlier one when the desktop refuses the new, and
// releases it for "".
func TestShortcutSet(t *testing.T) {
	g := &fakeGrab{taken: map[string]bool{"Ctrl+Alt+T": true}, held: map[string]int{}}
	s := &Shortcut{grab: g.grab}
	steps := []struct {
		text, current string
		taken         bool
	}{
		{"Ctrl+Alt+F", "Ctrl+Alt+F", false},
		{"alt+ctrl+f", "Ctrl+Alt+F", false},
		{"Ctrl+Alt+T", "Ctrl+Alt+F", true},
		{"Super+K", "Super+K", false},
		{"", "", false},
		{"", "", false},
	}
	for _, st := range steps {
		err := s.Set(st.text, func() {})
		var taken *hotkey.TakenError
		if errors.As(err, &taken) != st.taken || (err != nil && !st.taken) {
			t.Fatalf("Set(%q): %v", st.text, err)
		}
		if got := s.Current(); got != st.current {
			t.Fatalf("after Set(%q) Current = %q, want %q", st.text, got, st.current)
		}
		total := 0
		for _, n := range g.held {
			total += n
		}
		if want := map[bool]int{true: 1, false: 0}[st.current != ""]; total != want {
			t.Fatalf("after Set(%q) %d grabs held: %v", st.text, total, g.held)
		}
	}
	if _, err := hotkey.Parse("F"); err == nil || s.Set("F", func() {}) == nil {
		t.Fatal("a shortcut without a modifier should be refused")
	}
}

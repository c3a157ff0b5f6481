package quicktype

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/forgiva/forgiva-desktop/internal/hotkey"
	"github.com/forgiva/forgiva-desktop/internal/portal"
)

// Shortcut holds the global shortcut's grab, at most one at a time, and
// calls the press handler for each press.
type Shortcut struct {
	grab func(hotkey.Shortcut) (listener, error)

	mu       sync.Mutex
	listener listener        // nil when none is held
	held     hotkey.Shortcut // what listener holds
}

// listener is a held shortcut: an X11 grab, a Windows hot key, or a portal
// binding.
type listener interface {
	Pressed() <-chan struct{}
	Close() error
}

// NewShortcut returns a holder for this desktop: on Wayland (no X display)
// the GlobalShortcuts portal, else the X display's (or Windows') own grab.
func NewShortcut() *Shortcut {
	return &Shortcut{grab: func(s hotkey.Shortcut) (listener, error) {
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") != "" {
			return portal.Bind(s)
		}
		return hotkey.Grab("", s)
	}}
}

// Set grabs text ("Ctrl+Alt+F"; "" for none) in place of the shortcut held
// so far. When the desktop refuses it, the error says so and the earlier
// shortcut is kept.
func (s *Shortcut) Set(text string, onPress func()) error {
	var next hotkey.Shortcut
	if text != "" {
		var err error
		if next, err = hotkey.Parse(text); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener != nil && next == s.held || s.listener == nil && text == "" {
		return nil
	}
	// The old grab goes first: grabbing the same keys again from a new
	// connection would be refused as taken (by ourselves).
	old := s.listener
	if old != nil {
		old.Close()
	}
	s.listener = nil
	if text == "" {
		return nil
	}
	err := s.hold(next, onPress)
	if err == nil {
		return nil
	}
	if old != nil {
		s.hold(s.held, onPress) // take the earlier one back, if it can be
	}
	var taken *hotkey.TakenError
	if errors.As(err, &taken) || errors.Is(err, portal.ErrUnavailable) {
		return err
	}
	return fmt.Errorf("the desktop refused the shortcut %s: %w", next, err)
}

// hold grabs sc and calls onPress for each of its presses.
func (s *Shortcut) hold(sc hotkey.Shortcut, onPress func()) error {
	l, err := s.grab(sc)
	if err != nil {
		return err
	}
	s.listener, s.held = l, sc
	go func() {
		for range l.Pressed() {
			onPress()
		}
	}()
	return nil
}

// Current is the shortcut held, "" for none.
func (s *Shortcut) Current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener == nil {
		return ""
	}
	return s.held.String()
}

// Close releases the shortcut.
func (s *Shortcut) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener != nil {
		s.listener.Close()
	}
	s.listener = nil
}

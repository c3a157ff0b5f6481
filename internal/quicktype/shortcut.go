package quicktype

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/forgiva/forgiva-desktop/internal/portal"
	"github.com/forgiva/forgiva-desktop/internal/x11/hotkey"
)

// Shortcut holds the global shortcut's grab, at most one at a time, and
// calls the press handler for each press.
type Shortcut struct {
	grab func(hotkey.Shortcut) (listener, error)

	mu       sync.Mutex
	listener listener
	text     string
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
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == s.text && (text == "" || s.listener != nil) {
		return nil
	}
	var next hotkey.Shortcut
	if text != "" {
		var err error
		if next, err = hotkey.Parse(text); err != nil {
			return err
		}
	}
	// The old grab goes first: grabbing the same keys again from a new
	// connection would be refused as taken (by ourselves).
	old, oldText := s.listener, s.text
	if old != nil {
		old.Close()
	}
	s.listener, s.text = nil, ""
	if text == "" {
		return nil
	}
	l, err := s.grab(next)
	if err != nil {
		if oldText != "" {
			s.regrab(oldText, onPress)
		}
		var taken *hotkey.TakenError
		if errors.As(err, &taken) || errors.Is(err, portal.ErrUnavailable) {
			return err
		}
		return fmt.Errorf("the desktop refused the shortcut %s: %w", next, err)
	}
	s.hold(l, text, onPress)
	return nil
}

// hold keeps l as the grab and calls onPress for each of its presses.
func (s *Shortcut) hold(l listener, text string, onPress func()) {
	s.listener, s.text = l, text
	go func() {
		for range l.Pressed() {
			onPress()
		}
	}()
}

// regrab takes back the shortcut held before a refused Set, if it can.
func (s *Shortcut) regrab(text string, onPress func()) {
	sc, err := hotkey.Parse(text)
	if err != nil {
		return
	}
	if l, err := s.grab(sc); err == nil {
		s.hold(l, text, onPress)
	}
}

// Current is the shortcut held, "" for none.
func (s *Shortcut) Current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text
}

// Close releases the shortcut.
func (s *Shortcut) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener != nil {
		s.listener.Close()
	}
	s.listener, s.text = nil, ""
}

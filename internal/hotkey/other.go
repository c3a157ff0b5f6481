//go:build !linux && !windows

package hotkey

import "errors"

// ErrUnsupported is Grab's error where there is no X11 to grab keys from.
var ErrUnsupported = errors.New("hotkey: global shortcuts are supported on Linux and Windows only")

// TakenError is Grab's error when another client already holds the shortcut.
type TakenError struct {
	Shortcut Shortcut
}

func (e *TakenError) Error() string {
	return e.Shortcut.String() + " is taken by another application: choose another shortcut in Settings"
}

// Listener holds a grabbed shortcut; on this OS there is never one.
type Listener struct{}

// Grab returns ErrUnsupported on this OS.
func Grab(display string, s Shortcut) (*Listener, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return nil, ErrUnsupported
}

// Shortcut is the zero Shortcut on this OS.
func (l *Listener) Shortcut() Shortcut { return Shortcut{} }

// Pressed returns a closed channel on this OS.
func (l *Listener) Pressed() <-chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// Close does nothing on this OS.
func (l *Listener) Close() error { return nil }

// Package quicktype carries a quick generation from the global shortcut to
// the login form: it remembers the window that had the focus when the user
// pressed the shortcut, and types the password back into that window —
// only while it is still that window (same title) and never into the app's
// own.
package quicktype

import (
	"errors"
	"fmt"
	"sync"

	"github.com/forgiva/forgiva-desktop/internal/autotype"
)

// Window is a top-level window of the desktop.
type Window struct {
	ID    uint32
	Title string
}

// Desktop is the window system's side: X11 today (desktop_linux.go).
type Desktop interface {
	// Active is the window that has the focus.
	Active() (Window, error)
	// Title reads a window's title again.
	Title(id uint32) (string, error)
	// Focus gives the focus back to a window and waits until it has it.
	Focus(id uint32) error
	// Type types seq into the focused window, its placeholders filled in
	// from username and password.
	Type(seq autotype.Sequence, username, password []byte) error
}

var (
	// ErrUnsupported: this desktop offers no way to type into another
	// window (Wayland without a portal that allows it, no X display).
	ErrUnsupported = errors.New("this desktop does not let an application type into another window")
	// ErrNoTarget: no window was remembered (the app was opened another way).
	ErrNoTarget = errors.New("no window to type into: use the global shortcut from the login form")
	// ErrOwnWindow: the focus was on the app itself.
	ErrOwnWindow = errors.New("the focus was on Forgiva Desktop itself, which is never typed into")
)

// TitleChangedError says the remembered window changed its title since the
// shortcut: another page, another site, perhaps another form.
type TitleChangedError struct{ Was, Now string }

func (e *TitleChangedError) Error() string {
	return fmt.Sprintf("the window changed since the shortcut (it was %q, it is now %q)", e.Was, e.Now)
}

// Typist remembers one target window at a time.
type Typist struct {
	desk     Desktop
	ownTitle string

	mu     sync.Mutex
	target *Window
}

// New returns a Typist over desk (nil: typing is unsupported here).
// ownTitle is the title of the app's windows.
func New(desk Desktop, ownTitle string) *Typist {
	return &Typist{desk: desk, ownTitle: ownTitle}
}

// CanType reports whether this desktop can type into another window.
func (t *Typist) CanType() bool { return t.desk != nil }

// Remember records the focused window as the target, unless it is one of
// the app's own (then the target is cleared).
func (t *Typist) Remember() (Window, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.target = nil
	if t.desk == nil {
		return Window{}, ErrUnsupported
	}
	w, err := t.desk.Active()
	if err != nil {
		return Window{}, fmt.Errorf("find the focused window: %w", err)
	}
	if w.Title == t.ownTitle {
		return w, ErrOwnWindow
	}
	t.target = &w
	return w, nil
}

// Target is the remembered window, if any.
func (t *Typist) Target() (Window, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.target == nil {
		return Window{}, false
	}
	return *t.target, true
}

// Forget drops the remembered window.
func (t *Typist) Forget() {
	t.mu.Lock()
	t.target = nil
	t.mu.Unlock()
}

// Type gives the focus back to the remembered window and types seq into
// it, once: the target is forgotten whatever happens. It refuses a window
// whose title changed since Remember. The caller owns (and wipes) username
// and password.
func (t *Typist) Type(seq autotype.Sequence, username, password []byte) error {
	t.mu.Lock()
	target := t.target
	t.target = nil
	t.mu.Unlock()
	if t.desk == nil {
		return ErrUnsupported
	}
	if target == nil {
		return ErrNoTarget
	}
	now, err := t.desk.Title(target.ID)
	if err != nil {
		return fmt.Errorf("read the window's title: %w", err)
	}
	if now != target.Title {
		return &TitleChangedError{Was: target.Title, Now: now}
	}
	if now == t.ownTitle {
		return ErrOwnWindow
	}
	if err := t.desk.Focus(target.ID); err != nil {
		return fmt.Errorf("give the focus back to %q: %w", target.Title, err)
	}
	if err := t.desk.Type(seq, username, password); err != nil {
		return fmt.Errorf("type into %q: %w", target.Title, err)
	}
	return nil
}

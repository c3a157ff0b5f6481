//go:build linux

package autotype

import (
	"fmt"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

const (
	// FocusTimeout bounds how long Focus waits for the window to take the
	// keyboard focus.
	FocusTimeout = time.Second
	// wmFocusWait is how long Focus lets a window manager handle its
	// request before setting the focus itself.
	wmFocusWait = 300 * time.Millisecond
	// titleLongs bounds a title read (in 4-byte units): 64 KiB is more than
	// any window shows.
	titleLongs = 1 << 14
	// sourcePager tells the window manager the request comes from a tool
	// acting for the person, which focus-stealing prevention lets through.
	sourcePager = 2
)

// ActiveWindow returns the window that has the keyboard focus: the one the
// window manager names active (_NET_ACTIVE_WINDOW), or without a window
// manager saying so, the one holding the input focus (or the nearest
// ancestor with a title, the application's top-level window).
func (t *Typer) ActiveWindow() (Window, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, err := t.netActiveWindow()
	if err != nil {
		return Window{}, err
	}
	if id == 0 {
		focus, err := xproto.GetInputFocus(t.conn).Reply()
		if err != nil {
			return Window{}, fmt.Errorf("autotype: read the input focus: %w", err)
		}
		if focus.Focus == xproto.InputFocusNone || focus.Focus == xproto.InputFocusPointerRoot || focus.Focus == t.root {
			return Window{}, ErrNoFocus
		}
		if id, err = t.titled(focus.Focus); err != nil {
			return Window{}, err
		}
	}
	title, err := t.title(id)
	if err != nil {
		return Window{}, err
	}
	return Window{ID: uint32(id), Title: title}, nil
}

// Title reads the title of window id again, which an application may have
// changed since (a browser's title follows its tab).
func (t *Typer) Title(id uint32) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.title(xproto.Window(id))
}

// Focus gives the keyboard focus back to window id, and returns once it has
// it (or after FocusTimeout). It asks the window manager first, as a pager
// would, since a window manager may undo focus changes made behind its
// back; without one, or when it does not comply, it sets the focus itself.
func (t *Typer) Focus(id uint32) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	w := xproto.Window(id)
	if ok, err := t.focused(w); err != nil || ok {
		return err
	}
	start := time.Now()
	if t.hasWindowManager() {
		if err := t.requestActive(w); err != nil {
			return err
		}
		if ok, err := t.waitFocus(w, wmFocusWait); err != nil || ok {
			return err
		}
	}
	err := xproto.SetInputFocusChecked(t.conn, xproto.InputFocusParent, w, xproto.TimeCurrentTime).Check()
	if err != nil {
		return fmt.Errorf("autotype: focus window %#x (closed or hidden?): %w", id, err)
	}
	ok, err := t.waitFocus(w, FocusTimeout-time.Since(start))
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("autotype: window %#x did not take the keyboard focus within %v", id, FocusTimeout)
	}
	return nil
}

func (t *Typer) waitFocus(w xproto.Window, wait time.Duration) (bool, error) {
	deadline := time.Now().Add(wait)
	for {
		ok, err := t.focused(w)
		if err != nil || ok {
			return ok, err
		}
		if !time.Now().Before(deadline) {
			return false, nil
		}
		time.Sleep(pollInterval)
	}
}

// focused reports whether keys typed now go to w: the input focus is w or
// inside it, or the window manager calls w active (it may keep the focus on
// its frame around w).
func (t *Typer) focused(w xproto.Window) (bool, error) {
	focus, err := xproto.GetInputFocus(t.conn).Reply()
	if err != nil {
		return false, fmt.Errorf("autotype: read the input focus: %w", err)
	}
	for f := focus.Focus; f != xproto.WindowNone && f != xproto.InputFocusPointerRoot && f != t.root; {
		if f == w {
			return true, nil
		}
		tree, err := xproto.QueryTree(t.conn, f).Reply()
		if err != nil {
			break // the focus window went away meanwhile
		}
		f = tree.Parent
	}
	if !t.hasWindowManager() {
		return false, nil
	}
	active, err := t.netActiveWindow()
	return err == nil && active == w, err
}

// titled returns the nearest of w and its ancestors that has a title, or
// w's top-level window when none has.
func (t *Typer) titled(w xproto.Window) (xproto.Window, error) {
	top := w
	for cur := w; cur != t.root && cur != xproto.WindowNone; {
		if name, err := t.title(cur); err == nil && name != "" {
			return cur, nil
		}
		top = cur
		tree, err := xproto.QueryTree(t.conn, cur).Reply()
		if err != nil {
			return 0, fmt.Errorf("autotype: find the focused window's parent: %w", err)
		}
		cur = tree.Parent
	}
	return top, nil
}

// netActiveWindow reads the root's _NET_ACTIVE_WINDOW, 0 when there is none.
func (t *Typer) netActiveWindow() (xproto.Window, error) {
	return t.windowProperty(t.atoms.netActiveWindow)
}

func (t *Typer) windowProperty(atom xproto.Atom) (xproto.Window, error) {
	p, err := xproto.GetProperty(t.conn, false, t.root, atom, xproto.AtomWindow, 0, 1).Reply()
	if err != nil {
		return 0, fmt.Errorf("autotype: read a root window property: %w", err)
	}
	if p.Format != 32 || len(p.Value) < 4 {
		return 0, nil
	}
	return xproto.Window(xgb.Get32(p.Value)), nil
}

// hasWindowManager reports whether an EWMH window manager runs: it names
// its check window on the root.
func (t *Typer) hasWindowManager() bool {
	w, err := t.windowProperty(t.atoms.netSupportingWMCheck)
	return err == nil && w != 0
}

// requestActive asks the window manager to activate w (EWMH).
func (t *Typer) requestActive(w xproto.Window) error {
	current, _ := t.netActiveWindow()
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: w,
		Type:   t.atoms.netActiveWindow,
		Data:   xproto.ClientMessageDataUnionData32New([]uint32{sourcePager, xproto.TimeCurrentTime, uint32(current), 0, 0}),
	}
	mask := uint32(xproto.EventMaskSubstructureRedirect | xproto.EventMaskSubstructureNotify)
	if err := xproto.SendEventChecked(t.conn, false, t.root, mask, string(ev.Bytes())).Check(); err != nil {
		return fmt.Errorf("autotype: ask the window manager to activate window %#x: %w", uint32(w), err)
	}
	return nil
}

// title reads _NET_WM_NAME (UTF-8), or else WM_NAME: Latin-1 when its type
// is STRING (the ICCCM), COMPOUND_TEXT (what xterm and other Xlib programs
// write for a title beyond Latin-1), taken as UTF-8 otherwise (UTF8_STRING).
func (t *Typer) title(w xproto.Window) (string, error) {
	// Any type: the value is UTF-8 by EWMH, whatever type some tools
	// (xdotool) give it.
	p, err := xproto.GetProperty(t.conn, false, w, t.atoms.netWMName, xproto.GetPropertyTypeAny, 0, titleLongs).Reply()
	if err != nil {
		return "", fmt.Errorf("autotype: read the title of window %#x: %w", uint32(w), err)
	}
	if p.Format == 8 && len(p.Value) > 0 {
		return strings.ToValidUTF8(string(p.Value), "\uFFFD"), nil
	}
	p, err = xproto.GetProperty(t.conn, false, w, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, titleLongs).Reply()
	if err != nil {
		return "", fmt.Errorf("autotype: read the title of window %#x: %w", uint32(w), err)
	}
	if p.Format != 8 {
		return "", nil
	}
	if p.Type == xproto.AtomString || p.Type == t.atoms.compoundText {
		// STRING is Latin-1, COMPOUND_TEXT's starting state.
		return compoundText(p.Value), nil
	}
	return strings.ToValidUTF8(string(p.Value), "\uFFFD"), nil
}

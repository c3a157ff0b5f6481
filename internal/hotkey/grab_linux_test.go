//go:build linux

package hotkey

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/forgiva/forgiva-desktop/internal/x11/x11test"
)

func TestMain(m *testing.M) { os.Exit(x11test.Main(m)) }

func TestLockVariants(t *testing.T) {
	got := lockVariants(xproto.ModMaskControl|xproto.ModMask1, xproto.ModMaskLock, xproto.ModMask2, 0)
	want := []uint16{0, xproto.ModMaskLock, xproto.ModMask2, xproto.ModMaskLock | xproto.ModMask2}
	if !slices.Equal(got, want) {
		t.Fatalf("lockVariants = %v, want %v", got, want)
	}
	// A lock bit that is part of the shortcut itself, or repeated, is not a variant.
	got = lockVariants(xproto.ModMask2, xproto.ModMaskLock, xproto.ModMask2, xproto.ModMask3, xproto.ModMask3)
	want = []uint16{0, xproto.ModMaskLock, xproto.ModMask3, xproto.ModMaskLock | xproto.ModMask3}
	if !slices.Equal(got, want) {
		t.Fatalf("lockVariants = %v, want %v", got, want)
	}
}

func xdotool(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

func waitPress(t *testing.T, l *Listener, what string) {
	t.Helper()
	select {
	case _, ok := <-l.Pressed():
		if !ok {
			t.Fatalf("%s: Pressed closed", what)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("%s: no press within 3s", what)
	}
}

func noPress(t *testing.T, l *Listener, what string) {
	t.Helper()
	select {
	case <-l.Pressed():
		t.Fatalf("%s: unexpected press", what)
	case <-time.After(200 * time.Millisecond):
	}
}

func numLockOn(t *testing.T) bool {
	t.Helper()
	conn, err := xgb.NewConnDisplay("")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	p, err := xproto.QueryPointer(conn, root).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return p.Mask&xproto.ModMask2 != 0
}

func TestGrabPressAndTaken(t *testing.T) {
	x11test.Require(t)
	s, err := Parse("Ctrl+Alt+F")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Grab("", s)
	if err != nil {
		t.Fatalf("Grab: %v", err)
	}
	defer l.Close()
	if l.Shortcut() != s {
		t.Fatalf("Shortcut() = %v", l.Shortcut())
	}

	xdotool(t, "key", "ctrl+alt+f")
	waitPress(t, l, "ctrl+alt+f")
	// Reading every press, not one merged value, when the reader keeps up.
	for i := range 3 {
		xdotool(t, "key", "ctrl+alt+f")
		waitPress(t, l, "press "+string(rune('1'+i)))
	}
	xdotool(t, "key", "ctrl+f", "alt+f", "f", "ctrl+alt+g")
	noPress(t, l, "other keys")

	// With Num Lock on, the modifier state carries Mod2 as well.
	xdotool(t, "key", "Num_Lock")
	if !numLockOn(t) {
		t.Fatal("Num Lock did not turn on")
	}
	xdotool(t, "key", "ctrl+alt+f")
	waitPress(t, l, "ctrl+alt+f with Num Lock")
	xdotool(t, "key", "Num_Lock")
	if numLockOn(t) {
		t.Fatal("Num Lock did not turn off")
	}

	// A second client (another connection) is refused with the message
	// Settings shows.
	other, err := Grab("", s)
	if err == nil {
		other.Close()
		t.Fatal("a second Grab of the same shortcut succeeded")
	}
	var taken *TakenError
	if !errors.As(err, &taken) {
		t.Fatalf("second Grab: %v (%T), want *TakenError", err, err)
	}
	want := "Ctrl+Alt+F is taken by another application: choose another shortcut in Settings"
	if err.Error() != want {
		t.Fatalf("second Grab: %q, want %q", err, want)
	}
	// A refused grab leaves the first one working.
	xdotool(t, "key", "ctrl+alt+f")
	waitPress(t, l, "after the refused grab")

	if err := l.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, ok := <-l.Pressed(); ok {
		t.Fatal("Pressed not closed after Close")
	}
	if err := l.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	// Close released it: another client can take it at once.
	again, err := Grab("", s)
	if err != nil {
		t.Fatalf("Grab after Close: %v", err)
	}
	defer again.Close()
	xdotool(t, "key", "ctrl+alt+f")
	waitPress(t, again, "after re-grab")
}

func TestGrabOtherShortcuts(t *testing.T) {
	x11test.Require(t)
	for _, text := range []string{"Super+Shift+F5", "Ctrl+Shift+Space", "Alt+Minus"} {
		s, err := Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Grab("", s)
		if err != nil {
			t.Fatalf("Grab(%s): %v", s, err)
		}
		keys := map[string]string{
			"Super+Shift+F5":   "super+shift+F5",
			"Ctrl+Shift+Space": "ctrl+shift+space",
			"Alt+Minus":        "alt+minus",
		}[text]
		xdotool(t, "key", keys)
		waitPress(t, l, text)
		l.Close()
	}
}

func TestGrabBadDisplay(t *testing.T) {
	s := Shortcut{Mods: Ctrl | Alt, Key: "F"}
	_, err := Grab("/nonexistent/forgiva-test:9", s)
	if err == nil || !strings.Contains(err.Error(), "connect to the X display") {
		t.Fatalf("Grab on a missing display: %v", err)
	}
	if _, err := Grab("", Shortcut{Key: "F"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Grab of an invalid shortcut: %v", err)
	}
}

//go:build windows

package hotkey

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/winapi"
)

// press sends the virtual keys down in order, then up in reverse.
func press(t *testing.T, vks ...uint16) {
	t.Helper()
	var in []winapi.KeyboardInput
	for _, vk := range vks {
		in = append(in, winapi.Key(vk, 0, 0))
	}
	for i := len(vks) - 1; i >= 0; i-- {
		in = append(in, winapi.Key(vks[i], 0, winapi.KeyUp))
	}
	if err := winapi.SendInput(in); err != nil {
		t.Fatal(err)
	}
}

// RegisterHotKey under Wine (make test): the shortcut arrives on Pressed,
// and a second registration of it is refused as taken.
func TestWindowsHotkey(t *testing.T) {
	if os.Getenv("FORGIVA_CLIPBOARD_IT") != "1" {
		t.Skip("set FORGIVA_CLIPBOARD_IT=1: the test presses keys on the session's keyboard")
	}
	s, err := Parse("Ctrl+Alt+F")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Grab("", s)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var taken *TakenError
	if _, err := Grab("", s); !errors.As(err, &taken) {
		t.Fatalf("a second Grab: %v, want a TakenError", err)
	}
	press(t, 0x11, 0x12, 'F') // VK_CONTROL, VK_MENU, F
	select {
	case <-l.Pressed():
	case <-time.After(5 * time.Second):
		t.Fatal("the shortcut's press did not arrive")
	}
	l.Close()
	again, err := Grab("", s)
	if err != nil {
		t.Fatalf("after Close the shortcut should be free: %v", err)
	}
	again.Close()
}

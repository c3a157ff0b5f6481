//go:build windows

package hotkey

import (
	"errors"
	"os"
	"testing"
	"time"
	"unsafe"
)

var procSendInput = user32.NewProc("SendInput")

// keyInput is INPUT with KEYBDINPUT (amd64 layout, 40 bytes).
type keyInput struct {
	kind      uint32
	_         uint32
	vk, scan  uint16
	flags     uint32
	time      uint32
	extraInfo uintptr
	_         [8]byte
}

// press sends the virtual keys down in order, then up in reverse.
func press(vks ...uint16) {
	var in []keyInput
	for _, vk := range vks {
		in = append(in, keyInput{kind: 1, vk: vk})
	}
	for i := len(vks) - 1; i >= 0; i-- {
		in = append(in, keyInput{kind: 1, vk: vks[i], flags: 2})
	}
	procSendInput.Call(uintptr(len(in)), uintptr(unsafe.Pointer(&in[0])), unsafe.Sizeof(in[0]))
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
	press(0x11, 0x12, 'F') // VK_CONTROL, VK_MENU, F
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

//go:build windows

package winapi

import (
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/windows"
)

var procSendInput = windows.NewLazySystemDLL("user32.dll").NewProc("SendInput")

// Flags of KeyboardInput.
const (
	KeyUp   = 0x0002 // KEYEVENTF_KEYUP
	Unicode = 0x0004 // KEYEVENTF_UNICODE: Scan is a UTF-16 unit
)

// KeyboardInput is user32's INPUT holding a KEYBDINPUT (amd64 layout: the
// union is 8-aligned and as large as MOUSEINPUT, 40 bytes in all).
type KeyboardInput struct {
	kind      uint32
	_         uint32
	VK, Scan  uint16
	Flags     uint32
	time      uint32
	extraInfo uintptr
	_         [8]byte
}

// Key is a keyboard event for vk (a virtual-key code) or, with Unicode in
// flags, for the UTF-16 unit scan.
func Key(vk, scan uint16, flags uint32) KeyboardInput {
	return KeyboardInput{kind: 1, VK: vk, Scan: scan, Flags: flags}
}

// SendInput injects events into the input stream, all or none (another
// program's block, UIPI, lets none through).
func SendInput(events []KeyboardInput) error {
	if len(events) == 0 {
		return nil
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	n, _, err := procSendInput.Call(uintptr(len(events)), uintptr(unsafe.Pointer(&events[0])), unsafe.Sizeof(events[0]))
	if int(n) != len(events) {
		return fmt.Errorf("SendInput took %d of %d key events (blocked by another program?): %w", n, len(events), err)
	}
	return nil
}

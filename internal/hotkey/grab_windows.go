//go:build windows

package hotkey

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows the shortcut is a RegisterHotKey of a thread of ours, whose
// message loop receives WM_HOTKEY.

var (
	user32                = windows.NewLazySystemDLL("user32.dll")
	procRegisterHotKey    = user32.NewProc("RegisterHotKey")
	procUnregisterHotKey  = user32.NewProc("UnregisterHotKey")
	procGetMessage        = user32.NewProc("GetMessageW")
	procPostThreadMessage = user32.NewProc("PostThreadMessageW")
	procGetCurrentThread  = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetCurrentThreadId")
)

const (
	modAlt, modControl, modShift, modWin, modNoRepeat = 0x1, 0x2, 0x4, 0x8, 0x4000
	wmHotkey, wmQuit                                  = 0x0312, 0x0012
	errHotkeyAlreadyRegistered                        = 1409
	hotkeyID                                          = 1
)

// ErrUnsupported is Grab's error for a key Windows has no virtual key for
// here.
var ErrUnsupported = errors.New("hotkey: this key cannot be a global shortcut on Windows")

// TakenError is Grab's error when another application holds the shortcut.
type TakenError struct {
	Shortcut Shortcut
}

func (e *TakenError) Error() string {
	return e.Shortcut.String() + " is taken by another application: choose another shortcut in Settings"
}

// Listener holds a registered shortcut.
type Listener struct {
	shortcut Shortcut
	pressed  chan struct{}
	thread   uintptr
	done     chan struct{}
	once     sync.Once
}

// Grab registers s for this process until Close. display is ignored.
func Grab(display string, s Shortcut) (*Listener, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	vk, ok := virtualKey(s.Key)
	if !ok {
		return nil, ErrUnsupported
	}
	l := &Listener{shortcut: s, pressed: make(chan struct{}, 1), done: make(chan struct{})}
	started := make(chan error, 1)
	go l.loop(windowsMods(s.Mods), vk, started)
	if err := <-started; err != nil {
		return nil, err
	}
	return l, nil
}

// loop registers the hotkey on its own locked thread (a hotkey belongs to
// the thread that registered it) and forwards each WM_HOTKEY.
func (l *Listener) loop(mods, vk uintptr, started chan<- error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer close(l.done)
	defer close(l.pressed)
	l.thread, _, _ = procGetCurrentThread.Call()
	if r, _, err := procRegisterHotKey.Call(0, hotkeyID, mods|modNoRepeat, vk); r == 0 {
		if errno, ok := err.(windows.Errno); ok && errno == errHotkeyAlreadyRegistered {
			started <- &TakenError{Shortcut: l.shortcut}
		} else {
			started <- fmt.Errorf("hotkey: register %s: %w", l.shortcut, err)
		}
		return
	}
	defer procUnregisterHotKey.Call(0, hotkeyID)
	started <- nil
	var msg struct {
		hwnd           uintptr
		message        uint32
		wParam, lParam uintptr
		time           uint32
		pt             [2]int32
		private        uint32
	}
	for {
		r, _, _ := procGetMessage.Call(uintptr(unsafe.Pointer(&msg)), 0, 0, 0)
		if r == 0 || int32(r) == -1 {
			return
		}
		if msg.message == wmHotkey {
			select {
			case l.pressed <- struct{}{}:
			default: // one unread press already: merged
			}
		}
	}
}

// Shortcut is the shortcut this Listener holds.
func (l *Listener) Shortcut() Shortcut { return l.shortcut }

// Pressed delivers one value per press; closed once the Listener stops.
func (l *Listener) Pressed() <-chan struct{} { return l.pressed }

// Close unregisters the shortcut and ends its thread.
func (l *Listener) Close() error {
	l.once.Do(func() {
		procPostThreadMessage.Call(l.thread, wmQuit, 0, 0)
		<-l.done
	})
	return nil
}

func windowsMods(m Modifiers) uintptr {
	var out uintptr
	for _, p := range []struct {
		mod Modifiers
		win uintptr
	}{{Ctrl, modControl}, {Alt, modAlt}, {Shift, modShift}, {Super, modWin}} {
		if m&p.mod != 0 {
			out |= p.win
		}
	}
	return out
}

// virtualKey is the Windows virtual-key code of a canonical key name.
func virtualKey(name string) (uintptr, bool) {
	if len(name) == 1 && (name[0] >= 'A' && name[0] <= 'Z' || name[0] >= '0' && name[0] <= '9') {
		return uintptr(name[0]), true
	}
	var n int
	if _, err := fmt.Sscanf(name, "F%d", &n); err == nil && n >= 1 && n <= 24 {
		return uintptr(0x70 + n - 1), true
	}
	vk, ok := map[string]uintptr{
		"Space": 0x20, "Tab": 0x09, "Enter": 0x0D, "Esc": 0x1B, "Backspace": 0x08, "Insert": 0x2D, "Delete": 0x2E,
		"Home": 0x24, "End": 0x23, "PageUp": 0x21, "PageDown": 0x22, "Left": 0x25, "Up": 0x26, "Right": 0x27, "Down": 0x28,
		"Pause": 0x13, "Print": 0x2C, "Menu": 0x5D, "Minus": 0xBD, "Equal": 0xBB, "Comma": 0xBC, "Period": 0xBE,
		"Slash": 0xBF, "Semicolon": 0xBA, "Apostrophe": 0xDE, "Grave": 0xC0, "Backslash": 0xDC,
		"BracketLeft": 0xDB, "BracketRight": 0xDD,
	}[name]
	return vk, ok
}

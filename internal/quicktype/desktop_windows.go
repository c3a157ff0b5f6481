//go:build windows

package quicktype

import (
	"errors"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/forgiva/forgiva-desktop/internal/autotype"
	"github.com/forgiva/forgiva-desktop/internal/winapi"
)

// The Windows desktop: the foreground window, and SendInput with Unicode
// key events (KEYEVENTF_UNICODE), which type any character whatever the
// keyboard layout.

var (
	user32                  = windows.NewLazySystemDLL("user32.dll")
	procGetForegroundWindow = user32.NewProc("GetForegroundWindow")
	procSetForegroundWindow = user32.NewProc("SetForegroundWindow")
	procGetWindowTextLength = user32.NewProc("GetWindowTextLengthW")
	procGetWindowText       = user32.NewProc("GetWindowTextW")
	procIsWindow            = user32.NewProc("IsWindow")
)

const (
	vkTab, vkReturn   = 0x09, 0x0D
	focusWait         = time.Second
	focusPollInterval = 10 * time.Millisecond
)

// System is this desktop's Desktop.
func System() Desktop { return winDesktop{} }

type winDesktop struct{}

func (winDesktop) Active() (Window, error) {
	hwnd, _, _ := procGetForegroundWindow.Call()
	if hwnd == 0 {
		return Window{}, errors.New("no window has the focus")
	}
	title, err := windowTitle(hwnd)
	return Window{ID: uint32(hwnd), Title: title}, err
}

func (winDesktop) Title(id uint32) (string, error) { return windowTitle(uintptr(id)) }

func (winDesktop) Focus(id uint32) error {
	hwnd := uintptr(id)
	procSetForegroundWindow.Call(hwnd)
	for deadline := time.Now().Add(focusWait); ; {
		if fg, _, _ := procGetForegroundWindow.Call(); fg == hwnd {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("the window did not come to the foreground")
		}
		time.Sleep(focusPollInterval)
	}
}

func (winDesktop) Type(seq autotype.Sequence, username, password []byte) error {
	var events []winapi.KeyboardInput
	defer func() { clear(events) }() // the password's UTF-16 units
	for _, step := range seq {
		switch step.Kind {
		case autotype.StepUsername:
			events = appendText(events, username)
		case autotype.StepPassword:
			events = appendText(events, password)
		case autotype.StepTab:
			events = appendKey(events, vkTab)
		case autotype.StepEnter:
			events = appendKey(events, vkReturn)
		default:
			events = appendText(events, []byte(step.Text))
		}
	}
	return winapi.SendInput(events)
}

// appendText adds a press and a release of each UTF-16 unit of text.
func appendText(events []winapi.KeyboardInput, text []byte) []winapi.KeyboardInput {
	units := winapi.AppendUTF16(make([]uint16, 0, len(text)), text)
	defer clear(units) // a password's units
	for _, u := range units {
		events = append(events, winapi.Key(0, u, winapi.Unicode), winapi.Key(0, u, winapi.Unicode|winapi.KeyUp))
	}
	return events
}

func appendKey(events []winapi.KeyboardInput, vk uint16) []winapi.KeyboardInput {
	return append(events, winapi.Key(vk, 0, 0), winapi.Key(vk, 0, winapi.KeyUp))
}

func windowTitle(hwnd uintptr) (string, error) {
	if ok, _, _ := procIsWindow.Call(hwnd); ok == 0 {
		return "", errors.New("the window is gone")
	}
	n, _, _ := procGetWindowTextLength.Call(hwnd)
	buf := make([]uint16, n+1)
	procGetWindowText.Call(hwnd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return windows.UTF16ToString(buf), nil
}

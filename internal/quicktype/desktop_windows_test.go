//go:build windows

package quicktype

import (
	"os"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/forgiva/forgiva-desktop/internal/autotype"
)

var (
	procCreateWindowEx     = user32.NewProc("CreateWindowExW")
	procShowWindow         = user32.NewProc("ShowWindow")
	procGetMessage         = user32.NewProc("GetMessageW")
	procTranslateMessage   = user32.NewProc("TranslateMessage")
	procDispatchMessage    = user32.NewProc("DispatchMessageW")
	procSendMessage        = user32.NewProc("SendMessageW")
	procPostThreadMessage  = user32.NewProc("PostThreadMessageW")
	procGetCurrentThreadID = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetCurrentThreadId")
)

// editWindow opens a real Edit control in a top-level window of its own
// thread, which pumps its messages; it returns the window and a function
// reading its text.
func editWindow(t *testing.T, title string) (hwnd uintptr, text func() string) {
	t.Helper()
	ready := make(chan [2]uintptr)
	go func() {
		runtime.LockOSThread()
		class, _ := windows.UTF16PtrFromString("EDIT")
		name, _ := windows.UTF16PtrFromString(title)
		const wsOverlappedWindow, wsVisible, esMultiline = 0x00CF0000, 0x10000000, 0x0004
		h, _, _ := procCreateWindowEx.Call(0, uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(name)),
			wsOverlappedWindow|wsVisible|esMultiline, 0, 0, 400, 200, 0, 0, 0, 0)
		procShowWindow.Call(h, 5)
		tid, _, _ := procGetCurrentThreadID.Call()
		ready <- [2]uintptr{h, tid}
		var msg [48]byte
		for {
			if r, _, _ := procGetMessage.Call(uintptr(unsafe.Pointer(&msg[0])), 0, 0, 0); r == 0 || int32(r) == -1 {
				return
			}
			procTranslateMessage.Call(uintptr(unsafe.Pointer(&msg[0])))
			procDispatchMessage.Call(uintptr(unsafe.Pointer(&msg[0])))
		}
	}()
	got := <-ready
	if got[0] == 0 {
		t.Fatal("CreateWindowEx failed")
	}
	t.Cleanup(func() { procPostThreadMessage.Call(got[1], 0x0012 /* WM_QUIT */, 0, 0) })
	// A top-level Edit shows its title as its text: empty it for typing.
	empty := uint16(0)
	procSendMessage.Call(got[0], 0x000C /* WM_SETTEXT */, 0, uintptr(unsafe.Pointer(&empty)))
	return got[0], func() string {
		buf := make([]uint16, 1024)
		procSendMessage.Call(got[0], 0x000D /* WM_GETTEXT */, uintptr(len(buf)), uintptr(unsafe.Pointer(&buf[0])))
		return windows.UTF16ToString(buf)
	}
}

// The Windows desktop (run under Wine by make test): the foreground
// window and its title, focus given back, and SendInput's Unicode events
// typing a sequence into a real Edit control, characters of any script.
func TestWindowsDesktopTypes(t *testing.T) {
	if os.Getenv("FORGIVA_CLIPBOARD_IT") != "1" {
		t.Skip("set FORGIVA_CLIPBOARD_IT=1: the test types into a real window")
	}
	d := System()
	hwnd, text := editWindow(t, "")
	if err := d.Focus(uint32(hwnd)); err != nil {
		t.Fatal(err)
	}
	w, err := d.Active()
	if err != nil || w.ID != uint32(hwnd) {
		t.Fatalf("Active = %+v, %v; want the edit window", w, err)
	}
	seq, _ := autotype.ParseSequence("{USERNAME}{TAB}{PASSWORD}")
	password := `Y%P4+yuqK4\p+jB)ünï€😀`
	if err := d.Type(seq, []byte("ann"), []byte(password)); err != nil {
		t.Fatal(err)
	}
	want := "ann\t" + password
	var got string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got = text(); got == want {
			return
		}
	}
	t.Fatalf("the edit control holds %q, want %q", got, want)
}

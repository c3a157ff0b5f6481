//go:build windows

package clipboard

import (
	"fmt"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/forgiva/forgiva-desktop/internal/winapi"
)

// The Windows clipboard, written through user32 directly: the runtime's
// text clipboard offers CF_UNICODETEXT alone, which clipboard history
// (Win+V) keeps and cloud clipboard syncs to the user's other devices.
// Next to the text go the registered formats those features read:
//
//   - ExcludeClipboardContentFromMonitorProcessing: any data; clipboard
//     monitors, history and cloud sync leave the whole set alone.
//   - CanIncludeInClipboardHistory: a DWORD, 0 keeps it out of history.
//   - CanUploadToCloudClipboard: a DWORD, 0 keeps it off the cloud.
//
// "Still ours" is the clipboard's sequence number, which every change by
// any program moves on.

const cfUnicodeText = 13

// noHistoryFormats are the registered formats set with the secret, each
// holding a DWORD 0.
var noHistoryFormats = []string{
	"ExcludeClipboardContentFromMonitorProcessing",
	"CanIncludeInClipboardHistory",
	"CanUploadToCloudClipboard",
}

var (
	user32   = windows.NewLazySystemDLL("user32.dll")
	kernel32 = windows.NewLazySystemDLL("kernel32.dll")

	procOpenClipboard              = user32.NewProc("OpenClipboard")
	procCloseClipboard             = user32.NewProc("CloseClipboard")
	procEmptyClipboard             = user32.NewProc("EmptyClipboard")
	procSetClipboardData           = user32.NewProc("SetClipboardData")
	procGetClipboardData           = user32.NewProc("GetClipboardData")
	procRegisterClipboardFormatW   = user32.NewProc("RegisterClipboardFormatW")
	procGetClipboardSequenceNumber = user32.NewProc("GetClipboardSequenceNumber")
	procIsClipboardFormatAvailable = user32.NewProc("IsClipboardFormatAvailable")

	procGlobalAlloc  = kernel32.NewProc("GlobalAlloc")
	procGlobalFree   = kernel32.NewProc("GlobalFree")
	procGlobalLock   = kernel32.NewProc("GlobalLock")
	procGlobalUnlock = kernel32.NewProc("GlobalUnlock")
	procGlobalSize   = kernel32.NewProc("GlobalSize")
)

const gmemMoveable = 0x0002

// System is the clipboard of the desktop session: on Windows user32's,
// with the formats that keep a password out of history and cloud sync.
func System(Board) SecretBoard { return &winBoard{} }

type winBoard struct {
	mu  sync.Mutex
	seq uintptr // the sequence number right after our set; 0 for none
}

func (b *winBoard) SetSecret(secret []byte) error {
	text := utf16z(secret)
	defer clear(text)
	b.mu.Lock()
	defer b.mu.Unlock()
	err := withClipboard(func() error {
		if r, _, err := procEmptyClipboard.Call(); r == 0 {
			return fmt.Errorf("empty the clipboard: %w", err)
		}
		if err := setData(cfUnicodeText, unsafe.Slice((*byte)(unsafe.Pointer(&text[0])), len(text)*2)); err != nil {
			return err
		}
		for _, name := range noHistoryFormats {
			format, err := registerFormat(name)
			if err != nil {
				return err
			}
			if err := setData(format, make([]byte, 4)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.seq = sequence()
	return nil
}

func (b *winBoard) ClearIfOurs() (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.seq == 0 || sequence() != b.seq {
		b.seq = 0
		return false, nil
	}
	b.seq = 0
	err := withClipboard(func() error {
		wipeText()
		if r, _, err := procEmptyClipboard.Call(); r == 0 {
			return fmt.Errorf("empty the clipboard: %w", err)
		}
		return nil
	})
	return err == nil, err
}

// withClipboard opens the clipboard on a locked OS thread (it belongs to
// the thread that opened it), runs do and closes it. Another program may
// hold it open for a moment, so opening is tried for a while.
func withClipboard(do func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var err error
	for range 20 {
		var r uintptr
		if r, _, err = procOpenClipboard.Call(0); r != 0 {
			defer procCloseClipboard.Call()
			return do()
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("open the clipboard (another program holds it): %w", err)
}

// setData hands a global memory copy of data to the clipboard, which owns
// it once the call succeeds.
func setData(format uintptr, data []byte) error {
	h, _, err := procGlobalAlloc.Call(gmemMoveable, uintptr(len(data)))
	if h == 0 {
		return fmt.Errorf("allocate clipboard memory: %w", err)
	}
	p, _, err := procGlobalLock.Call(h)
	if p == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("lock clipboard memory: %w", err)
	}
	copy(unsafe.Slice((*byte)(global(p)), len(data)), data)
	procGlobalUnlock.Call(h)
	if r, _, err := procSetClipboardData.Call(format, h); r == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("set clipboard data: %w", err)
	}
	return nil
}

// wipeText zeroes the text the clipboard holds before it is emptied: the
// system frees that memory but does not clear it.
func wipeText() {
	if r, _, _ := procIsClipboardFormatAvailable.Call(cfUnicodeText); r == 0 {
		return
	}
	h, _, _ := procGetClipboardData.Call(cfUnicodeText)
	if h == 0 {
		return
	}
	size, _, _ := procGlobalSize.Call(h)
	p, _, _ := procGlobalLock.Call(h)
	if p == 0 {
		return
	}
	clear(unsafe.Slice((*byte)(global(p)), size))
	procGlobalUnlock.Call(h)
}

func registerFormat(name string) (uintptr, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return 0, err
	}
	format, _, err := procRegisterClipboardFormatW.Call(uintptr(unsafe.Pointer(p)))
	if format == 0 {
		return 0, fmt.Errorf("register clipboard format %s: %w", name, err)
	}
	return format, nil
}

func sequence() uintptr {
	n, _, _ := procGetClipboardSequenceNumber.Call()
	return n
}

// utf16z encodes UTF-8 text as NUL-terminated UTF-16 into one buffer the
// caller can wipe.
func utf16z(text []byte) []uint16 {
	return append(winapi.AppendUTF16(make([]uint16, 0, len(text)+1), text), 0)
}

// global turns the address GlobalLock returns, memory outside Go's heap,
// into a pointer (a plain conversion reads to vet as a lost Go pointer).
func global(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

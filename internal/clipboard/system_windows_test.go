//go:build windows

package clipboard

import (
	"os"
	"testing"
	"time"
	"unicode/utf16"
	"unsafe"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// readData returns a copy of what the clipboard holds in format, and
// whether it holds that format at all.
func readData(t *testing.T, format uintptr) (data []byte, ok bool) {
	t.Helper()
	err := withClipboard(func() error {
		if r, _, _ := procIsClipboardFormatAvailable.Call(format); r == 0 {
			return nil
		}
		h, _, _ := procGetClipboardData.Call(format)
		size, _, _ := procGlobalSize.Call(h)
		p, _, _ := procGlobalLock.Call(h)
		if p == 0 {
			return nil
		}
		data = append([]byte(nil), unsafe.Slice((*byte)(global(p)), size)...)
		procGlobalUnlock.Call(h)
		ok = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return data, ok
}

func readText(t *testing.T) (string, bool) {
	data, ok := readData(t, cfUnicodeText)
	units := unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(data))), len(data)/2)
	for i, u := range units {
		if u == 0 {
			units = units[:i]
			break
		}
	}
	return string(utf16.Decode(units)), ok
}

// userCopies puts text on the clipboard as another program would.
func userCopies(t *testing.T, text string) {
	t.Helper()
	err := withClipboard(func() error {
		procEmptyClipboard.Call()
		units := utf16z([]byte(text))
		return setData(cfUnicodeText, unsafe.Slice((*byte)(unsafe.Pointer(&units[0])), len(units)*2))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The user32 clipboard (Windows, or Wine under Xvfb in make test): the
// password as CF_UNICODETEXT with every format that keeps it out of
// clipboard history and cloud sync, cleared on time, and left alone once
// the user copied something else.
func TestWindowsClipboard(t *testing.T) {
	if os.Getenv("FORGIVA_CLIPBOARD_IT") != "1" {
		t.Skip("set FORGIVA_CLIPBOARD_IT=1: the test uses the session's real clipboard")
	}
	fake := &clock.Fake{}
	g := New(System(nil), fake.AfterFunc)
	const password = `Y%P4+yuqK4\p+jB)ünï€😀`
	if err := g.Copy([]byte(password), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if got, _ := readText(t); got != password {
		t.Fatalf("the clipboard holds %q, want the password", got)
	}
	for _, name := range noHistoryFormats {
		format, err := registerFormat(name)
		if err != nil {
			t.Fatal(err)
		}
		data, ok := readData(t, format)
		if !ok || len(data) < 4 || data[0]|data[1]|data[2]|data[3] != 0 {
			t.Errorf("format %s: present %v, data %v; want a DWORD 0", name, ok, data)
		}
	}

	fake.Advance(10 * time.Second)
	if got, ok := readText(t); ok && got != "" {
		t.Fatalf("after the delay the clipboard holds %q, want it empty", got)
	}

	if err := g.Copy([]byte(password), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	userCopies(t, "the user's own text")
	fake.Advance(10 * time.Second)
	if got, _ := readText(t); got != "the user's own text" {
		t.Fatalf("the clear took the user's copy: the clipboard holds %q", got)
	}
}

func TestUTF16z(t *testing.T) {
	for _, s := range []string{"", "a", "ünï€", "😀x", "\xff"} {
		got := utf16z([]byte(s))
		want := append(utf16.Encode([]rune(s)), 0)
		if string(utf16.Decode(got)) != string(utf16.Decode(want)) || len(got) != len(want) {
			t.Errorf("utf16z(%q) = %v, want %v", s, got, want)
		}
	}
}

package x11test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Xterm is a real X client that records every byte its keyboard input
// becomes: a terminal in raw mode without echo (Return arrives as CR), with
// cat writing the input to a file. In a UTF-8 locale xterm sends typed
// characters as UTF-8. It is the target of the typing tests, in
// internal/autotype and in the window test.
type Xterm struct {
	ID   uint32 // its window
	cmd  *exec.Cmd
	path string
	seen int // bytes already checked by Expect
}

// StartXterm starts an xterm titled title on $DISPLAY, waits until its
// window is viewable, and stops it when t ends.
func StartXterm(t testing.TB, title string) *Xterm {
	t.Helper()
	if _, err := exec.LookPath("xterm"); err != nil {
		t.Fatal("xterm is needed (scripts/deps.sh test installs it)")
	}
	out := filepath.Join(t.TempDir(), "typed")
	script := `stty raw -echo && printf %s "$WINDOWID" >"$1.tmp" && mv "$1.tmp" "$1.id" && exec cat >"$1"`
	cmd := exec.Command("xterm", "-u8", "-T", title, "-geometry", "80x10+0+0", "-e", "sh", "-c", script, "sh", out)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start xterm: %v", err)
	}
	x := &Xterm{cmd: cmd, path: out}
	t.Cleanup(x.Close)
	conn, err := xgb.NewConn()
	if err != nil {
		t.Fatalf("connect to the X server: %v", err)
	}
	defer conn.Close()
	deadline := time.Now().Add(20 * time.Second)
	for !x.started(t, conn) {
		if time.Now().After(deadline) {
			t.Fatalf("xterm %q did not show its window: %s", title, log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return x
}

// started reads the window the shell was given and reports whether it is
// viewable (the shell may run before the window is mapped).
func (x *Xterm) started(t testing.TB, conn *xgb.Conn) bool {
	if x.ID == 0 {
		b, err := os.ReadFile(x.path + ".id")
		if err != nil {
			return false
		}
		id, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 32)
		if err != nil {
			t.Fatalf("xterm WINDOWID %q: %v", b, err)
		}
		x.ID = uint32(id)
	}
	attrs, err := xproto.GetWindowAttributes(conn, xproto.Window(x.ID)).Reply()
	return err == nil && attrs.MapState == xproto.MapStateViewable
}

// Window is the window's id as xdotool takes it.
func (x *Xterm) Window() string { return strconv.FormatUint(uint64(x.ID), 10) }

// Received is every byte typed so far.
func (x *Xterm) Received() []byte {
	b, _ := os.ReadFile(x.path)
	return b
}

// Wait waits until n bytes in all were typed, or timeout, and returns them
// with the time they were there.
func (x *Xterm) Wait(n int, timeout time.Duration) ([]byte, time.Time) {
	deadline := time.Now().Add(timeout)
	for {
		got := x.Received()
		if len(got) >= n || time.Now().After(deadline) {
			return got, time.Now()
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// Expect waits until len(want) more bytes arrived and checks them.
func (x *Xterm) Expect(t testing.TB, want []byte) {
	t.Helper()
	got, _ := x.Wait(x.seen+len(want), 5*time.Second)
	got = got[min(x.seen, len(got)):]
	if !bytes.Equal(got, want) {
		t.Fatalf("typed %q\n want %q", got, want)
	}
	x.seen += len(want)
}

// ExpectNothingMore checks that no stray byte arrived after the last
// Expect.
func (x *Xterm) ExpectNothingMore(t testing.TB) {
	t.Helper()
	time.Sleep(100 * time.Millisecond)
	if got := x.Received(); len(got) != x.seen {
		t.Fatalf("extra input after the expected text: %q", got[x.seen:])
	}
}

// Close stops the terminal.
func (x *Xterm) Close() {
	if x.cmd.Process != nil {
		_ = x.cmd.Process.Kill()
		_ = x.cmd.Wait()
	}
}

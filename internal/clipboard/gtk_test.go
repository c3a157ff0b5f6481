//go:build linux && (desktop || production || dev)

package clipboard

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// xclip reads a selection of the X display as another program would.
func xclip(t *testing.T, args ...string) (string, bool) {
	t.Helper()
	out, err := exec.Command("xclip", append([]string{"-o"}, args...)...).Output()
	return string(out), err == nil
}

// waitFor polls xclip until want shows (or not, with want == ""), as the
// selection is served by the main loop, a little later than the call.
func waitFor(t *testing.T, want string, args ...string) string {
	t.Helper()
	var got string
	for range 200 {
		got, _ = xclip(t, args...)
		if got == want {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
	return got
}

// The real clipboard under Xvfb, read with xclip: the password on CLIPBOARD
// only, marked secret for clipboard managers, cleared on time, and left
// alone once the user copied something else.
func TestGTKClipboardWithXclip(t *testing.T) {
	if os.Getenv("FORGIVA_CLIPBOARD_IT") != "1" || os.Getenv("DISPLAY") == "" {
		t.Skip("set FORGIVA_CLIPBOARD_IT=1 with an X display and xclip (make test does)")
	}
	if !runMainLoop() {
		t.Fatal("GTK did not start on $DISPLAY")
	}
	fake := &clock.Fake{}
	g := New(System(nil), fake.AfterFunc)
	const password = `Y%P4+yuqK4\p+jB)ünï€`
	if err := g.Copy([]byte(password), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := waitFor(t, password, "-selection", "clipboard"); got != password {
		t.Fatalf("CLIPBOARD holds %q, want the password", got)
	}
	targets, _ := xclip(t, "-selection", "clipboard", "-t", "TARGETS")
	list := strings.Fields(targets)
	for _, want := range []string{"x-kde-passwordManagerHint", "UTF8_STRING", "text/plain;charset=utf-8"} {
		if !slices.Contains(list, want) {
			t.Errorf("TARGETS %q lack %s", list, want)
		}
	}
	if hint, _ := xclip(t, "-selection", "clipboard", "-t", "x-kde-passwordManagerHint"); hint != "secret" {
		t.Errorf("x-kde-passwordManagerHint = %q, want secret", hint)
	}
	if primary, _ := xclip(t, "-selection", "primary"); strings.Contains(primary, password) {
		t.Error("the password is in PRIMARY, which a middle click pastes")
	}

	// Cleared on time (the fake clock stands for the 10 seconds).
	fake.Advance(10 * time.Second)
	if got := waitFor(t, "", "-selection", "clipboard"); got != "" {
		t.Fatalf("after the delay CLIPBOARD still holds %q", got)
	}

	// Left alone once the user copied something else since.
	if err := g.Copy([]byte(password), 0); err != nil {
		t.Fatal(err)
	}
	waitFor(t, password, "-selection", "clipboard")
	// -quiet keeps xclip in the foreground, serving the selection until
	// it is killed.
	user := exec.Command("xclip", "-quiet", "-selection", "clipboard", "-i")
	user.Stdin = strings.NewReader("the user's own text")
	if err := user.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = user.Process.Kill(); _ = user.Wait() })
	if got := waitFor(t, "the user's own text", "-selection", "clipboard"); got != "the user's own text" {
		t.Fatalf("the user's copy did not take: %q", got)
	}
	if err := g.Clear(); err != nil {
		t.Fatal(err)
	}
	if got := waitFor(t, "the user's own text", "-selection", "clipboard"); got != "the user's own text" {
		t.Fatalf("Clear took the user's copy: CLIPBOARD holds %q", got)
	}
}

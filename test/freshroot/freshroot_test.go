// Package freshroot checks the project where a new user meets it: a fresh
// Debian 13 root (debootstrap, only git and make added) where the README's
// `make run` must install what is missing and build, `make package` must
// write a .deb that validates, and a second fresh root where that .deb
// installs with apt and its app opens a window.
//
// It needs root (or password-less sudo) and takes minutes: FORGIVA_FRESH_ROOT=1
// turns it on (make test does). FORGIVA_FRESH_ROOT_SUITE picks another Debian
// suite (bookworm).
package freshroot

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const appTitle = "Forgiva Desktop" // main.go's windowTitle

func TestFreshRoot(t *testing.T) {
	if os.Getenv("FORGIVA_FRESH_ROOT") != "1" {
		t.Skip("set FORGIVA_FRESH_ROOT=1 (make test does) to build and install in fresh Debian roots")
	}
	if os.Geteuid() != 0 && exec.Command("sudo", "-n", "true").Run() != nil {
		t.Fatal("FORGIVA_FRESH_ROOT=1 needs root or password-less sudo (debootstrap, chroot); FORGIVA_FRESH_ROOT=0 skips it")
	}
	suite := os.Getenv("FORGIVA_FRESH_ROOT_SUITE")
	if suite == "" {
		suite = "trixie"
	}
	repo := moduleRoot(t)
	build := newRoot(t, "build-"+suite, suite)
	if _, err := build.do(t, "clone", build.name, repo); err != nil {
		t.Fatalf("clone the project into the fresh root: %v", err)
	}

	var deb string
	t.Run("make run builds and says there is no display", func(t *testing.T) {
		out, err := build.run(t, "cd forgiva-desktop && make run")
		if err == nil {
			t.Errorf("make run without a display exited 0; it cannot have started the app")
		}
		if !strings.Contains(out, "build: build/bin/forgiva-desktop (production") {
			t.Fatalf("make run did not build the app")
		}
		if !strings.Contains(out, "no graphical session") {
			t.Errorf("make run did not say that there is no display")
		}
	})
	t.Run("make package writes a valid .deb", func(t *testing.T) {
		out, err := build.run(t, "cd forgiva-desktop && make package && "+aptInstall+
			" lintian desktop-file-utils appstream && scripts/check-package.sh build/dist/*.deb")
		if err != nil {
			t.Fatalf("make package or its validation failed: %v", err)
		}
		m := regexp.MustCompile(`package: (build/dist/forgiva-desktop_[^ ]+_[a-z0-9]+\.deb)\n`).FindStringSubmatch(out)
		if m == nil {
			t.Fatal("make package did not name the .deb it wrote")
		}
		deb = filepath.Join(build.path, "root/forgiva-desktop", m[1]) // where clone put it
	})
	if deb == "" {
		t.FailNow()
	}
	t.Run("the .deb installs with apt and opens its window", func(t *testing.T) {
		install := newRoot(t, "install-"+suite, suite)
		if _, err := install.do(t, "put", install.name, deb, "/tmp/forgiva-desktop.deb"); err != nil {
			t.Fatalf("copy the package into the second root: %v", err)
		}
		// The package alone first, so its Depends are proved enough; then what
		// the test itself needs to see a window.
		if _, err := install.run(t, aptInstall+" /tmp/forgiva-desktop.deb"); err != nil {
			t.Fatalf("apt could not install the package: %v", err)
		}
		if _, err := install.run(t, "forgiva --version && forgiva selftest >/dev/null && test -x /usr/bin/forgiva-desktop"); err != nil {
			t.Fatalf("the installed command line does not work: %v", err)
		}
		if _, err := install.run(t, aptInstall+" xvfb xdotool x11-apps dbus"); err != nil {
			t.Fatalf("install the window test's tools: %v", err)
		}
		out, err := install.run(t, windowScript)
		if err != nil || !strings.Contains(out, "window: ") {
			t.Fatalf("the installed app did not open its window: %v", err)
		}
		saveScreenshot(t, install, "/tmp/window.xwd")
	})
}

// aptInstall, followed by package names, installs them; apt's output is shown
// only when it fails.
const aptInstall = `apt_install() {
	{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; } >/tmp/apt.log 2>&1 ||
		{ tail -n 30 /tmp/apt.log; return 1; }
}; apt_install`

// windowScript starts the installed app as a user would (from PATH, a session
// bus, a display) and waits for its window; the root window goes to
// /tmp/window.xwd. The wait is bounded by xdotool's own retries, not a clock
// of ours: --sync polls until the window shows, and timeout only stops a hang.
var windowScript = fmt.Sprintf(`
export XDG_RUNTIME_DIR=/tmp/runtime NO_AT_BRIDGE=1
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
Xvfb :7 -screen 0 1280x900x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
xvfb=$!
export DISPLAY=:7
timeout 60 sh -c 'until [ -S /tmp/.X11-unix/X7 ]; do sleep 0.2; done' || { cat /tmp/xvfb.log; exit 1; }
dbus-run-session -- sh -c '
	forgiva-desktop >/tmp/app.log 2>&1 &
	app=$!
	if id=$(timeout 300 xdotool search --sync --onlyvisible --name "^%s$" | head -n1) && [ -n "$id" ]; then
		echo "window: $id $(xdotool getwindowname "$id")"
		sleep 2 # let WebKit paint the page before the picture
		xwd -root -silent >/tmp/window.xwd
		status=0
	else
		echo "no window; the app said:"; cat /tmp/app.log
		status=1
	fi
	kill $app 2>/dev/null; wait $app 2>/dev/null
	exit $status'
status=$?
kill $xvfb
exit $status
`, appTitle)

// saveScreenshot turns the installed app's window into a PNG beside the other
// tests' screenshots, so a person can look at what the new user sees.
func saveScreenshot(t *testing.T, r *root, xwd string) {
	dir := os.Getenv("FORGIVA_SCREENSHOT_DIR")
	if dir == "" {
		return
	}
	png := filepath.Join(dir, "fresh-root-installed.png")
	picture, err := r.command("run", r.name, "cat "+xwd).Output()
	if err != nil {
		t.Errorf("read the screenshot: %v", err)
		return
	}
	convert := exec.Command("/usr/bin/convert", "xwd:-", png)
	convert.Stdin = bytes.NewReader(picture)
	if out, err := convert.CombinedOutput(); err != nil {
		t.Errorf("convert the screenshot: %v\n%s", err, out)
		return
	}
	t.Logf("screenshot: %s", png)
}

// root is a fresh Debian root made by scripts/fresh-root.sh.
type root struct {
	name, path, script string
}

func newRoot(t *testing.T, name, suite string) *root {
	t.Helper()
	r := &root{name: name, script: filepath.Join(moduleRoot(t), "scripts/fresh-root.sh")}
	if _, err := r.do(t, "new", name, suite); err != nil {
		t.Fatalf("make a fresh %s root: %v", suite, err)
	}
	t.Cleanup(func() {
		if out, err := r.command("rm", name).CombinedOutput(); err != nil {
			t.Errorf("remove the root %s: %v\n%s", name, err, out)
		}
	})
	out, err := r.command("path", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	r.path = strings.TrimSpace(string(out))
	return r
}

// run runs command as root inside, logs its output as it comes, and returns it.
func (r *root) run(t *testing.T, command string) (string, error) {
	t.Helper()
	t.Logf("%s$ %s", r.name, command)
	return r.do(t, "run", r.name, command)
}

// command is scripts/fresh-root.sh with args, through sudo when not root.
func (r *root) command(args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command(r.script, args...)
	}
	return exec.Command("sudo", append([]string{"-n", "--preserve-env=FORGIVA_ROOT_CACHE,FORGIVA_ROOT_WORK", r.script}, args...)...)
}

// do runs the script with args, logs its output as it comes, and returns it.
func (r *root) do(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := r.command(args...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	lines := bufio.NewScanner(pipe)
	lines.Buffer(make([]byte, 64*1024), 1024*1024)
	for lines.Scan() {
		all.WriteString(lines.Text() + "\n")
		t.Log(lines.Text())
	}
	return all.String(), cmd.Wait()
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

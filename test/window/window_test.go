// Package window holds the window smoke test: it starts the real production
// binary under an X server, waits for its window, checks what it shows, and
// checks that a second launch hands over to the first.
//
// It runs only when FORGIVA_WINDOW_IT=1, inside scripts/with-test-services.sh
// (which provides DISPLAY and a session bus). FORGIVA_DESKTOP_BIN names the
// binary to test (default: built into a temp dir); FORGIVA_SCREENSHOT_DIR keeps
// the screenshots (default: the test's temp dir).
package window

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	title      = "Forgiva Desktop"
	wantWidth  = 1100
	wantHeight = 720
	// A cold WebKit start on a busy 2-core machine can take a while.
	windowTimeout = 90 * time.Second
	renderTimeout = 60 * time.Second
	// A page with text has anti-aliased glyphs and so many colours; an empty
	// or unpainted window has one or two.
	minColours = 16
	// A second launch only has to reach the first over D-Bus; it starts no
	// window system, so this is generous even on a busy 2-core machine.
	secondLaunchTimeout = 10 * time.Second
)

func TestWindowSmoke(t *testing.T) {
	if os.Getenv("FORGIVA_WINDOW_IT") != "1" {
		t.Skip("FORGIVA_WINDOW_IT is not 1")
	}
	requireEnvironment(t)
	bin := desktopBinary(t)
	shots := screenshotDir(t)
	env := appEnv(t)

	app := startApp(t, bin, env)
	win := waitForWindow(t, app)

	w, h := windowSize(t, win)
	if w != wantWidth || h != wantHeight {
		t.Errorf("window is %dx%d, want %dx%d", w, h, wantWidth, wantHeight)
	}

	waitForPaint(t, win, filepath.Join(shots, "window.png"))
	checkNoGLDriver(t, app)
	checkNoWritableCode(t, app)
	root := filepath.Join(shots, "screen.png")
	run(t, "import", "-window", "root", root)
	t.Logf("screenshot: %s", root)

	checkSecondLaunchHandsOver(t, bin, env, app, win)
	app.stop(t)
}

// checkNoGLDriver checks that the Go process has not loaded an OpenGL
// driver: it paints on the CPU, and Mesa's driver with LLVM cost it about
// 30 MB (internal/webkitenv, README Memory). WebKit's web process still loads one.
func checkNoGLDriver(t *testing.T, a *app) {
	t.Helper()
	maps, err := os.ReadFile(fmt.Sprintf("/proc/%d/maps", a.cmd.Process.Pid))
	if err != nil {
		t.Fatalf("read the app's mappings: %v", err)
	}
	for _, line := range strings.Split(string(maps), "\n") {
		for _, driver := range []string{"libLLVM", "/dri/", "libgallium", "_mesa.so"} {
			if strings.Contains(line, driver) {
				t.Fatalf("the Go process maps an OpenGL driver: %s", line)
			}
		}
	}
}

// checkNoWritableCode checks that WebKit's processes run JavaScript without
// a JIT (internal/webkitenv): no memory that is both writable and executable,
// which JavaScriptCore's JIT reserves (1 GiB, rwx) in each of them.
func checkNoWritableCode(t *testing.T, a *app) {
	t.Helper()
	kids := childProcesses(t, a.cmd.Process.Pid)
	if len(kids) == 0 {
		t.Fatal("the app has no child processes: where are WebKit's web and network processes?")
	}
	for _, pid := range kids {
		maps, err := os.ReadFile(fmt.Sprintf("/proc/%d/maps", pid))
		if err != nil {
			t.Fatalf("read the mappings of process %d: %v", pid, err)
		}
		for _, line := range strings.Split(string(maps), "\n") {
			if f := strings.Fields(line); len(f) > 1 && strings.Contains(f[1], "w") && strings.Contains(f[1], "x") {
				t.Errorf("process %d (%s) has writable code (a JIT): %s", pid, processName(pid), line)
			}
		}
	}
}

// childProcesses are the pids whose parent is pid.
func childProcesses(t *testing.T, pid int) []int {
	t.Helper()
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		t.Fatal(err)
	}
	var kids []int
	for _, path := range stats {
		stat, err := os.ReadFile(path)
		if err != nil {
			continue // the process has ended
		}
		// The name, in parentheses, may hold spaces: the fields after
		// its closing parenthesis are state, then the parent's pid.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			kid, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
			kids = append(kids, kid)
		}
	}
	return kids
}

func processName(pid int) string {
	comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	return strings.TrimSpace(string(comm))
}

func requireEnvironment(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("FORGIVA_WINDOW_IT=1 needs DISPLAY and a session bus: run it via scripts/with-test-services.sh")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (make deps installs it): %v", tool, err)
		}
	}
}

// desktopBinary returns FORGIVA_DESKTOP_BIN, or builds the production binary
// the way make does (scripts/build.sh picks the WebKitGTK tag and stamps the
// version).
// A relative FORGIVA_DESKTOP_BIN is taken from the module root, where make runs.
func desktopBinary(t *testing.T) string {
	t.Helper()
	// go test runs in the package directory, two levels below the root.
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	if bin := os.Getenv("FORGIVA_DESKTOP_BIN"); bin != "" {
		if filepath.IsAbs(bin) {
			return bin
		}
		return filepath.Join(root, bin)
	}
	bin := filepath.Join(t.TempDir(), "forgiva-desktop")
	cmd := exec.Command("scripts/build.sh", "production", bin)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the app (did make deps run?): %v\n%s", err, out)
	}
	return bin
}

func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("FORGIVA_SCREENSHOT_DIR")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("create screenshot dir: %v", err)
	}
	return dir
}

// appEnv gives the app a private home and data dir: WebKit writes caches under
// the home directory, and the app must never see a real vault.
func appEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	return append(os.Environ(),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"FORGIVA_DATA_DIR="+filepath.Join(home, "forgiva"),
		"NO_AT_BRIDGE=1",
	)
}

// app is a running instance; its output goes to a file so that the test can
// read it while the process runs.
type app struct {
	cmd    *exec.Cmd
	log    string
	exited chan struct{}
	err    error
}

func startApp(t *testing.T, bin string, env []string) *app {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "app.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatalf("create app log: %v", err)
	}
	cmd := exec.Command(bin)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Its own process group, so stop() also ends WebKit's helper processes.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start %s: %v", bin, err)
	}
	a := &app{cmd: cmd, log: logPath, exited: make(chan struct{})}
	go func() {
		a.err = cmd.Wait()
		logFile.Close()
		close(a.exited)
	}()
	t.Cleanup(func() { a.kill() })
	return a
}

func (a *app) output() string {
	b, _ := os.ReadFile(a.log)
	return string(b)
}

func (a *app) running() bool {
	select {
	case <-a.exited:
		return false
	default:
		return true
	}
}

func (a *app) kill() {
	if a.running() {
		_ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGKILL)
		<-a.exited
	}
}

// stop asks the app to end (SIGTERM to its group) and insists if it lingers.
func (a *app) stop(t *testing.T) {
	t.Helper()
	_ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-a.exited:
	case <-time.After(10 * time.Second):
		t.Errorf("the app ignored SIGTERM for 10s; killing it")
		a.kill()
	}
}

// waitForWindow returns the X window id of the app's visible main window.
// It polls xdotool rather than using its --sync: a search exits with an X
// error (BadWindow) when a window it is looking at disappears meanwhile, which
// WebKit's short-lived helper windows do on a busy machine.
func waitForWindow(t *testing.T, a *app) string {
	t.Helper()
	deadline := time.Now().Add(windowTimeout)
	var lastErr string
	for {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+title+"$")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if ids := strings.Fields(stdout.String()); err == nil && len(ids) > 0 {
			if len(ids) != 1 {
				t.Fatalf("want one window titled %q, found %d: %v", title, len(ids), ids)
			}
			return ids[0]
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			lastErr = msg
		}
		if !a.running() {
			t.Fatalf("the app exited before showing a window (%v)\napp output:\n%s", a.err, a.output())
		}
		if time.Now().After(deadline) {
			t.Fatalf("no visible window titled %q within %v (last xdotool error: %q)\napp output:\n%s",
				title, windowTimeout, lastErr, a.output())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func windowSize(t *testing.T, win string) (width, height int) {
	t.Helper()
	out := run(t, "xdotool", "getwindowgeometry", "--shell", win)
	values := map[string]int{}
	for _, line := range strings.Fields(out) {
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(value); err == nil {
			values[name] = n
		}
	}
	return values["WIDTH"], values["HEIGHT"]
}

// waitForPaint captures the window until the web page has been painted into it,
// leaving the last capture at path.
func waitForPaint(t *testing.T, win, path string) {
	t.Helper()
	deadline := time.Now().Add(renderTimeout)
	for {
		run(t, "import", "-window", win, path)
		colours, err := countColours(path)
		if err != nil {
			t.Fatalf("read window capture: %v", err)
		}
		if colours >= minColours {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("window still shows only %d colours after %v: the page did not render (capture: %s)", colours, renderTimeout, path)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func countColours(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return 0, fmt.Errorf("decode %s: %w", path, err)
	}
	return distinctColours(img), nil
}

func distinctColours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

// checkSecondLaunchHandsOver takes the first window off the screen (as
// closing it to the tray does) and launches the app again: the second process
// must exit 0 soon, and the first must log the hand-over and bring its one
// window back.
func checkSecondLaunchHandsOver(t *testing.T, bin string, env []string, first *app, win string) {
	t.Helper()
	// Unmapped from outside: without a window manager under Xvfb there is no
	// close button to press, and Wails' hide is not reachable from here.
	run(t, "xdotool", "windowunmap", "--sync", win)
	if ids := visibleWindows(t); len(ids) != 0 {
		t.Fatalf("after unmapping, %d windows titled %q are still visible", len(ids), title)
	}

	ctx, cancel := context.WithTimeout(context.Background(), secondLaunchTimeout)
	defer cancel()
	second := exec.CommandContext(ctx, bin)
	second.Env = env
	started := time.Now()
	out, err := second.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the second launch kept running for %v instead of handing over\noutput:\n%s", secondLaunchTimeout, out)
	}
	// A launcher or script reads any other status as a failed start.
	if err != nil {
		t.Fatalf("the second launch ended with %v, want status 0\noutput:\n%s", err, out)
	}
	t.Logf("the second launch handed over and exited 0 in %v", time.Since(started).Round(time.Millisecond))

	const handOver = "another launch was handed over to this window"
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(first.output(), handOver) {
		if time.Now().After(deadline) {
			t.Fatalf("the first instance did not report the hand-over\nfirst output:\n%s\nsecond output:\n%s", first.output(), out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !first.running() {
		t.Fatalf("the first instance exited after the second launch\noutput:\n%s", first.output())
	}
	var ids []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if ids = visibleWindows(t); len(ids) > 0 || time.Now().After(deadline) {
			break
		}
	}
	if len(ids) != 1 || ids[0] != win {
		t.Errorf("after a second launch, want the first window %s shown again, found visible windows %v", win, ids)
	}
}

// visibleWindows lists the mapped windows titled like the app's. xdotool
// exits 1 when it finds none, which is an answer here, not a failure.
func visibleWindows(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+title+"$").Output()
	var exitErr *exec.ExitError
	if err != nil && !(errors.As(err, &exitErr) && exitErr.ExitCode() == 1) {
		t.Fatalf("xdotool search: %v", err)
	}
	return strings.Fields(string(out))
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		var stderr []byte
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			stderr = exitErr.Stderr
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

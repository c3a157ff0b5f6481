// Package x11test runs the X11 packages' integration tests on an X server of
// their own. The test services share one Xvfb among all packages, whose
// tests run in parallel; synthetic key presses from two packages at once
// would land in each other's windows, so each package starts a private Xvfb.
// It is imported by tests only.
package x11test

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
)

// Switch is the environment variable that turns the integration tests on.
const Switch = "FORGIVA_X11_IT"

// Enabled reports whether the integration tests run: the switch is 1 and a
// display is set (the test services' Xvfb).
func Enabled() bool {
	return os.Getenv(Switch) == "1" && os.Getenv("DISPLAY") != ""
}

// Require skips t unless the integration tests are enabled.
func Require(t testing.TB) {
	t.Helper()
	if !Enabled() {
		t.Skipf("X11 integration test: set %s=1 with DISPLAY set (scripts/with-test-services.sh)", Switch)
	}
}

// Main runs m, on a private Xvfb (DISPLAY pointed at it) when the
// integration tests are enabled and Xvfb is installed, and returns the exit
// code for os.Exit.
func Main(m *testing.M) int {
	if !Enabled() {
		return m.Run()
	}
	if _, err := exec.LookPath("Xvfb"); err != nil {
		fmt.Fprintf(os.Stderr, "x11test: no Xvfb, testing on the shared display %s\n", os.Getenv("DISPLAY"))
		return m.Run()
	}
	stop, display, err := startXvfb()
	if err != nil {
		fmt.Fprintf(os.Stderr, "x11test: %v\n", err)
		return 1
	}
	defer stop()
	os.Setenv("DISPLAY", display)
	// The private server needs no cookie; xgb would log its search for one
	// on every connection.
	xgb.Logger = log.New(io.Discard, "", 0)
	return m.Run()
}

// startXvfb starts Xvfb on a display it picks itself (-displayfd) and
// returns that display once the server accepts connections.
func startXvfb() (stop func(), display string, err error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, "", fmt.Errorf("start Xvfb: %w", err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1024x768x24",
		"-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	var log strings.Builder
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, "", fmt.Errorf("start Xvfb: %w", err)
	}
	w.Close()
	stop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		lines <- strings.TrimSpace(line)
	}()
	select {
	case n := <-lines:
		if n == "" {
			stop()
			return nil, "", fmt.Errorf("start Xvfb: it reported no display: %s", log.String())
		}
		return stop, ":" + n, nil
	case <-time.After(20 * time.Second):
		stop()
		return nil, "", fmt.Errorf("start Xvfb: no display within 20s: %s", log.String())
	}
}

package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The desktop app must not link zxcvbn: its lists would stay in memory all
// day (strength.go). Only the command-line twin rates passwords.
func TestDesktopDoesNotLinkZxcvbn(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "desktop,production", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "zxcvbn") || strings.HasSuffix(pkg, "/backend/strength") {
			t.Errorf("the desktop app links %s", pkg)
		}
	}
}

func TestTwinPath(t *testing.T) {
	exe := filepath.Join("usr", "bin", "forgiva-desktop")
	if got, want := twinPath(func() (string, error) { return exe, nil }), filepath.Join("usr", "bin", "forgiva"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := twinPath(func() (string, error) { return "", errors.New("no /proc") }); got != "" {
		t.Errorf("without the executable's path: %q, want none", got)
	}
}

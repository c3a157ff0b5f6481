package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/options"
)

func TestVersionReportsLinkTimeValue(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	version = "1.2.3-test"
	if got := NewApp(nil).Version(); got != "1.2.3-test" {
		t.Errorf("Version() = %q, want %q", got, "1.2.3-test")
	}
}

// A second launch can arrive before Wails has called startup; the App must
// not hand a nil context to the runtime then.
func TestSecondLaunchBeforeStartup(t *testing.T) {
	NewApp(nil).onSecondInstanceLaunch(options.SecondInstanceData{Args: []string{"x"}})
}

func TestEmbeddedIconIsSquarePNG(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(icon))
	if err != nil {
		t.Fatalf("decode build/appicon.png: %v", err)
	}
	if cfg.Width != 1024 || cfg.Height != 1024 {
		t.Errorf("icon is %dx%d, want 1024x1024", cfg.Width, cfg.Height)
	}
}

// The names in wails.json and the Linux desktop file must match main.go, or
// `wails build` names the binary differently and desktops miss the window.
func TestPackagingNamesAgree(t *testing.T) {
	var cfg struct {
		Name           string `json:"name"`
		OutputFilename string `json:"outputfilename"`
	}
	raw, err := os.ReadFile("wails.json")
	if err != nil {
		t.Fatalf("read wails.json: %v", err)
	}
	if err := json.Unmarshal(raw, &cfg); err != nil {
		t.Fatalf("parse wails.json: %v", err)
	}
	entry := desktopEntry(t, "build/linux/forgiva-desktop.desktop")

	checks := []struct{ what, got, want string }{
		{"wails.json name", cfg.Name, windowTitle},
		{"wails.json outputfilename", cfg.OutputFilename, programName},
		{"desktop Name", entry["Name"], windowTitle},
		{"desktop StartupWMClass", entry["StartupWMClass"], programName},
		{"desktop Icon", entry["Icon"], programName},
		{"desktop Exec command", firstWord(entry["Exec"]), programName},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
}

func firstWord(s string) string {
	word, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return word
}

// desktopEntry reads the [Desktop Entry] group of a .desktop file.
func desktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	entry := map[string]string{}
	inGroup := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "["):
			inGroup = line == "[Desktop Entry]"
		case inGroup && strings.Contains(line, "="):
			k, v, _ := strings.Cut(line, "=")
			entry[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return entry
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/options"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

// A second launch hands over to the running window: it asks the runtime to
// show it (before startup the real runtime does nothing then: see
// internal/desktop's TestWailsBeforeStartup).
func TestSecondLaunchShowsTheWindow(t *testing.T) {
	a := newTestApp(t)
	a.onSecondInstanceLaunch(options.SecondInstanceData{Args: []string{"x"}})
	a.rt.mu.Lock()
	defer a.rt.mu.Unlock()
	if a.rt.shown != 1 {
		t.Errorf("the window was shown %d times, want 1", a.rt.shown)
	}
}

func TestEmbeddedIconIsSquarePNG(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(icon))
	if err != nil {
		t.Fatalf("decode the embedded icon: %v", err)
	}
	if cfg.Width != 256 || cfg.Height != 256 {
		t.Errorf("icon is %dx%d, want 256x256", cfg.Width, cfg.Height)
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

// build/linux/install.sh (make install) into a throwaway home whose path
// has a space, which the launcher's Exec line must quote.
func TestInstallScript(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the install script is for Linux desktops")
	}
	home := filepath.Join(t.TempDir(), "home of tester")
	built := t.TempDir()
	fake := filepath.Join(built, programName)
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho installed\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Without the command-line twin, which rates its passwords, the app is
	// not installed.
	cmd := exec.Command("build/linux/install.sh", fake)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME=")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), twinName+" is missing") {
		t.Fatalf("installed without its twin (%v):\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(built, twinName), []byte("#!/bin/sh\necho twin\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("build/linux/install.sh", fake)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install: %v\n%s", err, out)
	}

	bin := filepath.Join(home, ".local/bin", programName)
	if out, err := exec.Command(bin).Output(); err != nil || string(out) != "installed\n" {
		t.Fatalf("installed binary ran with %q, %v", out, err)
	}
	if out, err := exec.Command(filepath.Join(home, ".local/bin", twinName)).Output(); err != nil || string(out) != "twin\n" {
		t.Fatalf("installed twin ran with %q, %v", out, err)
	}
	iconPath := filepath.Join(home, ".local/share/icons/hicolor/256x256/apps", programName+".png")
	raw, err := os.ReadFile(iconPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(raw))
	if err != nil || cfg.Width != cfg.Height || (cfg.Width != 256 && cfg.Width != 1024) {
		t.Fatalf("installed icon %dx%d (%v), want 256 square (or the 1024 original)", cfg.Width, cfg.Height, err)
	}
	launcher := filepath.Join(home, ".local/share/applications", programName+".desktop")
	entry := desktopEntry(t, launcher)
	if want := `"` + bin + `" %U`; entry["Exec"] != want {
		t.Errorf("Exec=%s, want %s", entry["Exec"], want)
	}
	if entry["Icon"] != programName || entry["Name"] != windowTitle {
		t.Errorf("launcher Icon=%q Name=%q", entry["Icon"], entry["Name"])
	}
	if validate, err := exec.LookPath("desktop-file-validate"); err == nil {
		out, err := exec.Command(validate, launcher).CombinedOutput()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			// Hints are advice (a finer category), not faults.
			if line != "" && !strings.Contains(line, ": hint: ") {
				t.Errorf("desktop-file-validate: %s", line)
			}
		}
		if err != nil {
			t.Errorf("desktop-file-validate: %v", err)
		}
	}

	// A Wails no-tags stub must not be installed over a working app.
	stub := filepath.Join(built, "stub")
	if err := os.WriteFile(stub, []byte("Wails applications will not build without the correct build tags"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("build/linux/install.sh", stub)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME=")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("the stub was installed:\n%s", out)
	}
}

// frontend/src/api.js names the bound methods as strings; this test fails
// when one is renamed or removed on either side, before any browser runs.
// bindingsFile is the frontend's list of what Go binds: App's methods and the
// event names. It is written from Go by this test with -update, so a rename
// on the Go side makes this test fail until the file is written again, and
// TestFrontendUsesBindings then finds the JS callers of the old name.
const bindingsFile = "frontend/src/bindings.gen.js"

var update = flag.Bool("update", false, "write "+bindingsFile+" from the Go types")

func TestBindingsFile(t *testing.T) {
	want := renderBindings()
	if *update {
		if err := os.WriteFile(bindingsFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(bindingsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date with App's methods or events: run go test -run TestBindingsFile -update .", bindingsFile)
	}
}

// renderBindings writes the JS module: App's exported methods (what Wails
// binds, window.go.main.App.*) and the events, by lower-cased field name.
func renderBindings() []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by `go test -run TestBindingsFile -update .` from app.go; DO NOT EDIT.\n")
	b.WriteString("// What the Go side binds (App's methods) and emits (events); api.js is built on it.\n\n")
	b.WriteString("export const methods = Object.freeze([\n")
	app := reflect.TypeOf(&App{})
	for i := range app.NumMethod() {
		fmt.Fprintf(&b, "  '%s',\n", app.Method(i).Name)
	}
	b.WriteString("]);\n\nexport const events = Object.freeze({\n")
	ev := reflect.ValueOf(events)
	for i := range ev.NumField() {
		fmt.Fprintf(&b, "  %s: '%s',\n", lowerFirst(ev.Type().Field(i).Name), ev.Field(i).String())
	}
	b.WriteString("});\n")
	return b.Bytes()
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// Every api.X and events.X the frontend uses exists on the Go side, and
// every bound method is used (so none is left behind by a rename).
func TestFrontendUsesBindings(t *testing.T) {
	methods, names := map[string]bool{}, map[string]bool{}
	app := reflect.TypeOf(&App{})
	for i := range app.NumMethod() {
		methods[lowerFirst(app.Method(i).Name)] = true
	}
	ev := reflect.TypeOf(events)
	for i := range ev.NumField() {
		names[lowerFirst(ev.Field(i).Name)] = true
	}
	usedMethods, usedEvents := map[string]bool{}, map[string]bool{}
	files, err := filepath.Glob("frontend/src/*.js")
	if err != nil || len(files) < 5 {
		t.Fatalf("frontend sources: %v %v", files, err)
	}
	apiUse, eventUse := regexp.MustCompile(`\bapi\.([A-Za-z]+)\b`), regexp.MustCompile(`\bevents\.([A-Za-z]+)\b`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range apiUse.FindAllSubmatch(src, -1) {
			if name := string(m[1]); !methods[name] && name != "js" {
				t.Errorf("%s calls api.%s, which App does not bind", f, name)
			}
			usedMethods[string(m[1])] = true
		}
		for _, m := range eventUse.FindAllSubmatch(src, -1) {
			if !names[string(m[1])] {
				t.Errorf("%s listens to events.%s, which Go never emits", f, m[1])
			}
			usedEvents[string(m[1])] = true
		}
	}
	// Bound for the operations API though the screens have no use for them
	// yet: the version comes with State, entries with their pages.
	unused := map[string]bool{"version": true, "entry": true}
	for name := range methods {
		if !usedMethods[name] && !unused[name] {
			t.Errorf("App.%s is bound but the frontend never calls api.%s", name, name)
		}
	}
	for name := range names {
		if !usedEvents[name] {
			t.Errorf("Go emits events.%s but the frontend never listens to it", name)
		}
	}
}

// TestMain gives the App tests the test costs of new vault passwords and
// encrypted backups (settable only in a test binary).
func TestMain(m *testing.M) {
	vault.UseTestKDF()
	backup.UseTestWorkFactor()
	os.Exit(m.Run())
}

package window

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/test/testbin"
)

// Inputs of the generation walk-through. Nothing here is a real secret.
const (
	flowVaultPassword = "window test horse battery staple 77"
	flowMasterKey     = "window-master-key-Otter#4"
	flowHost          = "shop.example.net"
	flowAccount       = "carol@example.net"
	// A repaint of the page changes far more pixels than this; a blinking
	// caret changes fewer.
	changedPixels = 150
	settleTimeout = 30 * time.Second
)

// TestWindowGeneration walks through a first generation in the real window
// with the keyboard only (as a user without a mouse could): create the
// vault, set two settings, add an entry, generate, pick the animal, lock,
// unlock. It checks each step's effect on the vault with the command-line
// twin and saves a screenshot of each main screen (FORGIVA_DOCS_DIR, when
// set, also gets the ones the README shows).
func TestWindowGeneration(t *testing.T) {
	if os.Getenv("FORGIVA_WINDOW_IT") != "1" {
		t.Skip("FORGIVA_WINDOW_IT is not 1")
	}
	requireEnvironment(t)
	bin := desktopBinary(t)
	cli := testbin.CLI(t)
	shots := screenshotDir(t)
	env := appEnv(t)
	dataDir := envValue(env, "FORGIVA_DATA_DIR")

	app := startApp(t, bin, env)
	win := waitForWindow(t, app)
	s := &screen{t: t, win: win, dir: shots, docs: os.Getenv("FORGIVA_DOCS_DIR")}
	waitForPaint(t, win, filepath.Join(shots, "flow-start.png"))
	run(t, "xdotool", "windowfocus", "--sync", win)
	s.settle()

	// Create the vault: the password field has the focus.
	s.typeText(flowVaultPassword)
	s.key("Tab")
	s.typeText(flowVaultPassword)
	s.settle()
	s.save("create.png", false)
	s.key("Return")
	s.changed()
	// The first repaint can come before the vault is written (the Argon2id
	// step takes a moment under load): wait for the file, as a user would.
	if !eventually(settleTimeout, func() bool { return cliOK(t, cli, dataDir, "group", "ls") }) {
		t.Fatalf("after Create vault the CLI cannot open the vault\napp output:\n%s", app.output())
	}

	// Settings (Ctrl+,): the first field has the focus. Keep the animals in
	// a fixed order (so the first one is known) and show passwords (the
	// default, checked here: a copied password could not be seen).
	s.key("ctrl+comma")
	s.changed()
	s.key("space") // animals_do_not_scramble, the first checkbox
	s.changed()
	s.save("settings.png", true)
	s.key("Escape")
	s.changed()
	for _, key := range []string{"animals_do_not_scramble", "password_always_show_not_copy"} {
		if got := cliOutput(t, cli, dataDir, "settings", "get", key); strings.TrimSpace(got) != "true" {
			t.Fatalf("setting %s is %q, want true", key, strings.TrimSpace(got))
		}
	}

	// A new entry (Ctrl+N) in the selected default group, saved with Enter.
	s.key("ctrl+n")
	s.changed()
	s.typeText(flowHost)
	s.key("Tab")
	s.typeText(flowAccount)
	s.key("Return")
	s.changed()
	e := findEntry(t, cli, dataDir)
	if e.GeneratedBefore {
		t.Fatal("a new entry is marked as generated before")
	}

	// Generate: the keyboard reaches the entry's row; Enter generates.
	s.focusFirstGenerate()
	s.key("Return")
	s.changed()
	s.typeText(flowMasterKey) // first generation: asked twice
	s.key("Tab")
	s.typeText(flowMasterKey)
	s.key("Return")
	s.changed()
	s.save("generate-animals.png", true)
	s.key("Return") // the first animal has the focus
	s.changed()
	s.save("password.png", true)
	e = findEntry(t, cli, dataDir)
	if !e.GeneratedBefore {
		t.Fatal("after picking an animal the entry is not marked as generated")
	}
	s.key("Escape")
	s.changed()
	s.save("main.png", true) // the "Entry added" toast has gone by now

	// Lock (Ctrl+L) and unlock.
	s.key("ctrl+l")
	s.changed()
	s.save("unlock.png", true)
	s.typeText(flowVaultPassword)
	s.key("Return")
	s.changed()
	s.save("main-again.png", false)
	app.stop(t)
}

// screen drives the window and captures it.
type screen struct {
	t         *testing.T
	win, dir  string
	docs      string
	last      image.Image
	lastShots int
}

func (s *screen) key(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		run(s.t, "xdotool", "key", "--clearmodifiers", k)
	}
}

func (s *screen) typeText(text string) {
	s.t.Helper()
	run(s.t, "xdotool", "type", "--delay", "15", text)
}

func (s *screen) capture() image.Image {
	s.t.Helper()
	s.lastShots++
	out := run(s.t, "import", "-window", s.win, "png:-")
	img, err := png.Decode(strings.NewReader(out))
	if err != nil {
		s.t.Fatalf("decode window capture: %v", err)
	}
	return img
}

// settle waits until two captures in a row are (nearly) the same.
func (s *screen) settle() {
	s.t.Helper()
	deadline := time.Now().Add(settleTimeout)
	prev := s.capture()
	for {
		time.Sleep(300 * time.Millisecond)
		cur := s.capture()
		if diffPixels(prev, cur) < changedPixels {
			s.last = cur
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the window kept changing for %v", settleTimeout)
		}
		prev = cur
	}
}

// changed waits until the window differs from the last settled capture,
// then until it settles again: the keys just sent had their effect.
func (s *screen) changed() {
	s.t.Helper()
	before := s.last
	deadline := time.Now().Add(settleTimeout)
	for before != nil && diffPixels(before, s.capture()) < changedPixels {
		if time.Now().After(deadline) {
			path := filepath.Join(s.dir, "flow-stuck.png")
			s.saveImage(path, before)
			s.t.Fatalf("the window did not change within %v (last capture: %s)", settleTimeout, path)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.settle()
}

// save writes the last settled capture to the screenshot dir and, for the
// README's screens (docs), to FORGIVA_DOCS_DIR.
func (s *screen) save(name string, docs bool) {
	s.t.Helper()
	s.saveImage(filepath.Join(s.dir, name), s.last)
	if docs && s.docs != "" {
		s.saveImage(filepath.Join(s.docs, name), s.last)
	}
}

func (s *screen) saveImage(path string, img image.Image) {
	s.t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		s.t.Fatalf("encode %s: %v", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		s.t.Fatalf("write %s: %v", path, err)
	}
	s.t.Logf("screenshot: %s", path)
}

// focusFirstGenerate moves the keyboard focus onto the first entry's row,
// where Enter generates: Ctrl+F to the search box, then the down arrow,
// which goes from the search box into the entry list.
func (s *screen) focusFirstGenerate() {
	s.t.Helper()
	s.key("ctrl+f")
	s.key("Down")
	s.settle()
}

// eventually polls ok until it holds or timeout passes.
func eventually(timeout time.Duration, ok func() bool) bool {
	for deadline := time.Now().Add(timeout); ; time.Sleep(200 * time.Millisecond) {
		if ok() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

func diffPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

func envValue(env []string, name string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

func cliCommand(ctx context.Context, cli, dataDir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, cli, append([]string{"--data-dir", dataDir}, args...)...)
	cmd.Env = append(os.Environ(), "FORGIVA_VAULT_PASSWORD="+flowVaultPassword)
	return cmd
}

func cliOK(t *testing.T, cli, dataDir string, args ...string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return cliCommand(ctx, cli, dataDir, args...).Run() == nil
}

func cliOutput(t *testing.T, cli, dataDir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := cliCommand(ctx, cli, dataDir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("forgiva %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// findEntry returns the walk-through's entry as the CLI sees it (its
// --json search prints the vault's Page).
func findEntry(t *testing.T, cli, dataDir string) vault.EntryView {
	t.Helper()
	var found vault.Page
	out := cliOutput(t, cli, dataDir, "--json", "search", flowAccount)
	if err := json.Unmarshal([]byte(out), &found); err != nil {
		t.Fatalf("decode `forgiva search --json`: %v\n%s", err, out)
	}
	if found.Total != 1 || len(found.Entries) != 1 || found.Entries[0].Host != flowHost {
		t.Fatalf("want the one entry %s at %s in the vault, the CLI finds %+v", flowAccount, flowHost, found)
	}
	return found.Entries[0]
}

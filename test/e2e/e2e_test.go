// Package e2e runs the app's user flows in a browser against the real Go
// backend: build/bin/forgiva-dev serves the built frontend with the real
// bindings, and test/e2e/flows.mjs (playwright-core + Debian chromium)
// drives it, one flow per subtest. Generated passwords are checked against
// what the command-line twin prints for the same inputs.
//
// It runs only when FORGIVA_E2E=1. The backends get an X display and a
// session bus of their own (Xvfb and dbus-daemon must be installed), so the
// test can run beside the window tests.
// FORGIVA_DEV_BIN names the dev binary (default build/bin/forgiva-dev, made
// by scripts/build.sh dev); FORGIVA_SCREENSHOT_DIR keeps failure screenshots.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/test/testbin"
)

const (
	// A cold WebKit start on a busy 2-core machine is slow.
	startTimeout = 90 * time.Second
	flowTimeout  = 2 * time.Minute
	resultPrefix = "E2E-RESULT "
	// dialogAnswerEnv names the file whose content the dev build's native
	// file dialogs return instead of asking (see dialogs_dev.go).
	dialogAnswerEnv = "FORGIVA_TEST_DIALOG_ANSWER"
)

// Test inputs. Nothing here is a real secret.
const (
	vaultPassword = "e2e correct horse battery staple 42"
	masterKey     = "e2e-master-key-Zebra#9"
	animal        = "Fox"
	renewal       = "2024-03-15"
)

type entry struct {
	Group   string `json:"group"`
	Host    string `json:"host"`
	Account string `json:"account"`
}

var entries = []entry{
	{Group: "Mail", Host: "mail.example.com", Account: "alice@example.com"},
	{Group: "Work", Host: "git.example.org", Account: "bob"},
}

// params is what flows.mjs reads from E2E_PARAMS.
type params struct {
	VaultPassword    string   `json:"vaultPassword"`
	MasterKey        string   `json:"masterKey"`
	Animal           string   `json:"animal"`
	Renewal          string   `json:"renewal"`
	Entries          []entry  `json:"entries"`
	PreviousPassword string   `json:"previousPassword,omitempty"`
	DialogAnswerFile string   `json:"dialogAnswerFile"`
	BackupPath       string   `json:"backupPath"`
	BadPaths         []string `json:"badPaths"`
	ShotDir          string   `json:"shotDir"`
	Inputs           []input  `json:"inputs,omitempty"`
	Display          string   `json:"display"` // the backends' X display, whose clipboard the flows read
	ExportPassphrase string   `json:"exportPassphrase"`
}

// input is one entry of the consistency flow, with everything that shapes
// its password.
type input struct {
	Host       string `json:"host"`
	Account    string `json:"account"`
	Complexity int    `json:"complexity"`
	Length     int    `json:"length"`
	Lowercase  bool   `json:"lowercase"`
	Uppercase  bool   `json:"uppercase"`
	Numbers    bool   `json:"numbers"`
	Symbols    bool   `json:"symbols"`
	Renewal    string `json:"renewal"`
	Signature  string `json:"signature"`
}

// consistencyInputs spans what shapes a password: every set of classes,
// lengths 2 to 64, complexities 1 and 2, with and without a renewal, with
// and without a signature, hosts and accounts in several scripts and cases.
func consistencyInputs() []input {
	hosts := []string{"github.com", "Mail.Example", "bücher.de", "例え.jp", "a", "news.ycombinator.com", "x-y_z.example"}
	accounts := []string{"octocat", "Y.Upper@Example.com", "ünï", "root", "pg", "Ann Smith"}
	var list []input
	for i := range 50 {
		classes := i%15 + 1 // every non-empty subset of the four
		in := input{Host: hosts[i%len(hosts)], Account: fmt.Sprintf("%s%d", accounts[i%len(accounts)], i),
			Complexity: 1, Length: 2 + (i*13)%63,
			Lowercase: classes&1 != 0, Uppercase: classes&2 != 0, Numbers: classes&4 != 0, Symbols: classes&8 != 0}
		if i%7 == 3 {
			in.Complexity = 2
		}
		if i%3 == 1 {
			in.Renewal = fmt.Sprintf("20%02d-%02d-%02d", 20+i%8, 1+i%12, 1+i%28)
		}
		if i >= 40 {
			in.Signature = "e2e signature ✓"
		}
		list = append(list, in)
	}
	list[0].Length, list[1].Length = 64, 2
	return list
}

// cliGenerate is what `forgiva generate` prints for in.
func (h *harness) cliGenerate(t *testing.T, in input) string {
	t.Helper()
	classes := ""
	for _, c := range []struct {
		on     bool
		letter string
	}{{in.Lowercase, "l"}, {in.Uppercase, "u"}, {in.Numbers, "n"}, {in.Symbols, "s"}} {
		if c.on {
			classes += c.letter
		}
	}
	args := []string{"generate", "--host", in.Host, "--account", in.Account, "--complexity", strconv.Itoa(in.Complexity),
		"--length", strconv.Itoa(in.Length), "--classes", classes, "--animal", animal}
	if in.Renewal != "" {
		args = append(args, "--renewal", in.Renewal)
	}
	if in.Signature != "" {
		args = append(args, "--signature", in.Signature)
	}
	return h.runCLI(t, args)
}

type flowResult struct {
	OK         bool            `json:"ok"`
	Error      string          `json:"error"`
	Screenshot string          `json:"screenshot"`
	Data       json.RawMessage `json:"data"`
}

type snapshot struct {
	Groups  []string `json:"groups"`
	Entries []string `json:"entries"`
}

func TestFlows(t *testing.T) {
	if os.Getenv("FORGIVA_E2E") != "1" {
		t.Skip("FORGIVA_E2E is not 1")
	}
	h := newHarness(t)
	a := h.start(t, "vault-a")

	var password, renewed string
	var exported snapshot
	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"create", func(t *testing.T) {
			var got struct{ Weak, WeakError, Strong, Mismatch string }
			h.flow(t, a, "create", nil, &got)
			for what, text := range map[string]string{"weak strength": got.Weak, "weak error": got.WeakError,
				"strong strength": got.Strong, "mismatch error": got.Mismatch} {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: empty", what)
				}
			}
			if got.Weak == got.Strong {
				t.Errorf("the strength meter says %q for a weak and a strong password", got.Weak)
			}
		}},
		{"groups-and-entries", func(t *testing.T) {
			var got snapshot
			h.flow(t, a, "groupsEntries", nil, &got)
			t.Logf("groups: %v", got.Groups)
		}},
		{"about-shows-the-version", func(t *testing.T) {
			var got struct{ Version string }
			h.flow(t, a, "about", nil, &got)
			if want := h.version(t); got.Version != want {
				t.Errorf("About says version %q; the build stamped %q (scripts/version.sh)", got.Version, want)
			}
		}},
		{"search", func(t *testing.T) { h.flow(t, a, "search", nil, nil) }},
		{"generate", func(t *testing.T) {
			var got struct{ Password string }
			h.flow(t, a, "generate", nil, &got)
			password = got.Password
			want := h.cli(t, entries[0], "")
			if got.Password != want {
				t.Errorf("the app generated a different password than `forgiva generate` for the same inputs (lengths %d, %d)",
					len(got.Password), len(want))
			}
		}},
		{"copy-to-clipboard", func(t *testing.T) { h.flow(t, a, "copy", nil, nil) }},
		{"shown-copied-generated-agree", func(t *testing.T) {
			inputs := consistencyInputs()
			var got struct {
				Results []struct{ Shown, Copied string }
			}
			h.flow(t, a, "consistency", func(p *params) { p.Inputs = inputs }, &got)
			if len(got.Results) != len(inputs) {
				t.Fatalf("%d results for %d inputs", len(got.Results), len(inputs))
			}
			agree := 0
			for i, in := range inputs {
				want, r := h.cliGenerate(t, in), got.Results[i]
				if r.Shown != want || r.Copied != want {
					t.Errorf("input %d (%+v): shown %q, copied %q, forgiva generate %q", i, in, r.Shown, r.Copied, want)
					continue
				}
				agree++
			}
			t.Logf("%d of %d inputs: shown == copied == generated", agree, len(inputs))
		}},
		{"renew", func(t *testing.T) {
			var got struct{ Password, Previous, Renewed string }
			h.flow(t, a, "renew", func(p *params) { p.PreviousPassword = password }, &got)
			renewed = got.Password
			if want := h.cli(t, entries[0], renewal); got.Password != want {
				t.Errorf("the renewed password differs from `forgiva generate --renewal %s`", renewal)
			}
			if want := h.cli(t, entries[0], ""); got.Previous != want {
				t.Errorf("the previous password shown beside the new one differs from `forgiva generate` without a renewal")
			}
		}},
		{"previous-and-history", func(t *testing.T) {
			var got struct{ Previous, Never string }
			h.flow(t, a, "history", nil, &got)
			want := h.cli(t, entries[0], "")
			if got.Previous != want || got.Never != want {
				t.Errorf("Previous password and the history's first state should both give `forgiva generate` without a renewal")
			}
		}},
		{"keyboard-only-generation", func(t *testing.T) {
			var got struct{ Password string }
			h.flow(t, a, "keyboard", nil, &got)
			if want := h.cli(t, entries[1], ""); got.Password != want {
				t.Errorf("the keyboard-only generation differs from `forgiva generate`")
			}
		}},
		{"layout", func(t *testing.T) {
			var got struct {
				Sizes         []struct{ Width, Sidebar float64 }
				Before, After float64
			}
			h.flow(t, a, "layout", nil, &got)
			t.Logf("sidebar by window width: %v; resized from %.0f to %.0f px", got.Sizes, got.Before, got.After)
		}},
		{"guards", func(t *testing.T) { h.flow(t, a, "guards", nil, nil) }},
		{"trimming-duplicates-search-past-200", func(t *testing.T) {
			var got struct{ Said, Duplicate, First, Last string }
			h.flow(t, a, "inputAndSearch", nil, &got)
			t.Logf("%q; %q; pages %q … %q", got.Said, got.Duplicate, got.First, got.Last)
		}},
		{"undo-from-trash", func(t *testing.T) {
			var got struct{ Toast, Label, Listed string }
			h.flow(t, a, "undoTrash", nil, &got)
			t.Logf("toast %q, sidebar %q, listed %q", got.Toast, got.Label, got.Listed)
		}},
		{"accessibility", func(t *testing.T) {
			var got struct{ Checked int }
			h.flow(t, a, "accessibility", nil, &got)
			t.Logf("axe-core: %d screens and dialogs checked, light and dark", got.Checked)
		}},
		{"settings-persist", func(t *testing.T) {
			h.flow(t, a, "settingsSet", nil, nil)
			a.kill()
			a = h.start(t, "vault-a")
			h.flow(t, a, "settingsCheck", nil, nil)
		}},
		{"lock-unlock", func(t *testing.T) {
			var got struct{ Wrong string }
			h.flow(t, a, "lock", nil, &got)
			t.Logf("wrong password message: %q", got.Wrong)
		}},
		{"export", func(t *testing.T) {
			var got struct{ Snapshot snapshot }
			h.flow(t, a, "export", nil, &got)
			exported = got.Snapshot
			info, err := os.Stat(h.backup)
			if err != nil {
				t.Fatalf("the export wrote no file: %v", err)
			}
			if info.Size() == 0 {
				t.Fatal("the export wrote an empty file")
			}
			if b, _ := os.ReadFile(h.backup); bytes.Contains(b, []byte(renewed)) || bytes.Contains(b, []byte(password)) {
				t.Error("the backup holds a generated password")
			}
		}},
		{"import-into-fresh-vault", func(t *testing.T) {
			// The app is single-instance: a second one would hand over to
			// the first and exit. Vault A comes back for the next step.
			a.kill()
			b := h.start(t, "vault-b")
			defer func() {
				b.kill()
				a = h.start(t, "vault-a")
			}()
			var got struct {
				Summary  []string
				Snapshot snapshot
			}
			h.flow(t, b, "import", nil, &got)
			t.Logf("import summary: %v", got.Summary)
			if want := fmt.Sprint(exported); fmt.Sprint(got.Snapshot) != want {
				t.Errorf("the fresh vault after import holds\n%v\nwant the exported\n%v", got.Snapshot, exported)
			}
			sealed, err := os.ReadFile(h.backup + ".age")
			if err != nil || !backup.IsSealed(sealed) {
				t.Fatalf("the encrypted export is not an age file (%v)", err)
			}
			for _, e := range entries {
				if bytes.Contains(sealed, []byte(e.Host)) {
					t.Errorf("the encrypted export shows the host %s", e.Host)
				}
			}
			var enc struct {
				Wrong   string
				Summary []string
			}
			h.flow(t, b, "importEncrypted", nil, &enc)
			if want := fmt.Sprintf("%d duplicates skipped", len(exported.Entries)); !slices.Contains(enc.Summary, want) {
				t.Errorf("the encrypted import says %q, want %q (the same entries as the plain one)", enc.Summary, want)
			}
		}},
		{"bad-backup", func(t *testing.T) {
			damaged := damagedCopy(t, h.backup)
			var got struct{ Messages []string }
			h.flow(t, a, "badBackup", func(p *params) { p.BadPaths = append(p.BadPaths, damaged) }, &got)
			for _, m := range got.Messages {
				t.Logf("bad backup message: %q", m)
				if strings.Contains(m, "goroutine") || strings.Contains(strings.ToLower(m), "sql") {
					t.Errorf("the message shows internals: %q", m)
				}
			}
		}},
	}
	failed := ""
	for _, step := range steps {
		ok := t.Run(step.name, func(t *testing.T) {
			if failed != "" {
				t.Skipf("skipped: it builds on %q, which failed", failed)
			}
			step.run(t)
		})
		if !ok && failed == "" {
			failed = step.name
		}
	}
}

// harness holds what every flow shares: paths, the binaries, the inputs.
type harness struct {
	top                        *testing.T // owns the backends: a restart inside a subtest outlives it
	root, devBin, cliBin, dist string
	dir, shots                 string
	bus, display               string // the backends' own session bus and X display
	answer, backup             string
	badPaths                   []string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	h := &harness{top: t, root: root, dist: filepath.Join(root, "frontend", "dist"), dir: t.TempDir()}
	h.devBin = os.Getenv("FORGIVA_DEV_BIN")
	if h.devBin == "" {
		h.devBin = filepath.Join(root, "build", "bin", "forgiva-dev")
	} else if !filepath.IsAbs(h.devBin) {
		h.devBin = filepath.Join(root, h.devBin)
	}
	for _, need := range []string{h.devBin, filepath.Join(h.dist, "index.html"),
		filepath.Join(root, "frontend", "node_modules", "playwright-core"), "/usr/bin/chromium"} {
		if _, err := os.Stat(need); err != nil {
			t.Fatalf("%s is missing (scripts/build.sh dev builds the dev binary; make deps the rest): %v", need, err)
		}
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is needed: %v", err)
	}
	h.shots = os.Getenv("FORGIVA_SCREENSHOT_DIR")
	if h.shots == "" {
		h.shots = t.TempDir()
	}
	h.answer = filepath.Join(h.dir, "dialog-answer")
	h.backup = filepath.Join(h.dir, "vault.fgdump")
	h.badPaths = writeBadBackups(t, h.dir)
	h.cliBin = testbin.CLI(t)
	h.bus = privateBus(t)
	h.display = privateDisplay(t)
	return h
}

// privateDisplay starts an X server of the test's own for the dev binary's
// window (which it opens even when a browser is the client): on the shared
// display it would be a second "Forgiva Desktop" window beside the window
// tests' one.
func privateDisplay(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatalf("pipe: %v", err)
	}
	defer r.Close()
	// -displayfd: Xvfb picks a free display and writes its number to fd 3.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	err = cmd.Start()
	w.Close()
	if err != nil {
		t.Fatalf("start Xvfb (make deps installs it): %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not report its display")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20s")
	}
	return ""
}

// privateBus starts a session bus of the test's own. The app is
// single-instance through a name on the session bus: on the shared bus a
// backend here would hand over to the window tests' app (or they to it).
// The flows do not use the OS keyring, which lives on the shared bus.
func privateBus(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("read the private bus address: %v", err)
	}
	return strings.TrimSpace(line)
}

// writeBadBackups makes files that are not backups at all; the bad-backup
// step adds a damaged copy of a real one.
func writeBadBackups(t *testing.T, dir string) []string {
	t.Helper()
	files := map[string]string{
		"not-a-backup.fgdump": "this is a shopping list, not a backup\n",
		"empty.fgdump":        "",
	}
	var paths []string
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatalf("write %s: %v", p, err)
		}
		paths = append(paths, p)
	}
	return paths
}

// damagedCopy writes a copy of a real backup with one byte in its middle
// replaced by a character base64 does not use.
func damagedCopy(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 2 {
		t.Fatalf("read the exported backup (%d bytes): %v", len(b), err)
	}
	b[len(b)/2] = '!'
	damaged := strings.TrimSuffix(path, ".fgdump") + "-damaged.fgdump"
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatalf("write %s: %v", damaged, err)
	}
	return damaged
}

// cli is what `forgiva generate` prints for e (the defaults of a new
// entry: complexity 1, length 16, all classes) and the test's master key.
func (h *harness) cli(t *testing.T, e entry, renewal string) string {
	t.Helper()
	return h.cliGenerate(t, input{Host: e.Host, Account: e.Account, Complexity: 1, Length: 16,
		Lowercase: true, Uppercase: true, Numbers: true, Symbols: true, Renewal: renewal})
}

// runCLI runs the CLI with the master key on stdin and returns its output.
func (h *harness) runCLI(t *testing.T, args []string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.cliBin, args...)
	cmd.Stdin = strings.NewReader(masterKey + "\n")
	cmd.Env = append(os.Environ(), "FORGIVA_DATA_DIR="+filepath.Join(h.dir, "cli-unused"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("forgiva %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimRight(string(out), "\n")
}

// backendProc is a running dev binary.
type backendProc struct {
	cmd    *exec.Cmd
	url    string
	log    string
	exited chan struct{}
}

// start runs the dev binary on the data directory named name (kept between
// starts, so a restart sees the same vault) and waits for its page.
func (h *harness) start(t *testing.T, name string) *backendProc {
	t.Helper()
	port := freePort(t)
	home := filepath.Join(h.dir, name+"-home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatalf("create home: %v", err)
	}
	logPath := filepath.Join(h.dir, fmt.Sprintf("%s-%d.log", name, port))
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatalf("create log: %v", err)
	}
	cmd := exec.Command(h.devBin, "-assetdir", h.dist, "-devserver", "127.0.0.1:"+strconv.Itoa(port))
	cmd.Dir = h.root
	cmd.Env = append(os.Environ(),
		"FORGIVA_DATA_DIR="+filepath.Join(h.dir, name),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"NO_AT_BRIDGE=1",
		dialogAnswerEnv+"="+h.answer,
		"DBUS_SESSION_BUS_ADDRESS="+h.bus,
		"DISPLAY="+h.display,
	)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Its own process group: the dev binary ignores SIGTERM, and WebKit's
	// helpers must go with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start %s: %v", h.devBin, err)
	}
	b := &backendProc{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d/", port), log: logPath, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(b.exited)
	}()
	h.top.Cleanup(b.kill)
	b.waitReady(t)
	return b
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (b *backendProc) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(startTimeout)
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case <-b.exited:
			t.Fatalf("the dev binary exited before serving its page\nlog:\n%s", b.output())
		default:
		}
		resp, err := client.Get(b.url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the dev binary did not serve %s within %v (last error: %v)\nlog:\n%s", b.url, startTimeout, err, b.output())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (b *backendProc) output() string {
	out, _ := os.ReadFile(b.log)
	return string(out)
}

// kill ends the dev binary and its helpers (it ignores SIGTERM).
func (b *backendProc) kill() {
	select {
	case <-b.exited:
	default:
		_ = syscall.Kill(-b.cmd.Process.Pid, syscall.SIGKILL)
		<-b.exited
	}
}

// version is what scripts/version.sh says, as scripts/build.sh stamped it.
func (h *harness) version(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(h.root, "scripts", "version.sh"))
	cmd.Dir = h.root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scripts/version.sh: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// flow runs one flow of flows.mjs against b and decodes its data into out.
func (h *harness) flow(t *testing.T, b *backendProc, name string, adjust func(*params), out any) {
	t.Helper()
	p := params{VaultPassword: vaultPassword, MasterKey: masterKey, Animal: animal, Renewal: renewal, Entries: entries,
		DialogAnswerFile: h.answer, BackupPath: h.backup, BadPaths: h.badPaths, ShotDir: h.shots, Display: h.display,
		ExportPassphrase: "e2e export passphrase of six common words"}
	if adjust != nil {
		adjust(&p)
	}
	encoded, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("encode params: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), flowTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(h.root, "test", "e2e", "flows.mjs"), name, b.url)
	cmd.Env = append(os.Environ(), "E2E_PARAMS="+string(encoded))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	res, err := lastResult(stdout.Bytes())
	if err != nil {
		t.Fatalf("flow %s: %v (node: %v)\nstdout:\n%s\nstderr:\n%s\nbackend log:\n%s",
			name, err, runErr, stdout.String(), stderr.String(), tail(b.output(), 40))
	}
	if !res.OK {
		t.Fatalf("flow %s failed: %s\nscreenshot: %s\nbackend log:\n%s", name, res.Error, res.Screenshot, tail(b.output(), 40))
	}
	if out != nil {
		if err := json.Unmarshal(res.Data, out); err != nil {
			t.Fatalf("flow %s: decode its data: %v", name, err)
		}
	}
}

func lastResult(stdout []byte) (flowResult, error) {
	var line string
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for sc.Scan() {
		if s := sc.Text(); strings.HasPrefix(s, resultPrefix) {
			line = strings.TrimPrefix(s, resultPrefix)
		}
	}
	if line == "" {
		return flowResult{}, errors.New("the flow printed no result")
	}
	var r flowResult
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		return flowResult{}, fmt.Errorf("decode the result: %w", err)
	}
	return r, nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Package scripts tests the shell scripts that decide facts for the whole
// build: the run's closing line, the version, the WebKitGTK flavour.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, env []string, name string, args ...string) (string, error) {
	t.Helper()
	script, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(script, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		name    string
		env     []string
		want    string
		wantErr bool
	}{
		{"all pass", []string{"TESTS_TOTAL=12", "TESTS_FAILED=0", "TESTS_SKIPPED=0"}, "tests: 12 passed, 0 failed, 0 skipped", false},
		{"mixed", []string{"TESTS_TOTAL=10", "TESTS_FAILED=2", "TESTS_SKIPPED=3"}, "tests: 5 passed, 2 failed, 3 skipped", false},
		{"no test ran", []string{"TESTS_TOTAL=0", "TESTS_FAILED=0", "TESTS_SKIPPED=0"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, tt.env, "test-summary-line.sh")
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("printed %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWebKitOverride(t *testing.T) {
	tests := []struct {
		flavour, query, want string
	}{
		{"4.1", "tags", "desktop,production,webkit2_41"},
		{"4.1", "dev-package", "libwebkit2gtk-4.1-dev"},
		{"4.0", "tags", "desktop,production"},
		{"4.0", "dev-package", "libwebkit2gtk-4.0-dev"},
	}
	for _, tt := range tests {
		got, err := run(t, []string{"FORGIVA_WEBKIT=" + tt.flavour}, "webkit.sh", tt.query)
		if err != nil || got != tt.want {
			t.Errorf("FORGIVA_WEBKIT=%s webkit.sh %s = %q, %v; want %q", tt.flavour, tt.query, got, err, tt.want)
		}
	}
	if got, err := run(t, []string{"FORGIVA_WEBKIT=4.1"}, "webkit.sh", "tags", "dev"); err != nil || got != "dev,webkit2_41" {
		t.Errorf("webkit.sh tags dev = %q, %v", got, err)
	}
	if _, err := run(t, []string{"FORGIVA_WEBKIT=5"}, "webkit.sh"); err == nil {
		t.Error("FORGIVA_WEBKIT=5 was accepted")
	}
}

// TestVersion runs version.sh in a copy of it inside a scratch repository,
// through each state a checkout can be in.
func TestVersion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	script, err := os.ReadFile("version.sh")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(repo, "scripts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "scripts/version.sh"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	version := func() string {
		t.Helper()
		cmd := exec.Command(filepath.Join(repo, "scripts/version.sh"))
		cmd.Env = append(os.Environ(), "VERSION=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("version.sh: %v", err)
		}
		return strings.TrimSpace(string(out))
	}
	commit := func(file string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(repo, file), []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
		git("add", file)
		git("commit", "-qm", file)
	}

	git("init", "-q")
	commit("a")
	commit("b")
	hash := git("rev-parse", "--short=7", "HEAD")
	if got, want := version(), "0.0.0+2.g"+hash; got != want {
		t.Errorf("before any tag: %q, want %q", got, want)
	}
	git("tag", "v1.2.0")
	if got := version(); got != "1.2.0" {
		t.Errorf("on the tag: %q, want 1.2.0", got)
	}
	commit("c")
	hash = git("rev-parse", "--short=7", "HEAD")
	if got, want := version(), "1.2.0+1.g"+hash; got != want {
		t.Errorf("after the tag: %q, want %q", got, want)
	}
	if err := os.WriteFile(filepath.Join(repo, "c"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := version(), "1.2.0+1.g"+hash+".dirty"; got != want {
		t.Errorf("with a change: %q, want %q", got, want)
	}
	cmd := exec.Command(filepath.Join(repo, "scripts/version.sh"))
	cmd.Env = append(os.Environ(), "VERSION=9.9.9")
	if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "9.9.9" {
		t.Errorf("VERSION=9.9.9 gave %q, %v", out, err)
	}
}

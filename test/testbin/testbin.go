// Package testbin builds the project's binaries for the tests that drive
// them from outside (the browser flows, the real window).
package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CLI builds the command-line twin (pure Go, as shipped) into a temp dir
// and returns its path. The calling test's package must sit two levels
// below the module root (test/NAME).
func CLI(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "forgiva")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/forgiva")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the CLI: %v\n%s", err, out)
	}
	return bin
}

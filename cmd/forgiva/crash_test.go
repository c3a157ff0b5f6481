package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/test/testbin"
)

const crashPassword = "Correct horse battery staple 1984!"

// TestImportKilled kills the real CLI (SIGKILL) at several moments of a
// bulk add (an import of 20,000 entries, one transaction) and checks after
// each that the file opens, passes PRAGMA integrity_check, and holds the
// whole import or none of it.
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and imports 20,000 entries several times")
	}
	cli := testbin.CLI(t)
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	v, err := vault.Create(ctx, vault.Options{Dir: dir}, []byte(crashPassword))
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	file, total := bigBackup(t, 20, 1000)

	for _, delay := range []time.Duration{300, 550, 700, 850, 1000, 1300} {
		killed := runKilled(t, cli, dir, file, delay*time.Millisecond)
		checkIntegrity(t, filepath.Join(dir, vault.FileName))
		if n := countEntries(t, dir); n != 0 && n != total {
			t.Fatalf("after a kill at %v: %d entries, want 0 or %d (a whole transaction)", delay, n, total)
		}
		t.Logf("kill at %v: killed=%v", delay*time.Millisecond, killed)
	}
	run := exec.Command(cli, "--data-dir", dir, "import", file)
	run.Env = crashEnv()
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("import after the crashes: %v\n%s", err, out)
	}
	if n := countEntries(t, dir); n != total {
		t.Fatalf("after a whole import: %d entries, want %d", n, total)
	}
}

func crashEnv() []string {
	return append(os.Environ(), "FORGIVA_VAULT_PASSWORD="+crashPassword, "DBUS_SESSION_BUS_ADDRESS=disabled:")
}

// runKilled starts an import and kills it after delay; it reports whether
// the process was still running then.
func runKilled(t *testing.T, cli, dir, file string, delay time.Duration) bool {
	t.Helper()
	cmd := exec.Command(cli, "--data-dir", dir, "import", file)
	cmd.Env = crashEnv()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	var exit *exec.ExitError
	return errors.As(err, &exit) && !exit.Exited()
}

// bigBackup writes a backup of groups x perGroup entries.
func bigBackup(t *testing.T, groups, perGroup int) (string, int) {
	t.Helper()
	var b backup.Backup
	for g := 1; g <= groups; g++ {
		b.Groups = append(b.Groups, backup.Group{ID: int64(g), Name: fmt.Sprintf("Group %d", g)})
		for e := 1; e <= perGroup; e++ {
			b.Entries = append(b.Entries, backup.Entry{ID: int64(len(b.Entries) + 1), GroupID: int64(g),
				Host: fmt.Sprintf("host%d.example", e), Account: "user", Complexity: 1, Length: 16,
				Lowercase: true, Uppercase: true, Numbers: true, Symbols: true})
		}
	}
	data, err := backup.Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "big.fgdump")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, len(b.Entries)
}

func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	if result != "ok" {
		t.Fatalf("integrity_check: %s", result)
	}
}

func countEntries(t *testing.T, dir string) int {
	t.Helper()
	ctx := context.Background()
	v, err := vault.Open(ctx, vault.Options{Dir: dir})
	if err != nil {
		t.Fatalf("open after a kill: %v", err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, []byte(crashPassword), 0); err != nil {
		t.Fatalf("unlock after a kill: %v", err)
	}
	groups, err := v.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range groups {
		n += g.EntryCount
	}
	return n
}

package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/test/testbin"
)

const crashPassword = "Correct horse battery staple 1984!"

// TestImportKilled kills the real CLI (SIGKILL) inside the transaction of a
// bulk add (an import of 20,000 entries, one transaction) and checks after
// each that the file opens, passes PRAGMA integrity_check, and holds none of
// it; then that a whole import still works. The kill is timed by the work
// itself, not a clock: it lands when the write-ahead log has grown by a given
// amount, that is, while SQLite is writing the transaction's pages and
// before it commits (the committed log of this import is about 2.5 MB).
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and imports 20,000 entries several times")
	}
	cli := testbin.CLI(t)
	dir := filepath.Join(t.TempDir(), "data")
	// The real CLI makes the vault, at the real cost: it refuses a file
	// that asks for less than any build writes (as this test binary would).
	create := exec.Command(cli, "--data-dir", dir, "init")
	create.Env = crashEnv()
	create.Stdin = strings.NewReader(crashPassword + "\n")
	if out, err := create.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	file, total := bigBackup(t, 20, 1000)

	for _, grown := range []int64{1, 64 << 10, 256 << 10, 1 << 20} {
		runKilled(t, cli, dir, file, grown)
		checkIntegrity(t, filepath.Join(dir, vault.FileName))
		if n := countEntries(t, dir); n != 0 {
			t.Fatalf("after a kill inside the import's transaction (log grown by %d bytes): %d entries, want 0", grown, n)
		}
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

// runKilled starts an import and kills it once the vault's write-ahead log
// has grown by grown bytes. It fails the test if the import ended first.
func runKilled(t *testing.T, cli, dir, file string, grown int64) {
	t.Helper()
	wal := filepath.Join(dir, vault.FileName+"-wal")
	walSize := func() int64 {
		if fi, err := os.Stat(wal); err == nil {
			return fi.Size()
		}
		return 0
	}
	base := walSize()
	cmd := exec.Command(cli, "--data-dir", dir, "import", file)
	cmd.Env = crashEnv()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for walSize() < base+grown {
		select {
		case err := <-exited:
			t.Fatalf("the import ended (%v) before its log grew by %d bytes", err, grown)
		case <-time.After(time.Millisecond):
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	err := <-exited
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Exited() {
		t.Fatalf("the import ended on its own (%v) instead of being killed at +%d bytes of log", err, grown)
	}
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
				Classes: forgiva.AllClasses()})
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

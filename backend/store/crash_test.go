package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// crashChildEnv, when set, makes TestCrashDuringBulkAdd act as the child
// process: bulk-add entries into the vault at that path until killed.
const crashChildEnv = "FORGIVA_STORE_CRASH_CHILD"

const crashBatch = 37

func TestCrashDuringBulkAdd(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vault.db")
	s, err := Create(ctx, path, "crash")
	if err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx *Tx) error { _, err := addGroup(tx, 0, "bulk"); return err })
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDuringBulkAdd$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for a few committed batches, then kill in the middle of the stream.
	lines := bufio.NewScanner(stdout)
	for i := 0; i < 5 && lines.Scan(); i++ {
	}
	time.Sleep(30 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the crash: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.reader.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var n int
	err = s.View(ctx, func(tx *Tx) (err error) { n, err = tx.CountEntries(); return err })
	if err != nil {
		t.Fatal(err)
	}
	if n < 5*crashBatch || n%crashBatch != 0 {
		t.Fatalf("%d entries after the crash: want a multiple of %d, at least 5 batches", n, crashBatch)
	}
	t.Logf("%d entries (%d whole batches) survived SIGKILL", n, n/crashBatch)
}

func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	for batch := 0; ; batch++ {
		_, err := s.Update(ctx, func(tx *Tx) error {
			for i := 0; i < crashBatch; i++ {
				if _, err := addEntry(tx, 1, "host-"+strconv.Itoa(batch)+"-"+strconv.Itoa(i)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Println(batch)
	}
}

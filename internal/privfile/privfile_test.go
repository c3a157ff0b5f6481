package privfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFileReplacesPrivately(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.fgdump")
	if err := os.WriteFile(path, []byte("old, world-readable"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path, 100)
	if err != nil || string(got) != "new" {
		t.Fatalf("read back %q, %v", got, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left %d files behind, want only the backup", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x"), nil); err == nil {
		t.Fatal("writing into a missing directory succeeded")
	}
}

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(path, make([]byte, 50), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path, 10)
	if err != nil || len(got) != 11 {
		t.Fatalf("read %d bytes (%v), want limit+1 = 11", len(got), err)
	}
	if _, err := ReadFile(path+".none", 10); err == nil {
		t.Fatal("a missing file was read")
	}
}

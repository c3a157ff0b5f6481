package uistate

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if got := Load(dir); got != (State{}) {
		t.Fatalf("no file: %+v, want the defaults", got)
	}
	for _, tt := range []struct{ saved, loaded int }{{300, 300}, {10, MinSidebarWidth}, {99999, MaxSidebarWidth}, {0, 0}} {
		if err := Save(dir, State{SidebarWidth: tt.saved}); err != nil {
			t.Fatal(err)
		}
		if got := Load(dir).SidebarWidth; got != tt.loaded {
			t.Errorf("saved %d, loaded %d, want %d", tt.saved, got, tt.loaded)
		}
	}
	info, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v, mode %v", err, info.Mode())
	}
	for _, bad := range []string{"{", `{"sidebarWidth": "wide"}`, ""} {
		os.WriteFile(filepath.Join(dir, FileName), []byte(bad), 0o600)
		if got := Load(dir); got != (State{}) {
			t.Errorf("file %q: %+v, want the defaults", bad, got)
		}
	}
}

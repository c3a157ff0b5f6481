// Package uistate keeps the window's look-and-feel between runs (today the
// width of the groups panel): a small JSON file next to the vault, outside
// it, as it holds nothing of the user's data and must be there before the
// vault is unlocked.
package uistate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/forgiva/forgiva-desktop/internal/privfile"
)

// FileName is the state's file in the data directory.
const FileName = "ui.json"

// Limits of the groups panel, in CSS pixels: the frontend clamps to them
// too, and a file edited by hand cannot make the panel unusable.
const (
	MinSidebarWidth = 160
	MaxSidebarWidth = 1200
)

// State is the remembered look of the window; zero values mean "the
// default".
type State struct {
	SidebarWidth int `json:"sidebarWidth"`
}

// Load reads the state of dir. A missing or unreadable file gives the
// defaults: this is a convenience, never a reason to refuse to start.
func Load(dir string) State {
	b, err := os.ReadFile(filepath.Join(dir, FileName))
	var s State
	if err != nil || len(b) > 4096 || json.Unmarshal(b, &s) != nil {
		return State{}
	}
	return s.clean()
}

// Save writes s into dir (mode 0600, atomically).
func Save(dir string, s State) error {
	b, err := json.Marshal(s.clean())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("save the window's state: %w", err)
	}
	return privfile.WriteFile(filepath.Join(dir, FileName), b)
}

func (s State) clean() State {
	if s.SidebarWidth != 0 {
		s.SidebarWidth = min(max(s.SidebarWidth, MinSidebarWidth), MaxSidebarWidth)
	}
	return s
}

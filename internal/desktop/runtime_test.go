package desktop

import (
	"errors"
	"testing"
)

// Before Wails hands over its context (a second launch can arrive that
// early), every call must be safe: the window calls do nothing, the others
// say the window is not ready.
func TestWailsBeforeStartup(t *testing.T) {
	var w Wails
	w.ShowWindow()
	w.Emit("vault:locked", nil)
	w.Quit()
	if err := w.ClipboardSetText("x"); !errors.Is(err, ErrNoWindow) {
		t.Errorf("ClipboardSetText before startup: %v, want ErrNoWindow", err)
	}
	if _, err := w.ClipboardGetText(); !errors.Is(err, ErrNoWindow) {
		t.Errorf("ClipboardGetText before startup: %v, want ErrNoWindow", err)
	}
	if _, err := w.SaveFileDialog("t", "n"); !errors.Is(err, ErrNoWindow) {
		t.Errorf("SaveFileDialog before startup: %v, want ErrNoWindow", err)
	}
	if _, err := w.OpenFileDialog("t"); !errors.Is(err, ErrNoWindow) {
		t.Errorf("OpenFileDialog before startup: %v, want ErrNoWindow", err)
	}
}

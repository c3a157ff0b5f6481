// Package desktop is the desktop app's edge towards the window system:
// the few Wails runtime calls the app makes, behind an interface so that the
// bound App compiles and is tested without a window.
package desktop

import (
	"context"
	"errors"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Runtime is what the App needs from the window system.
type Runtime interface {
	Emit(event string, data any)
	ClipboardSetText(text string) error
	ClipboardGetText() (string, error)
	ShowWindow()
	// HideWindow takes the window off the screen (to the tray, if any), so
	// the window the user came from gets the focus back.
	HideWindow()
	// SaveFileDialog and OpenFileDialog return "" when the user cancels.
	SaveFileDialog(title, defaultName string) (string, error)
	OpenFileDialog(title string) (string, error)
	Quit()
}

// ErrNoWindow is returned by calls made before the window exists.
var ErrNoWindow = errors.New("the window is not ready yet")

// Wails is the Runtime of a running Wails app. Wails hands out the context
// its runtime calls need only once the window is up (OnStartup), so the
// App is built with a Wails whose context is set later; until then calls
// fail with ErrNoWindow or do nothing.
type Wails struct {
	mu  sync.Mutex
	ctx context.Context
}

// SetContext gives w the context Wails passed to OnStartup.
func (w *Wails) SetContext(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ctx = ctx
}

func (w *Wails) context() context.Context {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ctx
}

// Emit sends an event to the frontend.
func (w *Wails) Emit(event string, data any) {
	if ctx := w.context(); ctx != nil {
		runtime.EventsEmit(ctx, event, data)
	}
}

// ClipboardSetText replaces the clipboard's text.
func (w *Wails) ClipboardSetText(text string) error {
	ctx := w.context()
	if ctx == nil {
		return ErrNoWindow
	}
	return runtime.ClipboardSetText(ctx, text)
}

// ClipboardGetText reads the clipboard's text.
func (w *Wails) ClipboardGetText() (string, error) {
	ctx := w.context()
	if ctx == nil {
		return "", ErrNoWindow
	}
	return runtime.ClipboardGetText(ctx)
}

// ShowWindow brings the window back (from the tray, or minimised).
func (w *Wails) ShowWindow() {
	if ctx := w.context(); ctx != nil {
		runtime.WindowUnminimise(ctx)
		runtime.WindowShow(ctx)
	}
}

// HideWindow hides the window.
func (w *Wails) HideWindow() {
	if ctx := w.context(); ctx != nil {
		runtime.WindowHide(ctx)
	}
}

// backupFilter limits the native dialogs to Forgiva backup files.
var backupFilter = []runtime.FileFilter{
	{DisplayName: "Forgiva backups (*.fgdump)", Pattern: "*.fgdump"},
	{DisplayName: "All files", Pattern: "*"},
}

// SaveFileDialog asks where to save a file.
func (w *Wails) SaveFileDialog(title, defaultName string) (string, error) {
	ctx := w.context()
	if ctx == nil {
		return "", ErrNoWindow
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title: title, DefaultFilename: defaultName, Filters: backupFilter, CanCreateDirectories: true})
}

// OpenFileDialog asks for a file to open.
func (w *Wails) OpenFileDialog(title string) (string, error) {
	ctx := w.context()
	if ctx == nil {
		return "", ErrNoWindow
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, Filters: backupFilter})
}

// Quit ends the app (through OnBeforeClose and OnShutdown).
func (w *Wails) Quit() {
	if ctx := w.context(); ctx != nil {
		runtime.Quit(ctx)
	}
}

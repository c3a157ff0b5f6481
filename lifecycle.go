package main

import (
	"context"
	"log"
	"slices"

	"github.com/wailsapp/wails/v2/pkg/options"

	"github.com/forgiva/forgiva-desktop/internal/tray"
)

// startup runs once the window exists: the runtime becomes usable and the
// tray icon appears (where there is a tray).
func (a *App) startup(ctx context.Context) {
	if a.wails != nil {
		a.wails.SetContext(ctx)
	}
	// The shortcut first, so the tray's Quick item shows it.
	a.startShortcut()
	stop, ok := tray.Start(a.appIcon, tray.Menu{
		QuickShortcut: a.shortcut.Current(),
		Quick:         a.onQuick,
		Lock:          func() { a.lockAndTell("tray lock") },
		Show:          a.rt.ShowWindow,
		Quit:          a.rt.Quit,
	})
	if ok {
		a.mu.Lock()
		a.trayStop = stop
		a.mu.Unlock()
	}
	a.openQuickIfAsked()
}

// beforeClose runs on every real quit: the tray's Quit, SIGTERM (a session
// logging out), or closing the window when there is no tray (with one,
// Wails hides the window instead: HideWindowOnClose). It takes our
// password off the clipboard here, while the window system still answers;
// during shutdown it no longer does.
func (a *App) beforeClose(context.Context) (prevent bool) {
	a.forgetSecrets()
	return false
}

// shutdown runs once the window is gone, before the process exits. It does
// not touch the clipboard: the window system's loop has ended.
func (a *App) shutdown(context.Context) {
	a.idle.Disarm()
	a.gens.ForgetAll()
	a.shortcut.Close()
	if h, ok := a.opts.Estimator.(interface{ Close() }); ok {
		h.Close()
	}
	a.mu.Lock()
	stop, v := a.trayStop, a.v
	a.trayStop, a.v = nil, nil
	a.mu.Unlock()
	if stop != nil {
		stop()
	}
	if v != nil {
		if err := v.Close(); err != nil {
			log.Printf("forgiva-desktop: close vault: %v", err)
		}
	}
}

// onSecondInstanceLaunch runs in the first instance when the app is launched
// again: the second process exits and this window comes forward instead.
func (a *App) onSecondInstanceLaunch(data options.SecondInstanceData) {
	// The log line lets a user (and the window smoke test) see the hand-over.
	log.Print("forgiva-desktop: another launch was handed over to this window")
	if slices.Contains(data.Args, quickFlag) {
		a.onQuick() // a desktop's own key binding for `forgiva-desktop --quick`
		return
	}
	a.rt.ShowWindow() // before startup the runtime does nothing: the window shows itself when ready
}

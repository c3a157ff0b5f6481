package main

import (
	"context"
	"log"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// version is set at link time (-ldflags "-X main.version=...") by scripts/build.sh.
var version = "dev"

// App is the binding layer between the frontend and the Go backend. Its
// exported methods are callable from JavaScript as window.go.main.App.*.
type App struct {
	// ctx is the Wails context every runtime call needs. Wails sets it from
	// its own goroutine and a second launch may arrive on another, hence mu.
	mu  sync.Mutex
	ctx context.Context
}

// NewApp returns an App ready to be bound; the window does not exist yet.
func NewApp() *App {
	return &App{}
}

func (a *App) startup(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = ctx
}

// shutdown runs once the window is gone, before the process exits.
func (a *App) shutdown(context.Context) {}

// windowContext returns the Wails context, or nil before startup.
func (a *App) windowContext() context.Context {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ctx
}

// onSecondInstanceLaunch runs in the first instance when the app is launched
// again: the second process exits and this window comes forward instead.
func (a *App) onSecondInstanceLaunch(options.SecondInstanceData) {
	// The log line lets a user (and the window smoke test) see the hand-over.
	log.Print("forgiva-desktop: another launch was handed over to this window")
	ctx := a.windowContext()
	if ctx == nil {
		return // no window yet: it will show itself when it is ready
	}
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}

// Version reports the application version.
func (a *App) Version() string {
	return version
}

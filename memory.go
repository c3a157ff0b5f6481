package main

import (
	"context"
	"runtime/debug"
)

// releaseStartupMemory returns to the OS the Go heap that starting up
// used and dropped (the tray icon's decoding, Wails' bindings, reading the
// vault's settings). The Go runtime would keep most of those pages for a
// few minutes; for an app that waits all day in the tray they are worth
// giving back once the page has loaded (scripts/bench-memory.sh).
func releaseStartupMemory(context.Context) {
	go debug.FreeOSMemory()
}

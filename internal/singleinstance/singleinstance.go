// Package singleinstance hands a second launch of the desktop app over to the
// running one before Wails starts, so that the second process can exit 0.
//
// Wails' own single-instance lock does the same hand-over, but on Linux it
// then ends the second process with os.Exit(1), which launchers, desktop
// files and scripts read as a failed start. On Windows and macOS Wails exits
// 0 after its hand-over, so HandOver does nothing there and leaves the lock
// to Wails.
//
// HandOver only hands over when the running instance already holds Wails'
// lock. Two launches that start together both find no owner and both go on
// to wails.Run; Wails then picks the winner, and the loser still exits 1.
package singleinstance

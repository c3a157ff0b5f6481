//go:build !darwin && !windows

package tray

import "github.com/godbus/dbus/v5"

// available reports whether the D-Bus session bus answers. The
// tray library needs it, and its shutdown crashes on a connection that
// never opened, so the tray is only started when it does.
func available() bool {
	_, err := dbus.SessionBus()
	return err == nil
}

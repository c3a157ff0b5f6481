//go:build linux

package singleinstance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// callTimeout bounds the wait for the running instance's reply. It answers
// as soon as it has queued the message, so a longer wait means it hangs;
// the caller then falls back to Wails, which makes the same attempt.
const callTimeout = 5 * time.Second

// lockNames returns the D-Bus name Wails (v2, Linux) owns as its
// single-instance lock, and the object path and interface it serves the
// hand-over on. Both must match what the running Wails instance derives
// from the same unique id, or the hand-over finds no one.
func lockNames(uniqueID string) (busName string, path dbus.ObjectPath) {
	id := "wails_app_" + strings.NewReplacer("-", "_", ".", "_").Replace(uniqueID)
	return "org." + id + ".SingleInstance", dbus.ObjectPath("/org/" + id + "/SingleInstance")
}

// HandOver sends this launch's arguments and working directory to the
// running instance that holds the lock named uniqueID, the way Wails'
// second instance does, so that the running one's OnSecondInstanceLaunch
// fires. It reports whether the running instance took the hand-over; the
// caller should then exit.
//
// No session bus, or no owner of the lock, means there is no one to hand
// over to: false without an error, and the caller goes on to wails.Run.
// An error also means "go on": Wails then tries for itself.
func HandOver(uniqueID string, args []string, workingDir string) (bool, error) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		// Wails cannot take its lock without a session bus either, so no
		// running instance can be waiting for a hand-over.
		return false, nil
	}
	// A private connection, closed here: the shared one is the tray's.
	defer conn.Close()

	busName, path := lockNames(uniqueID)
	var owned bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, busName).Store(&owned)
	if err != nil {
		return false, fmt.Errorf("ask the session bus whether %s is owned: %w", busName, err)
	}
	if !owned {
		return false, nil
	}

	payload, err := json.Marshal(options.SecondInstanceData{Args: args, WorkingDirectory: workingDir})
	if err != nil {
		return false, fmt.Errorf("encode the hand-over: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	// NoAutoStart: should the owner quit after the check, nothing must be
	// activated in its place; the launch then simply becomes the instance.
	call := conn.Object(busName, path).CallWithContext(ctx, busName+".SendMessage", dbus.FlagNoAutoStart, string(payload))
	if err := call.Err; err != nil {
		if ownerLeft(err) {
			return false, nil
		}
		return false, fmt.Errorf("hand over to the running instance (%s): %w", busName, err)
	}
	return true, nil
}

// ownerLeft reports whether err says the lock's owner went away between
// the ownership check and the call.
func ownerLeft(err error) bool {
	var dbusErr dbus.Error
	if !errors.As(err, &dbusErr) {
		return false
	}
	switch dbusErr.Name {
	case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
		return true
	}
	return false
}

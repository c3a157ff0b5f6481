//go:build linux

package singleinstance

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"

	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// testID exercises both characters Wails rewrites when it derives its names.
const testID = "forgiva-test.lock-1"

// The names a Wails v2 first instance started with testID owns and serves;
// spelled out here so that a change in lockNames shows as a failure.
const (
	testBusName = "org.wails_app_forgiva_test_lock_1.SingleInstance"
	testPath    = "/org/wails_app_forgiva_test_lock_1/SingleInstance"
)

// firstInstance plays a running Wails app: it serves SendMessage the way
// Wails' Linux lock does and passes each message on.
type firstInstance struct{ messages chan string }

func (f *firstInstance) SendMessage(message string) *dbus.Error {
	f.messages <- message
	return nil
}

// ownLock takes the lock name on the private bus, serving first (nil: the
// name is owned but nothing answers on it).
func ownLock(t *testing.T, first *firstInstance) {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatalf("connect to the private bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	if first != nil {
		if err := conn.Export(first, testPath, testBusName); err != nil {
			t.Fatalf("export the first instance: %v", err)
		}
	}
	reply, err := conn.RequestName(testBusName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: reply %v, %v", testBusName, reply, err)
	}
}

func TestLockNamesMatchWails(t *testing.T) {
	bus, path := lockNames(testID)
	if bus != testBusName || path != testPath {
		t.Errorf("lockNames(%q) = %q, %q; want %q, %q", testID, bus, path, testBusName, testPath)
	}
}

func TestHandOverReachesRunningInstance(t *testing.T) {
	testkit.PrivateSessionBus(t)
	first := &firstInstance{messages: make(chan string, 1)}
	ownLock(t, first)

	args := []string{"--flag", "two words", "ünïcode"}
	const dir = "/home/someone/some dir"
	handed, err := HandOver(testID, args, dir)
	if err != nil || !handed {
		t.Fatalf("HandOver = %v, %v; want true, nil", handed, err)
	}
	select {
	case message := <-first.messages:
		// Decoded the way Wails' running instance decodes it.
		var got options.SecondInstanceData
		if err := json.Unmarshal([]byte(message), &got); err != nil {
			t.Fatalf("the running instance cannot decode %q: %v", message, err)
		}
		if !slices.Equal(got.Args, args) || got.WorkingDirectory != dir {
			t.Errorf("the running instance got args %q in %q; want %q in %q", got.Args, got.WorkingDirectory, args, dir)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the running instance got no message")
	}
}

func TestHandOverWithoutOwnerGoesOn(t *testing.T) {
	testkit.PrivateSessionBus(t)
	handed, err := HandOver(testID, nil, "/")
	if err != nil || handed {
		t.Errorf("HandOver with no running instance = %v, %v; want false, nil", handed, err)
	}
}

// An owner that does not answer the hand-over is an error, not a hand-over:
// the launch must go on (and leave the last word to Wails).
func TestHandOverToSilentOwnerFails(t *testing.T) {
	testkit.PrivateSessionBus(t)
	ownLock(t, nil)
	handed, err := HandOver(testID, nil, "/")
	if err == nil || handed {
		t.Errorf("HandOver to an owner without the method = %v, %v; want false and an error", handed, err)
	}
}

func TestHandOverWithoutSessionBusGoesOn(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	handed, err := HandOver(testID, nil, "/")
	if err != nil || handed {
		t.Errorf("HandOver without a session bus = %v, %v; want false, nil", handed, err)
	}
}

//go:build linux

package tray

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// watcher plays the desktop's org.kde.StatusNotifierWatcher: it records
// the items that register with it.
type watcher struct{ registered chan string }

func (w *watcher) RegisterStatusNotifierItem(sender dbus.Sender, _ string) *dbus.Error {
	w.registered <- string(sender)
	return nil
}

// menuItem is one dbusmenu layout node.
type menuItem struct {
	id    int32
	label string
}

// The test drives the real tray over a private D-Bus session, the way a
// desktop's panel does. scripts/with-test-services.sh provides the bus.
func TestTrayOverDBus(t *testing.T) {
	if os.Getenv("FORGIVA_TRAY_IT") != "1" {
		t.Skip("set FORGIVA_TRAY_IT=1 inside a private D-Bus session (scripts/with-test-services.sh)")
	}
	conn, err := dbus.ConnectSessionBus() // private: not the tray's shared connection
	if err != nil {
		t.Fatalf("session bus: %v", err)
	}
	defer conn.Close()
	w := &watcher{registered: make(chan string, 4)}
	if err := conn.Export(w, "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.kde.StatusNotifierWatcher", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own the watcher name: reply %v, %v", reply, err)
	}

	appIcon, err := os.ReadFile("../../build/appicon.png")
	if err != nil {
		t.Fatal(err)
	}
	clicks := make(chan string, 8)
	click := func(name string) func() { return func() { clicks <- name } }
	stop, ok := Start(appIcon, Menu{Quick: click("quick"), Lock: click("lock"), Show: click("show"), Quit: click("quit")})
	if !ok {
		t.Fatal("the tray did not start although the session bus answers")
	}
	defer stop()
	if _, again := Start(appIcon, Menu{}); again {
		t.Fatal("a second tray started in the same process")
	}

	var item string
	select {
	case item = <-w.registered:
	case <-time.After(10 * time.Second):
		t.Fatal("the tray never called RegisterStatusNotifierItem")
	}
	waitForTitle(t, conn.Object(item, "/StatusNotifierItem"), Tooltip)

	menu := conn.Object(item, "/StatusNotifierItem/menu")
	items := waitForMenu(t, menu, 4)
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.label
	}
	if want := []string{LabelQuick, LabelLock, LabelShow, LabelQuit}; !slices.Equal(labels, want) {
		t.Fatalf("menu %q, want %q", labels, want)
	}
	for _, c := range []struct {
		index int
		want  string
	}{{0, "quick"}, {3, "quit"}} {
		err := menu.Call("com.canonical.dbusmenu.Event", 0, items[c.index].id, "clicked", dbus.MakeVariant(""), uint32(0)).Err
		if err != nil {
			t.Fatalf("click %q: %v", labels[c.index], err)
		}
		select {
		case got := <-clicks:
			if got != c.want {
				t.Fatalf("clicking %q ran %q", labels[c.index], got)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("clicking %q ran nothing", labels[c.index])
		}
	}
}

// waitForTitle reads the item's Title until it is want: the tray may
// register before its ready callback has set the title (a desktop learns
// of it through the NewTitle signal).
func waitForTitle(t *testing.T, item dbus.BusObject, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		title, err := item.GetProperty("org.kde.StatusNotifierItem.Title")
		if err == nil && title.Value() == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Title = %v (%v), want %q", title, err, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForMenu reads the layout until it has n items: the tray fills its
// menu on its own goroutine after registering.
func waitForMenu(t *testing.T, menu dbus.BusObject, n int) []menuItem {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		items, err := readMenu(menu)
		if err == nil && len(items) >= n {
			return items
		}
		if time.Now().After(deadline) {
			t.Fatalf("menu never had %d items: %v, %v", n, items, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func readMenu(menu dbus.BusObject) ([]menuItem, error) {
	var revision uint32
	var root struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	err := menu.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).Store(&revision, &root)
	if err != nil {
		return nil, err
	}
	var items []menuItem
	for _, child := range root.Children {
		fields, ok := child.Value().([]any)
		if !ok || len(fields) != 3 {
			continue
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		label, _ := props["label"].Value().(string)
		items = append(items, menuItem{id: id, label: label})
	}
	return items, nil
}

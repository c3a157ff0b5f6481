package portal

import (
	"errors"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/forgiva/forgiva-desktop/internal/hotkey"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// fakePortal serves GlobalShortcuts on a private session bus, as
// xdg-desktop-portal does: every call answers with a request object whose
// Response signal follows.
type fakePortal struct {
	conn     *dbus.Conn
	answer   uint32 // 0 accepts, 1 is the user cancelling
	session  dbus.ObjectPath
	triggers []string
}

func (p *fakePortal) respond(request dbus.ObjectPath, results map[string]dbus.Variant) {
	go func() {
		time.Sleep(10 * time.Millisecond) // after the caller has the request path
		p.conn.Emit(request, requestIfc+".Response", p.answer, results)
	}()
}

func (p *fakePortal) CreateSession(options map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	token, _ := options["session_handle_token"].Value().(string)
	p.session = dbus.ObjectPath("/org/freedesktop/portal/desktop/session/test/" + token)
	request := dbus.ObjectPath("/org/freedesktop/portal/desktop/request/test/create")
	p.respond(request, map[string]dbus.Variant{"session_handle": dbus.MakeVariant(string(p.session))})
	return request, nil
}

func (p *fakePortal) BindShortcuts(session dbus.ObjectPath, shortcuts []struct {
	ID      string
	Options map[string]dbus.Variant
}, parent string, options map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	for _, s := range shortcuts {
		t, _ := s.Options["preferred_trigger"].Value().(string)
		p.triggers = append(p.triggers, s.ID+"="+t)
	}
	request := dbus.ObjectPath("/org/freedesktop/portal/desktop/request/test/bind")
	p.respond(request, map[string]dbus.Variant{})
	return request, nil
}

func servePortal(t *testing.T, answer uint32) *fakePortal {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	p := &fakePortal{conn: conn, answer: answer}
	if err := conn.ExportMethodTable(map[string]any{"CreateSession": p.CreateSession, "BindShortcuts": p.BindShortcuts},
		objectPath, shortcutsIfc); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(busName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: %v", busName, err)
	}
	return p
}

func ctrlAltF(t *testing.T) hotkey.Shortcut {
	s, err := hotkey.Parse("Ctrl+Alt+F")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The portal's way: a session, the shortcut bound with its preferred
// trigger, and each Activated signal of our session a press.
func TestBindAndActivate(t *testing.T) {
	testkit.PrivateSessionBus(t)
	p := servePortal(t, 0)
	l, err := Bind(ctrlAltF(t))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if len(p.triggers) != 1 || p.triggers[0] != "quick-generate=CTRL+ALT+f" {
		t.Fatalf("bound %q", p.triggers)
	}
	// Another session's press, or another id, is not ours.
	p.conn.Emit(objectPath, shortcutsIfc+".Activated", dbus.ObjectPath("/other"), shortcutID, uint64(1), map[string]dbus.Variant{})
	p.conn.Emit(objectPath, shortcutsIfc+".Activated", p.session, "other-id", uint64(2), map[string]dbus.Variant{})
	p.conn.Emit(objectPath, shortcutsIfc+".Activated", p.session, shortcutID, uint64(3), map[string]dbus.Variant{})
	select {
	case <-l.Pressed():
	case <-time.After(5 * time.Second):
		t.Fatal("the Activated signal did not arrive as a press")
	}
	select {
	case <-l.Pressed():
		t.Fatal("a press arrived for another session or id")
	case <-time.After(200 * time.Millisecond):
	}
}

func TestDeclinedAndMissing(t *testing.T) {
	testkit.PrivateSessionBus(t)
	if _, err := Bind(ctrlAltF(t)); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("no portal: %v, want ErrUnavailable", err)
	}
	if Available() {
		t.Fatal("Available with no portal on the bus")
	}
	servePortal(t, 1)
	if _, err := Bind(ctrlAltF(t)); err == nil || errors.Is(err, ErrUnavailable) {
		t.Fatalf("a cancelled request: %v, want the desktop's refusal", err)
	}
}

func TestTrigger(t *testing.T) {
	for text, want := range map[string]string{"Ctrl+Alt+F": "CTRL+ALT+f", "Super+Shift+F5": "SHIFT+LOGO+F5", "Ctrl+Space": "CTRL+Space"} {
		s, err := hotkey.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := trigger(s); got != want {
			t.Errorf("trigger(%s) = %q, want %q", text, got, want)
		}
	}
}

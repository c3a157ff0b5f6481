// Package portal asks the desktop for a global shortcut through
// xdg-desktop-portal's GlobalShortcuts interface: how an application gets
// one on Wayland, where it cannot grab keys itself. The desktop shows the
// user the shortcut and may let them pick another trigger; its presses come
// back as Activated signals.
package portal

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/forgiva/forgiva-desktop/internal/hotkey"
)

const (
	busName       = "org.freedesktop.portal.Desktop"
	objectPath    = "/org/freedesktop/portal/desktop"
	shortcutsIfc  = "org.freedesktop.portal.GlobalShortcuts"
	requestIfc    = "org.freedesktop.portal.Request"
	shortcutID    = "quick-generate"
	answerTimeout = 2 * time.Minute // the desktop may ask the user
)

// ErrUnavailable: the session has no portal with GlobalShortcuts.
var ErrUnavailable = errors.New("this desktop offers applications no global shortcut (no GlobalShortcuts portal)")

// Listener holds a shortcut bound through the portal.
type Listener struct {
	conn    *dbus.Conn
	session dbus.ObjectPath
	pressed chan struct{}
	done    chan struct{}
	once    sync.Once
}

// Available reports whether the session bus has the GlobalShortcuts portal.
func Available() bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	v, err := conn.Object(busName, objectPath).GetProperty(shortcutsIfc + ".version")
	return err == nil && v.Value() != nil
}

// Bind asks the portal for s as the quick-generate shortcut.
func Bind(s hotkey.Shortcut) (*Listener, error) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	l := &Listener{conn: conn, pressed: make(chan struct{}, 1), done: make(chan struct{})}
	if err := l.bind(s); err != nil {
		conn.Close()
		return nil, err
	}
	go l.loop()
	return l, nil
}

func (l *Listener) bind(s hotkey.Shortcut) error {
	signals := make(chan *dbus.Signal, 16)
	l.conn.Signal(signals)
	if err := l.conn.AddMatchSignal(dbus.WithMatchInterface(requestIfc), dbus.WithMatchMember("Response")); err != nil {
		return fmt.Errorf("portal: watch answers: %w", err)
	}
	if err := l.conn.AddMatchSignal(dbus.WithMatchInterface(shortcutsIfc), dbus.WithMatchMember("Activated")); err != nil {
		return fmt.Errorf("portal: watch presses: %w", err)
	}
	portal := l.conn.Object(busName, objectPath)
	results, err := l.call(portal, signals, "CreateSession", map[string]dbus.Variant{
		"handle_token":         dbus.MakeVariant("forgiva_create"),
		"session_handle_token": dbus.MakeVariant("forgiva_session"),
	})
	if err != nil {
		return err
	}
	handle, ok := results["session_handle"].Value().(string)
	if !ok {
		return errors.New("portal: no session in the answer to CreateSession")
	}
	l.session = dbus.ObjectPath(handle)
	shortcuts := []struct {
		ID      string
		Options map[string]dbus.Variant
	}{{shortcutID, map[string]dbus.Variant{
		"description":       dbus.MakeVariant("Quick generate a password"),
		"preferred_trigger": dbus.MakeVariant(trigger(s)),
	}}}
	_, err = l.call(portal, signals, "BindShortcuts", l.session, shortcuts, "", map[string]dbus.Variant{
		"handle_token": dbus.MakeVariant("forgiva_bind"),
	})
	l.conn.RemoveSignal(signals)
	return err
}

// call makes a portal request and waits for its Response signal.
func (l *Listener) call(portal dbus.BusObject, signals chan *dbus.Signal, method string, args ...any) (map[string]dbus.Variant, error) {
	var request dbus.ObjectPath
	if err := portal.Call(shortcutsIfc+"."+method, 0, args...).Store(&request); err != nil {
		if isUnknown(err) {
			return nil, ErrUnavailable
		}
		return nil, fmt.Errorf("portal: %s: %w", method, err)
	}
	deadline := time.After(answerTimeout)
	for {
		select {
		case sig := <-signals:
			if sig.Path != request || sig.Name != requestIfc+".Response" || len(sig.Body) < 2 {
				continue
			}
			code, _ := sig.Body[0].(uint32)
			results, _ := sig.Body[1].(map[string]dbus.Variant)
			if code != 0 {
				return nil, fmt.Errorf("the desktop declined the shortcut (%s: answer %d)", method, code)
			}
			return results, nil
		case <-deadline:
			return nil, fmt.Errorf("portal: no answer to %s", method)
		}
	}
}

func (l *Listener) loop() {
	defer close(l.pressed)
	signals := make(chan *dbus.Signal, 16)
	l.conn.Signal(signals)
	for {
		select {
		case sig, ok := <-signals:
			if !ok {
				return
			}
			if sig.Name != shortcutsIfc+".Activated" || len(sig.Body) < 2 {
				continue
			}
			if session, _ := sig.Body[0].(dbus.ObjectPath); session != l.session {
				continue
			}
			if id, _ := sig.Body[1].(string); id != shortcutID {
				continue
			}
			select {
			case l.pressed <- struct{}{}:
			default:
			}
		case <-l.done:
			return
		}
	}
}

// Pressed delivers one value per press; closed once the Listener stops.
func (l *Listener) Pressed() <-chan struct{} { return l.pressed }

// Close ends the portal session and the connection.
func (l *Listener) Close() error {
	l.once.Do(func() {
		close(l.done)
		if l.session != "" {
			l.conn.Object(busName, l.session).Call("org.freedesktop.portal.Session.Close", 0)
		}
		l.conn.Close()
	})
	return nil
}

// trigger writes s as the shortcuts specification spells a trigger
// ("CTRL+ALT+f"): modifiers in capitals, the key as its keysym name.
func trigger(s hotkey.Shortcut) string {
	var parts []string
	for _, m := range []struct {
		mod  hotkey.Modifiers
		name string
	}{{hotkey.Ctrl, "CTRL"}, {hotkey.Alt, "ALT"}, {hotkey.Shift, "SHIFT"}, {hotkey.Super, "LOGO"}} {
		if s.Mods&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	key := s.Key
	if len(key) == 1 {
		key = strings.ToLower(key)
	}
	return strings.Join(append(parts, key), "+")
}

func isUnknown(err error) bool {
	var e dbus.Error
	return errors.As(err, &e) && (strings.HasSuffix(e.Name, "UnknownMethod") || strings.HasSuffix(e.Name, "ServiceUnknown") ||
		strings.HasSuffix(e.Name, "UnknownInterface") || strings.HasSuffix(e.Name, "UnknownObject"))
}

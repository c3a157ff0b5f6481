//go:build linux

package hotkey

import (
	"fmt"
	"slices"
	"sync"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Keysyms that tell which modifier bit (Mod1…Mod5) a server gives Alt, Super
// and the lock keys: layouts differ, so the bits are read from the server.
const (
	ksAltL, ksAltR       = 0xffe9, 0xffea
	ksMetaL, ksMetaR     = 0xffe7, 0xffe8
	ksSuperL, ksSuperR   = 0xffeb, 0xffec
	ksNumLock, ksScrLock = 0xff7f, 0xff14
)

// TakenError is Grab's error when another client already holds the
// shortcut: the X server grants a key combination to one client only.
type TakenError struct {
	Shortcut Shortcut
}

func (e *TakenError) Error() string {
	return e.Shortcut.String() + " is taken by another application: choose another shortcut in Settings"
}

// Listener holds a grabbed shortcut on its own X connection until Close.
type Listener struct {
	conn     *xgb.Conn
	root     xproto.Window
	shortcut Shortcut
	keysym   uint32
	pressed  chan struct{}
	done     chan struct{}

	// mu guards the grabs the event loop may redo when the keyboard mapping
	// changes, against Close undoing them.
	mu       sync.Mutex
	mods     uint16   // the shortcut's modifiers as X modifier bits
	variants []uint16 // lock-modifier combinations grabbed besides mods
	keycodes []xproto.Keycode
	closed   bool

	closeOnce sync.Once
}

// Grab takes the shortcut s on the X display named by display ("" means
// $DISPLAY) for as long as the Listener is open. The shortcut also fires
// while Caps Lock, Num Lock or Scroll Lock is on, as people expect.
//
// When another application holds s already, the error is a *TakenError.
func Grab(display string, s Shortcut) (*Listener, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, fmt.Errorf("hotkey: connect to the X display: %w", err)
	}
	l := &Listener{
		conn:     conn,
		root:     xproto.Setup(conn).DefaultScreen(conn).Root,
		shortcut: s,
		keysym:   keysyms[s.Key],
		pressed:  make(chan struct{}, 1),
		done:     make(chan struct{}),
	}
	if err := l.grab(); err != nil {
		conn.Close()
		return nil, err
	}
	go l.loop()
	return l, nil
}

// Shortcut is the shortcut this Listener holds.
func (l *Listener) Shortcut() Shortcut { return l.shortcut }

// Pressed delivers one value per press of the shortcut. Presses that arrive
// while an earlier one is still unread are merged into it, so a slow reader
// never makes the X connection back up. The channel is closed once the
// Listener stops (Close, or the X server went away).
func (l *Listener) Pressed() <-chan struct{} { return l.pressed }

// Close releases the shortcut and the X connection. It returns after the
// server has processed the release, so another Grab can take it at once.
func (l *Listener) Close() error {
	var err error
	l.closeOnce.Do(func() {
		l.mu.Lock()
		l.ungrabLocked()
		l.closed = true
		// A round trip makes sure the server ungrabbed before we return.
		_, err = xproto.GetInputFocus(l.conn).Reply()
		l.mu.Unlock()
		l.conn.Close()
		<-l.done
		if err != nil {
			err = fmt.Errorf("hotkey: release %s: %w", l.shortcut, err)
		}
	})
	return err
}

func (l *Listener) loop() {
	defer close(l.done)
	defer close(l.pressed)
	// Auto-repeat sends a release and a press with one timestamp while the
	// key is held; only a press after a real release is a new press.
	var lastRelease xproto.Timestamp
	var releasedKey xproto.Keycode
	for {
		ev, xerr := l.conn.WaitForEvent()
		if ev == nil && xerr == nil {
			return // connection closed
		}
		switch e := ev.(type) {
		case xproto.KeyPressEvent:
			if e.Detail == releasedKey && e.Time == lastRelease {
				continue
			}
			select {
			case l.pressed <- struct{}{}:
			default:
			}
		case xproto.KeyReleaseEvent:
			releasedKey, lastRelease = e.Detail, e.Time
		case xproto.MappingNotifyEvent:
			l.follow()
		}
	}
}

// follow grabs anew when a mapping change moved the key to another keycode
// or the lock keys to other modifier bits (a layout switch). Changes that
// leave the shortcut where it was, such as a spare keycode being remapped
// while text is typed, change nothing, so the grab has no gap then.
func (l *Listener) follow() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	p, err := l.plan()
	if err != nil || (p.mods == l.mods && slices.Equal(p.keycodes, l.keycodes) && slices.Equal(p.variants, l.variants)) {
		// On error the old grabs stay: the best that can be done here.
		return
	}
	l.ungrabLocked()
	_ = l.grabLocked(p)
}

func (l *Listener) grab() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, err := l.plan()
	if err != nil {
		return err
	}
	return l.grabLocked(p)
}

// grabPlan is what to grab: keycodes, each with mods and every variant.
type grabPlan struct {
	keycodes []xproto.Keycode
	mods     uint16
	variants []uint16
}

// plan reads the keyboard and modifier mappings to find the shortcut's
// keycodes and modifier bits.
func (l *Listener) plan() (grabPlan, error) {
	setup := xproto.Setup(l.conn)
	count := byte(int(setup.MaxKeycode) - int(setup.MinKeycode) + 1)
	km, err := xproto.GetKeyboardMapping(l.conn, setup.MinKeycode, count).Reply()
	if err != nil {
		return grabPlan{}, fmt.Errorf("hotkey: read the keyboard mapping: %w", err)
	}
	mm, err := xproto.GetModifierMapping(l.conn).Reply()
	if err != nil {
		return grabPlan{}, fmt.Errorf("hotkey: read the modifier mapping: %w", err)
	}
	per := int(km.KeysymsPerKeycode)
	keysymsOf := func(kc xproto.Keycode) []xproto.Keysym {
		i := int(kc) - int(setup.MinKeycode)
		if i < 0 || per == 0 || (i+1)*per > len(km.Keysyms) {
			return nil
		}
		return km.Keysyms[i*per : (i+1)*per]
	}

	var keycodes []xproto.Keycode
	for kc := int(setup.MinKeycode); kc <= int(setup.MaxKeycode); kc++ {
		syms := keysymsOf(xproto.Keycode(kc))
		// Only the unshifted and shifted columns of the first group: a key
		// found in other groups or levels would need keys the shortcut
		// does not name.
		for col := 0; col < len(syms) && col < 2; col++ {
			if uint32(syms[col]) == l.keysym {
				keycodes = append(keycodes, xproto.Keycode(kc))
				break
			}
		}
	}
	if len(keycodes) == 0 {
		return grabPlan{}, fmt.Errorf("hotkey: %s: the keyboard layout has no key %s", l.shortcut, l.shortcut.Key)
	}

	masks := modifierBits(mm, keysymsOf)
	var mods uint16
	if l.shortcut.Mods&Ctrl != 0 {
		mods |= xproto.ModMaskControl
	}
	if l.shortcut.Mods&Shift != 0 {
		mods |= xproto.ModMaskShift
	}
	if l.shortcut.Mods&Alt != 0 {
		mods |= masks.alt
	}
	if l.shortcut.Mods&Super != 0 {
		mods |= masks.super
	}
	variants := lockVariants(mods, xproto.ModMaskLock, masks.numLock, masks.scrollLock)
	return grabPlan{keycodes: keycodes, mods: mods, variants: variants}, nil
}

// grabLocked grabs every keycode of p with every variant, all or nothing.
func (l *Listener) grabLocked(p grabPlan) error {
	type grabbed struct {
		kc     xproto.Keycode
		mods   uint16
		cookie xproto.GrabKeyCookie
	}
	// All requests go out before the first check so the grabs cost one
	// round trip, not one per combination.
	var sent []grabbed
	for _, kc := range p.keycodes {
		for _, v := range p.variants {
			c := xproto.GrabKeyChecked(l.conn, false, l.root, p.mods|v, kc,
				xproto.GrabModeAsync, xproto.GrabModeAsync)
			sent = append(sent, grabbed{kc, p.mods | v, c})
		}
	}
	var taken bool
	var firstErr error
	for _, g := range sent {
		err := g.cookie.Check()
		if err == nil {
			continue
		}
		if _, ok := err.(xproto.AccessError); ok {
			taken = true
		} else if firstErr == nil {
			firstErr = err
		}
	}
	if taken || firstErr != nil {
		// Release the combinations that did succeed: a half-held shortcut
		// would swallow the key in some lock states for nothing.
		for _, g := range sent {
			xproto.UngrabKey(l.conn, g.kc, l.root, g.mods)
		}
		if taken {
			return &TakenError{Shortcut: l.shortcut}
		}
		return fmt.Errorf("hotkey: grab %s: %w", l.shortcut, firstErr)
	}
	l.mods, l.variants, l.keycodes = p.mods, p.variants, p.keycodes
	return nil
}

func (l *Listener) ungrabLocked() {
	for _, kc := range l.keycodes {
		for _, v := range l.variants {
			xproto.UngrabKey(l.conn, kc, l.root, l.mods|v)
		}
	}
	l.keycodes = nil
}

type modifierMasks struct {
	alt, super, numLock, scrollLock uint16
}

// modifierBits finds which of Mod1…Mod5 carry Alt, Super, Num Lock and
// Scroll Lock in the server's modifier mapping, with the usual bits as the
// fallback when a layout does not say.
func modifierBits(mm *xproto.GetModifierMappingReply, keysymsOf func(xproto.Keycode) []xproto.Keysym) modifierMasks {
	var m modifierMasks
	per := int(mm.KeycodesPerModifier)
	// Rows 0–2 are Shift, Lock and Control; Mod1…Mod5 follow.
	for row := 3; row < 8; row++ {
		bit := uint16(1) << row
		for i := 0; i < per && row*per+i < len(mm.Keycodes); i++ {
			kc := mm.Keycodes[row*per+i]
			if kc == 0 {
				continue
			}
			for _, ks := range keysymsOf(kc) {
				switch ks {
				case ksAltL, ksAltR, ksMetaL, ksMetaR:
					if m.alt == 0 {
						m.alt = bit
					}
				case ksSuperL, ksSuperR:
					if m.super == 0 {
						m.super = bit
					}
				case ksNumLock:
					m.numLock = bit
				case ksScrLock:
					m.scrollLock = bit
				}
			}
		}
	}
	if m.alt == 0 {
		m.alt = xproto.ModMask1
	}
	if m.super == 0 {
		m.super = xproto.ModMask4
	}
	if m.numLock == 0 {
		m.numLock = xproto.ModMask2
	}
	return m
}

// lockVariants lists every combination of the lock bits that are not part
// of mods (0 first): X matches a grab's modifiers exactly, so without these
// the shortcut would die whenever Num Lock is on.
func lockVariants(mods uint16, locks ...uint16) []uint16 {
	var bits []uint16
	for _, b := range locks {
		if b != 0 && b&mods == 0 && !slices.Contains(bits, b) {
			bits = append(bits, b)
		}
	}
	variants := []uint16{0}
	for _, b := range bits {
		n := len(variants)
		for i := 0; i < n; i++ {
			variants = append(variants, variants[i]|b)
		}
	}
	return variants
}

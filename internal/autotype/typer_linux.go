//go:build linux

package autotype

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

const (
	ksCapsLock uint32 = 0xffe5
	// How often the held-keys wait looks again.
	pollInterval = 5 * time.Millisecond
)

// maxSpares, when positive, limits the spare keycodes used, so tests can
// make them run out as on a keyboard that has few.
var maxSpares = 0

// Typer types into the X display it was opened on. Its methods may be
// called from several goroutines; they run one at a time.
type Typer struct {
	mu       sync.Mutex
	conn     *xgb.Conn
	root     xproto.Window
	min, max xproto.Keycode
	atoms    atoms
}

type atoms struct {
	netActiveWindow, netWMName, utf8String, netSupportingWMCheck, compoundText xproto.Atom
}

// Open connects to the X display named by display ("" means $DISPLAY). The
// server must have the XTEST extension, which synthesises key presses as if
// they came from the keyboard.
func Open(display string) (*Typer, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, fmt.Errorf("autotype: connect to the X display: %w", err)
	}
	if err := xtest.Init(conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("autotype: the X server cannot type for us (XTEST): %w", err)
	}
	setup := xproto.Setup(conn)
	t := &Typer{
		conn: conn,
		root: setup.DefaultScreen(conn).Root,
		min:  setup.MinKeycode,
		max:  setup.MaxKeycode,
	}
	names := []string{"_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "UTF8_STRING", "_NET_SUPPORTING_WM_CHECK", "COMPOUND_TEXT"}
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, n := range names {
		cookies[i] = xproto.InternAtom(conn, false, uint16(len(n)), n)
	}
	got := make([]xproto.Atom, len(names))
	for i, c := range cookies {
		r, err := c.Reply()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("autotype: intern atom %s: %w", names[i], err)
		}
		got[i] = r.Atom
	}
	t.atoms = atoms{got[0], got[1], got[2], got[3], got[4]}
	return t, nil
}

// Close ends the connection to the X server.
func (t *Typer) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.conn.Close()
}

// Type types text, a UTF-8 string, into the window with the keyboard focus.
// Every character is typed, also those no key of the layout has (see
// Keysym). Nothing is typed when the text holds a character that cannot be
// typed. When Type returns, the server has delivered every key event.
func (t *Typer) Type(text []byte, opts Options) error {
	ks, err := appendKeysyms(make([]uint32, 0, len(text)), text)
	defer clear(ks[:cap(ks)])
	if err != nil {
		return fmt.Errorf("autotype: %w", err)
	}
	return t.typeKeysyms(ks, opts.withDefaults())
}

// TypeSequence types seq with its placeholders filled in from username and
// password, which the caller owns and wipes; the copies made here are wiped
// before it returns. Nothing is typed when a character cannot be typed.
func (t *Typer) TypeSequence(seq Sequence, username, password []byte, opts Options) error {
	ks, err := seq.keysyms(username, password)
	if err != nil {
		return err
	}
	defer clear(ks[:cap(ks)])
	return t.typeKeysyms(ks, opts.withDefaults())
}

// keyboard is the server's keyboard mapping at the start of one typing run.
type keyboard struct {
	min      xproto.Keycode
	per      int // keysyms per keycode
	syms     []xproto.Keysym
	modmap   *xproto.GetModifierMappingReply
	shift    xproto.Keycode // 0 when no key is Shift
	capsLock xproto.Keycode // 0 when no key is Caps Lock
}

func (k *keyboard) keysymsOf(kc xproto.Keycode) []xproto.Keysym {
	i := int(kc) - int(k.min)
	if i < 0 || k.per == 0 || (i+1)*k.per > len(k.syms) {
		return nil
	}
	return k.syms[i*k.per : (i+1)*k.per]
}

// stroke is how to type one keysym: a keycode, with or without Shift.
type stroke struct {
	kc    xproto.Keycode
	shift bool
}

// typeKeysyms types ks. It waits for (or releases) keys still held, turns
// Caps Lock off for the duration, and maps characters the layout lacks onto
// spare keycodes, restoring them afterwards whatever happens.
func (t *Typer) typeKeysyms(ks []uint32, opts Options) (err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(ks) == 0 {
		return nil
	}
	_ = t.drain() // stale events and errors from before this run

	if err := t.releaseHeld(opts.ReleaseWait); err != nil {
		return err
	}
	ptr, err := xproto.QueryPointer(t.conn, t.root).Reply()
	if err != nil {
		return fmt.Errorf("autotype: read the modifier state: %w", err)
	}
	kb, err := t.readKeyboard()
	if err != nil {
		return err
	}

	// The layout's keys type the right character only in the first group
	// (XKB keeps the group in bits 13–14 of the state); in another group
	// every character goes through a spare keycode, which types the same in
	// all groups.
	var layout map[uint32]stroke
	if (ptr.Mask>>13)&3 == 0 {
		layout = kb.layoutIndex()
	}
	strokes := make([]stroke, len(ks))
	defer clear(strokes)
	missing := false
	for i, k := range ks {
		s, ok := kb.find(layout, k)
		if !ok {
			missing = true
			s = stroke{} // kc 0: a spare keycode, chosen while typing
		}
		strokes[i] = s
	}
	var spares []xproto.Keycode
	if missing {
		spares = kb.spareKeycodes(t.max)
		if len(spares) == 0 {
			return errors.New("autotype: the text holds characters the keyboard layout lacks, and no keycode is free to map them to")
		}
	}

	remap := newRemapper(t, &kb, spares, opts.SettleDelay)
	defer func() {
		if rerr := remap.restore(); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	if ptr.Mask&xproto.ModMaskLock != 0 {
		if kb.capsLock == 0 {
			return errors.New("autotype: Caps Lock is on and no key turns it off: turn it off and try again")
		}
		// The strokes assume Caps Lock off; it goes back on after them.
		t.tap(kb.capsLock)
		defer func() {
			t.tap(kb.capsLock)
			if serr := t.sync("turn Caps Lock back on"); serr != nil && err == nil {
				err = serr
			}
		}()
	}

	// Characters go out on a schedule of one per KeyDelay rather than with
	// a sleep after each: a sleep overshoots by a good part of a
	// millisecond, which would double the time a password takes.
	next := time.Now()
	if missing {
		if err := remap.lend(ks, strokes, 0); err != nil {
			return err
		}
	}
	for i, s := range strokes {
		if s.kc == 0 {
			kc, ok := remap.assigned[ks[i]]
			if !ok {
				if err := remap.lend(ks, strokes, i); err != nil {
					return err
				}
				kc = remap.assigned[ks[i]]
			}
			s = stroke{kc: kc}
		}
		if s.shift {
			t.fake(xproto.KeyPress, kb.shift)
		}
		t.fake(xproto.KeyPress, s.kc)
		t.fake(xproto.KeyRelease, s.kc)
		if s.shift {
			t.fake(xproto.KeyRelease, kb.shift)
		}
		if opts.KeyDelay > 0 && i < len(strokes)-1 {
			next = next.Add(opts.KeyDelay)
			wait := time.Until(next)
			if wait < -opts.KeyDelay {
				// Far behind (a remap's settle delay): start a new schedule
				// rather than send the backlog with no pause at all.
				next, wait = time.Now(), 0
			}
			if wait > 0 {
				time.Sleep(wait)
			}
		}
	}
	return t.sync("type")
}

// fake sends one synthetic key event. Unchecked: an error shows up in the
// event queue, which sync reads.
func (t *Typer) fake(eventType byte, kc xproto.Keycode) {
	xtest.FakeInput(t.conn, eventType, byte(kc), xproto.TimeCurrentTime, xproto.WindowNone, 0, 0, 0)
}

func (t *Typer) tap(kc xproto.Keycode) {
	t.fake(xproto.KeyPress, kc)
	t.fake(xproto.KeyRelease, kc)
}

// sync waits for a round trip, so the server has handled every request sent
// before it, and reports the first X error those requests caused.
func (t *Typer) sync(what string) error {
	if _, err := xproto.GetInputFocus(t.conn).Reply(); err != nil {
		return fmt.Errorf("autotype: %s: %w", what, err)
	}
	if xerr := t.drain(); xerr != nil {
		// Only the error's kind: its fields may hold a keysym, that is a
		// character of the password.
		return fmt.Errorf("autotype: %s: the X server refused a request (%s)", what, errorKind(xerr))
	}
	return nil
}

// drain empties the event queue, which holds the MappingNotify events every
// client gets and the errors of unchecked requests, and returns the first
// error. Left alone, the queue would fill up and stall the connection.
func (t *Typer) drain() xgb.Error {
	var first xgb.Error
	for {
		ev, xerr := t.conn.PollForEvent()
		if ev == nil && xerr == nil {
			return first
		}
		if xerr != nil && first == nil {
			first = xerr
		}
	}
}

func errorKind(e xgb.Error) string {
	name := fmt.Sprintf("%T", e)
	name = name[strings.LastIndexByte(name, '.')+1:]
	return "Bad" + strings.TrimSuffix(name, "Error")
}

// releaseHeld waits until no key is down, such as the Ctrl+Alt of the
// shortcut that started typing: a held modifier would turn typed characters
// into shortcuts, and a held grabbed key keeps the keyboard grabbed away
// from the focused window. Keys still down after wait are released here.
func (t *Typer) releaseHeld(wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		km, err := xproto.QueryKeymap(t.conn).Reply()
		if err != nil {
			return fmt.Errorf("autotype: read which keys are down: %w", err)
		}
		var down []xproto.Keycode
		for i, b := range km.Keys {
			for bit := 0; bit < 8; bit++ {
				if b&(1<<bit) != 0 {
					down = append(down, xproto.Keycode(i*8+bit))
				}
			}
		}
		if len(down) == 0 {
			return nil
		}
		if !time.Now().Before(deadline) {
			for _, kc := range down {
				t.fake(xproto.KeyRelease, kc)
			}
			return t.sync("release held keys")
		}
		time.Sleep(pollInterval)
	}
}

func (t *Typer) readKeyboard() (keyboard, error) {
	count := byte(int(t.max) - int(t.min) + 1)
	kmC := xproto.GetKeyboardMapping(t.conn, t.min, count)
	mmC := xproto.GetModifierMapping(t.conn)
	km, err := kmC.Reply()
	if err != nil {
		return keyboard{}, fmt.Errorf("autotype: read the keyboard mapping: %w", err)
	}
	mm, err := mmC.Reply()
	if err != nil {
		return keyboard{}, fmt.Errorf("autotype: read the modifier mapping: %w", err)
	}
	kb := keyboard{min: t.min, per: int(km.KeysymsPerKeycode), syms: km.Keysyms, modmap: mm}
	per := int(mm.KeycodesPerModifier)
	row := func(r int) []xproto.Keycode {
		if (r+1)*per > len(mm.Keycodes) {
			return nil
		}
		return mm.Keycodes[r*per : (r+1)*per]
	}
	for _, kc := range row(0) {
		if kc != 0 {
			kb.shift = kc
			break
		}
	}
	for _, kc := range row(1) {
		if kc == 0 {
			continue
		}
		for _, s := range kb.keysymsOf(kc) {
			if uint32(s) == ksCapsLock {
				kb.capsLock = kc
			}
		}
		if kb.capsLock == 0 {
			kb.capsLock = kc
		}
	}
	return kb, nil
}

// layoutIndex maps each keysym of the first group to the key that types it,
// preferring no Shift and then the lowest keycode.
func (k *keyboard) layoutIndex() map[uint32]stroke {
	idx := make(map[uint32]stroke, 256)
	last := int(k.min) + len(k.syms)/max(k.per, 1) - 1
	for level := 0; level < 2 && level < k.per; level++ {
		for kc := int(k.min); kc <= last; kc++ {
			syms := k.keysymsOf(xproto.Keycode(kc))
			s := uint32(syms[level])
			if level == 1 && s == 0 {
				// The core protocol's rule: a letter alone in the first
				// column has its upper case in the second.
				s = upperLatin1(uint32(syms[0]))
			}
			if s == 0 {
				continue
			}
			if _, ok := idx[s]; !ok {
				idx[s] = stroke{kc: xproto.Keycode(kc), shift: level == 1}
			}
		}
	}
	return idx
}

// upperLatin1 is the upper case of a lower-case Latin-1 letter keysym, or 0.
func upperLatin1(s uint32) uint32 {
	switch {
	case s >= 'a' && s <= 'z', s >= 0xe0 && s <= 0xfe && s != 0xf7:
		return s - 0x20
	}
	return 0
}

// find returns the key that types ks in the layout.
func (k *keyboard) find(layout map[uint32]stroke, ks uint32) (stroke, bool) {
	if layout == nil {
		return stroke{}, false
	}
	usable := func(s stroke, ok bool) bool { return ok && (!s.shift || k.shift != 0) }
	if s, ok := layout[ks]; usable(s, ok) {
		return s, true
	}
	if alt, ok := equivalent(ks); ok {
		if s, ok := layout[alt]; usable(s, ok) {
			return s, true
		}
	}
	return stroke{}, false
}

// spareKeycodes lists keycodes with no keysym that no modifier uses: mapping
// a character there for a moment takes no key from the person.
func (k *keyboard) spareKeycodes(maxKC xproto.Keycode) []xproto.Keycode {
	inModmap := map[xproto.Keycode]bool{}
	for _, kc := range k.modmap.Keycodes {
		inModmap[kc] = true
	}
	var spares []xproto.Keycode
	for kc := int(k.min); kc <= int(maxKC); kc++ {
		syms := k.keysymsOf(xproto.Keycode(kc))
		if syms == nil || inModmap[xproto.Keycode(kc)] {
			continue
		}
		empty := true
		for _, s := range syms {
			if s != 0 {
				empty = false
				break
			}
		}
		if empty {
			spares = append(spares, xproto.Keycode(kc))
		}
	}
	if maxSpares > 0 && len(spares) > maxSpares {
		spares = spares[:maxSpares]
	}
	return spares
}

// remapper lends spare keycodes to characters the layout lacks. A keycode
// keeps its character until every press of it can have been looked up
// (settle), since applications translate a key event with the mapping of
// the moment they handle it, not of the moment it was sent: a lagging
// application would read a press sent before a change with the mapping
// after it. So characters are mapped before any of their presses, as many
// at once as there are spares, and mappings change only after a pause.
type remapper struct {
	t        *Typer
	kb       *keyboard
	spares   []xproto.Keycode
	settle   time.Duration
	assigned map[uint32]xproto.Keycode
	lent     int // spares[:lent] have held a character; restore undoes them
}

func newRemapper(t *Typer, kb *keyboard, spares []xproto.Keycode, settle time.Duration) *remapper {
	return &remapper{t: t, kb: kb, spares: spares, settle: settle, assigned: map[uint32]xproto.Keycode{}}
}

// lend maps the characters that need a spare keycode, from strokes[from]
// on, onto the spares in order of first use, until the spares run out.
func (r *remapper) lend(ks []uint32, strokes []stroke, from int) error {
	if len(r.assigned) > 0 {
		// The spares are lent: the presses sent so far must be read with
		// their characters before the spares change.
		if err := r.t.sync("type"); err != nil {
			return err
		}
		time.Sleep(r.settle)
		clear(r.assigned)
	}
	// Every column holds the character, so Shift, Caps Lock and the group
	// cannot change it.
	syms := make([]xproto.Keysym, 0, len(r.spares)*r.kb.per)
	defer func() { clear(syms[:cap(syms)]) }()
	next := 0
	for j := from; j < len(ks) && next < len(r.spares); j++ {
		if strokes[j].kc != 0 {
			continue
		}
		if _, ok := r.assigned[ks[j]]; ok {
			continue
		}
		r.assigned[ks[j]] = r.spares[next]
		next++
		for range r.kb.per {
			syms = append(syms, xproto.Keysym(ks[j]))
		}
	}
	r.lent = max(r.lent, next)
	r.change(r.spares[:next], syms)
	return nil
}

// change maps keycodes (ascending) to syms, per keysyms each, with one
// request per run of consecutive keycodes: every request makes each client
// fetch the mapping anew, and a client busy fetching falls behind.
func (r *remapper) change(keycodes []xproto.Keycode, syms []xproto.Keysym) {
	per := r.kb.per
	for start := 0; start < len(keycodes); {
		end := start + 1
		for end < len(keycodes) && keycodes[end] == keycodes[end-1]+1 && end-start < 255 {
			end++
		}
		xproto.ChangeKeyboardMapping(r.t.conn, byte(end-start), keycodes[start], byte(per), syms[start*per:end*per])
		start = end
	}
}

// restore gives the spare keycodes back their (empty) mapping, after the
// settle delay so the last presses are read with their characters.
func (r *remapper) restore() error {
	clear(r.assigned)
	if r.lent == 0 {
		return nil
	}
	_, _ = xproto.GetInputFocus(r.t.conn).Reply()
	time.Sleep(r.settle)
	orig := make([]xproto.Keysym, 0, r.lent*r.kb.per)
	for _, kc := range r.spares[:r.lent] {
		orig = append(orig, r.kb.keysymsOf(kc)...)
	}
	r.change(r.spares[:r.lent], orig)
	r.lent = 0
	return r.t.sync("restore the keyboard mapping")
}

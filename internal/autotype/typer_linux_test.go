//go:build linux

package autotype

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/forgiva/forgiva-desktop/internal/x11/x11test"
)

func TestMain(m *testing.M) { os.Exit(x11test.Main(m)) }

func open(t testing.TB) *Typer {
	t.Helper()
	ty, err := Open("")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(ty.Close)
	return ty
}

// observer is a second X connection that looks at the server's state.
type observer struct {
	conn *xgb.Conn
	root xproto.Window
}

func observe(t testing.TB) *observer {
	t.Helper()
	conn, err := xgb.NewConnDisplay("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	return &observer{conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root}
}

func (o *observer) mapping(t testing.TB) []xproto.Keysym {
	t.Helper()
	s := xproto.Setup(o.conn)
	r, err := xproto.GetKeyboardMapping(o.conn, s.MinKeycode, byte(int(s.MaxKeycode)-int(s.MinKeycode)+1)).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return append([]xproto.Keysym{xproto.Keysym(r.KeysymsPerKeycode)}, r.Keysyms...)
}

func (o *observer) state(t testing.TB) uint16 {
	t.Helper()
	p, err := xproto.QueryPointer(o.conn, o.root).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return p.Mask
}

func xdotool(t testing.TB, args ...string) {
	t.Helper()
	if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

func printableASCII() string {
	var b strings.Builder
	for c := byte(0x20); c < 0x7f; c++ {
		b.WriteByte(c)
	}
	return b.String()
}

func randomText(r *rand.Rand, alphabet []rune, n int) string {
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(out)
}

func TestTypeIntoXterm(t *testing.T) {
	x11test.Require(t)
	x := x11test.StartXterm(t, "forgiva typing target")
	ty := open(t)
	obs := observe(t)
	if err := ty.Focus(x.ID); err != nil {
		t.Fatalf("Focus: %v", err)
	}
	before := obs.mapping(t)

	rng := rand.New(rand.NewPCG(1, 2))
	ascii := []rune(printableASCII())
	legacy := []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~üÜöÖäÄßçÇñÑéÉèàâêîôûëïœ€£¥§°µ")
	cases := []struct{ name, text string }{
		{"lowercase", "abcdefghijklmnopqrstuvwxyz"},
		{"uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
		{"digits", "0123456789"},
		{"printable ASCII", printableASCII()},
		{"two-byte characters", "üß€ñé"},
		{"Latin-1 and beyond", "ÄÖÜäöü çÇ ¡¿ £¥ µ ÿ ğşİ łŁ ő αβγ дж ∑ 中文"},
		{"repeats", "aaAA€€üü  !!"},
		{"64 ASCII", randomText(rng, ascii, 64)},
		{"64 ASCII again", randomText(rng, ascii, 64)},
		{"64 legacy mode", randomText(rng, legacy, 64)},
	}
	for _, c := range cases {
		if err := ty.Type([]byte(c.text), Options{}); err != nil {
			t.Fatalf("%s: Type: %v", c.name, err)
		}
		x.Expect(t, []byte(c.text))
		if after := obs.mapping(t); !slices.Equal(before, after) {
			t.Fatalf("%s: the keyboard mapping was not restored", c.name)
		}
	}

	// Tab and newline are keys; xterm sends Return as CR.
	if err := ty.Type([]byte("a\tb\nc"), Options{}); err != nil {
		t.Fatal(err)
	}
	x.Expect(t, []byte("a\tb\rc"))

	seq, err := ParseSequence(DefaultSequence)
	if err != nil {
		t.Fatal(err)
	}
	if err := ty.TypeSequence(seq, []byte("jane.doe@example.org"), []byte("pässwörd€{}"), Options{}); err != nil {
		t.Fatal(err)
	}
	x.Expect(t, []byte("jane.doe@example.org\tpässwörd€{}\r"))

	// Nothing is typed when one character cannot be.
	for _, bad := range []string{"ok\x01", "ok\xff", "ok\x7f"} {
		if err := ty.Type([]byte(bad), Options{}); err == nil {
			t.Fatalf("Type(%q) succeeded", bad)
		}
	}
	x.ExpectNothingMore(t)
	if after := obs.mapping(t); !slices.Equal(before, after) {
		t.Fatal("the keyboard mapping was not restored")
	}
}

// With few spare keycodes, characters the layout lacks take turns on them.
func TestTypeFewSpareKeycodes(t *testing.T) {
	x11test.Require(t)
	x := x11test.StartXterm(t, "forgiva spares")
	ty := open(t)
	obs := observe(t)
	if err := ty.Focus(x.ID); err != nil {
		t.Fatal(err)
	}
	before := obs.mapping(t)
	maxSpares = 2
	defer func() { maxSpares = 0 }()
	text := "ü€ñé€ßαü中ñx€"
	if err := ty.Type([]byte(text), Options{}); err != nil {
		t.Fatal(err)
	}
	x.Expect(t, []byte(text))
	if after := obs.mapping(t); !slices.Equal(before, after) {
		t.Fatal("the keyboard mapping was not restored")
	}
}

func TestTypeWithCapsLockOn(t *testing.T) {
	x11test.Require(t)
	x := x11test.StartXterm(t, "forgiva caps")
	ty := open(t)
	obs := observe(t)
	if err := ty.Focus(x.ID); err != nil {
		t.Fatal(err)
	}
	// Caps Lock sends no byte to the terminal.
	xdotool(t, "key", "Caps_Lock")
	if obs.state(t)&xproto.ModMaskLock == 0 {
		t.Fatal("Caps Lock did not turn on")
	}
	defer xdotool(t, "key", "Caps_Lock")
	text := "aBc-XyZ_üÜ1!"
	if err := ty.Type([]byte(text), Options{}); err != nil {
		t.Fatal(err)
	}
	x.Expect(t, []byte(text))
	if obs.state(t)&xproto.ModMaskLock == 0 {
		t.Fatal("Caps Lock is off after typing; it was on before")
	}
}

func TestTypeWaitsForHeldModifiers(t *testing.T) {
	x11test.Require(t)
	x := x11test.StartXterm(t, "forgiva held keys")
	ty := open(t)
	if err := ty.Focus(x.ID); err != nil {
		t.Fatal(err)
	}

	// The person lets go of Ctrl+Alt a moment after the shortcut.
	xdotool(t, "keydown", "ctrl+alt")
	go func() {
		time.Sleep(80 * time.Millisecond)
		_ = exec.Command("xdotool", "keyup", "ctrl+alt").Run()
	}()
	start := time.Now()
	if err := ty.Type([]byte("held"), Options{}); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 60*time.Millisecond {
		t.Errorf("Type returned after %v, before the keys were released", waited)
	}
	x.Expect(t, []byte("held"))

	// Keys held past the wait are released before typing.
	xdotool(t, "keydown", "ctrl+shift")
	if err := ty.Type([]byte("still"), Options{ReleaseWait: 50 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	x.Expect(t, []byte("still"))
	x.ExpectNothingMore(t)
}

// TestTypingSpeed logs how long typing takes per character; it asserts no
// time, since a shared machine's timing is not the code's.
func TestTypingSpeed(t *testing.T) {
	x11test.Require(t)
	x := x11test.StartXterm(t, "forgiva speed")
	ty := open(t)
	if err := ty.Focus(x.ID); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	ascii := []rune(printableASCII())
	for _, opts := range []Options{{}, {KeyDelay: -1}} {
		text := randomText(rng, ascii, 64)
		start := time.Now()
		if err := ty.Type([]byte(text), opts); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		x.Expect(t, []byte(text))
		t.Logf("64 ASCII characters, key delay %v: %v, %d ns/char", opts.withDefaults().KeyDelay, took, took.Nanoseconds()/64)
	}
	text := randomText(rng, []rune("üß€ñéαβγдж中文"), 64)
	start := time.Now()
	if err := ty.Type([]byte(text), Options{}); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	x.Expect(t, []byte(text))
	t.Logf("64 remapped characters: %v, %d ns/char", took, took.Nanoseconds()/64)
}

// BenchmarkType64 types 64-character passwords into a terminal.
func BenchmarkType64(b *testing.B) {
	x11test.Require(b)
	x := x11test.StartXterm(b, "forgiva bench")
	ty := open(b)
	if err := ty.Focus(x.ID); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	text := []byte(randomText(rng, []rune(printableASCII()), 64))
	var all []byte
	b.ResetTimer()
	for range b.N {
		if err := ty.Type(text, Options{}); err != nil {
			b.Fatal(err)
		}
		all = append(all, text...)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(text)), "ns/char")
	x.Expect(b, all)
}

func TestWindows(t *testing.T) {
	x11test.Require(t)
	a := x11test.StartXterm(t, "Forgiva target ü")
	b := x11test.StartXterm(t, "other window")
	ty := open(t)
	obs := observe(t)

	// No focus (the server's initial PointerRoot): nothing to type into.
	if err := xproto.SetInputFocusChecked(obs.conn, xproto.InputFocusPointerRoot, xproto.InputFocusPointerRoot, xproto.TimeCurrentTime).Check(); err != nil {
		t.Fatal(err)
	}
	if _, err := ty.ActiveWindow(); !errors.Is(err, ErrNoFocus) {
		t.Fatalf("ActiveWindow with no focus: %v, want ErrNoFocus", err)
	}

	for _, x := range []*x11test.Xterm{a, b, a} {
		if err := ty.Focus(x.ID); err != nil {
			t.Fatalf("Focus(%#x): %v", x.ID, err)
		}
		w, err := ty.ActiveWindow()
		if err != nil {
			t.Fatal(err)
		}
		if w.ID != x.ID {
			t.Fatalf("ActiveWindow = %#x, want %#x", w.ID, x.ID)
		}
	}
	w, err := ty.ActiveWindow()
	if err != nil {
		t.Fatal(err)
	}
	if w.Title != "Forgiva target ü" {
		t.Fatalf("ActiveWindow title %q", w.Title)
	}
	if title, err := ty.Title(b.ID); err != nil || title != "other window" {
		t.Fatalf("Title(b) = %q, %v", title, err)
	}
	// xterm gives a title beyond Latin-1 as COMPOUND_TEXT in WM_NAME only:
	// "·" as a Latin-1 byte, "—" in a UTF-8 segment.
	c := x11test.StartXterm(t, "Sign in · example.org — Browser")
	if title, err := ty.Title(c.ID); err != nil || title != "Sign in · example.org — Browser" {
		t.Fatalf("Title(compound text) = %q, %v", title, err)
	}
	xdotool(t, "set_window", "--name", "renamed ✓", fmt.Sprint(a.ID))
	if title, err := ty.Title(a.ID); err != nil || title != "renamed ✓" {
		t.Fatalf("Title after rename = %q, %v", title, err)
	}

	// Typing goes to the window given the focus back.
	if err := ty.Focus(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := ty.Type([]byte("to b"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := ty.Focus(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := ty.Type([]byte("to a"), Options{}); err != nil {
		t.Fatal(err)
	}
	a.Expect(t, []byte("to a"))
	b.Expect(t, []byte("to b"))

	// A window that is gone cannot take the focus.
	if err := ty.Focus(0x7ffffff); err == nil {
		t.Fatal("Focus of a missing window succeeded")
	}
	if _, err := ty.Title(0x7ffffff); err == nil {
		t.Fatal("Title of a missing window succeeded")
	}
}

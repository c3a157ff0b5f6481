//go:build linux

package autotype

import (
	"slices"
	"testing"

	"github.com/jezek/xgb/xproto"
)

// testKeyboard has keycodes 8–15 with two keysyms each:
// 8 a (implied A), 9 1 !, 10 empty, 11 Shift_L, 12 empty (but a modifier),
// 13 b B, 14 € (EuroSign) alone, 15 empty, 16 é in its Unicode form.
func testKeyboard() *keyboard {
	syms := []xproto.Keysym{
		'a', 0,
		'1', '!',
		0, 0,
		0xffe1, 0,
		0, 0,
		'b', 'B',
		0x20ac, 0,
		0, 0,
		0x010000e9, 0,
	}
	return &keyboard{
		min: 8, per: 2, syms: syms, shift: 11,
		modmap: &xproto.GetModifierMappingReply{KeycodesPerModifier: 1, Keycodes: []xproto.Keycode{11, 12, 0, 0, 0, 0, 0, 0}},
	}
}

func TestLayoutIndexAndFind(t *testing.T) {
	kb := testKeyboard()
	idx := kb.layoutIndex()
	cases := map[uint32]stroke{
		'a': {8, false}, 'A': {8, true}, '1': {9, false}, '!': {9, true},
		'b': {13, false}, 'B': {13, true},
		0x010020ac: {14, false}, // € found through its older keysym
		0xe9:       {16, false}, // é found through its Unicode form
	}
	for ks, want := range cases {
		got, ok := kb.find(idx, ks)
		if !ok || got != want {
			t.Errorf("find(%#x) = %+v, %v, want %+v", ks, got, ok, want)
		}
	}
	for _, ks := range []uint32{'c', 0xfc, 0x01004e2d} {
		if s, ok := kb.find(idx, ks); ok {
			t.Errorf("find(%#x) = %+v, want none", ks, s)
		}
	}
	if _, ok := kb.find(nil, 'a'); ok {
		t.Error("find without a layout (another group) found a key")
	}
	// Without a Shift key, shifted characters need a spare keycode.
	kb.shift = 0
	if _, ok := kb.find(idx, 'A'); ok {
		t.Error("find(A) without a Shift key found one")
	}
}

func TestSpareKeycodes(t *testing.T) {
	kb := testKeyboard()
	if got, want := kb.spareKeycodes(16), []xproto.Keycode{10, 15}; !slices.Equal(got, want) {
		t.Fatalf("spareKeycodes = %v, want %v (12 is a modifier)", got, want)
	}
	maxSpares = 1
	defer func() { maxSpares = 0 }()
	if got := kb.spareKeycodes(16); len(got) != 1 {
		t.Fatalf("spareKeycodes with maxSpares 1 = %v", got)
	}
}

func TestUpperLatin1(t *testing.T) {
	cases := map[uint32]uint32{'a': 'A', 'z': 'Z', 0xfc: 0xdc, 0xe0: 0xc0, 0xf7: 0, 0xff: 0, 'A': 0, '1': 0, 0xdf: 0}
	for in, want := range cases {
		if got := upperLatin1(in); got != want {
			t.Errorf("upperLatin1(%#x) = %#x, want %#x", in, got, want)
		}
	}
}

package autotype

import (
	"errors"
	"slices"
	"testing"
)

func TestKeysym(t *testing.T) {
	cases := map[rune]uint32{
		'a': 0x61, 'Z': 0x5a, '0': 0x30, ' ': 0x20, '~': 0x7e, '{': 0x7b,
		'\t': KeysymTab, '\n': KeysymReturn, '\r': KeysymReturn,
		'\u00a0': 0xa0, 'ü': 0xfc, 'ß': 0xdf, 'ñ': 0xf1, 'é': 0xe9, 'ÿ': 0xff,
		'€': 0x010020ac, 'ő': 0x01000151, 'α': 0x010003b1, '中': 0x01004e2d,
		'😀': 0x0101f600,
	}
	for r, want := range cases {
		got, err := Keysym(r)
		if err != nil || got != want {
			t.Errorf("Keysym(%U) = %#x, %v, want %#x", r, got, err, want)
		}
	}
	for _, r := range []rune{0, 0x01, 0x1b, 0x7f, 0x80, 0x9f} {
		if _, err := Keysym(r); !errors.Is(err, ErrUntypable) {
			t.Errorf("Keysym(%U) = %v, want ErrUntypable", r, err)
		}
	}
	for _, r := range []rune{0xd800, 0xdfff, 0x110000, -1} {
		if _, err := Keysym(r); err == nil {
			t.Errorf("Keysym(%U) succeeded", r)
		}
	}
}

func TestAppendKeysyms(t *testing.T) {
	got, err := appendKeysyms(nil, []byte("aü€\t"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []uint32{0x61, 0xfc, 0x010020ac, KeysymTab}; !slices.Equal(got, want) {
		t.Fatalf("appendKeysyms = %#x, want %#x", got, want)
	}
	for _, bad := range []string{"a\xffb", "\xc3", "\xed\xa0\x80"} {
		if _, err := appendKeysyms(nil, []byte(bad)); !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("appendKeysyms(%q) = %v, want ErrInvalidUTF8", bad, err)
		}
	}
}

func TestEquivalent(t *testing.T) {
	cases := map[uint32]uint32{0x61: 0x01000061, 0xfc: 0x010000fc, 0x010020ac: 0x20ac}
	for ks, want := range cases {
		if got, ok := equivalent(ks); !ok || got != want {
			t.Errorf("equivalent(%#x) = %#x, %v, want %#x", ks, got, ok, want)
		}
	}
	if _, ok := equivalent(0x01004e2d); ok {
		t.Error("equivalent(中) found one")
	}
}

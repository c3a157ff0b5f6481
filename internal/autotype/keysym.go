package autotype

import (
	"errors"
	"unicode/utf8"
)

// Keysyms of keys typed for control characters and placeholders.
const (
	KeysymTab    uint32 = 0xff09
	KeysymReturn uint32 = 0xff0d
)

// unicodeKeysym is X's encoding of a Unicode code point as a keysym.
const unicodeKeysym uint32 = 0x01000000

var (
	// ErrInvalidUTF8 means the text is not UTF-8. Like ErrUntypable it says
	// nothing about the text, which may be a password.
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	// ErrUntypable means the text holds a control character other than
	// tab and newline (and carriage return, typed as Return), which no key
	// types.
	ErrUntypable = errors.New("text holds a control character that cannot be typed")
)

// Keysym returns the X keysym that types r: Latin-1 characters are their own
// keysyms, any other character is its Unicode keysym (0x01000000 | r), which
// X servers accept on any keycode; tab and newline are the Tab and Return
// keys.
func Keysym(r rune) (uint32, error) {
	switch {
	case r == '\t':
		return KeysymTab, nil
	case r == '\n' || r == '\r':
		return KeysymReturn, nil
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return 0, ErrUntypable
	case r < 0x100:
		return uint32(r), nil
	case r > utf8.MaxRune || (r >= 0xd800 && r < 0xe000):
		return 0, ErrInvalidUTF8
	default:
		return unicodeKeysym | uint32(r), nil
	}
}

// appendKeysyms appends the keysym of every character of text to dst, or
// fails without typing anything when one of them cannot be typed.
func appendKeysyms(dst []uint32, text []byte) ([]uint32, error) {
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size <= 1 {
			return dst, ErrInvalidUTF8
		}
		ks, err := Keysym(r)
		if err != nil {
			return dst, err
		}
		dst = append(dst, ks)
		text = text[size:]
	}
	return dst, nil
}

// equivalent returns the other keysym a layout may use for the character
// of ks, so the layout's key is used rather than a remapped spare one: X
// has a Unicode form of every Latin-1 keysym, and an older keysym for €.
func equivalent(ks uint32) (uint32, bool) {
	switch {
	case ks >= 0x20 && ks < 0x100:
		return unicodeKeysym | ks, true
	case ks == unicodeKeysym|0x20ac:
		return 0x20ac, true // EuroSign
	}
	return 0, false
}

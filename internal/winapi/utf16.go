package winapi

import (
	"unicode/utf16"
	"unicode/utf8"
)

// AppendUTF16 appends UTF-8 text to dst as the UTF-16 units Windows takes.
// A caller holding a secret gives a dst of capacity len(text) (a UTF-8 byte
// never makes more than one unit), so no copy is left behind by a growing
// slice, and wipes it after use.
func AppendUTF16(dst []uint16, text []byte) []uint16 {
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		dst = utf16.AppendRune(dst, r)
		text = text[n:]
	}
	return dst
}

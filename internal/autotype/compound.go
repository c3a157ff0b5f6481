package autotype

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// compoundText decodes the part of X11's COMPOUND_TEXT that window titles
// use: ASCII and Latin-1, the initial state, and UTF-8 segments (ESC % G to
// ESC % @, which xterm and Xlib's UTF-8 locales write for what Latin-1
// lacks). A title in any other character set (the JIS or Greek ones that
// ISO 2022 designations select) comes out as U+FFFD, one per byte: it can
// still be shown, and no entry will match it by mistake.
func compoundText(b []byte) string {
	var out strings.Builder
	var inUTF8, otherGL, otherGR bool
	for len(b) > 0 {
		if b[0] == 0x1b {
			seq, rest, ok := escape(b[1:])
			if !ok {
				break // a cut-off sequence ends the text
			}
			b = rest
			switch {
			case seq == "%G":
				inUTF8 = true
			case seq == "%@":
				inUTF8 = false
			case strings.HasPrefix(seq, "(") || strings.HasPrefix(seq, "$(") || (strings.HasPrefix(seq, "$") && len(seq) == 2):
				otherGL = seq != "(B" // ASCII, or something else
			case strings.HasPrefix(seq, ")") || strings.HasPrefix(seq, "-") || strings.HasPrefix(seq, "$)"):
				otherGR = seq != "-A" // Latin-1's right half, or something else
			}
			continue
		}
		if inUTF8 {
			n := bytes.IndexByte(b, 0x1b)
			if n < 0 {
				n = len(b)
			}
			out.WriteString(strings.ToValidUTF8(string(b[:n]), "\uFFFD"))
			b = b[n:]
			continue
		}
		c := b[0]
		b = b[1:]
		switch {
		case c < 0x80 && (!otherGL || c < 0x21 || c == 0x7f):
			out.WriteByte(c)
		case c >= 0xa0 && !otherGR:
			out.WriteRune(rune(c)) // Latin-1 is Unicode's first 256
		default:
			out.WriteRune(utf8.RuneError)
		}
	}
	return out.String()
}

// escape splits an escape sequence, the bytes after ESC, into its
// intermediate bytes plus final byte, and what follows.
func escape(b []byte) (seq string, rest []byte, ok bool) {
	for i, c := range b {
		if c < 0x20 || c > 0x2f {
			return string(b[:i+1]), b[i+1:], i > 0
		}
	}
	return "", nil, false
}

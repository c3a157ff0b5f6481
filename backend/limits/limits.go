// Package limits holds the limits every metadata record obeys, whether a
// user typed it or a backup file brought it: the vault enforces them, and
// the backup decoder refuses a file that breaks them, so that whatever
// decodes can be stored and whatever is stored can be exported.
package limits

const (
	// MaxFieldBytes bounds host, account, last renewal, signature and
	// search text.
	MaxFieldBytes = 1024
	// MaxGroupNameRunes and MaxDescriptionRunes bound a group's texts.
	MaxGroupNameRunes   = 100
	MaxDescriptionRunes = 1000
	// MinLength and MaxLength bound a stored entry's password length (the
	// engine itself takes 1..64; a one-character password is no password).
	MinLength = 2
	MaxLength = 64
	// MaxGroupDepth is how many levels groups may nest.
	MaxGroupDepth = 64
)

// Hidden reports whether r is a character that changes how text around it
// is shown without showing itself: zero-width characters (U+200B–U+200D,
// U+FEFF) and bidirectional controls (U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069). In a host, an account or a group name they let
// "moc.knab" display as "bank.com", so those fields refuse them.
func Hidden(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// FirstHidden returns the first Hidden character of s, if any.
func FirstHidden(s string) (rune, bool) {
	for _, r := range s {
		if Hidden(r) {
			return r, true
		}
	}
	return 0, false
}

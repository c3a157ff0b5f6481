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

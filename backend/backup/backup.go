package backup

import (
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/limits"
)

// Group is one metadata group. ParentID 0 means top level.
type Group struct {
	ID, ParentID      int64
	Name, Description string
}

// Entry is one metadata record ("metadata" in Forgiva's vocabulary).
// LastRenewal nil means none; it is kept byte-exact because it feeds the
// password.
type Entry struct {
	ID, GroupID        int64
	Host, Account      string
	LastRenewal        *string
	Complexity, Length int
	Classes            forgiva.Classes
	GeneratedBefore    bool
}

// Backup is the content of a backup file. Groups returned by Decode are
// ordered parents before children; Entries keep the file's order.
type Backup struct {
	Groups  []Group
	Entries []Entry
}

// Size limits. A backup of a real vault is a few hundred kilobytes; the
// limits only stop hostile or broken files from exhausting memory.
const (
	MaxInputSize = 96 << 20 // bytes read from a file (base64 of MaxJSONSize fits)
	MaxJSONSize  = 64 << 20 // bytes of JSON after base64 and gzip
	MaxGroups    = 100_000
	MaxEntries   = 100_000
	MaxDepth     = limits.MaxGroupDepth // nesting levels of groups
)

// Field limits: the vault's own, so that a backup that decodes is one the
// vault can store.
const (
	maxFieldBytes       = limits.MaxFieldBytes
	maxGroupNameRunes   = limits.MaxGroupNameRunes
	maxDescriptionRunes = limits.MaxDescriptionRunes
	minLength           = limits.MinLength
	maxLength           = limits.MaxLength
)

// FormatError is every error Decode, Read and Encode return. Message is
// meant for people: it says what is wrong and where, and quotes no host,
// account or renewal value.
type FormatError struct {
	Message string
}

func (e *FormatError) Error() string { return e.Message }

// notBackup reports a file that is not a backup at all (size, base64, gzip,
// JSON syntax).
func notBackup(format string, args ...any) *FormatError {
	return &FormatError{Message: "This file is not a Forgiva backup (" + fmt.Sprintf(format, args...) + ")"}
}

// invalid reports a backup whose content breaks a rule.
func invalid(format string, args ...any) *FormatError {
	return &FormatError{Message: "Invalid backup: " + fmt.Sprintf(format, args...)}
}

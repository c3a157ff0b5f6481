package backup

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/limits"
)

// The checks below return plain errors naming the record and the JSON field;
// Decode and Encode put their own prefix in front.

func groupLabel(i int, id int64) string    { return fmt.Sprintf("group #%d (id %d)", i+1, id) }
func metadataLabel(i int, id int64) string { return fmt.Sprintf("metadata #%d (id %d)", i+1, id) }

// checkContent applies every rule that does not depend on the JSON form:
// sizes, ranges, text, unique ids and references between records. The tree
// shape (cycles, depth) is checked by parentsFirst.
func checkContent(b Backup) error {
	if len(b.Groups) > MaxGroups {
		return fmt.Errorf("too many groups (%d, at most %d)", len(b.Groups), MaxGroups)
	}
	if len(b.Entries) > MaxEntries {
		return fmt.Errorf("too many metadatas (%d, at most %d)", len(b.Entries), MaxEntries)
	}
	groupAt := make(map[int64]int, len(b.Groups))
	for i, g := range b.Groups {
		if err := checkGroup(g); err != nil {
			return fmt.Errorf("%s: %w", groupLabel(i, g.ID), err)
		}
		if j, dup := groupAt[g.ID]; dup {
			return fmt.Errorf("%s: id %d is already used by group #%d", groupLabel(i, g.ID), g.ID, j+1)
		}
		groupAt[g.ID] = i
	}
	for i, g := range b.Groups {
		if _, ok := groupAt[g.ParentID]; g.ParentID != 0 && !ok {
			return fmt.Errorf("%s: parentGroupId %d matches no group in the file", groupLabel(i, g.ID), g.ParentID)
		}
	}
	entryAt := make(map[int64]int, len(b.Entries))
	for i, e := range b.Entries {
		if err := checkEntry(e); err != nil {
			return fmt.Errorf("%s: %w", metadataLabel(i, e.ID), err)
		}
		if j, dup := entryAt[e.ID]; dup {
			return fmt.Errorf("%s: id %d is already used by metadata #%d", metadataLabel(i, e.ID), e.ID, j+1)
		}
		entryAt[e.ID] = i
		if _, ok := groupAt[e.GroupID]; !ok {
			return fmt.Errorf("%s: metadataGroupId %d matches no group in the file", metadataLabel(i, e.ID), e.GroupID)
		}
	}
	return nil
}

func checkGroup(g Group) error {
	// Zero is "top level" for parentGroupId, so no group can have it as id.
	if g.ID < 1 {
		return fmt.Errorf("id must be 1 or more (got %d)", g.ID)
	}
	if g.ParentID < 0 {
		return fmt.Errorf("parentGroupId must be 0 (top level) or a group id (got %d)", g.ParentID)
	}
	name := strings.TrimSpace(g.Name)
	switch {
	case name == "":
		return fmt.Errorf("groupName is empty")
	case !utf8.ValidString(name):
		return fmt.Errorf("groupName is not valid UTF-8 text")
	case utf8.RuneCountInString(name) > maxGroupNameRunes:
		return fmt.Errorf("groupName is too long (at most %d characters)", maxGroupNameRunes)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return fmt.Errorf("groupName contains control characters")
	}
	if r, ok := limits.FirstHidden(name); ok {
		return fmt.Errorf("groupName contains the invisible character %U, which can make it look like another name", r)
	}
	switch d := g.Description; {
	case !utf8.ValidString(d):
		return fmt.Errorf("groupDescription is not valid UTF-8 text")
	case utf8.RuneCountInString(d) > maxDescriptionRunes:
		return fmt.Errorf("groupDescription is too long (at most %d characters)", maxDescriptionRunes)
	case strings.IndexFunc(d, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		return fmt.Errorf("groupDescription contains control characters other than line breaks and tabs")
	}
	return nil
}

func checkEntry(e Entry) error {
	if e.ID < 1 {
		return fmt.Errorf("id must be 1 or more (got %d)", e.ID)
	}
	// Like the algorithm and the vault: host or account may be empty, not
	// both.
	if e.Host == "" && e.Account == "" {
		return fmt.Errorf("host and account are both empty")
	}
	if err := checkExact("host", e.Host, e.Host != ""); err != nil {
		return err
	}
	if err := checkExact("account", e.Account, e.Account != ""); err != nil {
		return err
	}
	if e.LastRenewal != nil {
		if err := checkExact("lastRenewal", *e.LastRenewal, false); err != nil {
			return err
		}
	}
	if e.Complexity < 1 || e.Complexity > 3 {
		return fmt.Errorf("complexity must be 1, 2 or 3 (got %d)", e.Complexity)
	}
	if e.Length < minLength || e.Length > maxLength {
		return fmt.Errorf("passwordLength must be between %d and %d (got %d)", minLength, maxLength, e.Length)
	}
	if e.Classes == (forgiva.Classes{}) {
		return fmt.Errorf("no character class is chosen (optLowercase, optUppercase, optNumbers and optSymbols are all false)")
	}
	return nil
}

// checkExact checks a value that feeds the password. It is never trimmed or
// changed, so anything that cannot be kept byte-exact is refused: U+FFFD is
// what JSON decoding leaves of a lone UTF-16 surrogate, and importing it
// would silently change the password. Host and account also follow the
// vault's rule of no control characters; lastRenewal may be any text,
// including "".
func checkExact(field, value string, strict bool) error {
	switch {
	case strict && value == "":
		return fmt.Errorf("%s is empty", field)
	case len(value) > maxFieldBytes:
		return fmt.Errorf("%s is too long (%d bytes, at most %d)", field, len(value), maxFieldBytes)
	case !utf8.ValidString(value):
		return fmt.Errorf("%s is not valid UTF-8 text", field)
	case strings.ContainsRune(value, utf8.RuneError):
		return fmt.Errorf("%s contains an undecodable character (U+FFFD); it would change the generated password", field)
	case strict && strings.IndexFunc(value, unicode.IsControl) >= 0:
		return fmt.Errorf("%s contains control characters", field)
	}
	if r, ok := limits.FirstHidden(value); strict && ok {
		return fmt.Errorf("%s contains the invisible character %U, which can make it look like something else", field, r)
	}
	return nil
}

package vault

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/limits"
	"github.com/forgiva/forgiva-desktop/internal/autotype"
)

// Limits at the vault boundary.
const (
	maxFieldBytes        = limits.MaxFieldBytes
	maxGroupNameRunes    = limits.MaxGroupNameRunes
	maxDescriptionRunes  = limits.MaxDescriptionRunes
	minLength, maxLength = limits.MinLength, limits.MaxLength
)

// checkExact validates a value that feeds the password and is therefore kept
// byte-exact: no trimming, but not empty, valid UTF-8, no control characters,
// not absurdly long.
func checkExact(label, value string) error {
	switch {
	case value == "":
		return invalidf("%s is required", label)
	case len(value) > maxFieldBytes:
		return invalidf("%s is too long (%d bytes, at most %d)", label, len(value), maxFieldBytes)
	case !utf8.ValidString(value):
		return invalidf("%s is not valid UTF-8 text", label)
	case strings.IndexFunc(value, unicode.IsControl) >= 0:
		return invalidf("%s must not contain control characters (tabs, line breaks...)", label)
	}
	return nil
}

// checkVisible refuses the characters that make text show as other text
// (limits.Hidden), in the fields people recognise an entry or group by.
func checkVisible(label, value string) error {
	if r, ok := limits.FirstHidden(value); ok {
		return invalidf("%s contains the invisible character %U, which can make it look like something else: remove it", label, r)
	}
	return nil
}

// cleanGroupName trims a group name (it feeds no password) and checks it.
func cleanGroupName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", about("name", invalidf("Group name is required"))
	case !utf8.ValidString(name):
		return "", about("name", invalidf("Group name is not valid UTF-8 text"))
	case utf8.RuneCountInString(name) > maxGroupNameRunes:
		return "", about("name", invalidf("Group name is too long (at most %d characters)", maxGroupNameRunes))
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "", about("name", invalidf("Group name must not contain control characters"))
	}
	if err := checkVisible("Group name", name); err != nil {
		return "", about("name", err)
	}
	return name, nil
}

func checkDescription(description string) error {
	switch {
	case !utf8.ValidString(description):
		return about("description", invalidf("Description is not valid UTF-8 text"))
	case utf8.RuneCountInString(description) > maxDescriptionRunes:
		return about("description", invalidf("Description is too long (at most %d characters)", maxDescriptionRunes))
	case strings.IndexFunc(description, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		return about("description", invalidf("Description must not contain control characters other than line breaks and tabs"))
	}
	return nil
}

// checkOptionalExact is checkExact for a value that may be empty.
func checkOptionalExact(label, value string) error {
	if value == "" {
		return nil
	}
	return checkExact(label, value)
}

func (in EntryInput) validate() error {
	// The algorithm takes an empty host or an empty account (Forgiva
	// installations have such entries), but not both.
	if in.Host == "" && in.Account == "" {
		return about("host", invalidf("Host or account is required"))
	}
	for _, f := range []struct{ field, label, value string }{{"host", "Host", in.Host}, {"account", "Account", in.Account}} {
		if err := checkOptionalExact(f.label, f.value); err != nil {
			return about(f.field, err)
		}
		if err := checkVisible(f.label, f.value); err != nil {
			return about(f.field, err)
		}
	}
	if in.Complexity < 1 || in.Complexity > 3 {
		return about("complexity", invalidf("Complexity must be 1, 2 or 3 (got %d)", in.Complexity))
	}
	if in.Length < minLength || in.Length > maxLength {
		return about("length", invalidf("Length must be between %d and %d (got %d)", minLength, maxLength, in.Length))
	}
	if in.Classes == (forgiva.Classes{}) {
		return about("classes", invalidf("Choose at least one character class: lowercase, uppercase, numbers or symbols"))
	}
	if in.TypeSequence != "" {
		if len(in.TypeSequence) > maxFieldBytes {
			return about("typeSequence", invalidf("The typing sequence is too long (at most %d bytes)", maxFieldBytes))
		}
		if _, err := autotype.ParseSequence(in.TypeSequence); err != nil {
			return about("typeSequence", invalidf("Typing sequence: %v", err))
		}
	}
	return nil
}

package backup

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes keeps file names well under the 255-byte limit of common
// file systems once the date and extension are added.
const maxNameBytes = 100

// FileName is the name to offer when exporting: "<group>-YYYY-MM-DD-backup.fgdump",
// with "Forgiva" for a whole-vault export (groupName ""). The group name is
// made safe for Windows, macOS and Linux file systems. day is formatted in
// its own location, so pass local time.
func FileName(groupName string, day time.Time) string {
	name := safeName(groupName)
	if name == "" {
		name = "Forgiva"
	}
	return name + "-" + day.Format("2006-01-02") + "-backup.fgdump"
}

// safeName replaces characters that some file system forbids, drops the
// leading dots (hidden files) and the spaces and dots Windows strips, and
// avoids Windows device names such as "CON.x".
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`<>:"/\|?*`, r) || r == utf8.RuneError {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(s, "_"))
	s = strings.Trim(s, " .")
	if len(s) > maxNameBytes {
		cut := maxNameBytes
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = strings.TrimRight(s[:cut], " .")
	}
	if stem, _, _ := strings.Cut(s, "."); isWindowsDevice(strings.TrimSpace(stem)) {
		s = "_" + s
	}
	return s
}

func isWindowsDevice(stem string) bool {
	upper := strings.ToUpper(stem)
	switch upper {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(upper) == 4 && (strings.HasPrefix(upper, "COM") || strings.HasPrefix(upper, "LPT")) &&
		upper[3] >= '1' && upper[3] <= '9'
}

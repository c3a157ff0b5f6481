//go:build !linux

package quicktype

// System is this desktop's Desktop: none here yet (Windows' SendInput and
// macOS are not written), so a quick generation copies.
func System() Desktop { return nil }

//go:build !linux && !windows

package quicktype

// System is this desktop's Desktop: none on macOS yet, so a quick
// generation copies.
func System() Desktop { return nil }

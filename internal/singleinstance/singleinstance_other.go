//go:build !linux

package singleinstance

// HandOver does nothing here: Wails' own lock exits 0 after its hand-over on
// Windows and macOS, so there is nothing to fix before wails.Run.
func HandOver(uniqueID string, args []string, workingDir string) (bool, error) {
	return false, nil
}

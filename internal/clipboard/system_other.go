//go:build !windows && !(darwin && cgo) && !(linux && (desktop || production || dev))

package clipboard

// System is the clipboard of the desktop session. Builds without GTK
// (tests, macOS without cgo) use board, the window runtime's text clipboard.
func System(board Board) SecretBoard { return TextBoard(board) }

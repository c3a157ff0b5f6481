// Package winapi holds what several Windows parts share: user32's INPUT and
// SendInput (typing, and the tests that press keys), and UTF-16 encoding
// of text that may be a secret (the clipboard, typing).
package winapi

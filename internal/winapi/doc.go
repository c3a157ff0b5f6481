// Package winapi holds the few user32 structures and calls that several
// Windows parts share (typing, and the tests that press keys). It is empty
// on other systems.
package winapi

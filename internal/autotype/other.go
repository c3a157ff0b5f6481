//go:build !linux

package autotype

import "errors"

// ErrUnsupported is Open's error where there is no X11 to type into.
var ErrUnsupported = errors.New("autotype: typing into other windows is supported on Linux (X11) only")

// Typer types into the desktop's focused window; on this OS there is never one.
type Typer struct{}

// Open returns ErrUnsupported on this OS.
func Open(display string) (*Typer, error) { return nil, ErrUnsupported }

// Close does nothing on this OS.
func (t *Typer) Close() {}

// Type returns ErrUnsupported on this OS.
func (t *Typer) Type(text []byte, opts Options) error { return ErrUnsupported }

// TypeSequence returns ErrUnsupported on this OS.
func (t *Typer) TypeSequence(seq Sequence, username, password []byte, opts Options) error {
	return ErrUnsupported
}

// ActiveWindow returns ErrUnsupported on this OS.
func (t *Typer) ActiveWindow() (Window, error) { return Window{}, ErrUnsupported }

// Title returns ErrUnsupported on this OS.
func (t *Typer) Title(id uint32) (string, error) { return "", ErrUnsupported }

// Focus returns ErrUnsupported on this OS.
func (t *Typer) Focus(id uint32) error { return ErrUnsupported }

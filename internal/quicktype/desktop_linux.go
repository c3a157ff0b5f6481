//go:build linux

package quicktype

import (
	"fmt"
	"os"

	"github.com/forgiva/forgiva-desktop/internal/autotype"
)

// System is this desktop's Desktop: X11 (also XWayland's, which sees only
// X clients) when there is an X display, else none.
func System() Desktop {
	if os.Getenv("DISPLAY") == "" {
		return nil
	}
	return x11Desktop{}
}

// x11Desktop opens an X connection per call: calls are rare (a shortcut, a
// typed password), and no connection outlives its use.
type x11Desktop struct{}

func with[T any](do func(*autotype.Typer) (T, error)) (T, error) {
	var zero T
	t, err := autotype.Open("")
	if err != nil {
		return zero, fmt.Errorf("connect to the X display: %w", err)
	}
	defer t.Close()
	return do(t)
}

func (x11Desktop) Active() (Window, error) {
	return with(func(t *autotype.Typer) (Window, error) {
		w, err := t.ActiveWindow()
		return Window{ID: w.ID, Title: w.Title}, err
	})
}

func (x11Desktop) Title(id uint32) (string, error) {
	return with(func(t *autotype.Typer) (string, error) { return t.Title(id) })
}

func (x11Desktop) Focus(id uint32) error {
	_, err := with(func(t *autotype.Typer) (struct{}, error) { return struct{}{}, t.Focus(id) })
	return err
}

func (x11Desktop) Type(seq autotype.Sequence, username, password []byte) error {
	_, err := with(func(t *autotype.Typer) (struct{}, error) {
		return struct{}{}, t.TypeSequence(seq, username, password, autotype.Options{})
	})
	return err
}

package quicktype

import (
	"errors"
	"testing"

	"github.com/forgiva/forgiva-desktop/internal/autotype"
)

// fakeDesk is a desktop of windows by id, one of them focused.
type fakeDesk struct {
	titles  map[uint32]string
	focused uint32
	typed   map[uint32]string
}

func (d *fakeDesk) Active() (Window, error) { return Window{d.focused, d.titles[d.focused]}, nil }
func (d *fakeDesk) Title(id uint32) (string, error) {
	title, ok := d.titles[id]
	if !ok {
		return "", errors.New("no such window")
	}
	return title, nil
}
func (d *fakeDesk) Focus(id uint32) error { d.focused = id; return nil }
func (d *fakeDesk) Type(seq autotype.Sequence, username, password []byte) error {
	for _, step := range seq {
		switch step.Kind {
		case autotype.StepUsername:
			d.typed[d.focused] += string(username)
		case autotype.StepPassword:
			d.typed[d.focused] += string(password)
		case autotype.StepTab:
			d.typed[d.focused] += "\t"
		case autotype.StepEnter:
			d.typed[d.focused] += "\n"
		default:
			d.typed[d.focused] += step.Text
		}
	}
	return nil
}

var passwordOnly = must(autotype.ParseSequence("{PASSWORD}"))

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func newDesk() *fakeDesk {
	return &fakeDesk{titles: map[uint32]string{1: "Sign in - GitHub", 2: "Forgiva Desktop", 3: "Terminal"}, focused: 1, typed: map[uint32]string{}}
}

func TestTypistTypesIntoTheRememberedWindow(t *testing.T) {
	d := newDesk()
	ty := New(d, "Forgiva Desktop")
	if w, err := ty.Remember(); err != nil || w.ID != 1 {
		t.Fatalf("Remember = %v, %v", w, err)
	}
	d.focused = 2 // the app's window comes up
	if err := ty.Type(passwordOnly, nil, []byte("s3cret")); err != nil {
		t.Fatal(err)
	}
	if d.typed[1] != "s3cret" || d.typed[2] != "" || d.focused != 1 {
		t.Fatalf("typed %v, focus on %d", d.typed, d.focused)
	}
	if err := ty.Type(passwordOnly, nil, []byte("again")); !errors.Is(err, ErrNoTarget) {
		t.Fatalf("a second Type: %v, want ErrNoTarget (the target is used once)", err)
	}
}

func TestTypistRefusals(t *testing.T) {
	tests := []struct {
		name  string
		setUp func(d *fakeDesk, ty *Typist)
		want  func(error) bool
	}{
		{"own window", func(d *fakeDesk, ty *Typist) { d.focused = 2; ty.Remember() },
			func(err error) bool { return errors.Is(err, ErrNoTarget) }},
		{"title changed", func(d *fakeDesk, ty *Typist) { ty.Remember(); d.titles[1] = "Evil page" },
			func(err error) bool {
				var tc *TitleChangedError
				return errors.As(err, &tc) && tc.Was == "Sign in - GitHub"
			}},
		{"window gone", func(d *fakeDesk, ty *Typist) { ty.Remember(); delete(d.titles, 1) },
			func(err error) bool { return err != nil }},
		{"nothing remembered", func(d *fakeDesk, ty *Typist) {},
			func(err error) bool { return errors.Is(err, ErrNoTarget) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDesk()
			ty := New(d, "Forgiva Desktop")
			tt.setUp(d, ty)
			err := ty.Type(passwordOnly, nil, []byte("s3cret"))
			if !tt.want(err) {
				t.Fatalf("Type: %v", err)
			}
			for id, text := range d.typed {
				if text != "" {
					t.Fatalf("window %d received %q", id, text)
				}
			}
		})
	}
	if _, err := New(nil, "x").Remember(); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("no desktop: %v", err)
	}
}

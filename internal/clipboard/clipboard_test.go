package clipboard

import (
	"errors"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

type fakeBoard struct {
	text    string
	sets    int
	failGet bool
}

func (b *fakeBoard) ClipboardSetText(text string) error { b.text = text; b.sets++; return nil }
func (b *fakeBoard) ClipboardGetText() (string, error) {
	if b.failGet {
		return "", errors.New("no clipboard")
	}
	return b.text, nil
}

func TestGuard(t *testing.T) {
	cases := []struct {
		name       string
		clearAfter time.Duration
		advance    time.Duration
		userCopies string // what the user copies after us ("" = nothing)
		want       string
	}{
		{"cleared when due", 10 * time.Second, 10 * time.Second, "", ""},
		{"kept before due", 10 * time.Second, 9 * time.Second, "", "s3cret"},
		{"user copy survives", 10 * time.Second, time.Minute, "notes", "notes"},
		{"never with zero delay", 0, time.Hour, "", "s3cret"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var fake clock.Fake
			board := &fakeBoard{text: "before"}
			g := New(TextBoard(board), fake.AfterFunc)
			if err := g.Copy([]byte("s3cret"), c.clearAfter); err != nil {
				t.Fatal(err)
			}
			if board.text != "s3cret" {
				t.Fatalf("clipboard %q after Copy", board.text)
			}
			if c.userCopies != "" {
				board.text = c.userCopies
			}
			fake.Advance(c.advance)
			if board.text != c.want {
				t.Fatalf("clipboard %q, want %q", board.text, c.want)
			}
		})
	}
}

// Lock and quit clear at once; a second copy replaces the first's timer.
func TestGuardClearNowAndRecopy(t *testing.T) {
	var fake clock.Fake
	board := &fakeBoard{}
	g := New(TextBoard(board), fake.AfterFunc)
	if err := g.Copy([]byte("one"), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	fake.Advance(4 * time.Second)
	if err := g.Copy([]byte("two"), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	fake.Advance(4 * time.Second) // the first timer would have fired by now
	if board.text != "two" {
		t.Fatalf("clipboard %q, want the second copy kept", board.text)
	}
	if err := g.Clear(); err != nil {
		t.Fatal(err)
	}
	if board.text != "" || g.Pending() || fake.Pending() != 0 {
		t.Fatalf("after Clear: clipboard %q, pending %v/%d", board.text, g.Pending(), fake.Pending())
	}
	sets := board.sets
	board.text = "later"
	if err := g.Clear(); err != nil || board.text != "later" || board.sets != sets {
		t.Fatalf("a Clear with nothing of ours touched the clipboard: %q, %v", board.text, err)
	}
}

func TestGuardUnreadableClipboard(t *testing.T) {
	var fake clock.Fake
	board := &fakeBoard{}
	g := New(TextBoard(board), fake.AfterFunc)
	if err := g.Copy([]byte("x"), time.Second); err != nil {
		t.Fatal(err)
	}
	board.failGet = true
	if err := g.Clear(); err != nil || board.text != "" {
		t.Fatalf("an unreadable clipboard was left as %q (%v)", board.text, err)
	}
}

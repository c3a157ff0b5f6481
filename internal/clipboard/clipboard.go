// Package clipboard copies secrets to the system clipboard and takes them
// back out: after a delay, on lock and on quit, but only while the
// clipboard still holds what was put there, so text the user copied since
// is never lost.
package clipboard

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// Board is a plain text clipboard (the window runtime's).
type Board interface {
	ClipboardSetText(text string) error
	ClipboardGetText() (string, error)
}

// SecretBoard is a clipboard a password can be put on and taken back from.
// On Linux it is GTK's, owned by this process (gtk.go): CLIPBOARD only,
// marked secret for clipboard managers, and it knows whether it still
// holds what it was given.
type SecretBoard interface {
	SetSecret(secret []byte) error
	// ClearIfOurs empties the clipboard if it still holds the last secret
	// set, and reports whether it did.
	ClearIfOurs() (bool, error)
}

// Guard copies secrets and takes them back out.
type Guard struct {
	board SecretBoard
	after clock.AfterFunc

	mu    sync.Mutex
	owned bool        // a secret of ours may be on the board
	stop  func() bool // the pending clear, if any
}

// New returns a Guard over board; after schedules the delayed clears.
func New(board SecretBoard, after clock.AfterFunc) *Guard {
	return &Guard{board: board, after: after}
}

// Copy puts secret on the clipboard and, when clearAfter > 0, schedules
// its removal. The caller still owns (and wipes) secret.
func (g *Guard) Copy(secret []byte, clearAfter time.Duration) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cancelPending()
	if err := g.board.SetSecret(secret); err != nil {
		return fmt.Errorf("copy to the clipboard: %w", err)
	}
	g.owned = true
	if clearAfter > 0 {
		g.stop = g.after(clearAfter, func() { _ = g.Clear() })
	}
	return nil
}

// Clear empties the clipboard if it still holds the last secret copied;
// it does nothing when the user has copied something else since, or when
// nothing was copied since the last Clear.
func (g *Guard) Clear() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cancelPending()
	if !g.owned {
		return nil
	}
	g.owned = false
	if _, err := g.board.ClearIfOurs(); err != nil {
		return fmt.Errorf("clear the clipboard: %w", err)
	}
	return nil
}

// Pending reports whether a delayed clear is scheduled.
func (g *Guard) Pending() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.stop != nil
}

func (g *Guard) cancelPending() {
	if g.stop != nil {
		g.stop()
		g.stop = nil
	}
}

// TextBoard makes a SecretBoard of a plain text clipboard. It remembers a
// hash of the last secret it set, never the secret, to tell whether the
// clipboard still holds it.
func TextBoard(board Board) SecretBoard { return &textBoard{board: board} }

type textBoard struct {
	board Board
	mu    sync.Mutex
	sum   [sha256.Size]byte
}

func (b *textBoard) SetSecret(secret []byte) error {
	// The runtime takes a string: one copy the garbage collector frees,
	// which no code here can wipe.
	if err := b.board.ClipboardSetText(string(secret)); err != nil {
		return err
	}
	b.mu.Lock()
	b.sum = sha256.Sum256(secret)
	b.mu.Unlock()
	return nil
}

func (b *textBoard) ClearIfOurs() (bool, error) {
	b.mu.Lock()
	ours := b.sum
	b.mu.Unlock()
	// A clipboard that cannot be read is cleared all the same: a password
	// left behind is worse than a lost clipboard.
	if current, err := b.board.ClipboardGetText(); err == nil {
		sum := sha256.Sum256([]byte(current))
		if subtle.ConstantTimeCompare(sum[:], ours[:]) != 1 {
			return false, nil
		}
	}
	if err := b.board.ClipboardSetText(""); err != nil {
		return false, err
	}
	return true, nil
}

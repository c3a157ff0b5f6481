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

// Board is the system clipboard.
type Board interface {
	ClipboardSetText(text string) error
	ClipboardGetText() (string, error)
}

// Guard remembers a hash of the last secret it copied, never the secret.
type Guard struct {
	board Board
	after clock.AfterFunc

	mu    sync.Mutex
	ours  [sha256.Size]byte
	owned bool        // ours is what we last put on the board
	stop  func() bool // the pending clear, if any
}

// New returns a Guard over board; after schedules the delayed clears.
func New(board Board, after clock.AfterFunc) *Guard {
	return &Guard{board: board, after: after}
}

// Copy puts secret on the clipboard and, when clearAfter > 0, schedules
// its removal. The caller still owns (and wipes) secret.
func (g *Guard) Copy(secret []byte, clearAfter time.Duration) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cancelPending()
	// The runtime takes a string: one copy the garbage collector frees,
	// which no code here can wipe.
	if err := g.board.ClipboardSetText(string(secret)); err != nil {
		return fmt.Errorf("copy to the clipboard: %w", err)
	}
	g.ours, g.owned = sha256.Sum256(secret), true
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
	// A clipboard that cannot be read is cleared all the same: a password
	// left behind is worse than a lost clipboard.
	if current, err := g.board.ClipboardGetText(); err == nil {
		sum := sha256.Sum256([]byte(current))
		if subtle.ConstantTimeCompare(sum[:], g.ours[:]) != 1 {
			return nil
		}
	}
	if err := g.board.ClipboardSetText(""); err != nil {
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

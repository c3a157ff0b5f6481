package cli

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// progressDelay keeps quick generations silent: the line appears only when
// the work lasts longer than this.
const progressDelay = 400 * time.Millisecond

// progressLine draws "label 42%" on a terminal's stderr, in place.
type progressLine struct {
	inv     *invocation
	label   string
	started time.Time
	mu      sync.Mutex
	percent int
	drawn   bool
}

// progress returns the engine's progress callback and a function that clears
// the line when the work is over. Both are no-ops unless stderr is a terminal,
// so scripts reading stderr see only messages.
func (inv *invocation) progress(label string) (forgiva.Progress, func()) {
	if !inv.env.StderrTerminal {
		return nil, func() {}
	}
	line := &progressLine{inv: inv, label: label, started: inv.env.Now(), percent: -1}
	return line.update, line.clear
}

func (l *progressLine) update(done, total int64) {
	if total <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	percent := int(done * 100 / total)
	if percent == l.percent || l.inv.env.Now().Sub(l.started) < progressDelay {
		return
	}
	l.percent = percent
	l.drawn = true
	fmt.Fprintf(l.inv.env.Stderr, "\r%s %3d%% (Ctrl+C cancels)", l.label, percent)
}

func (l *progressLine) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.drawn {
		width := len(l.label) + len(" 100% (Ctrl+C cancels)")
		fmt.Fprintf(l.inv.env.Stderr, "\r%s\r", strings.Repeat(" ", width))
		l.drawn = false
	}
}

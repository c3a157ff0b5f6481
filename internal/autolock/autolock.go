// Package autolock locks the vault after a spell without user activity.
package autolock

import (
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// Timer calls its lock function once the user has been idle for the
// timeout. It is idle until Arm and after it fired or was disarmed.
type Timer struct {
	after  clock.AfterFunc
	onIdle func()

	mu      sync.Mutex
	timeout time.Duration // 0 = disarmed
	stop    func() bool
	round   uint64 // bumps on every restart, so a timer that fired late is ignored
}

// New returns a disarmed Timer that calls onIdle (on a timer goroutine).
func New(after clock.AfterFunc, onIdle func()) *Timer {
	return &Timer{after: after, onIdle: onIdle}
}

// Arm starts counting down from timeout; 0 or less disarms.
func (t *Timer) Arm(timeout time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.timeout = max(timeout, 0)
	t.restart()
}

// Touch records user activity: the countdown starts again if armed.
func (t *Timer) Touch() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.restart()
}

// Disarm stops the countdown.
func (t *Timer) Disarm() { t.Arm(0) }

// Armed reports whether a countdown runs.
func (t *Timer) Armed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.timeout > 0
}

func (t *Timer) restart() {
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
	t.round++
	if t.timeout == 0 {
		return
	}
	round := t.round
	t.stop = t.after(t.timeout, func() { t.fire(round) })
}

func (t *Timer) fire(round uint64) {
	t.mu.Lock()
	if round != t.round || t.timeout == 0 {
		t.mu.Unlock()
		return
	}
	t.timeout, t.stop = 0, nil
	t.mu.Unlock()
	t.onIdle()
}

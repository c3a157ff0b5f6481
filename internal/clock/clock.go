// Package clock is the one seam through which the desktop packages wait:
// production code passes Real, tests a Fake they advance by hand, so
// timeouts (auto-lock, clipboard clearing, generation expiry) are tested
// without sleeping.
package clock

import (
	"sort"
	"sync"
	"time"
)

// AfterFunc runs f once, on its own goroutine, after d; stop cancels it and
// reports whether it did so before f started (like time.Timer.Stop).
type AfterFunc func(d time.Duration, f func()) (stop func() bool)

// Real is time.AfterFunc.
func Real(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// Fake is a manual clock for tests. Timers fire only in Advance, on the
// caller's goroutine, in the order they are due; Now moves only then too.
type Fake struct {
	Start time.Time // what Now reports before any Advance

	mu     sync.Mutex
	now    time.Duration // since Start
	seq    int
	timers map[int]fakeTimer
}

type fakeTimer struct {
	due time.Duration
	f   func()
}

// Now is Start plus every Advance so far.
func (c *Fake) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Start.Add(c.now)
}

// AfterFunc schedules f at now+d.
func (c *Fake) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timers == nil {
		c.timers = map[int]fakeTimer{}
	}
	c.seq++
	id := c.seq
	c.timers[id] = fakeTimer{due: c.now + d, f: f}
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		_, pending := c.timers[id]
		delete(c.timers, id)
		return pending
	}
}

// Advance moves the clock forward by d and runs every timer that falls due,
// including timers those timers schedule within the window.
func (c *Fake) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now + d
	c.mu.Unlock()
	for {
		f, ok := c.popDue(end)
		if !ok {
			break
		}
		f()
	}
	c.mu.Lock()
	c.now = end
	c.mu.Unlock()
}

// popDue removes and returns the earliest timer due by end, moving the
// clock to its due time.
func (c *Fake) popDue(end time.Duration) (func(), bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]int, 0, len(c.timers))
	for id, t := range c.timers {
		if t.due <= end {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, false
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := c.timers[ids[i]], c.timers[ids[j]]
		return a.due < b.due || a.due == b.due && ids[i] < ids[j]
	})
	t := c.timers[ids[0]]
	delete(c.timers, ids[0])
	c.now = max(c.now, t.due)
	return t.f, true
}

// Pending is the number of timers not yet fired or stopped.
func (c *Fake) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

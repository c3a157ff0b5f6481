package autolock

import (
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/clock"
)

func TestTimer(t *testing.T) {
	const timeout = 5 * time.Minute
	cases := []struct {
		name  string
		steps func(tm *Timer, c *clock.Fake)
		want  int // lock calls
	}{
		{"fires after the timeout", func(tm *Timer, c *clock.Fake) { c.Advance(timeout) }, 1},
		{"not before", func(tm *Timer, c *clock.Fake) { c.Advance(timeout - time.Second) }, 0},
		{"touch postpones", func(tm *Timer, c *clock.Fake) {
			c.Advance(4 * time.Minute)
			tm.Touch()
			c.Advance(4 * time.Minute)
		}, 0},
		{"fires after the last touch", func(tm *Timer, c *clock.Fake) {
			c.Advance(4 * time.Minute)
			tm.Touch()
			c.Advance(timeout)
		}, 1},
		{"once only", func(tm *Timer, c *clock.Fake) { c.Advance(3 * timeout); tm.Touch(); c.Advance(3 * timeout) }, 1},
		{"disarm", func(tm *Timer, c *clock.Fake) { tm.Disarm(); tm.Touch(); c.Advance(2 * timeout) }, 0},
		{"re-armed shorter", func(tm *Timer, c *clock.Fake) { tm.Arm(time.Minute); c.Advance(time.Minute) }, 1},
		{"zero never locks", func(tm *Timer, c *clock.Fake) { tm.Arm(0); c.Advance(24 * time.Hour) }, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c clock.Fake
			locks := 0
			tm := New(c.AfterFunc, func() { locks++ })
			tm.Arm(timeout)
			tc.steps(tm, &c)
			if locks != tc.want {
				t.Fatalf("locked %d times, want %d", locks, tc.want)
			}
			if locks > 0 && tm.Armed() {
				t.Fatal("still armed after locking")
			}
		})
	}
}

// A timer callback already on its way when Touch restarts the countdown
// must not lock.
func TestStaleFireIgnored(t *testing.T) {
	var fired func()
	after := func(_ time.Duration, f func()) func() bool { fired = f; return func() bool { return false } }
	locks := 0
	tm := New(after, func() { locks++ })
	tm.Arm(time.Minute)
	stale := fired
	tm.Touch()
	stale()
	if locks != 0 {
		t.Fatal("a stale timer locked the vault")
	}
	fired()
	if locks != 1 {
		t.Fatalf("the current timer locked %d times, want 1", locks)
	}
}

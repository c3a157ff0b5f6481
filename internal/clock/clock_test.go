package clock

import (
	"reflect"
	"testing"
	"time"
)

func TestFakeFiresInDueOrder(t *testing.T) {
	var c Fake
	var fired []string
	c.AfterFunc(3*time.Second, func() { fired = append(fired, "c") })
	c.AfterFunc(time.Second, func() {
		fired = append(fired, "a")
		c.AfterFunc(time.Second, func() { fired = append(fired, "b") }) // due at 2 s
	})
	stop := c.AfterFunc(2500*time.Millisecond, func() { fired = append(fired, "stopped") })
	if !stop() {
		t.Fatal("stop of a pending timer reported false")
	}
	c.Advance(2 * time.Second)
	if want := []string{"a", "b"}; !reflect.DeepEqual(fired, want) {
		t.Fatalf("after 2 s fired %v, want %v", fired, want)
	}
	c.Advance(time.Second)
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(fired, want) {
		t.Fatalf("after 3 s fired %v, want %v", fired, want)
	}
	if stop() || c.Pending() != 0 {
		t.Fatalf("stop after the fact = true or %d timers left", c.Pending())
	}
}

func TestRealStops(t *testing.T) {
	fired := make(chan struct{})
	stop := Real(time.Hour, func() { close(fired) })
	if !stop() {
		t.Fatal("Real timer could not be stopped")
	}
}

func TestFakeNowMovesWithAdvance(t *testing.T) {
	start := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	c := Fake{Start: start}
	if got := c.Now(); !got.Equal(start) {
		t.Fatalf("Now before Advance = %v, want %v", got, start)
	}
	c.Advance(90 * time.Minute)
	if got, want := c.Now(), start.Add(90*time.Minute); !got.Equal(want) {
		t.Fatalf("Now after Advance = %v, want %v", got, want)
	}
}

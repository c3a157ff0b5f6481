package gensession

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// fakeJob runs until released (or cancelled) and reports progress steps.
type fakeJob struct {
	release chan struct{}
	steps   []int64
	total   int64

	mu     sync.Mutex
	picked forgiva.Animal
	wiped  bool
	runCtx context.Context
}

func newFakeJob(steps ...int64) *fakeJob {
	return &fakeJob{release: make(chan struct{}), steps: steps, total: 100, picked: -1}
}

func (j *fakeJob) Run(ctx context.Context, progress forgiva.Progress) error {
	j.mu.Lock()
	j.runCtx = ctx
	j.mu.Unlock()
	for _, done := range j.steps {
		if progress != nil {
			progress(done, j.total)
		}
	}
	select {
	case <-j.release:
		return nil
	case <-ctx.Done():
		return &vault.Error{Code: vault.Canceled, Message: "Password generation was cancelled", Err: ctx.Err()}
	}
}

func (j *fakeJob) Pick(_ context.Context, animal forgiva.Animal) (*forgiva.Password, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.picked = animal
	return realPassword(animal)
}

func (j *fakeJob) Wipe() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.wiped = true
}

func (j *fakeJob) isWiped() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.wiped
}

// realPassword makes a *forgiva.Password the only way there is: with the
// engine, at complexity 1.
func realPassword(animal forgiva.Animal) (*forgiva.Password, error) {
	in := forgiva.ForgivaInput(forgiva.Params{Host: "h", Account: "a", Complexity: 1, Length: 10,
		Classes: forgiva.AllClasses()}, []byte("k"), nil)
	defer in.Wipe()
	return forgiva.Generate(context.Background(), in, animal, nil)
}

func TestStartPickUse(t *testing.T) {
	var fake clock.Fake
	m := New(Options{After: fake.AfterFunc})
	job := newFakeJob()
	id := m.Start(job)
	if len(id) < 20 || id == m.Start(newFakeJob()) {
		t.Fatalf("weak or repeated id %q", id)
	}
	close(job.release)
	if err := m.Pick(context.Background(), id, 4); err != nil {
		t.Fatal(err)
	}
	want, err := realPassword(4)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	if err := m.Use(id, func(pw []byte) error { got = string(pw); return nil }); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Fatalf("Use saw %q, want %q", got, want.String())
	}
	if err := m.Pick(context.Background(), id, 5); vault.ErrorCode(err) != vault.Conflict {
		t.Fatalf("second pick: %v", err)
	}
	m.Forget(id)
	if !job.isWiped() {
		t.Fatal("Forget did not wipe the job")
	}
	if err := m.Use(id, func([]byte) error { return nil }); !errors.Is(err, errGone) {
		t.Fatalf("Use after Forget: %v", err)
	}
}

func TestCancel(t *testing.T) {
	m := New(Options{})
	job := newFakeJob()
	id := m.Start(job)
	if err := m.Cancel(id); err != nil {
		t.Fatal(err)
	}
	if err := m.Pick(context.Background(), id, 0); vault.ErrorCode(err) != vault.Canceled {
		t.Fatalf("pick after cancel: %v", err)
	}
	if err := m.Cancel("nope"); vault.ErrorCode(err) != vault.NotFound {
		t.Fatalf("cancel of an unknown id: %v", err)
	}
	m.ForgetAll()
	if m.Len() != 0 || !job.isWiped() {
		t.Fatal("ForgetAll left something behind")
	}
}

// A Pick waiting for the work ends when the generation expires.
func TestExpiry(t *testing.T) {
	var fake clock.Fake
	m := New(Options{After: fake.AfterFunc, TTL: time.Minute})
	job := newFakeJob()
	id := m.Start(job)
	picked := make(chan error)
	go func() { picked <- m.Pick(context.Background(), id, 0) }()
	fake.Advance(59 * time.Second)
	if m.Len() != 1 {
		t.Fatal("expired early")
	}
	fake.Advance(time.Second)
	if err := <-picked; err == nil || m.Len() != 0 || !job.isWiped() {
		t.Fatalf("after expiry: pick %v, %d held, wiped %v", err, m.Len(), job.isWiped())
	}
}

func TestPickWaitEndsWithContext(t *testing.T) {
	m := New(Options{})
	id := m.Start(newFakeJob())
	defer m.ForgetAll()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Pick(ctx, id, 0); vault.ErrorCode(err) != vault.Canceled {
		t.Fatalf("pick with a done context: %v", err)
	}
}

func TestProgressThrottled(t *testing.T) {
	now := time.Unix(0, 0)
	var mu sync.Mutex
	var got []Progress
	m := New(Options{Interval: 100 * time.Millisecond,
		Now:    func() time.Time { now = now.Add(30 * time.Millisecond); return now },
		Report: func(p Progress) { mu.Lock(); got = append(got, p); mu.Unlock() }})
	job := newFakeJob(0, 10, 20, 30, 40, 50, 60, 70, 100)
	id := m.Start(job)
	close(job.release)
	if err := m.Pick(context.Background(), id, 0); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	// Reports every 30 ms of fake time, at most one per 100 ms: the first,
	// then every fourth, then the final one.
	want := []int64{0, 40, 100}
	if len(got) != len(want) {
		t.Fatalf("reports %+v, want done values %v", got, want)
	}
	for i, p := range got {
		if p.ID != id || p.Done != want[i] || p.Total != 100 {
			t.Fatalf("report %d = %+v, want done %d of 100 for %s", i, p, want[i], id)
		}
	}
}

// Package gensession runs password generations for the desktop app: each
// starts at once in the background, under a random id, while the user
// picks an animal; it reports throttled progress, can be cancelled, and is
// wiped when forgotten or when it expires.
package gensession

import (
	"context"
	"crypto/rand"
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/clock"
)

// Job is the work of one generation; *vault.Prepared is one.
type Job interface {
	Run(ctx context.Context, progress forgiva.Progress) error
	Pick(ctx context.Context, animal forgiva.Animal) (*forgiva.Password, error)
	Wipe()
}

// Progress is one progress report of a generation.
type Progress struct {
	ID    string `json:"id"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// Options configure a Manager. Zero values are the production ones.
type Options struct {
	TTL      time.Duration   // a generation is wiped this long after it started; 0 = DefaultTTL
	Interval time.Duration   // least time between two progress reports; 0 = DefaultInterval
	After    clock.AfterFunc // nil = clock.Real
	Now      func() time.Time
	Report   func(Progress) // may be nil
}

// Defaults.
const (
	DefaultTTL      = 5 * time.Minute
	DefaultInterval = 100 * time.Millisecond // about 10 reports a second
)

var errGone = &vault.Error{Code: vault.NotFound,
	Message: "This password generation is over (closed, expired or locked): start again"}

// Manager holds the generations in flight.
type Manager struct {
	opts Options

	mu   sync.Mutex
	gens map[string]*generation
}

type generation struct {
	job        Job
	cancel     context.CancelFunc
	done       chan struct{} // closed when Run returned
	stopExpiry func() bool

	mu       sync.Mutex
	runErr   error             // Run's result, set before done closes
	password *forgiva.Password // the picked password, until forgotten
	gone     bool
}

// New returns an empty Manager.
func New(opts Options) *Manager {
	if opts.TTL <= 0 {
		opts.TTL = DefaultTTL
	}
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.After == nil {
		opts.After = clock.Real
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Manager{opts: opts, gens: map[string]*generation{}}
}

// Start runs job in the background and returns its id. The manager owns
// job from now on and wipes it when the generation is forgotten.
func (m *Manager) Start(job Job) string {
	id := newID()
	ctx, cancel := context.WithCancel(context.Background())
	g := &generation{job: job, cancel: cancel, done: make(chan struct{})}
	// Registered and given its expiry under one lock: a ForgetAll running
	// meanwhile sees the generation whole or not at all.
	m.mu.Lock()
	m.gens[id] = g
	g.stopExpiry = m.opts.After(m.opts.TTL, func() { m.Forget(id) })
	m.mu.Unlock()
	go func() {
		defer close(g.done)
		err := job.Run(ctx, m.throttle(id))
		g.mu.Lock()
		g.runErr = err
		g.mu.Unlock()
	}()
	return id
}

// throttle turns the engine's progress into at most one report per
// interval, plus the final one.
func (m *Manager) throttle(id string) forgiva.Progress {
	if m.opts.Report == nil {
		return nil
	}
	var mu sync.Mutex // Argon2d may report from its own goroutine
	var last time.Time
	return func(done, total int64) {
		mu.Lock()
		now := m.opts.Now()
		due := done >= total || last.IsZero() || now.Sub(last) >= m.opts.Interval
		if due {
			last = now
		}
		mu.Unlock()
		if due {
			m.opts.Report(Progress{ID: id, Done: done, Total: total})
		}
	}
}

// Pick waits for the generation to finish (or ctx to end), then keeps the
// password of animal for Use and wipes the others.
func (m *Manager) Pick(ctx context.Context, id string, animal forgiva.Animal) error {
	g, err := m.get(id)
	if err != nil {
		return err
	}
	select {
	case <-g.done:
	case <-ctx.Done():
		return &vault.Error{Code: vault.Canceled, Message: "Password generation was cancelled", Err: ctx.Err()}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case g.gone:
		return errGone
	case g.runErr != nil:
		return g.runErr
	case g.password != nil:
		return &vault.Error{Code: vault.Conflict, Message: "An animal was already picked for this generation: start again"}
	}
	password, err := g.job.Pick(ctx, animal)
	if err != nil {
		return err
	}
	g.password = password
	return nil
}

// Use calls fn with the picked password, which fn must not keep.
func (m *Manager) Use(id string, fn func(password []byte) error) error {
	g, err := m.get(id)
	if err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.gone || g.password == nil {
		return errGone
	}
	return fn(g.password.Bytes())
}

// Cancel stops the generation's work; Pick then reports the cancellation.
func (m *Manager) Cancel(id string) error {
	g, err := m.get(id)
	if err != nil {
		return err
	}
	g.cancel()
	return nil
}

// Forget cancels the generation and wipes everything it holds. Forgetting
// an unknown id does nothing: the generation may have expired already.
func (m *Manager) Forget(id string) {
	m.mu.Lock()
	g, ok := m.gens[id]
	delete(m.gens, id)
	m.mu.Unlock()
	if ok {
		g.forget()
	}
}

// ForgetAll forgets every generation (on lock and on quit).
func (m *Manager) ForgetAll() {
	m.mu.Lock()
	gens := m.gens
	m.gens = map[string]*generation{}
	m.mu.Unlock()
	for _, g := range gens {
		g.forget()
	}
}

// Len is the number of generations held.
func (m *Manager) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.gens)
}

func (m *Manager) get(id string) (*generation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	g, ok := m.gens[id]
	if !ok {
		return nil, errGone
	}
	return g, nil
}

// forget cancels the work without waiting for it: the job wipes what a
// late-finishing Run produces.
func (g *generation) forget() {
	g.cancel()
	g.stopExpiry()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gone = true
	if g.password != nil {
		g.password.Wipe()
		g.password = nil
	}
	g.job.Wipe()
}

// newID is 128 random bits (crypto/rand): ids cannot be guessed from one
// another.
func newID() string { return rand.Text() }

package forgiva

import "context"

// Progress receives the amount of work done so far and the total, in work
// units (one unit is one PBKDF2 iteration; scrypt and Argon2d count as the
// iterations their run time is worth). done never decreases and ends at
// total. It is called from the generating goroutine (Argon2d may call it from
// its own) at least every 250 ms while work goes on; it must return quickly.
type Progress func(done, total int64)

const (
	// checkEvery is how many PBKDF2 iterations run between two looks at
	// the context: a few milliseconds with the slowest hash.
	checkEvery = 4096
	// reportEvery is how much work passes between two progress reports:
	// about 50 ms of HMAC-SHA512 on current hardware, well under 250 ms on
	// slower machines, yet few enough calls not to flood a user interface.
	reportEvery = 1 << 17
)

// meter counts the work of one generation, reports it and watches the
// context, so every long loop has one place to call.
type meter struct {
	ctx      context.Context
	progress Progress
	total    int64
	done     int64
	reported int64
}

func newMeter(ctx context.Context, progress Progress, total int64) *meter {
	m := &meter{ctx: ctx, progress: progress, total: total}
	m.report()
	return m
}

// advance adds n units of finished work.
func (m *meter) advance(n int64) error { return m.reach(m.done + n) }

// reach moves the count to done (never backwards, never past the total),
// reports it when enough work has passed, and returns the context's error
// once it is cancelled.
func (m *meter) reach(done int64) error {
	if done > m.done {
		m.done = min(done, m.total)
	}
	if m.done-m.reported >= reportEvery {
		m.report()
	}
	return m.ctx.Err()
}

// creep moves a quarter of the way to end and reports; it stands in for
// the reports of a step that gives none (scrypt): monotonic, and never
// reaching end before the step does.
func (m *meter) creep(end int64) {
	m.done = min(m.done+(end-m.done)/4, m.total)
	m.report()
}

// finish reports the whole work as done.
func (m *meter) finish() {
	m.done = m.total
	m.report()
}

func (m *meter) report() {
	m.reported = m.done
	if m.progress != nil {
		m.progress(m.done, m.total)
	}
}

package forgiva

import (
	"bytes"
	"context"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"sync"
	"testing"
	"time"
)

// fastCosts keeps the algorithm's shape with tiny work factors, for unit
// tests; the vector tests use the real ones.
func fastCosts() costs {
	return costs{kdfIterations: [Advanced + 1]int{0, 3, 50, 70}, scryptN: 16, argon2Time: 1, argon2KiB: 64}
}

func sampleInput() Input {
	p := Params{Host: "example.com", Account: "alice", Complexity: Normal, Length: 16, Classes: AllClasses()}
	return ForgivaInput(p, []byte("master key"), nil)
}

func TestPBKDF2MatchesStandardLibrary(t *testing.T) {
	t.Parallel()
	m := newMeter(context.Background(), nil, 1<<40)
	long := bytes.Repeat([]byte("k"), 200) // longer than every block size: hashed first
	for _, tt := range []struct {
		hash     func() hash.Hash
		password []byte
		iter     int
		keyLen   int
	}{
		{sha1.New, []byte("password"), 1, 32},
		{sha1.New, long, 5000, 32},
		{sha256.New, nil, 4097, 32},
		{sha512.New, long, 1000, 100},
	} {
		salt := []byte("forgiva")
		got, err := pbkdf2Key(m, tt.hash, tt.password, salt, tt.iter, tt.keyLen)
		if err != nil {
			t.Fatal(err)
		}
		want, err := pbkdf2.Key(tt.hash, string(tt.password), salt, tt.iter, tt.keyLen)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d-byte hash, %d iterations: got %x, want %x", tt.hash().Size(), tt.iter, got, want)
		}
	}
}

func TestPBKDF2LoopDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumentation allocates")
	}
	m := newMeter(context.Background(), nil, 1<<40)
	for _, newHash := range []func() hash.Hash{sha1.New, sha256.New, sha512.New} {
		prf, err := newHMAC(newHash, []byte("key"))
		if err != nil {
			t.Fatal(err)
		}
		if !prf.shortcut {
			t.Errorf("%d-byte hash: the one-block shortcut is off", prf.size)
		}
		t1 := make([]byte, prf.size)
		u := make([]byte, prf.size)
		if allocs := testing.AllocsPerRun(10, func() {
			if err := prf.iterate(m, t1, u, 3*checkEvery); err != nil {
				t.Fatal(err)
			}
		}); allocs != 0 {
			t.Errorf("%d-byte hash: %v allocations per loop, want 0", prf.size, allocs)
		}
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	good := Params{Host: "h", Complexity: 1, Length: 16, Classes: AllClasses()}
	tests := []struct {
		name  string
		edit  func(*Params)
		field string
	}{
		{"valid", func(*Params) {}, ""},
		{"account only", func(p *Params) { p.Host, p.Account = "", "a" }, ""},
		{"no host or account", func(p *Params) { p.Host = "" }, "host/account"},
		{"length 0", func(p *Params) { p.Length = 0 }, "length"},
		{"length 65", func(p *Params) { p.Length = 65 }, "length"},
		{"length 64", func(p *Params) { p.Length = 64 }, ""},
		{"complexity 0", func(p *Params) { p.Complexity = 0 }, "complexity"},
		{"complexity 4", func(p *Params) { p.Complexity = 4 }, "complexity"},
		{"no class", func(p *Params) { p.Classes = Classes{} }, "classes"},
		{"no class in legacy", func(p *Params) { p.Classes, p.Legacy = Classes{}, true }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := good
			tt.edit(&p)
			in := ForgivaInput(p, []byte("secret master key"), nil)
			for what, err := range map[string]error{"Params": p.Validate(), "Input": in.Validate()} {
				var inputErr *InputError
				switch {
				case tt.field == "" && err != nil:
					t.Errorf("%s.Validate() = %v, want nil", what, err)
				case tt.field != "" && (!errors.As(err, &inputErr) || inputErr.Field != tt.field):
					t.Errorf("%s.Validate() = %v, want an InputError on %q", what, err, tt.field)
				case err != nil && bytes.Contains([]byte(err.Error()), []byte("secret")):
					t.Errorf("%s.Validate() message holds the master key: %v", what, err)
				}
			}
			if _, err := Generate(context.Background(), in, Ape, nil); tt.field != "" && err == nil {
				t.Error("Generate accepted the invalid input")
			}
		})
	}
}

func TestParseAnimal(t *testing.T) {
	t.Parallel()
	for _, a := range Animals() {
		for _, name := range []string{a.String(), string(bytes.ToUpper([]byte(a.String()))), string(bytes.ToLower([]byte(a.String())))} {
			if got, err := ParseAnimal(name); err != nil || got != a {
				t.Errorf("ParseAnimal(%q) = %v, %v; want %v", name, got, err, a)
			}
		}
	}
	var inputErr *InputError
	if _, err := ParseAnimal("Spidr"); !errors.As(err, &inputErr) || inputErr.Field != "animal" {
		t.Errorf("ParseAnimal(Spidr) error = %v, want an animal InputError", err)
	}
	if len(Animals()) != AnimalCount || Zebra.String() != "Zebra" || Crow != 4 {
		t.Error("animal table out of the spec's order")
	}
}

func TestGenerateAllMatchesGenerate(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	ctx := context.Background()
	all, err := generate(ctx, &in, AnimalCount, true, nil, fastCosts())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range Animals() {
		one, err := generate(ctx, &in, int(a)+1, false, nil, fastCosts())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := one[a].String(), all[a].String(); got != want {
			t.Errorf("%v: Generate gives %q, GenerateAll %q", a, got, want)
		}
		seen[all[a].String()] = true
		checkPolicy(t, all[a], Params{Length: 16, Classes: AllClasses()})
	}
	if len(seen) != AnimalCount {
		t.Errorf("only %d distinct passwords for %d animals", len(seen), AnimalCount)
	}
}

func TestGenerateLeavesInputAlone(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	in.Signature = []byte("sig")
	before := [][]byte{bytes.Clone(in.Host), bytes.Clone(in.Account), bytes.Clone(in.Renewal), bytes.Clone(in.MasterHash), bytes.Clone(in.Signature)}
	if _, err := generate(context.Background(), &in, 3, false, nil, fastCosts()); err != nil {
		t.Fatal(err)
	}
	for i, b := range [][]byte{in.Host, in.Account, in.Renewal, in.MasterHash, in.Signature} {
		if !bytes.Equal(b, before[i]) {
			t.Errorf("input field %d changed", i)
		}
	}
	in.Wipe()
	if !bytes.Equal(in.MasterHash, make([]byte, len(in.MasterHash))) || !bytes.Equal(in.Signature, make([]byte, 3)) {
		t.Error("Wipe left the master hash or the signature")
	}
}

// progressLog records progress calls and when they came, by clock
// (time.Now when nil).
type progressLog struct {
	mu    sync.Mutex
	clock func() time.Time
	done  []int64
	total []int64
	at    []time.Time
}

func (l *progressLog) record(done, total int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done = append(l.done, done)
	l.total = append(l.total, total)
	clock := l.clock
	if clock == nil {
		clock = time.Now
	}
	l.at = append(l.at, clock())
}

// check checks that the reports add up and come evenly (see problems).
func (l *progressLog) check(t *testing.T, end time.Time) {
	t.Helper()
	for _, p := range l.problems(end) {
		t.Error(p)
	}
}

// problems lists what is wrong with the reports of a run that ended at end:
// totals that change, progress that goes back or stops short, and gaps. No
// gap between two reports, or after the last, may be more than maxGapRatio
// times the run's mean gap, nor a tenth of the whole run. Phases cost
// differently per unit of work: since the SHA-256 loop runs on SHA-NI, its
// many quick reports pull the mean down, so the mean alone flagged the
// slower phases' ordinary gaps under load. The bound follows the machine's
// own speed in this run (a loaded or -race run is slower all through); a
// phase whose work went unreported stands out as one long gap. Gaps below
// gapNoise are scheduling noise.
func (l *progressLog) problems(end time.Time) []string {
	if len(l.done) < 2 {
		return []string{fmt.Sprintf("%d progress calls", len(l.done))}
	}
	const maxGapRatio, runShare, gapNoise = 8, 10, 100 * time.Millisecond
	run := end.Sub(l.at[0])
	maxGap := max(maxGapRatio*run/time.Duration(len(l.at)), run/runShare, gapNoise)
	var problems []string
	total := l.total[0]
	for i := range l.done {
		if l.total[i] != total {
			return append(problems, fmt.Sprintf("call %d: total changed from %d to %d", i, total, l.total[i]))
		}
		if i > 0 && l.done[i] < l.done[i-1] {
			return append(problems, fmt.Sprintf("call %d: done went back from %d to %d", i, l.done[i-1], l.done[i]))
		}
		if gap := l.at[i].Sub(l.at[max(i-1, 0)]); gap > maxGap {
			problems = append(problems, fmt.Sprintf("call %d came %v after the previous one (at most %v in this run)", i, gap, maxGap))
		}
	}
	if last := l.done[len(l.done)-1]; last != total {
		problems = append(problems, fmt.Sprintf("progress ended at %d of %d", last, total))
	}
	if gap := end.Sub(l.at[len(l.at)-1]); gap > maxGap {
		problems = append(problems, fmt.Sprintf("last report %v before the end (at most %v in this run)", gap, maxGap))
	}
	return problems
}

// The evenness check must catch a stretch of unreported work, and only that,
// whatever the run's speed.
func TestProgressLogProblems(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	run := func(step time.Duration, stall int) (*progressLog, time.Time) {
		l := &progressLog{}
		at := start
		for i := range 50 {
			at = at.Add(step)
			if i == stall {
				at = at.Add(40 * step)
			}
			l.done, l.total, l.at = append(l.done, int64(i+1)), append(l.total, 50), append(l.at, at)
		}
		return l, at
	}
	for _, step := range []time.Duration{30 * time.Millisecond, 300 * time.Millisecond} {
		if l, end := run(step, -1); len(l.problems(end)) != 0 {
			t.Errorf("even reports every %v: %v", step, l.problems(end))
		}
		if l, end := run(step, 20); len(l.problems(end)) != 1 {
			t.Errorf("a stall of %v among reports every %v: %v, want one problem", 40*step, step, l.problems(end))
		}
	}
}

func TestProgressFastCosts(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name           string
		complexity     int
		scrypt, argon2 bool
	}{
		{"c1", 1, false, false}, {"c3", 3, false, false}, {"c2 scrypt argon2", 2, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := sampleInput()
			in.Complexity, in.Scrypt, in.Argon2 = tt.complexity, tt.scrypt, tt.argon2
			var log progressLog
			if _, err := generate(context.Background(), &in, AnimalCount, true, log.record, fastCosts()); err != nil {
				t.Fatal(err)
			}
			log.check(t, time.Now())
			if want := fastCosts().plannedUnits(&in, AnimalCount); log.total[0] != want {
				t.Errorf("total %d, want %d", log.total[0], want)
			}
		})
	}
}

// TestProgressInterval runs the real work of complexity 2 with scrypt and
// Argon2d (a few seconds) and checks the reports come evenly through all of
// it (about every 250 ms on an idle machine here). It times the reports by
// this process's CPU time, the work done, not by the wall clock: on a
// loaded machine a report can wait for the CPU, through no fault of the
// engine (it failed that way in CI and beside other builds).
func TestProgressInterval(t *testing.T) {
	if testing.Short() {
		t.Skip("real work factors")
	}
	// Not parallel: sequential tests finish before the parallel ones
	// (the complexity-3 vectors) start, so the clock measures this work.
	in := sampleInput()
	in.Complexity, in.Scrypt, in.Argon2 = Intermediate, true, true
	log := progressLog{clock: cpuClock}
	if _, err := Generate(context.Background(), in, Ape, log.record); err != nil {
		t.Fatal(err)
	}
	log.check(t, cpuClock())
}

func TestGenerateStopsAtTheAnimal(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	c := fastCosts()
	var apeLog, zebraLog progressLog
	if _, err := generate(context.Background(), &in, int(Ape)+1, false, apeLog.record, c); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(context.Background(), &in, int(Zebra)+1, false, zebraLog.record, c); err != nil {
		t.Fatal(err)
	}
	link := kdfUnits(1, c.kdfIterations[1])
	if got := zebraLog.total[0] - apeLog.total[0]; got != 19*link {
		t.Errorf("Zebra costs %d units more than Ape, want 19 links (%d)", got, 19*link)
	}
}

// TestCancelDuringPBKDF2 cancels a complexity 3 generation inside its
// 100,000,000-iteration PBKDF2.
func TestCancelDuringPBKDF2(t *testing.T) {
	// Not parallel: sequential tests finish before the parallel ones
	// (the complexity-3 vectors) start, so the clock measures this work.
	in := sampleInput()
	in.Complexity = Advanced
	checkCancel(t, in, 1_000_000) // past the salt's few 10,000-iteration runs
}

// TestCancelDuringScrypt cancels while the uninterruptible scrypt runs.
func TestCancelDuringScrypt(t *testing.T) {
	// Not parallel: sequential tests finish before the parallel ones
	// (the complexity-3 vectors) start, so the clock measures this work.
	in := sampleInput()
	in.Scrypt = true
	checkCancel(t, in, 200_000) // past the salt: scrypt is running
}

// checkCancel cancels a generation from its own progress callback once
// more than after units are done, so that the moment of the cancel is known exactly
// (a timer can fire late on a loaded machine), and checks that Generate
// returns context.Canceled within 100 ms of it, reporting nothing more.
func checkCancel(t *testing.T, in Input, after int64) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelledAt time.Time
	reportsAfter := 0
	progress := func(done, total int64) {
		switch {
		case !cancelledAt.IsZero():
			reportsAfter++
		case done > after:
			cancelledAt = time.Now()
			cancel()
		}
	}
	_, err := Generate(ctx, in, Zebra, progress)
	late := time.Since(cancelledAt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate returned %v, want context.Canceled", err)
	}
	// The engine looks at the context where it reports progress
	// (meter.advance), so no report after the cancel means it stopped at
	// its next look; a phase that did long work without either would fail
	// TestProgressInterval. No clock here: a loaded machine must not fail it.
	if reportsAfter > 0 {
		t.Errorf("%d progress reports after the cancel", reportsAfter)
	}
	t.Logf("returned %v after the cancel", late)
}

func TestGenerateRejectsBadAnimal(t *testing.T) {
	t.Parallel()
	var inputErr *InputError
	for _, a := range []Animal{-1, AnimalCount} {
		if _, err := Generate(context.Background(), sampleInput(), a, nil); !errors.As(err, &inputErr) || inputErr.Field != "animal" {
			t.Errorf("Generate(animal %d) error = %v, want an animal InputError", a, err)
		}
	}
}

func FuzzGenerate(f *testing.F) {
	f.Add([]byte("example.com"), []byte("alice"), []byte("2024-01-01"), uint8(16), uint8(15), uint8(1), false)
	f.Add([]byte(""), []byte("bob"), []byte(""), uint8(63), uint8(8), uint8(3), true)
	f.Add([]byte("\xff\x00"), []byte(""), []byte("\x00"), uint8(4), uint8(4), uint8(2), false)
	f.Fuzz(func(t *testing.T, host, account, renewal []byte, length, classBits, complexity uint8, legacy bool) {
		p := Params{
			Host: string(host), Account: string(account), Renewal: string(renewal),
			Complexity: int(complexity)%Advanced + 1, Length: int(length)%MaxLength + 1,
			Classes: classesFromBits(classBits), Legacy: legacy,
		}
		in := ForgivaInput(p, []byte("fuzz master"), nil)
		animal := Animal(int(length) % AnimalCount)
		passwords, err := generate(context.Background(), &in, int(animal)+1, false, nil, fastCosts())
		if len(host) == 0 && len(account) == 0 {
			var inputErr *InputError
			if !errors.As(err, &inputErr) {
				t.Fatalf("no host or account: error %v, want an InputError", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		password := passwords[animal]
		checkPolicy(t, password, p)
		if !p.Legacy && len(password.ReferenceBytes()) != p.Length {
			t.Errorf("policy password has %d bytes, want %d", len(password.ReferenceBytes()), p.Length)
		}
	})
}

package forgiva

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/crypto/scrypt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/argon2d"
)

// Generate returns the password of one animal: it validates in, computes
// the salt and runs the key chain up to that animal's link. It returns
// ctx.Err() within about 100 ms of ctx being cancelled, reports progress
// (which may be nil), and zeroes every buffer it owns.
func Generate(ctx context.Context, in Input, animal Animal, progress Progress) (*Password, error) {
	if !animal.valid() {
		return nil, inputError("animal", "Unknown animal: choose one of the 20 animals")
	}
	passwords, err := generate(ctx, &in, int(animal)+1, false, progress, specCosts())
	if err != nil {
		return nil, err
	}
	return passwords[animal], nil
}

// GenerateAll returns the passwords of all 20 animals, indexed by Animal.
func GenerateAll(ctx context.Context, in Input, progress Progress) ([]*Password, error) {
	return generate(ctx, &in, AnimalCount, true, progress, specCosts())
}

// costs are the spec's work factors. Generate always uses specCosts; unit
// tests pass lower ones to generate so they stay fast.
type costs struct {
	kdfIterations         [Advanced + 1]int // by kdf level; index 0 unused
	scryptN               int
	argon2Time, argon2KiB uint32
}

func specCosts() costs {
	return costs{
		kdfIterations: [Advanced + 1]int{0, 10_000, 10_000_000, 100_000_000},
		scryptN:       1 << 17,
		argon2Time:    2,
		argon2KiB:     64 * 1024,
	}
}

const (
	scryptR, scryptP = 8, 1
	argon2Threads    = 1
)

// scryptUnits and argon2Units weigh the memory-hard steps in PBKDF2
// iterations, as measured on an x86-64 with SHA extensions: scrypt with
// N=2^17 takes as long as 2.3 million HMAC-SHA1 iterations, Argon2d with
// t=2, m=64 MiB as long as 0.9 million.
func (c costs) scryptUnits() int64 { return int64(c.scryptN) * 18 }
func (c costs) argon2Units() int64 { return int64(c.argon2Time) * int64(c.argon2KiB) * 7 }

// plannedUnits is the work of a generation of links chain links. The
// cipher keys are counted as distinct; when two coincide the generation
// ends a little short of the total and its last report closes the gap.
func (c costs) plannedUnits(in *Input, links int) int64 {
	kdf1 := kdfUnits(1, c.kdfIterations[1])
	var units int64
	if len(in.Host) > 0 { // an empty host leaves nothing to encrypt
		keys := int64(3) // hash2(account), hash2(MH) and e2
		if len(in.Signature) > 0 {
			keys++
		}
		units += keys * kdf1
	}
	if in.Complexity > Normal {
		units += kdfUnits(in.Complexity, c.kdfIterations[in.Complexity])
	}
	if in.Scrypt {
		units += c.scryptUnits()
	}
	if in.Argon2 {
		units += c.argon2Units()
	}
	return units + int64(links)*kdf1
}

// session is the state of one generation: its meter, its costs and the
// cipher keys derived so far.
type session struct {
	meter   *meter
	costs   costs
	encKeys []*encKey
}

// generate runs the key chain for its first links links and returns their
// passwords (all of them, or only the last one when all is false).
func generate(ctx context.Context, in *Input, links int, all bool, progress Progress, c costs) ([]*Password, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := &session{meter: newMeter(ctx, progress, c.plannedUnits(in, links)), costs: c}
	defer s.wipe()
	passwords, err := s.run(in, links, all)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, err
	}
	s.meter.finish()
	return passwords, nil
}

func (s *session) run(in *Input, links int, all bool) ([]*Password, error) {
	salt, err := s.salt(in)
	if err != nil {
		return nil, fmt.Errorf("salt: %w", err)
	}
	defer clear(salt)
	k, err := s.hardenedKey(in, salt)
	if err != nil {
		return nil, err
	}
	defer func() { clear(k) }()
	passwords := make([]*Password, links)
	for i := range links {
		next, err := s.kdf(1, k, salt)
		if err != nil {
			wipePasswords(passwords)
			return nil, fmt.Errorf("key chain link %d: %w", i, err)
		}
		clear(k)
		k = next
		if all || i == links-1 {
			passwords[i] = topass(k, in)
		}
	}
	return passwords, nil
}

// hardenedKey is the head of the key chain: the master hash through the
// complexity's PBKDF2 and the optional memory-hard steps.
func (s *session) hardenedKey(in *Input, salt []byte) ([]byte, error) {
	k := append([]byte(nil), in.MasterHash...)
	steps := []struct {
		on   bool
		name string
		run  func(key, salt []byte) ([]byte, error)
	}{
		{in.Complexity > Normal, "complexity", func(key, salt []byte) ([]byte, error) {
			return s.kdf(in.Complexity, key, salt)
		}},
		{in.Scrypt, "scrypt", s.scrypt},
		{in.Argon2, "argon2d", s.argon2d},
	}
	for _, step := range steps {
		if !step.on {
			continue
		}
		next, err := step.run(k, salt)
		clear(k)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", step.name, err)
		}
		k = next
	}
	return k, nil
}

// kdf is the spec's kdf(level, key, salt).
func (s *session) kdf(level int, key, salt []byte) ([]byte, error) {
	return pbkdf2Key(s.meter, kdfHash(level), key, salt, s.costs.kdfIterations[level], kdfKeyLen)
}

type keyResult struct {
	key []byte
	err error
}

// scrypt runs x/crypto's scrypt, which cannot be interrupted, on its own
// goroutine with its own copies of the inputs. On cancellation the
// generation returns at once and the goroutine wipes its result when it
// finishes. Meanwhile a ticker keeps progress moving towards the step's
// weight, since scrypt itself reports nothing.
func (s *session) scrypt(key, salt []byte) ([]byte, error) {
	end := s.meter.done + s.costs.scryptUnits()
	password := append([]byte(nil), key...)
	saltCopy := append([]byte(nil), salt...)
	result := make(chan keyResult) // unbuffered: a result nobody takes is wiped
	abandoned := make(chan struct{})
	go func() {
		derived, err := scrypt.Key(password, saltCopy, s.costs.scryptN, scryptR, scryptP, kdfKeyLen)
		wipe(password, saltCopy)
		select {
		case result <- keyResult{derived, err}:
		case <-abandoned:
			clear(derived)
		}
	}()
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case r := <-result:
			if r.err != nil {
				return nil, r.err
			}
			return r.key, s.meter.reach(end)
		case <-s.meter.ctx.Done():
			close(abandoned)
			return nil, s.meter.ctx.Err()
		case <-ticker.C:
			s.meter.creep(end)
		}
	}
}

// argon2d runs Argon2d, which watches the context and reports its own
// progress; it is mapped onto the step's weight.
func (s *session) argon2d(key, salt []byte) ([]byte, error) {
	start := s.meter.done
	units := s.costs.argon2Units()
	progress := func(done, total int64) {
		if total > 0 {
			s.meter.reach(start + units*done/total)
		}
	}
	derived, err := argon2d.Key(s.meter.ctx, key, salt, s.costs.argon2Time, s.costs.argon2KiB, argon2Threads, kdfKeyLen, progress)
	if err != nil {
		return nil, err
	}
	return derived, s.meter.reach(start + units)
}

func (s *session) wipe() {
	for _, k := range s.encKeys {
		k.wipe()
	}
	s.encKeys = nil
}

func wipePasswords(passwords []*Password) {
	for _, p := range passwords {
		if p != nil {
			p.Wipe()
		}
	}
}

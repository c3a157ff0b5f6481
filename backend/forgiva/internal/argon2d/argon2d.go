// Package argon2d implements Argon2d, version 0x13, as specified in RFC 9106.
//
// Forgiva uses Argon2d (data-dependent addressing) as an optional hardening
// step; golang.org/x/crypto/argon2 exposes only Argon2i and Argon2id, so the
// d variant lives here. BLAKE2b (golang.org/x/crypto/blake2b) is the hash H.
//
// Lanes are computed one after another rather than in parallel: Forgiva
// uses a single lane, and sequential lanes keep cancellation and progress
// reporting simple. The result does not depend on that choice.
package argon2d

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/crypto/blake2b"
)

const (
	version    = 0x13 // RFC 9106 section 3.1, parameter v
	typeD      = 0    // RFC 9106 section 3.1, parameter y for Argon2d
	syncPoints = 4    // SL: slices per pass (RFC 9106 section 3.4)

	// checkEvery is how many blocks are compressed between looks at the
	// context and calls to progress. A block takes around a microsecond,
	// so this keeps both well under a millisecond apart.
	checkEvery = 256
)

// Key derives a keyLen-byte key from password and salt with Argon2d v0x13,
// time passes over memoryKiB KiB of memory in threads lanes.
//
// It returns ctx.Err() soon after ctx is cancelled. progress, if not nil,
// is called with the number of blocks computed so far and the total, from
// the calling goroutine, with non-decreasing done, ending with done ==
// total.
func Key(ctx context.Context, password, salt []byte, time, memoryKiB uint32, threads uint8, keyLen uint32,
	progress func(done, total int64)) ([]byte, error) {
	return derive(ctx, params{
		password: password, salt: salt,
		time: time, memoryKiB: memoryKiB, lanes: uint32(threads), keyLen: keyLen,
	}, progress)
}

// KeyWithSecret is Key with the optional secret value K and associated data
// X of RFC 9106 section 3.1.
func KeyWithSecret(ctx context.Context, password, salt, secret, data []byte, time, memoryKiB uint32, threads uint8,
	keyLen uint32, progress func(done, total int64)) ([]byte, error) {
	return derive(ctx, params{
		password: password, salt: salt, secret: secret, data: data,
		time: time, memoryKiB: memoryKiB, lanes: uint32(threads), keyLen: keyLen,
	}, progress)
}

type params struct {
	password, salt, secret, data []byte
	time, memoryKiB, lanes       uint32
	keyLen                       uint32
}

// validate enforces the parameter ranges of RFC 9106 section 3.1 that the
// argument types do not already guarantee.
func (p *params) validate() error {
	switch {
	case p.lanes < 1:
		return errors.New("argon2d: parallelism must be at least 1")
	case p.keyLen < 4:
		return fmt.Errorf("argon2d: key length %d is below the minimum of 4 bytes", p.keyLen)
	case p.memoryKiB < 8*p.lanes:
		return fmt.Errorf("argon2d: memory %d KiB is below the minimum of 8 KiB per lane", p.memoryKiB)
	case p.time < 1:
		return errors.New("argon2d: time (passes) must be at least 1")
	}
	return nil
}

func derive(ctx context.Context, p params, progress func(done, total int64)) ([]byte, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	m := newMatrix(p.memoryKiB, p.lanes)
	defer m.wipe()

	var h0 [blake2b.Size]byte
	initialHash(&h0, &p)
	m.fillFirstBlocks(&h0)
	clear(h0[:])

	r := runner{ctx: ctx, progress: progress, total: int64(p.time) * int64(len(m.blocks))}
	r.report(0)
	if err := m.fill(p.time, &r); err != nil {
		return nil, err
	}
	key := m.finalize(p.keyLen)
	r.report(r.total)
	return key, nil
}

// runner carries what the fill loop needs to stay interruptible.
type runner struct {
	ctx      context.Context
	progress func(done, total int64)
	total    int64
}

func (r *runner) report(done int64) {
	if r.progress != nil {
		r.progress(done, r.total)
	}
}

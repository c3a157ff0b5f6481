package argon2d

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"slices"
	"testing"
	"time"

	"golang.org/x/crypto/blake2b"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/testvec"
)

type vector struct {
	Name        string `json:"name"`
	PasswordHex string `json:"password_hex"`
	SaltHex     string `json:"salt_hex"`
	SecretHex   string `json:"secret_hex"`
	DataHex     string `json:"data_hex"`
	Time        uint32 `json:"time"`
	MemoryKiB   uint32 `json:"memory_kib"`
	Threads     uint8  `json:"threads"`
	TagHex      string `json:"tag_hex"`
	Slow        bool   `json:"slow"`
}

func TestVectors(t *testing.T) {
	for _, v := range testvec.Load[vector](t) {
		t.Run(v.Name, func(t *testing.T) {
			if v.Slow && testing.Short() {
				t.Skip("slow vector skipped in -short mode")
			}
			want := testvec.Hex(t, v.TagHex)
			var calls int
			var last, total int64
			progress := func(done, all int64) {
				if done < last {
					t.Errorf("progress went back from %d to %d", last, done)
				}
				calls, last, total = calls+1, done, all
			}
			got, err := KeyWithSecret(context.Background(),
				testvec.Hex(t, v.PasswordHex), testvec.Hex(t, v.SaltHex), testvec.Hex(t, v.SecretHex), testvec.Hex(t, v.DataHex),
				v.Time, v.MemoryKiB, v.Threads, uint32(len(want)), progress)
			if err != nil {
				t.Fatalf("KeyWithSecret: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("tag = %x, want %x", got, want)
			}
			wantTotal := int64(v.Time) * int64(v.MemoryKiB/(4*uint32(v.Threads))*4*uint32(v.Threads))
			if calls < 2 || last != total || total != wantTotal {
				t.Errorf("progress: %d calls, last %d/%d, want at least 2 calls ending at %d/%d",
					calls, last, total, wantTotal, wantTotal)
			}
		})
	}
}

// TestKeyMatchesKeyWithSecret checks that Key is KeyWithSecret with no
// secret and no associated data, on a small instance.
func TestKeyMatchesKeyWithSecret(t *testing.T) {
	ctx := context.Background()
	a, err := Key(ctx, []byte("password"), []byte("somesalt"), 2, 64, 2, 32, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := KeyWithSecret(ctx, []byte("password"), []byte("somesalt"), nil, nil, 2, 64, 2, 32, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("Key = %x, KeyWithSecret = %x", a, b)
	}
	c, err := Key(ctx, []byte("password"), []byte("somesalu"), 2, 64, 2, 32, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Error("different salts gave the same key")
	}
}

func TestInvalidParameters(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		time    uint32
		memory  uint32
		threads uint8
		keyLen  uint32
	}{
		{"no lanes", 1, 64, 0, 32},
		{"no passes", 0, 64, 1, 32},
		{"memory below 8 KiB per lane", 1, 15, 2, 32},
		{"key shorter than 4 bytes", 1, 64, 1, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key, err := Key(ctx, []byte("p"), []byte("saltsalt"), c.time, c.memory, c.threads, c.keyLen, nil)
			if err == nil {
				t.Errorf("got key %x, want an error", key)
			}
		})
	}
}

// TestVariableLengthHash compares hashPrime with a literal transcription of
// RFC 9106 section 3.3 (r = ceil(T/32) - 2 chained 64-byte digests) for the
// lengths the RFC vector does not reach.
func TestVariableLengthHash(t *testing.T) {
	input := []byte("variable-length hash input")
	for _, n := range []int{1, 4, 32, 63, 64, 65, 95, 96, 97, 128, 129, 200, 1000, 1024} {
		got := make([]byte, n)
		hashPrime(got, input)
		if want := hashPrimeSpec(t, n, input); !bytes.Equal(got, want) {
			t.Errorf("H'^%d = %x, want %x", n, got, want)
		}
	}
}

func hashPrimeSpec(t *testing.T, n int, input []byte) []byte {
	t.Helper()
	blake := func(size int, data ...[]byte) []byte {
		h, err := blake2b.New(size, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range data {
			h.Write(d)
		}
		return h.Sum(nil)
	}
	prefix := binary.LittleEndian.AppendUint32(nil, uint32(n))
	if n <= 64 {
		return blake(n, prefix, input)
	}
	r := (n+31)/32 - 2
	v := blake(64, prefix, input)
	out := slices.Clone(v[:32])
	for range r - 1 {
		v = blake(64, v)
		out = append(out, v[:32]...)
	}
	return append(out, blake(n-32*r, v)...)
}

// TestCancellation cancels a 64 MiB run from its own progress callback, a
// known point of the work, and checks that no further work is reported:
// the fill stops at its next look at the context, at most checkEvery
// blocks later, and those are a small share of the run's work (no clock:
// a loaded machine must not fail it).
func TestCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var doneAtCancel, totalAtCancel int64
	reportsAfterCancel := 0
	start := time.Now()
	var untilCancel time.Duration
	progress := func(done, total int64) {
		switch {
		case doneAtCancel > 0:
			reportsAfterCancel++
		case done >= total/4:
			doneAtCancel, totalAtCancel, untilCancel = done, total, time.Since(start)
			cancel()
		}
	}
	key, err := Key(ctx, []byte("password"), []byte("somesalt"), 2, 65536, 1, 32, progress)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got key %x, err %v; want context.Canceled", key, err)
	}
	if reportsAfterCancel > 0 {
		t.Errorf("%d progress reports after the cancel: work went on past the next check", reportsAfterCancel)
	}
	if checkEvery*200 > totalAtCancel {
		t.Errorf("%d blocks between two looks at the context, more than half a percent of the %d-block run", checkEvery, totalAtCancel)
	}
	t.Logf("%d blocks between two looks at the context take %v here", checkEvery, untilCancel*checkEvery/time.Duration(doneAtCancel))
}

func TestAlreadyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Key(ctx, []byte("p"), []byte("saltsalt"), 1, 64, 1, 32, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestProgressInterval checks progress comes at least every checkEvery
// blocks of a long run, a small share of its work.
func TestProgressInterval(t *testing.T) {
	if testing.Short() {
		t.Skip("64 MiB run skipped in -short mode")
	}
	var last, widest, total int64
	progress := func(done, all int64) {
		widest = max(widest, done-last)
		last, total = done, all
	}
	start := time.Now()
	if _, err := Key(context.Background(), []byte("p"), []byte("saltsalt"), 1, 65536, 1, 32, progress); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if last != total {
		t.Fatalf("last report %d of %d", last, total)
	}
	if widest > checkEvery+2 { // +2: the first blocks of a lane, set from H0
		t.Errorf("%d blocks between two reports, want at most %d", widest, checkEvery+2)
	}
	if widest*200 > total {
		t.Errorf("the widest gap between reports is %d of %d blocks, more than half a percent", widest, total)
	}
	t.Logf("the widest gap between reports is %v of work here", elapsed*time.Duration(widest)/time.Duration(total))
}

func TestCompressDoesNotAllocate(t *testing.T) {
	var dst, prev, ref block
	for i := range prev {
		prev[i], ref[i] = uint64(i)*0x9E3779B97F4A7C15, uint64(i)
	}
	allocs := testing.AllocsPerRun(100, func() { compress(&dst, &prev, &ref, true) })
	if allocs != 0 {
		t.Errorf("compress allocates %v times", allocs)
	}
}

func BenchmarkKey64MiB(b *testing.B) {
	password := testvec.Hex(b, "a64d8b2bbee2a8c820c16a14cfaea65d417decc309b3621e1bd5dc4769bb7c61")
	salt := []byte("abcdefghabcdefghabcdefghabcdefgh")
	for b.Loop() {
		if _, err := Key(context.Background(), password, salt, 2, 65536, 1, 32, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompress(b *testing.B) {
	var dst, prev, ref block
	for b.Loop() {
		compress(&dst, &prev, &ref, true)
	}
}

package forgiva

import (
	"bytes"
	"context"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"os"
	"testing"
	"time"
)

// The benchmarks time the engine against the work it cannot avoid, done
// by the standard library in the same run, alternately, and report the
// ratio ("ratio" unit; 1.0 means no overhead at all):
//   - one crypto/pbkdf2 HMAC-SHA1 derivation (10,000 iterations, 32 bytes)
//     per distinct cipher key: three without a signature;
//   - for complexity 2 and 3, the big PBKDF2 (SHA-256 10M, SHA-512 100M);
//   - one HMAC-SHA1 derivation per key chain link up to the animal.
// scripts/bench-engine.sh runs them.

func benchInput(complexity int) Input {
	p := Params{Host: "facebook.com", Account: "bill.gates@microsoft.com", Renewal: "1970-01-01",
		Complexity: complexity, Length: 16, Classes: AllClasses()}
	return ForgivaInput(p, []byte("forgiva_rockz_all_the_fuck1ng_t1m3"), nil)
}

// unavoidableWork is the standard library's share of a generation.
func unavoidableWork(b *testing.B, complexity int, animal Animal) {
	key := bytes.Repeat([]byte{0x5a}, 64)
	salt := bytes.Repeat([]byte{0xa5}, 64)
	derive := func(h func() hash.Hash, password []byte, salt []byte, iterations int) []byte {
		k, err := pbkdf2.Key(h, string(password), salt, iterations, kdfKeyLen)
		if err != nil {
			b.Fatal(err)
		}
		return k
	}
	for range 3 {
		derive(sha1.New, key, []byte(cipherKeySalt), 10_000)
	}
	switch complexity {
	case Intermediate:
		key = derive(sha256.New, key, salt, 10_000_000)
	case Advanced:
		key = derive(sha512.New, key, salt, 100_000_000)
	}
	for range int(animal) + 1 {
		key = derive(sha1.New, key, salt, 10_000)
	}
}

// compressionFloor is the hardware's floor for complexity 2 and 3 (issue
// 14): their big PBKDF2's compressions (two per HMAC iteration), run back
// to back at the standard library's best speed, its throughput on 1 MiB
// messages; plus, as in unavoidableWork, the SHA-1 derivations, which are
// small next to it.
func compressionFloor(b *testing.B, complexity int, animal Animal) {
	key := bytes.Repeat([]byte{0x5a}, 64)
	for range 3 + int(animal) + 1 {
		if _, err := pbkdf2.Key(sha1.New, string(key), []byte(cipherKeySalt), 10_000, kdfKeyLen); err != nil {
			b.Fatal(err)
		}
	}
	newHash, iterations := sha256.New, 10_000_000
	if complexity == Advanced {
		newHash, iterations = sha512.New, 100_000_000
	}
	h := newHash()
	bytesToHash := int64(iterations) * 2 * int64(h.BlockSize())
	for bytesToHash > 0 {
		n := min(bytesToHash, int64(len(floorBuffer)))
		h.Reset()
		h.Write(floorBuffer[:n])
		h.Sum(nil)
		bytesToHash -= n
	}
}

var floorBuffer = make([]byte, 1<<20)

// BenchmarkGenerateFloorC2 times complexity 2 against its compression
// floor; with FORGIVA_BENCH_C3=1 complexity 3 too (about two minutes).
func BenchmarkGenerateFloor(b *testing.B) {
	levels := []int{Intermediate}
	if os.Getenv("FORGIVA_BENCH_C3") == "1" {
		levels = append(levels, Advanced)
	}
	for _, complexity := range levels {
		in := benchInput(complexity)
		b.Run(map[int]string{Intermediate: "C2", Advanced: "C3"}[complexity], func(b *testing.B) {
			compare(b, func() {
				p, err := Generate(context.Background(), in, Ape, nil)
				if err != nil {
					b.Fatal(err)
				}
				p.Wipe()
			}, func() { compressionFloor(b, complexity, Ape) })
		})
	}
}

// compare runs ours and baseline alternately and reports their time ratio.
func compare(b *testing.B, ours, baseline func()) {
	var oursTime, baseTime time.Duration
	for b.Loop() {
		start := time.Now()
		ours()
		mid := time.Now()
		baseline()
		oursTime += mid.Sub(start)
		baseTime += time.Since(mid)
	}
	b.ReportMetric(oursTime.Seconds()/baseTime.Seconds(), "ratio")
	b.ReportMetric(float64(oursTime.Microseconds())/1000/float64(b.N), "ours-ms/op")
	b.ReportMetric(float64(baseTime.Microseconds())/1000/float64(b.N), "base-ms/op")
}

func benchGenerate(b *testing.B, complexity int, animals ...Animal) {
	in := benchInput(complexity)
	for _, animal := range animals {
		b.Run(animal.String(), func(b *testing.B) {
			compare(b, func() {
				p, err := Generate(context.Background(), in, animal, nil)
				if err != nil {
					b.Fatal(err)
				}
				p.Wipe()
			}, func() { unavoidableWork(b, complexity, animal) })
		})
	}
}

func BenchmarkGenerateC1(b *testing.B) { benchGenerate(b, Normal, Ape, Zebra) }

func BenchmarkGenerateC2(b *testing.B) { benchGenerate(b, Intermediate, Ape) }

// BenchmarkGenerateC3 takes about two minutes per iteration (ours and the
// baseline): it runs only with FORGIVA_BENCH_C3=1.
func BenchmarkGenerateC3(b *testing.B) {
	if os.Getenv("FORGIVA_BENCH_C3") != "1" {
		b.Skip("set FORGIVA_BENCH_C3=1 to run the real complexity 3 generation")
	}
	benchGenerate(b, Advanced, Ape)
}

// BenchmarkKDFLoop compares the PBKDF2 loop alone with crypto/pbkdf2 for
// each kdf hash, on 1,000,000 iterations: the complexity 3 inner loop
// without the minute-long wait.
func BenchmarkKDFLoop(b *testing.B) {
	key := bytes.Repeat([]byte{0x5a}, 64)
	salt := bytes.Repeat([]byte{0xa5}, 64)
	const iterations = 1_000_000
	for level := Normal; level <= Advanced; level++ {
		newHash := kdfHash(level)
		b.Run(map[int]string{1: "SHA1", 2: "SHA256", 3: "SHA512"}[level], func(b *testing.B) {
			m := newMeter(context.Background(), nil, 1<<40)
			compare(b, func() {
				if _, err := pbkdf2Key(m, newHash, key, salt, iterations, kdfKeyLen); err != nil {
					b.Fatal(err)
				}
			}, func() {
				if _, err := pbkdf2.Key(newHash, string(key), salt, iterations, kdfKeyLen); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

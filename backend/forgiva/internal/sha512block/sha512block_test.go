package sha512block

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha512"
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"time"
)

// hashWith hashes msg with block, padding it as FIPS 180-4 says (the
// 128-bit length's high word is zero for these lengths).
func hashWith(block func(*[8]uint64, *[16]uint64), msg []byte) [64]byte {
	padded := append([]byte(nil), msg...)
	padded = append(padded, 0x80)
	for len(padded)%128 != 112 {
		padded = append(padded, 0)
	}
	padded = binary.BigEndian.AppendUint64(padded, 0)
	padded = binary.BigEndian.AppendUint64(padded, uint64(len(msg))*8)
	h := IV
	for len(padded) > 0 {
		w := Words(padded[:128])
		block(&h, &w)
		padded = padded[128:]
	}
	return bytesOf(h)
}

func bytesOf(w [8]uint64) (out [64]byte) {
	for i, v := range w {
		binary.BigEndian.PutUint64(out[8*i:], v)
	}
	return out
}

func words(b []byte) (w [8]uint64) {
	for i := range w {
		w[i] = binary.BigEndian.Uint64(b[8*i:])
	}
	return w
}

// implementations are the block functions this machine can run.
func implementations(t *testing.T) map[string]func(*[8]uint64, *[16]uint64) {
	impls := map[string]func(*[8]uint64, *[16]uint64){"generic": blockGeneric}
	if useAVX {
		impls["avx"] = blockAVX
	} else {
		t.Log("no AVX and BMI2 here: only the generic code is tested")
	}
	return impls
}

// Random messages of every length up to a few blocks, hashed through each
// block function, equal crypto/sha512.
func TestBlockMatchesCryptoSHA512(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for name, block := range implementations(t) {
		for n := range 600 {
			msg := make([]byte, n)
			for i := range msg {
				msg[i] = byte(rng.Uint32())
			}
			if got, want := hashWith(block, msg), sha512.Sum512(msg); got != want {
				t.Fatalf("%s: %d-byte message: %x, want %x", name, n, got, want)
			}
		}
	}
}

// Block chooses the fast path where there is one and agrees with the
// generic code on random states and blocks.
func TestBlockRandomStates(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		var h [8]uint64
		var w [16]uint64
		for i := range h {
			h[i] = rng.Uint64()
		}
		for i := range w {
			w[i] = rng.Uint64()
		}
		want := h
		blockGeneric(&want, &w)
		got := h
		Block(&got, &w)
		if got != want {
			t.Fatalf("Block(%x, %x) = %x, want %x", h, w, got, want)
		}
	}
}

// keyed returns the chaining values after HMAC-SHA512's ipad and opad
// blocks for a key of at most 128 bytes.
func keyed(key []byte) (inner, outer [8]uint64) {
	var pad [128]byte
	copy(pad[:], key)
	for i := range pad {
		pad[i] ^= 0x36
	}
	inner, w := IV, Words(pad[:])
	Block(&inner, &w)
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	outer, w = IV, Words(pad[:])
	Block(&outer, &w)
	return inner, outer
}

// HMACIterate, fast and generic, gives crypto/pbkdf2's PBKDF2-HMAC-SHA512,
// with keys up to a whole block.
func TestHMACIterateIsPBKDF2(t *testing.T) {
	salt := []byte("salt and counter")
	for _, password := range [][]byte{[]byte("forgiva master key"), make([]byte, 128)} {
		inner, outer := keyed(password)
		for _, iterations := range []int{1, 2, 3, 1000, 4096} {
			want, err := pbkdf2.Key(sha512.New, string(password), salt, iterations, 64)
			if err != nil {
				t.Fatal(err)
			}
			mac := hmac.New(sha512.New, password)
			mac.Write(salt)
			mac.Write([]byte{0, 0, 0, 1})
			first := words(mac.Sum(nil))
			for name, iterate := range map[string]func(inner, outer, u, t *[8]uint64, n int){"generic": hmacIterateGeneric, "chosen": HMACIterate} {
				u, sum := first, first
				iterate(&inner, &outer, &u, &sum, iterations-1)
				if got := bytesOf(sum); string(got[:]) != string(want) {
					t.Errorf("%s, %d iterations: %x, want %x", name, iterations, got, want)
				}
				if wantU := bytesOf(u); iterations == 1 && wantU != bytesOf(first) {
					t.Errorf("%s: zero iterations changed u", name)
				}
			}
		}
	}
}

func BenchmarkBlock(b *testing.B) {
	var h [8]uint64
	var w [16]uint64
	b.SetBytes(128)
	for b.Loop() {
		Block(&h, &w)
	}
}

func BenchmarkBlockGeneric(b *testing.B) {
	var h [8]uint64
	var w [16]uint64
	b.SetBytes(128)
	for b.Loop() {
		blockGeneric(&h, &w)
	}
}

// BenchmarkStdlib is the floor's yardstick: crypto/sha512 on 1 MiB.
func BenchmarkStdlib(b *testing.B) {
	msg := make([]byte, 1<<20)
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		sha512.Sum512(msg)
	}
}

func BenchmarkHMACIterate(b *testing.B) {
	inner, outer := keyed([]byte("key"))
	var u, t [8]uint64
	b.SetBytes(1000 * 256) // two compressions an iteration
	for b.Loop() {
		HMACIterate(&inner, &outer, &u, &t, 1000)
	}
}

// BenchmarkHMACIterateVsStdlib alternates 1000 iterations (2000
// compressions) with crypto/sha512 hashing as many blocks in one message,
// and reports the time ratio: below 1 the loop compresses faster than the
// standard library streams.
func BenchmarkHMACIterateVsStdlib(b *testing.B) {
	inner, outer := keyed([]byte("key"))
	var u, t [8]uint64
	msg := make([]byte, 2000*128)
	var ours, std time.Duration
	for b.Loop() {
		start := time.Now()
		HMACIterate(&inner, &outer, &u, &t, 1000)
		mid := time.Now()
		sha512.Sum512(msg)
		ours += mid.Sub(start)
		std += time.Since(mid)
	}
	b.ReportMetric(ours.Seconds()/std.Seconds(), "ratio")
}

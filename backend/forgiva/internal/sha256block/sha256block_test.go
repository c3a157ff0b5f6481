package sha256block

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// hashWith hashes msg with block, padding it as FIPS 180-4 says.
func hashWith(block func(*[8]uint32, *[16]uint32), msg []byte) [32]byte {
	padded := append([]byte(nil), msg...)
	padded = append(padded, 0x80)
	for len(padded)%64 != 56 {
		padded = append(padded, 0)
	}
	padded = binary.BigEndian.AppendUint64(padded, uint64(len(msg))*8)
	h := IV
	for len(padded) > 0 {
		w := Words(padded[:64])
		block(&h, &w)
		padded = padded[64:]
	}
	var out [32]byte
	for i, v := range h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// implementations are the block functions this machine can run.
func implementations(t *testing.T) map[string]func(*[8]uint32, *[16]uint32) {
	impls := map[string]func(*[8]uint32, *[16]uint32){"generic": blockGeneric}
	if useSHANI {
		impls["sha-ni"] = blockSHANI
	} else {
		t.Log("no SHA-NI here: only the generic code is tested")
	}
	return impls
}

// Random messages of every length up to a few blocks, hashed through each
// block function, equal crypto/sha256.
func TestBlockMatchesCryptoSHA256(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for name, block := range implementations(t) {
		for n := range 300 {
			msg := make([]byte, n)
			for i := range msg {
				msg[i] = byte(rng.Uint32())
			}
			if got, want := hashWith(block, msg), sha256.Sum256(msg); got != want {
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
		var h [8]uint32
		var w [16]uint32
		for i := range h {
			h[i] = rng.Uint32()
		}
		for i := range w {
			w[i] = rng.Uint32()
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

// keyed returns the chaining values after HMAC-SHA256's ipad and opad
// blocks for a key of at most 64 bytes.
func keyed(key []byte) (inner, outer [8]uint32) {
	var pad [64]byte
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

func words(b []byte) (w [8]uint32) {
	for i := range w {
		w[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return w
}

func bytesOf(w [8]uint32) []byte {
	out := make([]byte, 0, 32)
	for _, v := range w {
		out = binary.BigEndian.AppendUint32(out, v)
	}
	return out
}

// HMACIterate, fast and generic, gives crypto/pbkdf2's PBKDF2-HMAC-SHA256.
func TestHMACIterateIsPBKDF2(t *testing.T) {
	password, salt := []byte("forgiva master key"), []byte("salt and counter")
	inner, outer := keyed(password)
	for _, iterations := range []int{1, 2, 3, 1000, 4096} {
		want, err := pbkdf2.Key(sha256.New, string(password), salt, iterations, 32)
		if err != nil {
			t.Fatal(err)
		}
		mac := hmac.New(sha256.New, password)
		mac.Write(salt)
		mac.Write([]byte{0, 0, 0, 1})
		first := words(mac.Sum(nil))
		for name, iterate := range map[string]func(inner, outer, u, t *[8]uint32, n int){"generic": hmacIterateGeneric, "chosen": HMACIterate} {
			u, sum := first, first
			iterate(&inner, &outer, &u, &sum, iterations-1)
			if got := bytesOf(sum); string(got) != string(want) {
				t.Errorf("%s, %d iterations: %x, want %x", name, iterations, got, want)
			}
		}
	}
}

func BenchmarkBlock(b *testing.B) {
	var h [8]uint32
	var w [16]uint32
	b.SetBytes(64)
	for b.Loop() {
		Block(&h, &w)
	}
}

func BenchmarkHMACIterate(b *testing.B) {
	inner, outer := keyed([]byte("key"))
	var u, t [8]uint32
	b.SetBytes(1000 * 128) // two compressions an iteration
	for b.Loop() {
		HMACIterate(&inner, &outer, &u, &t, 1000)
	}
}

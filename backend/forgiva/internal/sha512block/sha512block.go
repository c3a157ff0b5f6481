// Package sha512block is the SHA-512 compression function on words, for
// PBKDF2-HMAC-SHA512's inner loop (complexity 3's 100,000,000 iterations):
// there every message is one digest plus fixed padding, so the loop runs
// from precomputed keyed states with no hashing API, no padding and no
// state saving per iteration. On amd64 with AVX and BMI2 the whole loop is
// assembly (the rounds on general registers with RORX, the message
// schedule two words at a time in vector registers); elsewhere it is Go.
package sha512block

import "encoding/binary"

// IV is SHA-512's initial chaining value.
var IV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

// Block runs one compression of h over the 16 message words w (each the
// big-endian reading of 8 message bytes).
func Block(h *[8]uint64, w *[16]uint64) {
	if useAVX {
		blockAVX(h, w)
		return
	}
	blockGeneric(h, w)
}

// Words reads a 128-byte block as message words.
func Words(block []byte) [16]uint64 {
	var w [16]uint64
	for i := range w {
		w[i] = binary.BigEndian.Uint64(block[8*i:])
	}
	return w
}

// HMACIterate runs n iterations of PBKDF2's inner loop on a 64-byte u:
// u = HMAC(u), t ^= u, where inner and outer are the chaining values after
// the key's ipad and opad blocks. u and t are digests as words.
func HMACIterate(inner, outer, u, t *[8]uint64, n int) {
	if n <= 0 {
		return
	}
	if useAVX {
		hmacIterateAVX(inner, outer, u, t, n)
		return
	}
	hmacIterateGeneric(inner, outer, u, t, n)
}

// digestBlock fills w with a digest-long message and its padding: the
// message follows one 128-byte key block, so 192 bytes are hashed in all
// (the 128-bit length's high word is zero).
func digestBlock(w *[16]uint64, d *[8]uint64) {
	copy(w[:8], d[:])
	w[8] = 1 << 63
	clear(w[9:15])
	w[15] = (128 + 64) * 8
}

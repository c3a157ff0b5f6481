// Package sha256block is the SHA-256 compression function on words, for
// PBKDF2-HMAC-SHA256's inner loop: there every message is one digest plus
// fixed padding, so the loop can run from precomputed keyed states with no
// hashing API, no padding and no state saving per iteration. On amd64 with
// SHA-NI it runs in assembly (the whole loop), elsewhere in Go.
package sha256block

import "encoding/binary"

// IV is SHA-256's initial chaining value.
var IV = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// Block runs one compression of h over the 16 message words w (each the
// big-endian reading of 4 message bytes).
func Block(h *[8]uint32, w *[16]uint32) {
	if useSHANI {
		blockSHANI(h, w)
		return
	}
	blockGeneric(h, w)
}

// Words reads a 64-byte block as message words.
func Words(block []byte) [16]uint32 {
	var w [16]uint32
	for i := range w {
		w[i] = binary.BigEndian.Uint32(block[4*i:])
	}
	return w
}

// HMACIterate runs n iterations of PBKDF2's inner loop on a 32-byte u:
// u = HMAC(u), t ^= u, where inner and outer are the chaining values after
// the key's ipad and opad blocks. u and t are digests as words.
func HMACIterate(inner, outer, u, t *[8]uint32, n int) {
	if n <= 0 {
		return
	}
	if useSHANI {
		in, out := shaniOrder(inner), shaniOrder(outer)
		hmacIterateSHANI(&in, &out, u, t, n)
		clear(in[:])
		clear(out[:])
		return
	}
	hmacIterateGeneric(inner, outer, u, t, n)
}

// digestBlock fills w with a digest-long message and its padding: the
// message follows one 64-byte key block, so 96 bytes are hashed in all.
func digestBlock(w *[16]uint32, d *[8]uint32) {
	copy(w[:8], d[:])
	w[8] = 0x80000000
	clear(w[9:15])
	w[15] = (64 + 32) * 8
}

func hmacIterateGeneric(inner, outer, u, t *[8]uint32, n int) {
	var w [16]uint32
	var h [8]uint32
	defer clear(w[:])
	defer clear(h[:])
	for range n {
		digestBlock(&w, u)
		h = *inner
		blockGeneric(&h, &w)
		digestBlock(&w, &h)
		h = *outer
		blockGeneric(&h, &w)
		*u = h
		for i := range t {
			t[i] ^= h[i]
		}
	}
}

// shaniOrder lays a chaining value out as SHA-NI's two registers hold it:
// words F, E, B, A, then H, G, D, C.
func shaniOrder(h *[8]uint32) [8]uint32 {
	return [8]uint32{h[5], h[4], h[1], h[0], h[7], h[6], h[3], h[2]}
}

// Package sha0 implements SHA-0, the original Secure Hash Algorithm published
// in FIPS PUB 180 (1993) and withdrawn in favour of SHA-1 (FIPS PUB 180-1).
//
// SHA-0 differs from SHA-1 only in its message schedule, which lacks the
// one-bit left rotation. It is broken and must not be used for new designs;
// it exists here because the Forgiva algorithm mixes it into its iterative
// hash, and compatibility with existing passwords requires it.
package sha0

import (
	"encoding/binary"
	"hash"
	"math/bits"
)

const (
	// Size is the size of a SHA-0 digest in bytes.
	Size = 20
	// BlockSize is the block size of SHA-0 in bytes.
	BlockSize = 64
)

// Initial chaining values, shared with SHA-1 (FIPS 180, section 7).
const (
	init0 = 0x67452301
	init1 = 0xEFCDAB89
	init2 = 0x98BADCFE
	init3 = 0x10325476
	init4 = 0xC3D2E1F0
)

// Round constants for the four groups of 20 steps (FIPS 180, section 5).
const (
	k0 = 0x5A827999
	k1 = 0x6ED9EBA1
	k2 = 0x8F1BBCDC
	k3 = 0xCA62C1D6
)

type digest struct {
	h   [5]uint32
	buf [BlockSize]byte
	n   int    // bytes buffered in buf
	len uint64 // total bytes written
}

// New returns a new hash.Hash computing the SHA-0 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

// Sum returns the SHA-0 checksum of data.
func Sum(data []byte) [Size]byte {
	var d digest
	d.Reset()
	d.Write(data)
	return d.checkSum()
}

func (d *digest) Reset() {
	d.h = [5]uint32{init0, init1, init2, init3, init4}
	d.n = 0
	d.len = 0
}

func (d *digest) Size() int      { return Size }
func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	written := len(p)
	d.len += uint64(written)
	if d.n > 0 {
		c := copy(d.buf[d.n:], p)
		d.n += c
		p = p[c:]
		if d.n < BlockSize {
			return written, nil
		}
		block(&d.h, d.buf[:])
		d.n = 0
	}
	for len(p) >= BlockSize {
		block(&d.h, p[:BlockSize])
		p = p[BlockSize:]
	}
	d.n = copy(d.buf[:], p)
	return written, nil
}

// Sum appends the current digest to b without changing the hash state.
func (d *digest) Sum(b []byte) []byte {
	c := *d
	sum := c.checkSum()
	return append(b, sum[:]...)
}

// checkSum pads the message as FIPS 180 section 4 prescribes (a one bit,
// zeros, then the 64-bit big-endian bit length) and returns the digest.
func (d *digest) checkSum() [Size]byte {
	bitLen := d.len << 3
	var pad [BlockSize + 8]byte
	pad[0] = 0x80
	padLen := BlockSize - int((d.len+8)%BlockSize)
	if padLen == 0 {
		padLen = BlockSize
	}
	binary.BigEndian.PutUint64(pad[padLen:], bitLen)
	d.Write(pad[:padLen+8])

	var out [Size]byte
	for i, v := range d.h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// block processes one 64-byte block. The schedule W[t] = W[t-3] ^ W[t-8] ^
// W[t-14] ^ W[t-16] has no rotation: that omission is what makes it SHA-0.
func block(h *[5]uint32, p []byte) {
	var w [80]uint32
	for i := range 16 {
		w[i] = binary.BigEndian.Uint32(p[4*i:])
	}
	for t := 16; t < 80; t++ {
		w[t] = w[t-3] ^ w[t-8] ^ w[t-14] ^ w[t-16]
	}

	a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
	for t := range 80 {
		var f, k uint32
		switch {
		case t < 20:
			f, k = (b&c)|(^b&d), k0
		case t < 40:
			f, k = b^c^d, k1
		case t < 60:
			f, k = (b&c)|(b&d)|(c&d), k2
		default:
			f, k = b^c^d, k3
		}
		tmp := bits.RotateLeft32(a, 5) + f + e + w[t] + k
		a, b, c, d, e = tmp, a, bits.RotateLeft32(b, 30), c, d
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
}

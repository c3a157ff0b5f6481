package argon2d

import (
	"encoding/binary"
	"hash"

	"golang.org/x/crypto/blake2b"
)

// initialHash computes H0 (RFC 9106 section 3.2, step 1) into out, which
// the caller owns and wipes.
func initialHash(out *[blake2b.Size]byte, p *params) {
	h := mustBlake2b(blake2b.Size)
	writeU32(h, p.lanes)
	writeU32(h, p.keyLen)
	writeU32(h, p.memoryKiB)
	writeU32(h, p.time)
	writeU32(h, version)
	writeU32(h, typeD)
	for _, field := range [][]byte{p.password, p.salt, p.secret, p.data} {
		writeU32(h, uint32(len(field)))
		h.Write(field)
	}
	h.Sum(out[:0])
}

// hashPrime is the variable-length hash H' of RFC 9106 section 3.3: it
// fills out (any length >= 1) from the concatenation of parts.
func hashPrime(out []byte, parts ...[]byte) {
	h := mustBlake2b(min(len(out), blake2b.Size))
	writeU32(h, uint32(len(out)))
	for _, part := range parts {
		h.Write(part)
	}
	if len(out) <= blake2b.Size {
		h.Sum(out[:0])
		return
	}

	// Longer outputs chain 64-byte digests, keeping the first half of
	// each, and end with one digest sized to what is left.
	var v [blake2b.Size]byte
	h.Sum(v[:0])
	defer clear(v[:])
	const half = blake2b.Size / 2
	pos := copy(out, v[:half])
	for len(out)-pos > blake2b.Size {
		h = mustBlake2b(blake2b.Size)
		h.Write(v[:])
		h.Sum(v[:0])
		pos += copy(out[pos:], v[:half])
	}
	h = mustBlake2b(len(out) - pos)
	h.Write(v[:])
	h.Sum(out[pos:pos])
}

// mustBlake2b returns unkeyed BLAKE2b with a size-byte digest. blake2b.New
// fails only for sizes outside 1..64 or keys over 64 bytes, which callers
// here cannot produce.
func mustBlake2b(size int) hash.Hash {
	h, err := blake2b.New(size, nil)
	if err != nil {
		panic("argon2d: " + err.Error())
	}
	return h
}

func writeU32(h hash.Hash, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	h.Write(b[:])
}

// Package camellia implements the Camellia block cipher as specified in
// RFC 3713, with 128-, 192- and 256-bit keys.
//
// The Forgiva algorithm uses Camellia in CBC mode; use crypto/cipher for the
// mode. The implementation uses lookup tables and is therefore not
// constant-time, which is acceptable for Forgiva's local, offline use.
package camellia

import (
	"crypto/cipher"
	"encoding/binary"
	"math/bits"
	"strconv"
)

// BlockSize is the Camellia block size in bytes.
const BlockSize = 16

// KeySizeError reports a key length other than 16, 24 or 32 bytes.
type KeySizeError int

func (k KeySizeError) Error() string {
	return "camellia: invalid key size " + strconv.Itoa(int(k))
}

// schedule holds one direction's subkeys in the order the rounds use them.
type schedule struct {
	kw [4]uint64  // whitening keys kw1..kw4
	k  [24]uint64 // round keys k1..k24 (only 18 used for 128-bit keys)
	ke [6]uint64  // FL/FL^-1 keys ke1..ke6 (only 4 used for 128-bit keys)
}

type camelliaCipher struct {
	rounds   int // 18 for 128-bit keys, 24 otherwise
	enc, dec schedule
}

// NewCipher returns a Camellia cipher.Block for a 16-, 24- or 32-byte key.
func NewCipher(key []byte) (cipher.Block, error) {
	switch len(key) {
	case 16, 24, 32:
	default:
		return nil, KeySizeError(len(key))
	}
	c := new(camelliaCipher)
	c.rounds = expandKey(key, &c.enc)
	c.dec = reverseSchedule(&c.enc, c.rounds)
	return c, nil
}

func (c *camelliaCipher) BlockSize() int { return BlockSize }

func (c *camelliaCipher) Encrypt(dst, src []byte) {
	checkBlock(dst, src)
	crypt(&c.enc, c.rounds, dst, src)
}

func (c *camelliaCipher) Decrypt(dst, src []byte) {
	checkBlock(dst, src)
	crypt(&c.dec, c.rounds, dst, src)
}

// checkBlock panics on short buffers, as crypto/aes does: a short buffer is
// a programming error, not a runtime condition.
func checkBlock(dst, src []byte) {
	if len(src) < BlockSize {
		panic("camellia: input not full block")
	}
	if len(dst) < BlockSize {
		panic("camellia: output not full block")
	}
}

// crypt runs the data randomizing part of RFC 3713 section 2.3. Decryption
// is the same network with the subkeys reversed (see reverseSchedule). The
// whole block is read before dst is written, so dst may alias src.
func crypt(s *schedule, rounds int, dst, src []byte) {
	d1 := binary.BigEndian.Uint64(src[0:8]) ^ s.kw[0]
	d2 := binary.BigEndian.Uint64(src[8:16]) ^ s.kw[1]
	for i := 0; i < rounds; i += 6 {
		if i > 0 {
			d1 = fl(d1, s.ke[i/3-2])
			d2 = flInv(d2, s.ke[i/3-1])
		}
		d2 ^= f(d1, s.k[i])
		d1 ^= f(d2, s.k[i+1])
		d2 ^= f(d1, s.k[i+2])
		d1 ^= f(d2, s.k[i+3])
		d2 ^= f(d1, s.k[i+4])
		d1 ^= f(d2, s.k[i+5])
	}
	d2 ^= s.kw[2]
	d1 ^= s.kw[3]
	binary.BigEndian.PutUint64(dst[0:8], d2)
	binary.BigEndian.PutUint64(dst[8:16], d1)
}

// f is the F-function (RFC 3713 section 2.4.1): S-boxes then P-function,
// folded into the eight sp tables.
func f(in, key uint64) uint64 {
	x := in ^ key
	return sp[0][byte(x>>56)] ^ sp[1][byte(x>>48)] ^ sp[2][byte(x>>40)] ^
		sp[3][byte(x>>32)] ^ sp[4][byte(x>>24)] ^ sp[5][byte(x>>16)] ^
		sp[6][byte(x>>8)] ^ sp[7][byte(x)]
}

// fl is the FL-function of RFC 3713 section 2.4.2.
func fl(in, key uint64) uint64 {
	x1, x2 := uint32(in>>32), uint32(in)
	k1, k2 := uint32(key>>32), uint32(key)
	x2 ^= bits.RotateLeft32(x1&k1, 1)
	x1 ^= x2 | k2
	return uint64(x1)<<32 | uint64(x2)
}

// flInv is the FLINV-function of RFC 3713 section 2.4.3.
func flInv(in, key uint64) uint64 {
	y1, y2 := uint32(in>>32), uint32(in)
	k1, k2 := uint32(key>>32), uint32(key)
	y1 ^= y2 | k2
	y2 ^= bits.RotateLeft32(y1&k1, 1)
	return uint64(y1)<<32 | uint64(y2)
}

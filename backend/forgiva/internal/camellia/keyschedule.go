package camellia

import "encoding/binary"

// The key-schedule constants Sigma1..Sigma6 of RFC 3713 section 2.2.
const (
	sigma1 = 0xA09E667F3BCC908B
	sigma2 = 0xB67AE8584CAA73B2
	sigma3 = 0xC6EF372FE94F82BE
	sigma4 = 0x54FF53A5F1D36F1C
	sigma5 = 0x10E527FADE682D1D
	sigma6 = 0xB05688C2B3E6C1FD
)

// u128 is a 128-bit value as two 64-bit halves.
type u128 struct{ hi, lo uint64 }

// rotl returns the halves of v <<< n for 0 <= n < 128.
func (v u128) rotl(n uint) u128 {
	if n >= 64 {
		v = u128{v.lo, v.hi}
		n -= 64
	}
	if n == 0 {
		return v
	}
	return u128{v.hi<<n | v.lo>>(64-n), v.lo<<n | v.hi>>(64-n)}
}

// subkeyRef names one 64-bit subkey: the left (hi) or right (lo) half of
// one of KL, KR, KA, KB rotated left by rot bits.
type subkeyRef struct {
	src  int // index into [KL, KR, KA, KB]
	rot  uint
	left bool
}

const (
	kl = iota
	kr
	ka
	kb
)

// pair lists both halves of one rotated key, the way the RFC's tables do.
func pair(src int, rot uint) [2]subkeyRef {
	return [2]subkeyRef{{src, rot, true}, {src, rot, false}}
}

// Subkey tables of RFC 3713 section 2.2, in order: kw1..kw4, then k1..kN,
// then ke1..keM, two entries (left half, right half) per table row.
var (
	kw128 = [][2]subkeyRef{pair(kl, 0), pair(ka, 111)}
	k128  = [][2]subkeyRef{
		pair(ka, 0), pair(kl, 15), pair(ka, 15),
		pair(kl, 45), {{ka, 45, true}, {kl, 60, false}}, pair(ka, 60),
		pair(kl, 94), pair(ka, 94), pair(kl, 111),
	}
	ke128 = [][2]subkeyRef{pair(ka, 30), pair(kl, 77)}

	kw256 = [][2]subkeyRef{pair(kl, 0), pair(kb, 111)}
	k256  = [][2]subkeyRef{
		pair(kb, 0), pair(kr, 15), pair(ka, 15),
		pair(kb, 30), pair(kl, 45), pair(ka, 45),
		pair(kr, 60), pair(kb, 60), pair(kl, 77),
		pair(kr, 94), pair(ka, 94), pair(kl, 111),
	}
	ke256 = [][2]subkeyRef{pair(kr, 30), pair(kl, 60), pair(ka, 77)}
)

// expandKey fills s with the encryption subkeys for key (16, 24 or 32
// bytes) and returns the number of rounds.
func expandKey(key []byte, s *schedule) int {
	var keys [4]u128
	keys[kl] = u128{binary.BigEndian.Uint64(key[0:]), binary.BigEndian.Uint64(key[8:])}
	switch len(key) {
	case 24:
		right := binary.BigEndian.Uint64(key[16:])
		keys[kr] = u128{right, ^right}
	case 32:
		keys[kr] = u128{binary.BigEndian.Uint64(key[16:]), binary.BigEndian.Uint64(key[24:])}
	}

	d1, d2 := keys[kl].hi^keys[kr].hi, keys[kl].lo^keys[kr].lo
	d2 ^= f(d1, sigma1)
	d1 ^= f(d2, sigma2)
	d1 ^= keys[kl].hi
	d2 ^= keys[kl].lo
	d2 ^= f(d1, sigma3)
	d1 ^= f(d2, sigma4)
	keys[ka] = u128{d1, d2}

	if len(key) == 16 {
		fill(s.kw[:], kw128, &keys)
		fill(s.k[:], k128, &keys)
		fill(s.ke[:], ke128, &keys)
		return 18
	}

	d1, d2 = keys[ka].hi^keys[kr].hi, keys[ka].lo^keys[kr].lo
	d2 ^= f(d1, sigma5)
	d1 ^= f(d2, sigma6)
	keys[kb] = u128{d1, d2}
	fill(s.kw[:], kw256, &keys)
	fill(s.k[:], k256, &keys)
	fill(s.ke[:], ke256, &keys)
	return 24
}

func fill(dst []uint64, refs [][2]subkeyRef, keys *[4]u128) {
	for i, row := range refs {
		for j, ref := range row {
			v := keys[ref.src].rotl(ref.rot)
			if ref.left {
				dst[2*i+j] = v.hi
			} else {
				dst[2*i+j] = v.lo
			}
		}
	}
}

// reverseSchedule returns the decryption subkeys: RFC 3713 section 2.3.2
// runs the same network with kw1<->kw3, kw2<->kw4, and the round and FL
// keys in reverse order.
func reverseSchedule(enc *schedule, rounds int) schedule {
	var dec schedule
	dec.kw = [4]uint64{enc.kw[2], enc.kw[3], enc.kw[0], enc.kw[1]}
	for i := range rounds {
		dec.k[i] = enc.k[rounds-1-i]
	}
	flKeys := rounds/3 - 2
	for i := range flKeys {
		dec.ke[i] = enc.ke[flKeys-1-i]
	}
	return dec
}

package argon2d

import "math/bits"

// compress computes the compression function G(prev, ref) of RFC 9106
// section 3.5 into dst, or XORs it into dst when xorInto is set (passes
// after the first, version 0x13).
func compress(dst, prev, ref *block, xorInto bool) {
	var r, z block
	for i := range r {
		r[i] = prev[i] ^ ref[i]
	}
	z = r

	// P on each row: the row's eight 16-byte registers are 16 consecutive
	// words.
	for i := 0; i < blockWords; i += 16 {
		permute((*[16]uint64)(z[i : i+16]))
	}
	// P on each column: column c holds registers c, c+8, ..., c+56, that
	// is word pairs (2c, 2c+1) of every row.
	var col [16]uint64
	for c := 0; c < 16; c += 2 {
		for row := range 8 {
			col[2*row] = z[16*row+c]
			col[2*row+1] = z[16*row+c+1]
		}
		permute(&col)
		for row := range 8 {
			z[16*row+c] = col[2*row]
			z[16*row+c+1] = col[2*row+1]
		}
	}

	if xorInto {
		for i := range dst {
			dst[i] ^= z[i] ^ r[i]
		}
	} else {
		for i := range dst {
			dst[i] = z[i] ^ r[i]
		}
	}
}

// permute is the permutation P of RFC 9106 section 3.6 on a 4x4 matrix of
// words v0..v15: GB on the columns, then on the diagonals.
func permute(v *[16]uint64) {
	v0, v1, v2, v3 := v[0], v[1], v[2], v[3]
	v4, v5, v6, v7 := v[4], v[5], v[6], v[7]
	v8, v9, v10, v11 := v[8], v[9], v[10], v[11]
	v12, v13, v14, v15 := v[12], v[13], v[14], v[15]

	v0, v4, v8, v12 = gb1(v0, v4, v8, v12)
	v0, v4, v8, v12 = gb2(v0, v4, v8, v12)
	v1, v5, v9, v13 = gb1(v1, v5, v9, v13)
	v1, v5, v9, v13 = gb2(v1, v5, v9, v13)
	v2, v6, v10, v14 = gb1(v2, v6, v10, v14)
	v2, v6, v10, v14 = gb2(v2, v6, v10, v14)
	v3, v7, v11, v15 = gb1(v3, v7, v11, v15)
	v3, v7, v11, v15 = gb2(v3, v7, v11, v15)

	v0, v5, v10, v15 = gb1(v0, v5, v10, v15)
	v0, v5, v10, v15 = gb2(v0, v5, v10, v15)
	v1, v6, v11, v12 = gb1(v1, v6, v11, v12)
	v1, v6, v11, v12 = gb2(v1, v6, v11, v12)
	v2, v7, v8, v13 = gb1(v2, v7, v8, v13)
	v2, v7, v8, v13 = gb2(v2, v7, v8, v13)
	v3, v4, v9, v14 = gb1(v3, v4, v9, v14)
	v3, v4, v9, v14 = gb2(v3, v4, v9, v14)

	v[0], v[1], v[2], v[3] = v0, v1, v2, v3
	v[4], v[5], v[6], v[7] = v4, v5, v6, v7
	v[8], v[9], v[10], v[11] = v8, v9, v10, v11
	v[12], v[13], v[14], v[15] = v12, v13, v14, v15
}

// gb1 and gb2 are the two halves of GB, the BlaMka quarter-round: BLAKE2b's
// G with each addition a+b replaced by a + b + 2*lo32(a)*lo32(b), and no
// message words. Split in halves, the compiler inlines them into permute;
// as one call GB's overhead costs about a fifth of the running time.
func gb1(a, b, c, d uint64) (uint64, uint64, uint64, uint64) {
	a = blamka(a, b)
	d = bits.RotateLeft64(d^a, -32)
	c = blamka(c, d)
	b = bits.RotateLeft64(b^c, -24)
	return a, b, c, d
}

func gb2(a, b, c, d uint64) (uint64, uint64, uint64, uint64) {
	a = blamka(a, b)
	d = bits.RotateLeft64(d^a, -16)
	c = blamka(c, d)
	b = bits.RotateLeft64(b^c, -63)
	return a, b, c, d
}

func blamka(x, y uint64) uint64 {
	return x + y + 2*uint64(uint32(x))*uint64(uint32(y))
}

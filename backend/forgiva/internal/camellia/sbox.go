package camellia

// sbox1 is SBOX1 of RFC 3713 section 2.4.4. The other three S-boxes are
// derived from it (SBOX2[x] = SBOX1[x] <<< 1, SBOX3[x] = SBOX1[x] <<< 7,
// SBOX4[x] = SBOX1[x <<< 1]).
var sbox1 = [256]byte{
	112, 130, 44, 236, 179, 39, 192, 229, 228, 133, 87, 53, 234, 12, 174, 65,
	35, 239, 107, 147, 69, 25, 165, 33, 237, 14, 79, 78, 29, 101, 146, 189,
	134, 184, 175, 143, 124, 235, 31, 206, 62, 48, 220, 95, 94, 197, 11, 26,
	166, 225, 57, 202, 213, 71, 93, 61, 217, 1, 90, 214, 81, 86, 108, 77,
	139, 13, 154, 102, 251, 204, 176, 45, 116, 18, 43, 32, 240, 177, 132, 153,
	223, 76, 203, 194, 52, 126, 118, 5, 109, 183, 169, 49, 209, 23, 4, 215,
	20, 88, 58, 97, 222, 27, 17, 28, 50, 15, 156, 22, 83, 24, 242, 34,
	254, 68, 207, 178, 195, 181, 122, 145, 36, 8, 232, 168, 96, 252, 105, 80,
	170, 208, 160, 125, 161, 137, 98, 151, 84, 91, 30, 149, 224, 255, 100, 210,
	16, 196, 0, 72, 163, 247, 117, 219, 138, 3, 230, 218, 9, 63, 221, 148,
	135, 92, 131, 2, 205, 74, 144, 51, 115, 103, 246, 243, 157, 127, 191, 226,
	82, 155, 216, 38, 200, 55, 198, 59, 129, 150, 111, 75, 19, 190, 99, 46,
	233, 121, 167, 140, 159, 110, 188, 142, 41, 245, 249, 182, 47, 253, 180, 89,
	120, 152, 6, 106, 231, 70, 113, 186, 212, 37, 171, 66, 136, 162, 141, 250,
	114, 7, 185, 85, 248, 238, 172, 10, 54, 73, 42, 104, 60, 56, 241, 164,
	64, 40, 211, 123, 187, 201, 67, 193, 21, 227, 173, 244, 119, 199, 128, 158,
}

// sp[i][x] is the F-function output (after the P-function) when byte i of
// its input, counted from the most significant, is x and all other S-box
// outputs are zero. The P-function is linear over XOR, so F is the XOR of
// eight lookups. Built once from sbox1 so no second hand-typed table can
// disagree with the standard.
var sp = buildSP()

func rotl8(x byte, n uint) byte { return x<<n | x>>(8-n) }

// sboxByPosition returns the S-box RFC 3713 section 2.4.1 applies to byte i
// (0-based from the most significant) of the F-function input.
func sboxByPosition(i int, x byte) byte {
	switch i {
	case 0, 7:
		return sbox1[x]
	case 1, 4:
		return rotl8(sbox1[x], 1)
	case 2, 5:
		return rotl8(sbox1[x], 7)
	default: // 3, 6
		return sbox1[rotl8(x, 1)]
	}
}

// pFunction is the P-function of RFC 3713 section 2.4.1 on the eight S-box
// outputs t[0..7] (t1..t8 in the RFC), returning y1..y8 packed big-endian.
func pFunction(t [8]byte) uint64 {
	y := [8]byte{
		t[0] ^ t[2] ^ t[3] ^ t[5] ^ t[6] ^ t[7],
		t[0] ^ t[1] ^ t[3] ^ t[4] ^ t[6] ^ t[7],
		t[0] ^ t[1] ^ t[2] ^ t[4] ^ t[5] ^ t[7],
		t[1] ^ t[2] ^ t[3] ^ t[4] ^ t[5] ^ t[6],
		t[0] ^ t[1] ^ t[5] ^ t[6] ^ t[7],
		t[1] ^ t[2] ^ t[4] ^ t[6] ^ t[7],
		t[2] ^ t[3] ^ t[4] ^ t[5] ^ t[7],
		t[0] ^ t[3] ^ t[4] ^ t[5] ^ t[6],
	}
	var out uint64
	for _, b := range y {
		out = out<<8 | uint64(b)
	}
	return out
}

func buildSP() *[8][256]uint64 {
	var tables [8][256]uint64
	for i := range 8 {
		for x := range 256 {
			var t [8]byte
			t[i] = sboxByPosition(i, byte(x))
			tables[i][x] = pFunction(t)
		}
	}
	return &tables
}

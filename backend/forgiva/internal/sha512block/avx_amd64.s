//go:build amd64 && !purego

#include "textflag.h"

// SHA-512 with AVX and BMI2. The eight working variables live in R8-R15
// and move one register along per round (the macros rename them, so no
// round copies them). Maj needs b^c, which is the previous round's a^b: SI
// and DI carry it, trading roles every round. The message schedule runs in
// X0-X7, two 64-bit words to a register (X0 = words 0 and 1 at first), two
// words per SCHED, interleaved with the rounds so that the vector units
// work while the integer units run the rounds. Each word plus its round
// constant goes to the stack (the 80 words at 0 to 639(SP)), where its
// round reads it.
//
// Registers: BP the constants' address (the assembler saves and restores
// BP around a function with a frame), AX BX CX DX round scratch, X8-X11
// schedule scratch, X12-X15 the running XOR t of hmacIterateAVX. R14 and
// R15 are free in an ABI0 function: its wrapper restores g.

// k512: the 80 round constants, then words 8 to 15 of a digest-long
// message after one 128-byte key block (0x80 then zeros, bit length 1536).
DATA k512<>+0(SB)/8, $0x428a2f98d728ae22
DATA k512<>+8(SB)/8, $0x7137449123ef65cd
DATA k512<>+16(SB)/8, $0xb5c0fbcfec4d3b2f
DATA k512<>+24(SB)/8, $0xe9b5dba58189dbbc
DATA k512<>+32(SB)/8, $0x3956c25bf348b538
DATA k512<>+40(SB)/8, $0x59f111f1b605d019
DATA k512<>+48(SB)/8, $0x923f82a4af194f9b
DATA k512<>+56(SB)/8, $0xab1c5ed5da6d8118
DATA k512<>+64(SB)/8, $0xd807aa98a3030242
DATA k512<>+72(SB)/8, $0x12835b0145706fbe
DATA k512<>+80(SB)/8, $0x243185be4ee4b28c
DATA k512<>+88(SB)/8, $0x550c7dc3d5ffb4e2
DATA k512<>+96(SB)/8, $0x72be5d74f27b896f
DATA k512<>+104(SB)/8, $0x80deb1fe3b1696b1
DATA k512<>+112(SB)/8, $0x9bdc06a725c71235
DATA k512<>+120(SB)/8, $0xc19bf174cf692694
DATA k512<>+128(SB)/8, $0xe49b69c19ef14ad2
DATA k512<>+136(SB)/8, $0xefbe4786384f25e3
DATA k512<>+144(SB)/8, $0x0fc19dc68b8cd5b5
DATA k512<>+152(SB)/8, $0x240ca1cc77ac9c65
DATA k512<>+160(SB)/8, $0x2de92c6f592b0275
DATA k512<>+168(SB)/8, $0x4a7484aa6ea6e483
DATA k512<>+176(SB)/8, $0x5cb0a9dcbd41fbd4
DATA k512<>+184(SB)/8, $0x76f988da831153b5
DATA k512<>+192(SB)/8, $0x983e5152ee66dfab
DATA k512<>+200(SB)/8, $0xa831c66d2db43210
DATA k512<>+208(SB)/8, $0xb00327c898fb213f
DATA k512<>+216(SB)/8, $0xbf597fc7beef0ee4
DATA k512<>+224(SB)/8, $0xc6e00bf33da88fc2
DATA k512<>+232(SB)/8, $0xd5a79147930aa725
DATA k512<>+240(SB)/8, $0x06ca6351e003826f
DATA k512<>+248(SB)/8, $0x142929670a0e6e70
DATA k512<>+256(SB)/8, $0x27b70a8546d22ffc
DATA k512<>+264(SB)/8, $0x2e1b21385c26c926
DATA k512<>+272(SB)/8, $0x4d2c6dfc5ac42aed
DATA k512<>+280(SB)/8, $0x53380d139d95b3df
DATA k512<>+288(SB)/8, $0x650a73548baf63de
DATA k512<>+296(SB)/8, $0x766a0abb3c77b2a8
DATA k512<>+304(SB)/8, $0x81c2c92e47edaee6
DATA k512<>+312(SB)/8, $0x92722c851482353b
DATA k512<>+320(SB)/8, $0xa2bfe8a14cf10364
DATA k512<>+328(SB)/8, $0xa81a664bbc423001
DATA k512<>+336(SB)/8, $0xc24b8b70d0f89791
DATA k512<>+344(SB)/8, $0xc76c51a30654be30
DATA k512<>+352(SB)/8, $0xd192e819d6ef5218
DATA k512<>+360(SB)/8, $0xd69906245565a910
DATA k512<>+368(SB)/8, $0xf40e35855771202a
DATA k512<>+376(SB)/8, $0x106aa07032bbd1b8
DATA k512<>+384(SB)/8, $0x19a4c116b8d2d0c8
DATA k512<>+392(SB)/8, $0x1e376c085141ab53
DATA k512<>+400(SB)/8, $0x2748774cdf8eeb99
DATA k512<>+408(SB)/8, $0x34b0bcb5e19b48a8
DATA k512<>+416(SB)/8, $0x391c0cb3c5c95a63
DATA k512<>+424(SB)/8, $0x4ed8aa4ae3418acb
DATA k512<>+432(SB)/8, $0x5b9cca4f7763e373
DATA k512<>+440(SB)/8, $0x682e6ff3d6b2b8a3
DATA k512<>+448(SB)/8, $0x748f82ee5defb2fc
DATA k512<>+456(SB)/8, $0x78a5636f43172f60
DATA k512<>+464(SB)/8, $0x84c87814a1f0ab72
DATA k512<>+472(SB)/8, $0x8cc702081a6439ec
DATA k512<>+480(SB)/8, $0x90befffa23631e28
DATA k512<>+488(SB)/8, $0xa4506cebde82bde9
DATA k512<>+496(SB)/8, $0xbef9a3f7b2c67915
DATA k512<>+504(SB)/8, $0xc67178f2e372532b
DATA k512<>+512(SB)/8, $0xca273eceea26619c
DATA k512<>+520(SB)/8, $0xd186b8c721c0c207
DATA k512<>+528(SB)/8, $0xeada7dd6cde0eb1e
DATA k512<>+536(SB)/8, $0xf57d4f7fee6ed178
DATA k512<>+544(SB)/8, $0x06f067aa72176fba
DATA k512<>+552(SB)/8, $0x0a637dc5a2c898a6
DATA k512<>+560(SB)/8, $0x113f9804bef90dae
DATA k512<>+568(SB)/8, $0x1b710b35131c471b
DATA k512<>+576(SB)/8, $0x28db77f523047d84
DATA k512<>+584(SB)/8, $0x32caab7b40c72493
DATA k512<>+592(SB)/8, $0x3c9ebe0a15c9bebc
DATA k512<>+600(SB)/8, $0x431d67c49c100d4c
DATA k512<>+608(SB)/8, $0x4cc5d4becb3e42b6
DATA k512<>+616(SB)/8, $0x597f299cfc657e2a
DATA k512<>+624(SB)/8, $0x5fcb6fab3ad6faec
DATA k512<>+632(SB)/8, $0x6c44198c4a475817
DATA k512<>+640(SB)/8, $0x8000000000000000
DATA k512<>+648(SB)/8, $0
DATA k512<>+656(SB)/8, $0
DATA k512<>+664(SB)/8, $0
DATA k512<>+672(SB)/8, $0
DATA k512<>+680(SB)/8, $0
DATA k512<>+688(SB)/8, $0
DATA k512<>+696(SB)/8, $1536
GLOBL k512<>(SB), RODATA|NOPTR, $704

// SIGMA: dst = x ror r1 ^ x ror r2 ^ x >> s on both words (l1, l2 = 64 -
// r1, 64 - r2; SSE has no 64-bit rotate).
#define SIGMA(x, r1, l1, r2, l2, s, dst, tmp) \
	VPSRLQ r1, x, dst; \
	VPSLLQ l1, x, tmp; \
	VPXOR tmp, dst, dst; \
	VPSRLQ r2, x, tmp; \
	VPXOR tmp, dst, dst; \
	VPSLLQ l2, x, tmp; \
	VPXOR tmp, dst, dst; \
	VPSRLQ s, x, tmp; \
	VPXOR tmp, dst, dst

// SCHED computes message words t and t+1 into w0, which held words t-16
// and t-15 (w1 holds t-14 and t-13, w4 t-8 and t-7, w5 t-6 and t-5, w7 t-2
// and t-1), and stores them plus their round constants at off(SP), off
// being 8t.
#define SCHED(w0, w1, w4, w5, w7, off) \
	VPALIGNR $8, w0, w1, X8; \
	VPALIGNR $8, w4, w5, X9; \
	VPADDQ X9, w0, w0; \
	SIGMA(X8, $1, $63, $8, $56, $7, X10, X11); \
	VPADDQ X10, w0, w0; \
	SIGMA(w7, $19, $45, $61, $3, $6, X10, X11); \
	VPADDQ X10, w0, w0; \
	VPADDQ off(BP), w0, X9; \
	VMOVDQU X9, off(SP)

// WK stores message words w plus their round constants at off(SP).
#define WK(w, off) \
	VPADDQ off(BP), w, X9; \
	VMOVDQU X9, off(SP)

// ROUND is one round; on entry y holds b^c, on exit x holds a^b. The new
// a is left in h's register and the new e in d's. The sums are ordered for
// latency: the new e = d + h + K + W + Ch + Σ1(e) is summed in d with the
// terms that wait on e last, so it is ready four steps after e. Maj is
// (a & (b^c)) + (b & c), its parts being disjoint, with b & c = b &^ (b^c):
// only an AND waits on a before Σ0(a).
#define ROUND(a, b, c, d, e, f, g, h, wk, x, y) \
	ADDQ wk(SP), h; \
	MOVQ f, CX; \
	XORQ g, CX; \
	RORXQ $14, e, AX; \
	RORXQ $18, e, DX; \
	ANDQ e, CX; \
	ADDQ h, d; \
	XORQ DX, AX; \
	RORXQ $41, e, DX; \
	XORQ g, CX; \
	XORQ DX, AX; \
	ADDQ CX, d; \
	ADDQ CX, h; \
	ADDQ AX, d; \
	ADDQ AX, h; \
	ANDNQ b, y, CX; \
	MOVQ a, x; \
	XORQ b, x; \
	ANDQ a, y; \
	ADDQ CX, h; \
	RORXQ $28, a, AX; \
	RORXQ $34, a, BX; \
	XORQ BX, AX; \
	RORXQ $39, a, BX; \
	XORQ BX, AX; \
	ADDQ y, h; \
	ADDQ AX, h

// ROUNDS16S: sixteen rounds from round base/8, computing the message words
// of the next sixteen as they go.
#define ROUNDS16S(base) \
	SCHED(X0, X1, X4, X5, X7, base+128); \
	ROUND(R8, R9, R10, R11, R12, R13, R14, R15, base+0, SI, DI); \
	ROUND(R15, R8, R9, R10, R11, R12, R13, R14, base+8, DI, SI); \
	SCHED(X1, X2, X5, X6, X0, base+144); \
	ROUND(R14, R15, R8, R9, R10, R11, R12, R13, base+16, SI, DI); \
	ROUND(R13, R14, R15, R8, R9, R10, R11, R12, base+24, DI, SI); \
	SCHED(X2, X3, X6, X7, X1, base+160); \
	ROUND(R12, R13, R14, R15, R8, R9, R10, R11, base+32, SI, DI); \
	ROUND(R11, R12, R13, R14, R15, R8, R9, R10, base+40, DI, SI); \
	SCHED(X3, X4, X7, X0, X2, base+176); \
	ROUND(R10, R11, R12, R13, R14, R15, R8, R9, base+48, SI, DI); \
	ROUND(R9, R10, R11, R12, R13, R14, R15, R8, base+56, DI, SI); \
	SCHED(X4, X5, X0, X1, X3, base+192); \
	ROUND(R8, R9, R10, R11, R12, R13, R14, R15, base+64, SI, DI); \
	ROUND(R15, R8, R9, R10, R11, R12, R13, R14, base+72, DI, SI); \
	SCHED(X5, X6, X1, X2, X4, base+208); \
	ROUND(R14, R15, R8, R9, R10, R11, R12, R13, base+80, SI, DI); \
	ROUND(R13, R14, R15, R8, R9, R10, R11, R12, base+88, DI, SI); \
	SCHED(X6, X7, X2, X3, X5, base+224); \
	ROUND(R12, R13, R14, R15, R8, R9, R10, R11, base+96, SI, DI); \
	ROUND(R11, R12, R13, R14, R15, R8, R9, R10, base+104, DI, SI); \
	SCHED(X7, X0, X3, X4, X6, base+240); \
	ROUND(R10, R11, R12, R13, R14, R15, R8, R9, base+112, SI, DI); \
	ROUND(R9, R10, R11, R12, R13, R14, R15, R8, base+120, DI, SI)

// ROUNDS16: sixteen rounds with no schedule (the last sixteen).
#define ROUNDS16(base) \
	ROUND(R8, R9, R10, R11, R12, R13, R14, R15, base+0, SI, DI); \
	ROUND(R15, R8, R9, R10, R11, R12, R13, R14, base+8, DI, SI); \
	ROUND(R14, R15, R8, R9, R10, R11, R12, R13, base+16, SI, DI); \
	ROUND(R13, R14, R15, R8, R9, R10, R11, R12, base+24, DI, SI); \
	ROUND(R12, R13, R14, R15, R8, R9, R10, R11, base+32, SI, DI); \
	ROUND(R11, R12, R13, R14, R15, R8, R9, R10, base+40, DI, SI); \
	ROUND(R10, R11, R12, R13, R14, R15, R8, R9, base+48, SI, DI); \
	ROUND(R9, R10, R11, R12, R13, R14, R15, R8, base+56, DI, SI); \
	ROUND(R8, R9, R10, R11, R12, R13, R14, R15, base+64, SI, DI); \
	ROUND(R15, R8, R9, R10, R11, R12, R13, R14, base+72, DI, SI); \
	ROUND(R14, R15, R8, R9, R10, R11, R12, R13, base+80, SI, DI); \
	ROUND(R13, R14, R15, R8, R9, R10, R11, R12, base+88, DI, SI); \
	ROUND(R12, R13, R14, R15, R8, R9, R10, R11, base+96, SI, DI); \
	ROUND(R11, R12, R13, R14, R15, R8, R9, R10, base+104, DI, SI); \
	ROUND(R10, R11, R12, R13, R14, R15, R8, R9, base+112, SI, DI); \
	ROUND(R9, R10, R11, R12, R13, R14, R15, R8, base+120, DI, SI)

// COMPRESS runs the 80 rounds on R8-R15 over the message in X0-X7. The
// caller adds the previous chaining value.
#define COMPRESS \
	WK(X0, 0); \
	WK(X1, 16); \
	WK(X2, 32); \
	WK(X3, 48); \
	WK(X4, 64); \
	WK(X5, 80); \
	WK(X6, 96); \
	WK(X7, 112); \
	MOVQ R9, DI; \
	XORQ R10, DI; \
	ROUNDS16S(0); \
	ROUNDS16S(128); \
	ROUNDS16S(256); \
	ROUNDS16S(384); \
	ROUNDS16(512)

#define LOADSTATE(p) \
	MOVQ 0(p), R8; \
	MOVQ 8(p), R9; \
	MOVQ 16(p), R10; \
	MOVQ 24(p), R11; \
	MOVQ 32(p), R12; \
	MOVQ 40(p), R13; \
	MOVQ 48(p), R14; \
	MOVQ 56(p), R15

#define ADDSTATE(p) \
	ADDQ 0(p), R8; \
	ADDQ 8(p), R9; \
	ADDQ 16(p), R10; \
	ADDQ 24(p), R11; \
	ADDQ 32(p), R12; \
	ADDQ 40(p), R13; \
	ADDQ 48(p), R14; \
	ADDQ 56(p), R15

// TOMSG makes the digest in R8-R15 the next message: its words in X0-X3,
// the padding in X4-X7.
#define TOMSG \
	VMOVQ R8, X0; \
	VPINSRQ $1, R9, X0, X0; \
	VMOVQ R10, X1; \
	VPINSRQ $1, R11, X1, X1; \
	VMOVQ R12, X2; \
	VPINSRQ $1, R13, X2, X2; \
	VMOVQ R14, X3; \
	VPINSRQ $1, R15, X3, X3; \
	VMOVDQU 640(BP), X4; \
	VMOVDQU 656(BP), X5; \
	VMOVDQU 672(BP), X6; \
	VMOVDQU 688(BP), X7

// WIPE clears the message words on the stack and every register that held
// key-derived values.
#define WIPE \
	VPXOR X0, X0, X0; \
	MOVQ SP, AX; \
	MOVQ $40, CX; \
wipe: \
	VMOVDQU X0, 0(AX); \
	ADDQ $16, AX; \
	DECQ CX; \
	JNZ wipe; \
	VPXOR X1, X1, X1; \
	VPXOR X2, X2, X2; \
	VPXOR X3, X3, X3; \
	VPXOR X4, X4, X4; \
	VPXOR X5, X5, X5; \
	VPXOR X6, X6, X6; \
	VPXOR X7, X7, X7; \
	VPXOR X8, X8, X8; \
	VPXOR X9, X9, X9; \
	VPXOR X10, X10, X10; \
	VPXOR X11, X11, X11; \
	VPXOR X12, X12, X12; \
	VPXOR X13, X13, X13; \
	VPXOR X14, X14, X14; \
	VPXOR X15, X15, X15; \
	XORQ BX, BX; \
	XORQ DX, DX; \
	XORQ SI, SI; \
	XORQ DI, DI; \
	XORQ R8, R8; \
	XORQ R9, R9; \
	XORQ R10, R10; \
	XORQ R11, R11; \
	XORQ R12, R12; \
	XORQ R13, R13; \
	XORQ R14, R14; \
	XORQ R15, R15

// func blockAVX(h *[8]uint64, w *[16]uint64)
TEXT ·blockAVX(SB), 0, $640-16
	MOVQ w+8(FP), AX
	VMOVDQU 0(AX), X0
	VMOVDQU 16(AX), X1
	VMOVDQU 32(AX), X2
	VMOVDQU 48(AX), X3
	VMOVDQU 64(AX), X4
	VMOVDQU 80(AX), X5
	VMOVDQU 96(AX), X6
	VMOVDQU 112(AX), X7
	MOVQ h+0(FP), AX
	LOADSTATE(AX)
	LEAQ k512<>(SB), BP
	COMPRESS
	MOVQ h+0(FP), AX
	ADDSTATE(AX)
	MOVQ R8, 0(AX)
	MOVQ R9, 8(AX)
	MOVQ R10, 16(AX)
	MOVQ R11, 24(AX)
	MOVQ R12, 32(AX)
	MOVQ R13, 40(AX)
	MOVQ R14, 48(AX)
	MOVQ R15, 56(AX)
	WIPE
	RET

// func hmacIterateAVX(inner, outer, u, t *[8]uint64, n int)
// The loop runs 2n compressions, alternating the inner and outer keyed
// states: 640(SP) counts the compressions left, from 2n, and its parity
// picks the state, at 648(SP) (inner, even) or 656(SP) (outer, odd). u
// travels from one compression to the next in X0-X3. (Swapping the two
// pointers in memory instead made the loop three times slower on AMD Zen 5:
// the stores and the next loads of the same slots defeat its memory
// renaming.)
TEXT ·hmacIterateAVX(SB), 0, $672-40
	MOVQ n+32(FP), AX
	SHLQ $1, AX
	MOVQ AX, 640(SP)
	MOVQ inner+0(FP), AX
	MOVQ AX, 648(SP)
	MOVQ outer+8(FP), AX
	MOVQ AX, 656(SP)
	MOVQ t+24(FP), AX
	VMOVDQU 0(AX), X12
	VMOVDQU 16(AX), X13
	VMOVDQU 32(AX), X14
	VMOVDQU 48(AX), X15
	MOVQ u+16(FP), AX
	VMOVDQU 0(AX), X0
	VMOVDQU 16(AX), X1
	VMOVDQU 32(AX), X2
	VMOVDQU 48(AX), X3
	LEAQ k512<>(SB), BP
	VMOVDQU 640(BP), X4
	VMOVDQU 656(BP), X5
	VMOVDQU 672(BP), X6
	VMOVDQU 688(BP), X7

loop:
	MOVQ 640(SP), AX
	ANDQ $1, AX
	MOVQ 648(SP)(AX*8), AX
	LOADSTATE(AX)
	COMPRESS
	MOVQ 640(SP), AX
	ANDQ $1, AX
	MOVQ 648(SP)(AX*8), AX
	ADDSTATE(AX)
	TOMSG
	// An odd count left means the inner compression just ended.
	DECQ 640(SP)
	MOVQ 640(SP), AX
	TESTQ $1, AX
	JNZ loop
	VPXOR X0, X12, X12
	VPXOR X1, X13, X13
	VPXOR X2, X14, X14
	VPXOR X3, X15, X15
	TESTQ AX, AX
	JNZ loop

	MOVQ u+16(FP), AX
	VMOVDQU X0, 0(AX)
	VMOVDQU X1, 16(AX)
	VMOVDQU X2, 32(AX)
	VMOVDQU X3, 48(AX)
	MOVQ t+24(FP), AX
	VMOVDQU X12, 0(AX)
	VMOVDQU X13, 16(AX)
	VMOVDQU X14, 32(AX)
	VMOVDQU X15, 48(AX)
	WIPE
	RET

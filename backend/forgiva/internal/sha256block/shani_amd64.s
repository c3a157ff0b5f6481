//go:build amd64 && !purego

#include "textflag.h"

// SHA-256 with the SHA extensions. The state lives in two registers as the
// instructions want it (X1 = words F, E, B, A from low to high, X2 = H, G,
// D, C); the message words come in native order, four to a register (X3 to
// X6), already read big-endian, so no byte shuffle is needed. Each group of
// four rounds adds its round constants, runs SHA256RNDS2 twice, and moves
// the message schedule on: SHA256MSG1 and SHA256MSG2 compute the words of
// later groups in the four message registers in turn.
//
// Registers: X0 message plus constants (SHA256RNDS2's implicit operand),
// X1 X2 state, X3-X6 message schedule, X7 scratch, X8 X9 the state before
// the compression; R8 the round constants' address. The constants are read
// straight into PADDD, which wants them 16-byte aligned: the linker aligns
// a 256-byte symbol to 32 bytes on amd64.

DATA k256<>+0(SB)/4, $0x428a2f98
DATA k256<>+4(SB)/4, $0x71374491
DATA k256<>+8(SB)/4, $0xb5c0fbcf
DATA k256<>+12(SB)/4, $0xe9b5dba5
DATA k256<>+16(SB)/4, $0x3956c25b
DATA k256<>+20(SB)/4, $0x59f111f1
DATA k256<>+24(SB)/4, $0x923f82a4
DATA k256<>+28(SB)/4, $0xab1c5ed5
DATA k256<>+32(SB)/4, $0xd807aa98
DATA k256<>+36(SB)/4, $0x12835b01
DATA k256<>+40(SB)/4, $0x243185be
DATA k256<>+44(SB)/4, $0x550c7dc3
DATA k256<>+48(SB)/4, $0x72be5d74
DATA k256<>+52(SB)/4, $0x80deb1fe
DATA k256<>+56(SB)/4, $0x9bdc06a7
DATA k256<>+60(SB)/4, $0xc19bf174
DATA k256<>+64(SB)/4, $0xe49b69c1
DATA k256<>+68(SB)/4, $0xefbe4786
DATA k256<>+72(SB)/4, $0xfc19dc6
DATA k256<>+76(SB)/4, $0x240ca1cc
DATA k256<>+80(SB)/4, $0x2de92c6f
DATA k256<>+84(SB)/4, $0x4a7484aa
DATA k256<>+88(SB)/4, $0x5cb0a9dc
DATA k256<>+92(SB)/4, $0x76f988da
DATA k256<>+96(SB)/4, $0x983e5152
DATA k256<>+100(SB)/4, $0xa831c66d
DATA k256<>+104(SB)/4, $0xb00327c8
DATA k256<>+108(SB)/4, $0xbf597fc7
DATA k256<>+112(SB)/4, $0xc6e00bf3
DATA k256<>+116(SB)/4, $0xd5a79147
DATA k256<>+120(SB)/4, $0x6ca6351
DATA k256<>+124(SB)/4, $0x14292967
DATA k256<>+128(SB)/4, $0x27b70a85
DATA k256<>+132(SB)/4, $0x2e1b2138
DATA k256<>+136(SB)/4, $0x4d2c6dfc
DATA k256<>+140(SB)/4, $0x53380d13
DATA k256<>+144(SB)/4, $0x650a7354
DATA k256<>+148(SB)/4, $0x766a0abb
DATA k256<>+152(SB)/4, $0x81c2c92e
DATA k256<>+156(SB)/4, $0x92722c85
DATA k256<>+160(SB)/4, $0xa2bfe8a1
DATA k256<>+164(SB)/4, $0xa81a664b
DATA k256<>+168(SB)/4, $0xc24b8b70
DATA k256<>+172(SB)/4, $0xc76c51a3
DATA k256<>+176(SB)/4, $0xd192e819
DATA k256<>+180(SB)/4, $0xd6990624
DATA k256<>+184(SB)/4, $0xf40e3585
DATA k256<>+188(SB)/4, $0x106aa070
DATA k256<>+192(SB)/4, $0x19a4c116
DATA k256<>+196(SB)/4, $0x1e376c08
DATA k256<>+200(SB)/4, $0x2748774c
DATA k256<>+204(SB)/4, $0x34b0bcb5
DATA k256<>+208(SB)/4, $0x391c0cb3
DATA k256<>+212(SB)/4, $0x4ed8aa4a
DATA k256<>+216(SB)/4, $0x5b9cca4f
DATA k256<>+220(SB)/4, $0x682e6ff3
DATA k256<>+224(SB)/4, $0x748f82ee
DATA k256<>+228(SB)/4, $0x78a5636f
DATA k256<>+232(SB)/4, $0x84c87814
DATA k256<>+236(SB)/4, $0x8cc70208
DATA k256<>+240(SB)/4, $0x90befffa
DATA k256<>+244(SB)/4, $0xa4506ceb
DATA k256<>+248(SB)/4, $0xbef9a3f7
DATA k256<>+252(SB)/4, $0xc67178f2
GLOBL k256<>(SB), RODATA|NOPTR, $256

// The padding of a 32-byte message after one 64-byte key block: words 8 to
// 15 of the block.
DATA pad<>+0(SB)/4, $0x80000000
DATA pad<>+4(SB)/4, $0
DATA pad<>+8(SB)/4, $0
DATA pad<>+12(SB)/4, $0
DATA pad<>+16(SB)/4, $0
DATA pad<>+20(SB)/4, $0
DATA pad<>+24(SB)/4, $0
DATA pad<>+28(SB)/4, $768
GLOBL pad<>(SB), RODATA|NOPTR, $32

// ROUNDS4: four rounds with the message words in cur.
#define ROUNDS4(koff, cur) \
	MOVO cur, X0; \
	PADDD koff(R8), X0; \
	SHA256RNDS2 X0, X1, X2; \
	PSHUFD $0x0e, X0, X0; \
	SHA256RNDS2 X0, X2, X1

// SCHED2 finishes the words of next from cur and prev (W[t-7] and SHA256MSG2).
#define SCHED2(cur, prev, next) \
	MOVO cur, X7; \
	PALIGNR $4, prev, X7; \
	PADDD X7, next; \
	SHA256MSG2 cur, next

// SCHED1 starts the words prev will hold (SHA256MSG1).
#define SCHED1(cur, prev) \
	SHA256MSG1 cur, prev

// COMPRESS runs the 64 rounds on X1 X2 over X3-X6 and adds the old state.
#define COMPRESS \
	MOVO X1, X8; \
	MOVO X2, X9; \
	ROUNDS4(0, X3); \
	ROUNDS4(16, X4); SCHED1(X4, X3); \
	ROUNDS4(32, X5); SCHED1(X5, X4); \
	ROUNDS4(48, X6); SCHED2(X6, X5, X3); SCHED1(X6, X5); \
	ROUNDS4(64, X3); SCHED2(X3, X6, X4); SCHED1(X3, X6); \
	ROUNDS4(80, X4); SCHED2(X4, X3, X5); SCHED1(X4, X3); \
	ROUNDS4(96, X5); SCHED2(X5, X4, X6); SCHED1(X5, X4); \
	ROUNDS4(112, X6); SCHED2(X6, X5, X3); SCHED1(X6, X5); \
	ROUNDS4(128, X3); SCHED2(X3, X6, X4); SCHED1(X3, X6); \
	ROUNDS4(144, X4); SCHED2(X4, X3, X5); SCHED1(X4, X3); \
	ROUNDS4(160, X5); SCHED2(X5, X4, X6); SCHED1(X5, X4); \
	ROUNDS4(176, X6); SCHED2(X6, X5, X3); SCHED1(X6, X5); \
	ROUNDS4(192, X3); SCHED2(X3, X6, X4); SCHED1(X3, X6); \
	ROUNDS4(208, X4); SCHED2(X4, X3, X5); \
	ROUNDS4(224, X5); SCHED2(X5, X4, X6); \
	ROUNDS4(240, X6); \
	PADDD X8, X1; \
	PADDD X9, X2

// TONATURAL turns X1 X2 from the SHA-NI layout into words A, B, C, D and
// E, F, G, H (low to high): a digest, as the next message's words.
#define TONATURAL \
	PSHUFD $0x1b, X1, X1; \
	PSHUFD $0xb1, X2, X2; \
	MOVO X1, X7; \
	PBLENDW $0xf0, X2, X1; \
	PALIGNR $8, X7, X2

// DIGESTBLOCK compresses the state in X1 X2 over the digest in X3 X4 and
// its padding, and leaves the new digest in X1 X2 and X3 X4 (the next
// message).
#define DIGESTBLOCK \
	MOVOU 0(R9), X5; \
	MOVOU 16(R9), X6; \
	COMPRESS; \
	TONATURAL; \
	MOVO X1, X3; \
	MOVO X2, X4

// func compressSHANI(s *[8]uint32, w *[16]uint32)
TEXT ·compressSHANI(SB), NOSPLIT, $0-16
	MOVQ s+0(FP), DI
	MOVQ w+8(FP), SI
	LEAQ k256<>(SB), R8
	MOVOU 0(DI), X1
	MOVOU 16(DI), X2
	MOVOU 0(SI), X3
	MOVOU 16(SI), X4
	MOVOU 32(SI), X5
	MOVOU 48(SI), X6
	COMPRESS
	MOVOU X1, 0(DI)
	MOVOU X2, 16(DI)
	RET

// func hmacIterateSHANI(inner, outer, u, t *[8]uint32, n int)
// X11 X12 hold the inner state, X13 X14 the running XOR t; u travels from
// one compression to the next in X3 X4.
TEXT ·hmacIterateSHANI(SB), NOSPLIT, $0-40
	MOVQ inner+0(FP), DI
	MOVQ outer+8(FP), SI
	MOVQ u+16(FP), DX
	MOVQ t+24(FP), BX
	MOVQ n+32(FP), CX
	LEAQ k256<>(SB), R8
	LEAQ pad<>(SB), R9
	MOVOU 0(DI), X11
	MOVOU 16(DI), X12
	MOVOU 0(BX), X13
	MOVOU 16(BX), X14
	MOVOU 0(DX), X3
	MOVOU 16(DX), X4

loop:
	MOVO X11, X1
	MOVO X12, X2
	DIGESTBLOCK
	MOVOU 0(SI), X1
	MOVOU 16(SI), X2
	DIGESTBLOCK
	PXOR X1, X13
	PXOR X2, X14
	DECQ CX
	JNZ loop

	MOVOU X3, 0(DX)
	MOVOU X4, 16(DX)
	MOVOU X13, 0(BX)
	MOVOU X14, 16(BX)
	// No key-derived state is left in the registers.
	PXOR X0, X0
	PXOR X1, X1
	PXOR X2, X2
	PXOR X3, X3
	PXOR X4, X4
	PXOR X5, X5
	PXOR X6, X6
	PXOR X7, X7
	PXOR X8, X8
	PXOR X9, X9
	PXOR X11, X11
	PXOR X12, X12
	PXOR X13, X13
	PXOR X14, X14
	RET

// func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL subleaf+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

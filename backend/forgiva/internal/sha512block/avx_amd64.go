//go:build amd64 && !purego

package sha512block

import "golang.org/x/sys/cpu"

// useAVX: VEX-encoded SSE for the message schedule, BMI1's ANDN and BMI2's
// RORX for the rounds.
var useAVX = cpu.X86.HasAVX && cpu.X86.HasBMI1 && cpu.X86.HasBMI2

// blockAVX is Block in assembly.
//
//go:noescape
func blockAVX(h *[8]uint64, w *[16]uint64)

// hmacIterateAVX is HMACIterate in assembly, for n > 0.
//
//go:noescape
func hmacIterateAVX(inner, outer, u, t *[8]uint64, n int)

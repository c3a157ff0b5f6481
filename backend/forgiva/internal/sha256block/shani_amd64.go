//go:build amd64 && !purego

package sha256block

import "golang.org/x/sys/cpu"

// useSHANI: the SHA extensions, and SSE4.1 for PBLENDW and SSSE3 for
// PALIGNR. golang.org/x/sys/cpu says nothing of SHA on x86, so its CPUID
// bit (leaf 7, EBX bit 29) is read here.
var useSHANI = hasSHA() && cpu.X86.HasSSE41 && cpu.X86.HasSSSE3

func hasSHA() bool {
	if maxLeaf, _, _, _ := cpuid(0, 0); maxLeaf < 7 {
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	return ebx&(1<<29) != 0
}

// cpuid runs the CPUID instruction.
func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)

// blockSHANI is Block on h in natural order.
func blockSHANI(h *[8]uint32, w *[16]uint32) {
	s := shaniOrder(h)
	compressSHANI(&s, w)
	*h = [8]uint32{s[3], s[2], s[7], s[6], s[1], s[0], s[5], s[4]}
}

// compressSHANI compresses s, in SHA-NI order (shaniOrder), over w.
//
//go:noescape
func compressSHANI(s *[8]uint32, w *[16]uint32)

// hmacIterateSHANI is HMACIterate with inner and outer in SHA-NI order.
//
//go:noescape
func hmacIterateSHANI(inner, outer, u, t *[8]uint32, n int)

//go:build !amd64 || purego

package sha256block

const useSHANI = false

func blockSHANI(h *[8]uint32, w *[16]uint32)                { panic("sha256block: no SHA-NI") }
func hmacIterateSHANI(inner, outer, u, t *[8]uint32, n int) { panic("sha256block: no SHA-NI") }

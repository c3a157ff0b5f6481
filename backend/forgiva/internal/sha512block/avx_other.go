//go:build !amd64 || purego

package sha512block

const useAVX = false

func blockAVX(h *[8]uint64, w *[16]uint64)                { panic("sha512block: no AVX") }
func hmacIterateAVX(inner, outer, u, t *[8]uint64, n int) { panic("sha512block: no AVX") }

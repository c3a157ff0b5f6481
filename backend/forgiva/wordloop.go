package forgiva

import (
	"crypto/sha256"
	"crypto/sha512"
	"hash"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/sha256block"
	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/sha512block"
)

// wordLoop runs PBKDF2's iterations for one keyed HMAC on the hash's words
// (issue 14: complexity 2's and 3's big PBKDF2 at the compression floor).
type wordLoop interface {
	// iterate is hmacPRF.iterate: u = HMAC(u), t ^= u, n times.
	iterate(m *meter, t, u []byte, n int) error
	wipe()
}

// blockFuncs is what the loop needs of a block package.
type blockFuncs[W uint32 | uint64] struct {
	iv      [8]W
	words   func(block []byte) [16]W
	block   func(h *[8]W, w *[16]W)
	iterate func(inner, outer, u, t *[8]W, n int)
}

var (
	sha256Funcs = blockFuncs[uint32]{sha256block.IV, sha256block.Words, sha256block.Block, sha256block.HMACIterate}
	sha512Funcs = blockFuncs[uint64]{sha512block.IV, sha512block.Words, sha512block.Block, sha512block.HMACIterate}

	emptySHA256 = sha256.Sum256(nil)
	emptySHA512 = sha512.Sum512(nil)
)

// newWordLoop returns the word loop for h's kind keyed with ipad (the key
// block XOR 0x36, one block long), or nil when h is neither SHA-256 nor
// SHA-512. ipad is left as it was.
func newWordLoop(h hash.Hash, ipad []byte) wordLoop {
	switch {
	case is(h, sha256.Size, sha256.BlockSize, emptySHA256[:]):
		return newKeyedWords(sha256Funcs, ipad)
	case is(h, sha512.Size, sha512.BlockSize, emptySHA512[:]):
		return newKeyedWords(sha512Funcs, ipad)
	}
	return nil
}

// is tells a hash by its sizes and its digest of nothing (h is new).
func is(h hash.Hash, size, blockSize int, empty []byte) bool {
	return h.Size() == size && h.BlockSize() == blockSize && string(h.Sum(nil)) == string(empty)
}

// keyedWords is an HMAC's chaining values after the key's ipad and opad
// blocks, and the loop's digests, as words.
type keyedWords[W uint32 | uint64] struct {
	funcs        blockFuncs[W]
	inner, outer [8]W
	u, t         [8]W
}

func newKeyedWords[W uint32 | uint64](funcs blockFuncs[W], ipad []byte) *keyedWords[W] {
	k := &keyedWords[W]{funcs: funcs}
	pad := make([]byte, len(ipad))
	defer clear(pad)
	copy(pad, ipad)
	for i, dst := range []*[8]W{&k.inner, &k.outer} {
		w := funcs.words(pad)
		*dst = funcs.iv
		funcs.block(dst, &w)
		clear(w[:])
		if i == 0 {
			for j := range pad {
				pad[j] ^= 0x36 ^ 0x5c
			}
		}
	}
	return k
}

func (k *keyedWords[W]) iterate(m *meter, t, u []byte, n int) error {
	readWords(&k.u, u)
	readWords(&k.t, t)
	defer writeWords(u, &k.u)
	defer writeWords(t, &k.t)
	for n > 0 {
		chunk := min(n, checkEvery)
		k.funcs.iterate(&k.inner, &k.outer, &k.u, &k.t, chunk)
		n -= chunk
		if err := m.advance(int64(chunk)); err != nil {
			return err
		}
	}
	return nil
}

func (k *keyedWords[W]) wipe() {
	clear(k.inner[:])
	clear(k.outer[:])
	clear(k.u[:])
	clear(k.t[:])
}

// readWords reads b, one digest, as big-endian words.
func readWords[W uint32 | uint64](w *[8]W, b []byte) {
	size := len(b) / len(w)
	for i := range w {
		var v W
		for _, c := range b[i*size : (i+1)*size] {
			v = v<<8 | W(c)
		}
		w[i] = v
	}
}

// writeWords writes w into b, one digest, big-endian.
func writeWords[W uint32 | uint64](b []byte, w *[8]W) {
	size := len(b) / len(w)
	for i, v := range w {
		for j := size - 1; j >= 0; j-- {
			b[i*size+j] = byte(v)
			v >>= 8
		}
	}
}

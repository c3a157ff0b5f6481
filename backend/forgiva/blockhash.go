package forgiva

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"

	//lint:ignore SA1019 MD4 is part of the Forgiva algorithm.
	"golang.org/x/crypto/md4"
	//lint:ignore SA1019 RIPEMD-160 is part of the Forgiva algorithm.
	"golang.org/x/crypto/ripemd160"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/sha0"
)

// hashAlg indexes the spec's digest table HT.
type hashAlg byte

const (
	hashSHA512 hashAlg = iota
	hashSHA384
	hashSHA256
	hashSHA224
	hashSHA1
	hashSHA0
	hashMD5
	hashMD4
	hashRIPEMD160
	hashAlgCount
)

// hashFor picks the digest the iterative hash uses for input byte b.
func hashFor(b byte) hashAlg { return hashAlg(b % byte(hashAlgCount)) }

func (a hashAlg) new() hash.Hash {
	switch a {
	case hashSHA512:
		return sha512.New()
	case hashSHA384:
		return sha512.New384()
	case hashSHA256:
		return sha256.New()
	case hashSHA224:
		return sha256.New224()
	case hashSHA1:
		return sha1.New()
	case hashSHA0:
		return sha0.New()
	case hashMD5:
		return md5.New()
	case hashMD4:
		return md4.New()
	case hashRIPEMD160:
		return ripemd160.New()
	}
	panic("forgiva: digest index out of range")
}

// String returns the OpenSSL name the reference uses for the digest.
func (a hashAlg) String() string {
	names := [hashAlgCount]string{"sha512", "sha384", "sha256", "sha224", "sha1", "sha", "md5", "md4", "ripemd160"}
	return names[a]
}

// fhash is the spec's block hash: input up to one digest long is hashed
// whole; longer input is hashed chunk by chunk (one digest per chunk, each
// cut to its chunk's length), so the output is as long as the input.
func fhash(alg hashAlg, data []byte) []byte {
	h := alg.new()
	size := h.Size()
	if len(data) <= size {
		h.Write(data)
		return h.Sum(make([]byte, 0, size))
	}
	out := make([]byte, 0, len(data))
	var digest [sha512.Size]byte
	for start := 0; start < len(data); start += size {
		chunk := data[start:min(start+size, len(data))]
		h.Reset()
		h.Write(chunk)
		sum := h.Sum(digest[:0])
		out = append(out, sum[:len(chunk)]...)
	}
	clear(digest[:])
	return out
}

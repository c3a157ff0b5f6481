package forgiva

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"fmt"

	//lint:ignore SA1019 Blowfish is part of the Forgiva algorithm.
	"golang.org/x/crypto/blowfish"
	//lint:ignore SA1019 CAST5 is part of the Forgiva algorithm.
	"golang.org/x/crypto/cast5"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/camellia"
)

// ihash is the spec's iterative hash: each byte of the input, in order,
// picks the digest of one more round of the block hash.
func ihash(v []byte) []byte {
	r := append([]byte(nil), v...)
	for _, b := range v {
		next := fhash(hashFor(b), r)
		clear(r)
		r = next
	}
	return r
}

// hash2 is ihash applied twice.
func hash2(v []byte) []byte {
	once := ihash(v)
	defer clear(once)
	return ihash(once)
}

// cipherAlg indexes the spec's cipher table CT.
type cipherAlg byte

const (
	cipherDESEDE3 cipherAlg = iota
	cipherCamellia128
	cipherCamellia192
	cipherCamellia256
	cipherCAST5
	cipherBlowfish
	cipherAES128
	cipherAES192
	cipherAES256
	cipherAlgCount
)

// cipherFor picks the cipher the iterative encryption uses for input byte b.
func cipherFor(b byte) cipherAlg { return cipherAlg(b % byte(cipherAlgCount)) }

// keySize is the cipher's key length in the reference (OpenSSL's default
// for the named cipher).
func (a cipherAlg) keySize() int {
	sizes := [cipherAlgCount]int{24, 16, 24, 32, 16, 16, 16, 24, 32}
	return sizes[a]
}

// String returns the OpenSSL name of the cipher in CBC mode.
func (a cipherAlg) String() string {
	names := [cipherAlgCount]string{
		"des-ede3-cbc", "camellia-128-cbc", "camellia-192-cbc", "camellia-256-cbc",
		"cast5-cbc", "bf-cbc", "aes-128-cbc", "aes-192-cbc", "aes-256-cbc",
	}
	return names[a]
}

// newCipher builds the block cipher with key zero-padded or cut to the
// cipher's key size.
func (a cipherAlg) newCipher(key []byte) (cipher.Block, error) {
	sized := make([]byte, a.keySize())
	defer clear(sized)
	copy(sized, key)
	var block cipher.Block
	var err error
	switch a {
	case cipherDESEDE3:
		block, err = des.NewTripleDESCipher(sized)
	case cipherCamellia128, cipherCamellia192, cipherCamellia256:
		block, err = camellia.NewCipher(sized)
	case cipherCAST5:
		block, err = cast5.NewCipher(sized)
	case cipherBlowfish:
		block, err = blowfish.NewCipher(sized)
	case cipherAES128, cipherAES192, cipherAES256:
		block, err = aes.NewCipher(sized)
	default:
		panic("forgiva: cipher index out of range")
	}
	if err != nil {
		return nil, fmt.Errorf("%s key: %w", a, err)
	}
	return block, nil
}

// encryptCBC zero-pads v to a whole number of blocks (empty stays empty)
// and encrypts it in CBC mode with the IV cut to the block size.
func encryptCBC(block cipher.Block, iv, v []byte) []byte {
	size := block.BlockSize()
	out := make([]byte, (len(v)+size-1)/size*size)
	copy(out, v)
	prev := iv[:size]
	for start := 0; start < len(out); start += size {
		cur := out[start : start+size]
		for i := range cur {
			cur[i] ^= prev[i]
		}
		block.Encrypt(cur, cur)
		prev = cur
	}
	return out
}

// encKey is what enc derives from one key: the cipher key, the IV and the
// ciphers built from them. The spec recomputes kdf(1, key, "forgiva") for
// every step of ienc; it depends on the key only, so a generation derives
// it once per distinct key (three or four of them) and keeps it here.
type encKey struct {
	key     []byte
	ck      []byte
	iv      []byte
	ciphers [cipherAlgCount]cipher.Block
}

// cipherKeySalt is the PBKDF2 salt of every cipher key.
const cipherKeySalt = "forgiva"

// encKeyFor returns the cached derivation of key, deriving it first if
// this generation has not met the key yet.
func (s *session) encKeyFor(key []byte) (*encKey, error) {
	for _, k := range s.encKeys {
		if string(k.key) == string(key) {
			return k, nil
		}
	}
	ck, err := s.kdf(1, key, []byte(cipherKeySalt))
	if err != nil {
		return nil, fmt.Errorf("cipher key: %w", err)
	}
	k := &encKey{key: append([]byte(nil), key...), ck: ck, iv: fhash(hashSHA512, key)}
	s.encKeys = append(s.encKeys, k)
	return k, nil
}

func (k *encKey) cipher(alg cipherAlg) (cipher.Block, error) {
	if k.ciphers[alg] == nil {
		block, err := alg.newCipher(k.ck)
		if err != nil {
			return nil, err
		}
		k.ciphers[alg] = block
	}
	return k.ciphers[alg], nil
}

// wipe clears the key material. The ciphers' expanded key schedules live
// inside the cipher packages and cannot be cleared; they are dropped.
func (k *encKey) wipe() {
	clear(k.key)
	clear(k.ck)
	clear(k.iv)
	k.ciphers = [cipherAlgCount]cipher.Block{}
}

// ienc is the spec's iterative encryption: each byte of v, in order, picks
// the cipher of one more round of enc(alg, r, key).
func (s *session) ienc(v, key []byte) ([]byte, error) {
	r := append([]byte(nil), v...)
	if len(v) == 0 {
		return r, nil
	}
	k, err := s.encKeyFor(key)
	if err != nil {
		return nil, err
	}
	for _, b := range v {
		block, err := k.cipher(cipherFor(b))
		if err != nil {
			clear(r)
			return nil, err
		}
		next := encryptCBC(block, k.iv, r)
		clear(r)
		r = next
	}
	return r, nil
}

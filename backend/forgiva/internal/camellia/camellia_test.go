package camellia

import (
	"bytes"
	"crypto/cipher"
	"errors"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/testvec"
)

type vector struct {
	Name      string `json:"name"`
	Mode      string `json:"mode"`
	KeyBytes  int    `json:"key_bytes"`
	KeyHex    string `json:"key_hex"`
	IVHex     string `json:"iv_hex"`
	PlainHex  string `json:"plain_hex"`
	CipherHex string `json:"cipher_hex"`
}

func TestVectors(t *testing.T) {
	for _, v := range testvec.Load[vector](t) {
		t.Run(v.Name, func(t *testing.T) {
			t.Parallel()
			key := make([]byte, v.KeyBytes) // zero-padded, as Forgiva does
			copy(key, testvec.Hex(t, v.KeyHex))
			plain, want := testvec.Hex(t, v.PlainHex), testvec.Hex(t, v.CipherHex)
			block, err := NewCipher(key)
			if err != nil {
				t.Fatalf("NewCipher: %v", err)
			}
			var enc, dec cipher.BlockMode
			switch v.Mode {
			case "ecb":
				enc, dec = ecb{block, true}, ecb{block, false}
			case "cbc":
				iv := testvec.Hex(t, v.IVHex)
				enc, dec = cipher.NewCBCEncrypter(block, iv), cipher.NewCBCDecrypter(block, iv)
			default:
				t.Fatalf("unknown mode %q", v.Mode)
			}
			got := make([]byte, len(plain))
			enc.CryptBlocks(got, plain)
			if !bytes.Equal(got, want) {
				t.Errorf("encrypt: got %x, want %x", got, want)
			}
			dec.CryptBlocks(got, want)
			if !bytes.Equal(got, plain) {
				t.Errorf("decrypt: got %x, want %x", got, plain)
			}
		})
	}
}

// ecb applies the block cipher to each block independently; it exists only
// to run single-block known-answer vectors through the same code as CBC.
type ecb struct {
	b       cipher.Block
	encrypt bool
}

func (e ecb) BlockSize() int { return e.b.BlockSize() }

func (e ecb) CryptBlocks(dst, src []byte) {
	for i := 0; i < len(src); i += BlockSize {
		if e.encrypt {
			e.b.Encrypt(dst[i:], src[i:])
		} else {
			e.b.Decrypt(dst[i:], src[i:])
		}
	}
}

func TestKeySizes(t *testing.T) {
	for size := range 40 {
		block, err := NewCipher(make([]byte, size))
		valid := size == 16 || size == 24 || size == 32
		switch {
		case valid && err != nil:
			t.Errorf("size %d: unexpected error %v", size, err)
		case valid && block.BlockSize() != BlockSize:
			t.Errorf("size %d: BlockSize %d", size, block.BlockSize())
		case !valid:
			var kse KeySizeError
			if !errors.As(err, &kse) || int(kse) != size {
				t.Errorf("size %d: got error %v, want KeySizeError(%d)", size, err, size)
			}
		}
	}
}

// TestRoundTripInPlace checks decryption inverts encryption for many keys
// and that dst may alias src.
func TestRoundTripInPlace(t *testing.T) {
	for _, size := range []int{16, 24, 32} {
		key := make([]byte, size)
		buf := make([]byte, BlockSize)
		for i := range 64 {
			for j := range key {
				key[j] = byte(i*31 + j*7)
			}
			for j := range buf {
				buf[j] = byte(i ^ j*13)
			}
			orig := bytes.Clone(buf)
			block, err := NewCipher(key)
			if err != nil {
				t.Fatal(err)
			}
			block.Encrypt(buf, buf)
			if bytes.Equal(buf, orig) {
				t.Fatalf("size %d key %d: encryption left block unchanged", size, i)
			}
			block.Decrypt(buf, buf)
			if !bytes.Equal(buf, orig) {
				t.Fatalf("size %d key %d: round trip gave %x, want %x", size, i, buf, orig)
			}
		}
	}
}

func TestNoAllocations(t *testing.T) {
	block, err := NewCipher(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, BlockSize)
	allocs := testing.AllocsPerRun(100, func() {
		block.Encrypt(buf, buf)
		block.Decrypt(buf, buf)
	})
	if allocs != 0 {
		t.Errorf("Encrypt+Decrypt allocate %v times per block", allocs)
	}
}

func TestShortBufferPanics(t *testing.T) {
	block, err := NewCipher(make([]byte, 16))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Encrypt with a short src did not panic")
		}
	}()
	block.Encrypt(make([]byte, BlockSize), make([]byte, BlockSize-1))
}

func BenchmarkEncrypt(b *testing.B) {
	for _, size := range []int{16, 32} {
		block, err := NewCipher(make([]byte, size))
		if err != nil {
			b.Fatal(err)
		}
		buf := make([]byte, BlockSize)
		b.Run(map[int]string{16: "128", 32: "256"}[size], func(b *testing.B) {
			b.SetBytes(BlockSize)
			for b.Loop() {
				block.Encrypt(buf, buf)
			}
		})
	}
}

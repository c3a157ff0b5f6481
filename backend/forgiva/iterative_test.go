package forgiva

import (
	"bytes"
	"context"
	"testing"
)

func TestEncryptCBCPadding(t *testing.T) {
	t.Parallel()
	iv := bytes.Repeat([]byte{7}, 16)
	for _, alg := range []cipherAlg{cipherDESEDE3, cipherCAST5, cipherBlowfish, cipherAES128, cipherCamellia256} {
		block, err := alg.newCipher([]byte("short key"))
		if err != nil {
			t.Fatalf("%s: %v", alg, err)
		}
		size := block.BlockSize()
		for _, n := range []int{0, 1, size, size + 1, 69} {
			data := bytes.Repeat([]byte{0xa5}, n)
			got := encryptCBC(block, iv, data)
			if want := (n + size - 1) / size * size; len(got) != want {
				t.Errorf("%s, %d bytes: output %d bytes, want %d", alg, n, len(got), want)
			}
			padded := append(append([]byte(nil), data...), make([]byte, len(got)-n)...)
			if n > 0 && !bytes.Equal(got, encryptCBC(block, iv, padded)) {
				t.Errorf("%s, %d bytes: not the encryption of the zero-padded input", alg, n)
			}
		}
	}
}

func TestCipherKeyIsCutAndPadded(t *testing.T) {
	t.Parallel()
	long := bytes.Repeat([]byte{1}, 40)
	for a := range cipherAlgCount {
		cut, err := a.newCipher(long)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		exact, err := a.newCipher(long[:a.keySize()])
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		short, err := a.newCipher([]byte{1, 2})
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		padded, err := a.newCipher(append([]byte{1, 2}, make([]byte, a.keySize()-2)...))
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		block := make([]byte, cut.BlockSize())
		if !bytes.Equal(encryptCBC(cut, make([]byte, 16), block), encryptCBC(exact, make([]byte, 16), block)) {
			t.Errorf("%s: a long key is not cut to %d bytes", a, a.keySize())
		}
		if !bytes.Equal(encryptCBC(short, make([]byte, 16), block), encryptCBC(padded, make([]byte, 16), block)) {
			t.Errorf("%s: a short key is not zero-padded", a)
		}
	}
}

// TestIencDerivesEachKeyOnce checks the cache: ienc's cipher key depends on
// the key only, so repeated keys must not cost another PBKDF2.
func TestIencDerivesEachKeyOnce(t *testing.T) {
	t.Parallel()
	c := fastCosts()
	s := &session{meter: newMeter(context.Background(), nil, 1<<40), costs: c}
	defer s.wipe()
	v := []byte("some value to encrypt, with many bytes in it")
	first, err := s.ienc(v, []byte("key one"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ienc(first, []byte("key one")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ienc(v, []byte("key two")); err != nil {
		t.Fatal(err)
	}
	if got, want := s.meter.done, 2*kdfUnits(1, c.kdfIterations[1]); got != want {
		t.Errorf("work done %d units, want %d (two cipher keys)", got, want)
	}
	if empty, err := s.ienc(nil, []byte("key three")); err != nil || len(empty) != 0 || len(s.encKeys) != 2 {
		t.Errorf("ienc(empty) = %x, %v with %d keys; want empty, no derivation", empty, err, len(s.encKeys))
	}
}

package forgiva

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha512"
	"testing"
)

func TestFhash(t *testing.T) {
	t.Parallel()
	long := bytes.Repeat([]byte("0123456789"), 15) // 150 bytes: chunks of 64, 64, 22
	sum := func(b []byte) []byte { s := sha512.Sum512(b); return s[:] }
	var chunked []byte
	chunked = append(chunked, sum(long[:64])...)
	chunked = append(chunked, sum(long[64:128])...)
	chunked = append(chunked, sum(long[128:])[:22]...)
	sha1Sum := sha1.Sum([]byte("abc"))
	tests := []struct {
		name string
		alg  hashAlg
		data []byte
		want []byte
	}{
		{"empty input is hashed whole", hashSHA512, nil, sum(nil)},
		{"one digest long is hashed whole", hashSHA512, long[:64], sum(long[:64])},
		{"longer input is hashed chunk by chunk", hashSHA512, long, chunked},
		{"short input gives the whole digest", hashSHA1, []byte("abc"), sha1Sum[:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := fhash(tt.alg, tt.data); !bytes.Equal(got, tt.want) {
				t.Errorf("got %x\nwant %x", got, tt.want)
			}
		})
	}
}

func TestIhash(t *testing.T) {
	t.Parallel()
	if got := ihash(nil); len(got) != 0 {
		t.Errorf("ihash(empty) = %x, want empty", got)
	}
	// Byte 13 picks 13 mod 9 = 4 (SHA-1), then byte 5 picks SHA-0 over the
	// 20-byte SHA-1 digest.
	in := []byte{13, 5}
	first := sha1.Sum(in)
	want := fhash(hashSHA0, first[:])
	if got := ihash(in); !bytes.Equal(got, want) {
		t.Errorf("ihash = %x, want %x", got, want)
	}
	if got := ihash(in); !bytes.Equal(in, []byte{13, 5}) {
		t.Errorf("ihash changed its input (result %x)", got)
	}
}

func TestDigestTable(t *testing.T) {
	t.Parallel()
	sizes := [hashAlgCount]int{64, 48, 32, 28, 20, 20, 16, 16, 20}
	for a := range hashAlgCount {
		if got := a.new().Size(); got != sizes[a] {
			t.Errorf("%s: size %d, want %d", a, got, sizes[a])
		}
	}
}

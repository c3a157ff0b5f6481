package sha0

import (
	"bytes"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/testvec"
)

type vector struct {
	Name       string `json:"name"`
	Mode       string `json:"mode"`
	MessageHex string `json:"message_hex"`
	Repeat     int    `json:"repeat"`
	DigestHex  string `json:"digest_hex"`
}

// blockHash is the Forgiva block hash specialised to SHA-0, kept here only to
// check the published vector; the engine has its own generic version.
func blockHash(d []byte) []byte {
	if len(d) <= Size {
		s := Sum(d)
		return s[:]
	}
	out := make([]byte, 0, len(d))
	for chunk := range slices.Chunk(d, Size) {
		s := Sum(chunk)
		out = append(out, s[:len(chunk)]...)
	}
	return out
}

func TestVectors(t *testing.T) {
	for _, v := range testvec.Load[vector](t) {
		t.Run(v.Name, func(t *testing.T) {
			t.Parallel()
			msg, want := testvec.Hex(t, v.MessageHex), testvec.Hex(t, v.DigestHex)
			if v.Repeat > 0 {
				msg = bytes.Repeat(msg, v.Repeat)
			}
			var got []byte
			switch v.Mode {
			case "plain":
				s := Sum(msg)
				got = s[:]
				h := New()
				h.Write(msg)
				if viaHash := h.Sum(nil); !bytes.Equal(viaHash, got) {
					t.Errorf("New().Sum = %x, Sum = %x", viaHash, got)
				}
			case "block":
				got = blockHash(msg)
			default:
				t.Fatalf("unknown mode %q", v.Mode)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got %x, want %x", got, want)
			}
		})
	}
}

// TestStreaming checks that writes of awkward sizes, crossing block and
// padding boundaries, give the same digest as one-shot Sum.
func TestStreaming(t *testing.T) {
	msg := make([]byte, 1000)
	for i := range msg {
		msg[i] = byte(i*7 + 3)
	}
	for _, total := range []int{0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000} {
		want := Sum(msg[:total])
		for _, step := range []int{1, 3, 7, 13, 63, 64, 65} {
			h := New()
			for off := 0; off < total; off += step {
				h.Write(msg[off:min(off+step, total)])
			}
			if got := h.Sum(nil); !bytes.Equal(got, want[:]) {
				t.Errorf("len %d step %d: got %x, want %x", total, step, got, want)
			}
		}
	}
}

// TestSumKeepsState checks that Sum does not disturb the running hash and
// that Reset returns to the initial state.
func TestSumKeepsState(t *testing.T) {
	h := New()
	h.Write([]byte("ab"))
	_ = h.Sum(nil)
	h.Write([]byte("c"))
	want := Sum([]byte("abc"))
	if got := h.Sum([]byte("prefix")); !bytes.Equal(got[6:], want[:]) || string(got[:6]) != "prefix" {
		t.Errorf("Sum after intermediate Sum = %x, want prefix||%x", got, want)
	}
	h.Reset()
	h.Write([]byte("abc"))
	if got := h.Sum(nil); !bytes.Equal(got, want[:]) {
		t.Errorf("after Reset got %x, want %x", got, want)
	}
	if h.Size() != Size || h.BlockSize() != BlockSize {
		t.Errorf("Size/BlockSize = %d/%d", h.Size(), h.BlockSize())
	}
}

// TestDiffersFromSHA1 guards against the classic slip of adding the SHA-1
// rotation: SHA-1("abc") is a9993e36...
func TestDiffersFromSHA1(t *testing.T) {
	s := Sum([]byte("abc"))
	if hex.EncodeToString(s[:]) == "a9993e364706816aba3e25717850c26c9cd0d89d" {
		t.Fatal("Sum computes SHA-1, not SHA-0")
	}
}

func BenchmarkSum1K(b *testing.B) {
	msg := make([]byte, 1024)
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		Sum(msg)
	}
}

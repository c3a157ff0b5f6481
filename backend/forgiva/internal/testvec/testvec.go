// Package testvec reads the golden-vector files of the primitives' tests:
// testdata/vectors.json holding {"vectors": [...]}, with byte strings in hex.
package testvec

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// Load reads testdata/vectors.json into vectors of type V, failing the test
// when the file is missing, malformed or empty.
func Load[V any](t testing.TB) []V {
	t.Helper()
	raw, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var file struct {
		Vectors []V `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("parse vectors: %v", err)
	}
	if len(file.Vectors) == 0 {
		t.Fatal("no vectors in testdata/vectors.json")
	}
	return file.Vectors
}

// Hex decodes a vector's hex string, failing the test on bad hex.
func Hex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("decode %q: %v", s, err)
	}
	return b
}

package strength

import (
	"math"
	"testing"
)

func TestEstimate(t *testing.T) {
	cases := []struct {
		password    string
		words       []string
		min, max    float64 // bits
		wantWeakest string
	}{
		{"", nil, 0, 0, ""},
		{"password", nil, 0, 5, "dictionary"},
		{"zxcvbnm,./asdfghjkl;'", nil, 0, 40, "spatial"},
		{"aaaaaaaaaaaa", nil, 0, 12, "repeat"},
		// a word of the caller's dictionary is as guessable as a common one
		{"xkcdvaultexample", nil, 30, 200, ""},
		{"xkcdvaultexample", []string{"xkcdvaultexample"}, 0, 5, "dictionary"},
		// no pattern at all: priced by its classes, 14 × log2(95)
		{"Zq8#vL2!mW9$kR", nil, 14 * math.Log2(95), 14*math.Log2(95) + 0.01, ""},
		{"Kx7#Qw2$Lm9!", nil, 12 * math.Log2(95), 12*math.Log2(95) + 0.01, ""},
	}
	for _, c := range cases {
		bits, weakest := Estimate([]byte(c.password), c.words)
		if bits < c.min || bits > c.max {
			t.Errorf("%q with %q: %.1f bits, want %.1f to %.1f", c.password, c.words, bits, c.min, c.max)
		}
		if c.wantWeakest != "" && weakest != c.wantWeakest {
			t.Errorf("%q with %q: weakest %q, want %q", c.password, c.words, weakest, c.wantWeakest)
		}
	}
}

func TestPoolSize(t *testing.T) {
	for s, want := range map[string]int{"": 10, "abc": 26, "aB": 52, "a1": 36, "a!": 59, "aB1!": 95, "é": 100, "1": 10} {
		if got := poolSize(s); got != want {
			t.Errorf("poolSize(%q) = %d, want %d", s, got, want)
		}
	}
}

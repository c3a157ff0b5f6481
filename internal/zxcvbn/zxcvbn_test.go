package zxcvbn

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/forgiva/forgiva-desktop/internal/zxcvbn/match"
	"github.com/forgiva/forgiva-desktop/internal/zxcvbn/scoring"
)

// The copy answers what upstream's tests expect: testdata/output.json is the
// JavaScript original's answer for each password (its positions count UTF-16
// units, so the test maps the Go byte offsets to characters first, as
// upstream's test does). Dates are rated by their distance to the current
// year, and the record was made in 2019.
func TestPasswordStrengthMatchesTheOriginal(t *testing.T) {
	defer func(year int) { scoring.ReferenceYear = year }(scoring.ReferenceYear)
	scoring.ReferenceYear = 2019
	var cases []struct {
		Password string         `json:"password"`
		Guesses  float64        `json:"guesses"`
		Score    int            `json:"score"`
		Sequence []*match.Match `json:"sequence"`
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "output.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 20 {
		t.Fatalf("only %d cases in testdata/output.json", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Password, func(t *testing.T) {
			char := map[int]int{len(c.Password): 0}
			n := 0
			for i := range c.Password {
				char[i] = n
				n++
			}
			char[len(c.Password)] = n
			got := PasswordStrength(c.Password, nil)
			if len(got.Sequence) != len(c.Sequence) {
				t.Fatalf("%d matches (%s), want %d", len(got.Sequence), match.ToString(got.Sequence), len(c.Sequence))
			}
			for k, want := range c.Sequence {
				g := got.Sequence[k]
				if char[g.I] != want.I || char[g.J+1]-1 != want.J || g.Pattern != want.Pattern || g.Token != want.Token || g.Guesses != want.Guesses {
					t.Errorf("match %d: %s %q [%d,%d] %g guesses, want %s %q [%d,%d] %g",
						k, g.Pattern, g.Token, char[g.I], char[g.J+1]-1, g.Guesses,
						want.Pattern, want.Token, want.I, want.J, want.Guesses)
				}
			}
			if got.Guesses != c.Guesses || got.Score != c.Score {
				t.Errorf("%g guesses, score %d; want %g, %d", got.Guesses, got.Score, c.Guesses, c.Score)
			}
		})
	}
}

func TestPasswordStrengthCornerCases(t *testing.T) {
	for _, p := range []string{"", "wen\x8e\xc6"} {
		if got := PasswordStrength(p, nil); got.Score != 0 {
			t.Errorf("%q: score %d, want 0", p, got.Score)
		}
	}
}

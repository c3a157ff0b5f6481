package vault

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// The strength rule, as a table: what is refused, with which reason.
func TestPasswordStrength(t *testing.T) {
	cases := []struct {
		password string
		ok       bool
		reason   string // a word of the refusal
	}{
		{"", false, "required"},
		{"password", false, "common word"},
		{"Password1", false, "common word"},
		{"iloveyouiloveyou", false, "repetition"},
		{"Password!Password!", false, "repetition"},
		{"qwertyuiopasdfghjkl", false, ""},
		{"zxcvbnm,./asdfghjkl;'", false, "row or pattern of keys"},
		{"abcdefghijklmnopqrstuvwxyz", false, "sequence"},
		{strings.Repeat("a", 40), false, "repetition"},
		{"forgivaforgiva2024!", false, ""},
		{"github.example2024", false, ""}, // a host of the vault: see words below
		{"purple monkey dishwasher", false, "common word"},
		{"Zq8#", false, "too short"},
		{testPassword, true, ""},
		{"purple monkey dishwasher elephant", true, ""},
		{"Zq8#vL2!mW9$kR", true, ""},
		{"ein Baum, zwei Bäume, drei Wälder", true, ""},
	}
	words := []string{"github.example"}
	for _, c := range cases {
		got := PasswordStrength(strength.Local{}, []byte(c.password), words)
		err := checkPasswordStrength(strength.Local{}, []byte(c.password), words)
		switch {
		case got.OK != c.ok:
			t.Errorf("%q: ok=%v (%d bits, %q), want %v", c.password, got.OK, got.Bits, got.Message, c.ok)
		case got.OK != (err == nil):
			t.Errorf("%q: the meter says ok=%v, the create rule %v", c.password, got.OK, err)
		case !c.ok && got.Message != ErrorMessage(err):
			t.Errorf("%q: message %q, want the rule's %q", c.password, got.Message, ErrorMessage(err))
		case !c.ok && !strings.Contains(got.Message, c.reason):
			t.Errorf("%q: message %q does not say %q", c.password, got.Message, c.reason)
		case !got.Rated:
			t.Errorf("%q: not rated: %s", c.password, got.Message)
		case c.ok && got.Message != "":
			t.Errorf("%q: strong password with message %q", c.password, got.Message)
		case c.ok && got.Level < 3, !c.ok && c.password != "" && got.Level >= 3:
			t.Errorf("%q: meter level %d (%s) disagrees with ok=%v", c.password, got.Level, got.Label, c.ok)
		}
	}
}

type failingEstimator struct{}

func (failingEstimator) Estimate([]byte, []string) (float64, string, error) {
	return 0, "", errors.New("the strength helper exited")
}

// Without a working estimator no password is taken, the message does not
// hold the password, and nothing is created.
func TestStrengthWithoutEstimator(t *testing.T) {
	for name, est := range map[string]Estimator{"none": nil, "failing": failingEstimator{}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			_, err := Create(context.Background(), Options{Dir: dir, Keyring: testkit.NewKeyring(), Estimator: est}, []byte(testPassword))
			if err == nil {
				t.Fatal("Create took a password nothing rated")
			}
			if msg := ErrorMessage(err); strings.Contains(msg, testPassword) || strings.Contains(err.Error(), testPassword) {
				t.Errorf("the error holds the password: %v", err)
			}
			if exists, err := Exists(dir); err != nil || exists {
				t.Errorf("a vault file was left behind (exists %v, %v)", exists, err)
			}
			s := PasswordStrength(est, []byte(testPassword), nil)
			if s.OK || s.Rated || s.Message == "" {
				t.Errorf("the meter says %+v, want not OK with a reason", s)
			}
		})
	}
}

// countingEstimator counts its calls, for rules that should rate once.
type countingEstimator struct{ calls int }

func (c *countingEstimator) Estimate(password []byte, words []string) (float64, string, error) {
	c.calls++
	return strength.Local{}.Estimate(password, words)
}

// The meter asks at every keystroke, and the desktop app's estimator is
// another process: one rating a verdict.
func TestPasswordStrengthRatesOnce(t *testing.T) {
	for _, password := range []string{"password", testPassword} {
		est := &countingEstimator{}
		PasswordStrength(est, []byte(password), nil)
		if est.calls != 1 {
			t.Errorf("%q: %d ratings, want 1", password, est.calls)
		}
	}
}

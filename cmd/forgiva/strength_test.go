package main

import (
	"os"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/backend/strength/helper"
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

// runAsCLI makes the test binary run as forgiva itself (TestMain).
const runAsCLI = "FORGIVA_TEST_RUN_AS_CLI"

// The desktop app's way to rate, end to end: its client runs `forgiva
// strength-helper` in a process of its own, and every verdict is the one the
// command line reaches in its own process.
func TestStrengthHelperRatesAsTheCommandLine(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(runAsCLI, "1")
	client := helper.NewClient(exe, "strength-helper")
	defer client.Close()
	words := []string{"mail.example.org", "bank.example.com"}
	for _, password := range []string{
		"password", "Password1", "iloveyouiloveyou", "zxcvbnm,./asdfghjkl;'", "bank.example.com2024",
		"correct horse battery staple 42!", "Zq8#vL2!mW9$kR", "ein Baum, zwei Bäume, drei Wälder",
		strings.Repeat("ab", 200),
	} {
		bits, weakest, err := client.Estimate([]byte(password), words)
		if err != nil {
			t.Fatalf("%q: %v", password, err)
		}
		wantBits, wantWeakest := strength.Estimate([]byte(password), words)
		if bits != wantBits || weakest != wantWeakest {
			t.Errorf("%q: the helper says %v bits (%q), the command line %v (%q)", password, bits, weakest, wantBits, wantWeakest)
		}
		if got, want := vault.PasswordStrength(client, []byte(password), words), vault.PasswordStrength(strength.Local{}, []byte(password), words); got != want {
			t.Errorf("%q: the desktop's verdict %+v, the command line's %+v", password, got, want)
		}
	}
}

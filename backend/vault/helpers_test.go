package vault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/clock"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// realKDF keeps the production Argon2id cost; TestMain lowers kdfParams so
// that the suite stays fast.
var realKDF = kdfParams

func TestMain(m *testing.M) {
	UseTestKDF()
	backup.UseTestWorkFactor()
	os.Exit(m.Run())
}

const testPassword = "correct horse battery staple 42!"

type fixture struct {
	dir     string
	keyring *testkit.Keyring
	clock   *clock.Fake
}

func (f *fixture) opts() Options {
	return Options{Dir: f.dir, Keyring: f.keyring, Now: f.clock.Now, Estimator: strength.Local{}}
}

func newFixture(t testing.TB) *fixture {
	return &fixture{dir: filepath.Join(t.TempDir(), "data"), keyring: testkit.NewKeyring(),
		clock: &clock.Fake{Start: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}}
}

// newVault creates an unlocked vault in a temp dir.
func newTestVault(t testing.TB) (*Vault, *fixture) {
	t.Helper()
	f := newFixture(t)
	v, err := Create(context.Background(), f.opts(), []byte(testPassword))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v, f
}

func (f *fixture) open(t testing.TB) *Vault {
	t.Helper()
	v, err := Open(context.Background(), f.opts())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

// wantCode fails unless err is a *Error with code and (if non-empty) a
// message containing each of words.
func wantCode(t testing.TB, err error, code Code, words ...string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want a *vault.Error with code %s", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("code %s (%q), want %s", e.Code, e.Message, code)
	}
	for _, w := range words {
		if !strings.Contains(e.Message, w) {
			t.Fatalf("message %q does not mention %q", e.Message, w)
		}
	}
}

func entryInput(group int64, host, account string) EntryInput {
	return EntryInput{GroupID: group, Host: host, Account: account, Complexity: 1, Length: 16,
		Classes: forgiva.AllClasses()}
}

func firstGroup(t testing.TB, v *Vault) Group {
	t.Helper()
	groups := testkit.Must(v.Groups(context.Background()))(t)
	if len(groups) == 0 {
		t.Fatal("no group")
	}
	return groups[0]
}

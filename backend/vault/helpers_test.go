package vault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// realKDF keeps the production Argon2id cost; TestMain lowers kdfParams so
// that the suite stays fast.
var realKDF = kdfParams

func TestMain(m *testing.M) {
	kdfParams.Time, kdfParams.MemoryKiB, kdfParams.Threads = 1, 64, 1
	os.Exit(m.Run())
}

const testPassword = "correct horse battery staple 42!"

// memKeyring is an in-memory keyring; fail makes every call fail as a
// missing Secret Service would.
type memKeyring struct {
	mu      sync.Mutex
	secrets map[string]string
	fail    error
}

func newMemKeyring() *memKeyring { return &memKeyring{secrets: map[string]string{}} }

func (m *memKeyring) Get(service, user string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return "", m.fail
	}
	s, ok := m.secrets[service+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return s, nil
}

func (m *memKeyring) Set(service, user, secret string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.secrets[service+"/"+user] = secret
	return nil
}

func (m *memKeyring) Delete(service, user string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	if _, ok := m.secrets[service+"/"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(m.secrets, service+"/"+user)
	return nil
}

func (m *memKeyring) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.secrets)
}

// clock is an injectable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

type fixture struct {
	dir     string
	keyring *memKeyring
	clock   *clock
}

func (f *fixture) opts() Options {
	return Options{Dir: f.dir, Keyring: f.keyring, Now: f.clock.Now}
}

func newFixture(t testing.TB) *fixture {
	return &fixture{dir: filepath.Join(t.TempDir(), "data"), keyring: newMemKeyring(),
		clock: &clock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}}
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

func must[T any](t testing.TB) func(T, error) T {
	return func(value T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return value
	}
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
		Lowercase: true, Uppercase: true, Numbers: true, Symbols: true}
}

func firstGroup(t testing.TB, v *Vault) Group {
	t.Helper()
	groups := must[[]Group](t)(v.Groups(context.Background()))
	if len(groups) == 0 {
		t.Fatal("no group")
	}
	return groups[0]
}

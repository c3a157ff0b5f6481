// Package testkit holds the helpers several packages' tests share: an
// in-memory OS keyring and a one-line check for (value, error) calls. It is
// imported by tests only.
package testkit

import (
	"sync"
	"testing"

	"github.com/zalando/go-keyring"
)

// Must(call())(t) is call's value, or the test's end on its error.
func Must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// Keyring is an in-memory OS keyring (the vault's Keyring interface). Set
// Fail to make every call fail, as a missing or locked Secret Service does.
type Keyring struct {
	mu      sync.Mutex
	secrets map[string]string
	Fail    error
}

// NewKeyring returns an empty keyring.
func NewKeyring() *Keyring { return &Keyring{secrets: map[string]string{}} }

func (k *Keyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return "", k.Fail
	}
	s, ok := k.secrets[service+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return s, nil
}

func (k *Keyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return k.Fail
	}
	k.secrets[service+"/"+user] = secret
	return nil
}

func (k *Keyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return k.Fail
	}
	if _, ok := k.secrets[service+"/"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(k.secrets, service+"/"+user)
	return nil
}

// Len is the number of secrets held.
func (k *Keyring) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.secrets)
}

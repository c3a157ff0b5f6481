// Package session keeps the secret of a remembered vault session in the OS
// keyring (Secret Service, macOS Keychain, Windows Credential Manager) through
// github.com/zalando/go-keyring. It only stores and fetches the secret: what
// the secret unlocks, and when it expires, is the vault's business.
package session

import (
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name every entry of the app is filed under.
const Service = "forgiva-desktop"

// DefaultTimeout bounds one keyring call. A Secret Service that is installed
// but hangs (a locked collection waiting for a prompt nobody sees) must not
// freeze the app.
const DefaultTimeout = 3 * time.Second

var (
	// ErrNotFound: the keyring works but holds no such entry.
	ErrNotFound = errors.New("no remembered session in the OS keyring")
	// ErrUnavailable: there is no usable keyring (none installed, locked,
	// not answering in time).
	ErrUnavailable = errors.New("the OS keyring is not available")
)

// Keyring is the part of a keyring the app uses. Get and Delete report a
// missing entry with keyring.ErrNotFound, as go-keyring and its mock do.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// OS returns the OS keyring with every call bounded by timeout. A call that
// times out keeps running in the background (go-keyring cannot be
// interrupted) but its result is dropped.
func OS(timeout time.Duration) Keyring {
	return osKeyring{timeout: timeout}
}

type osKeyring struct{ timeout time.Duration }

func (k osKeyring) Get(service, user string) (string, error) {
	var secret string
	err := k.bounded(func() (err error) {
		secret, err = keyring.Get(service, user)
		return err
	})
	return secret, err
}

func (k osKeyring) Set(service, user, secret string) error {
	return k.bounded(func() error { return keyring.Set(service, user, secret) })
}

func (k osKeyring) Delete(service, user string) error {
	return k.bounded(func() error { return keyring.Delete(service, user) })
}

func (k osKeyring) bounded(call func() error) error {
	done := make(chan error, 1)
	go func() { done <- call() }()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return fmt.Errorf("no answer within %v", k.timeout)
	}
}

// Store files session secrets in a Keyring under Service.
type Store struct {
	Keyring Keyring
}

// Put stores secret for user.
func (s Store) Put(user string, secret []byte) error {
	if err := s.Keyring.Set(Service, user, base64.StdEncoding.EncodeToString(secret)); err != nil {
		return classify(err)
	}
	return nil
}

// Fetch returns the secret stored for user: ErrNotFound when there is none,
// ErrUnavailable (wrapping the cause) when the keyring cannot be used.
func (s Store) Fetch(user string) ([]byte, error) {
	encoded, err := s.Keyring.Get(Service, user)
	if err != nil {
		return nil, classify(err)
	}
	secret, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		// Someone else's value under our name: treat it as no session.
		return nil, fmt.Errorf("%w (the stored value is not ours)", ErrNotFound)
	}
	return secret, nil
}

// Forget removes the secret of user. A missing entry is not an error: the
// goal, no secret left, is met.
func (s Store) Forget(user string) error {
	err := s.Keyring.Delete(Service, user)
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return classify(err)
}

func classify(err error) error {
	if errors.Is(err, keyring.ErrNotFound) {
		return ErrNotFound
	}
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

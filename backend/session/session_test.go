package session

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

func TestStoreRoundTrip(t *testing.T) {
	keyring.MockInit()
	s := Store{Keyring: OS(time.Second)}
	secret := []byte{0, 1, 2, 250}
	if err := s.Put("session:v1", secret); err != nil {
		t.Fatal(err)
	}
	got, err := s.Fetch("session:v1")
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("Fetch = %x, %v", got, err)
	}
	if err := s.Forget("session:v1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch("session:v1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Fetch after Forget: %v, want ErrNotFound", err)
	}
	if err := s.Forget("session:v1"); err != nil {
		t.Fatalf("Forget of a missing entry: %v", err)
	}
}

func TestStoreUnavailable(t *testing.T) {
	keyring.MockInitWithError(errors.New("dbus: no Secret Service"))
	s := Store{Keyring: OS(time.Second)}
	if err := s.Put("u", []byte("x")); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Put: %v, want ErrUnavailable", err)
	}
	if _, err := s.Fetch("u"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Fetch: %v, want ErrUnavailable", err)
	}
}

type hangingKeyring struct{ release chan struct{} }

func (h hangingKeyring) Get(string, string) (string, error) { <-h.release; return "", nil }
func (h hangingKeyring) Set(string, string, string) error   { <-h.release; return nil }
func (h hangingKeyring) Delete(string, string) error        { <-h.release; return nil }

func TestTimeout(t *testing.T) {
	h := hangingKeyring{release: make(chan struct{})}
	defer close(h.release)
	k := osKeyring{timeout: 20 * time.Millisecond}
	// The fake never answers: that the call returns at all is the bound.
	err := k.bounded(func() error { return h.Set("s", "u", "x") })
	if err == nil {
		t.Fatal("bounded call: no error from a keyring that never answered")
	}
	if !errors.Is(classify(err), ErrUnavailable) {
		t.Fatal("a timeout is not classified as unavailable")
	}
}

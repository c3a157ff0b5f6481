package testkit

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestKeyring(t *testing.T) {
	k := NewKeyring()
	if _, err := k.Get("s", "u"); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("Get on empty: %v, want ErrNotFound", err)
	}
	if err := k.Set("s", "u", "x"); err != nil {
		t.Fatal(err)
	}
	if got := Must(k.Get("s", "u"))(t); got != "x" || k.Len() != 1 {
		t.Fatalf("Get = %q, Len = %d", got, k.Len())
	}
	if err := k.Delete("s", "u"); err != nil || k.Len() != 0 {
		t.Fatalf("Delete: %v, Len %d", err, k.Len())
	}
	if err := k.Delete("s", "u"); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
	k.Fail = errors.New("locked")
	if err := k.Set("s", "u", "x"); err == nil {
		t.Fatal("Set succeeded on a failing keyring")
	}
}

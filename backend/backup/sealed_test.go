package backup

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"filippo.io/age"
)

func TestSealedRoundTrip(t *testing.T) {
	UseTestWorkFactor()
	plain := []byte("a plain backup's bytes")
	const pass = "the export passphrase, long enough"
	sealed, err := Seal(plain, pass)
	if err != nil {
		t.Fatal(err)
	}
	if !IsSealed(sealed) || IsSealed(plain) {
		t.Fatal("IsSealed cannot tell an age file from a plain backup")
	}
	if bytes.Contains(sealed, plain) {
		t.Fatal("the sealed file holds the plain bytes")
	}
	got, err := Open(sealed, pass)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("Open = %q, %v", got, err)
	}
	if _, err := Open(sealed, "not the passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a wrong passphrase gave %v, want ErrWrongPassphrase", err)
	}
	var formatErr *FormatError
	if _, err := Open(sealed[:len(sealed)-10], pass); !errors.As(err, &formatErr) {
		t.Fatalf("a cut file gave %v, want a FormatError", err)
	}

	// The age library itself (what the age tool runs) opens it.
	id, err := age.NewScryptIdentity(pass)
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := io.ReadAll(r); !bytes.Equal(out, plain) {
		t.Fatalf("age.Decrypt gave %q", out)
	}
}

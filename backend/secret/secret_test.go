package secret

import (
	"bytes"
	"errors"
	"testing"
)

func TestBoxRoundTrip(t *testing.T) {
	key := NewKey()
	box, err := NewBox(key)
	if err != nil {
		t.Fatal(err)
	}
	sealed := box.Seal([]byte("mail.example"), "entries/host/7")
	if bytes.Contains(sealed, []byte("mail.example")) {
		t.Fatal("sealed value holds the plaintext")
	}
	plain, err := box.Open(sealed, "entries/host/7")
	if err != nil || string(plain) != "mail.example" {
		t.Fatalf("Open = %q, %v", plain, err)
	}
}

func TestBoxRefuses(t *testing.T) {
	box, _ := NewBox(NewKey())
	other, _ := NewBox(NewKey())
	sealed := box.Seal([]byte("x"), "entries/host/7")
	tampered := bytes.Clone(sealed)
	tampered[len(tampered)-1] ^= 1
	cases := []struct {
		name   string
		box    *Box
		sealed []byte
		ad     string
	}{
		{"other row", box, sealed, "entries/host/8"},
		{"other column", box, sealed, "entries/account/7"},
		{"other key", other, sealed, "entries/host/7"},
		{"tampered", box, tampered, "entries/host/7"},
		{"short", box, sealed[:5], "entries/host/7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := c.box.Open(c.sealed, c.ad); !errors.Is(err, ErrOpen) {
				t.Fatalf("Open err = %v, want ErrOpen", err)
			}
		})
	}
}

func TestNewBoxKeySize(t *testing.T) {
	if _, err := NewBox(make([]byte, 16)); err == nil {
		t.Fatal("a 16-byte key was accepted")
	}
}

func TestWipe(t *testing.T) {
	b := []byte("secret")
	Wipe(b)
	if !bytes.Equal(b, make([]byte, 6)) {
		t.Fatalf("Wipe left %q", b)
	}
}

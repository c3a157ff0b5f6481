// Package secret holds the small cryptographic helpers the vault builds on:
// zeroing buffers, random keys and AES-256-GCM sealing bound to a context
// string (the "additional data") so a ciphertext cannot be moved elsewhere.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
)

// KeySize is the size of every symmetric key handled here (AES-256).
const KeySize = 32

// ErrOpen reports a ciphertext that does not authenticate under the key and
// additional data: a wrong key, a tampered value or a value moved from elsewhere.
var ErrOpen = errors.New("secret: message authentication failed")

// Wipe zeroes b. Callers use it on buffers that held secrets once they are done.
func Wipe(b []byte) {
	clear(b)
}

// NewKey returns KeySize fresh random bytes.
func NewKey() []byte {
	return Random(KeySize)
}

// Random returns n random bytes. crypto/rand.Read never fails on supported
// platforms (it panics rather than return short), so there is no error.
func Random(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// Box seals and opens values with AES-256-GCM under one key. Each sealed value
// is nonce || ciphertext || tag with a fresh random 96-bit nonce, which is safe
// for far more values than a vault will ever hold. A Box is safe for
// concurrent use.
type Box struct {
	aead cipher.AEAD
}

// NewBox returns a Box for a KeySize key. The Box keeps the AES key schedule,
// not the key itself: the caller still owns (and wipes) key.
func NewBox(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("secret: key is %d bytes, want %d", len(key), KeySize)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts plaintext bound to ad.
func (b *Box) Seal(plaintext []byte, ad string) []byte {
	nonce := Random(b.aead.NonceSize())
	return b.aead.Seal(nonce, nonce, plaintext, []byte(ad))
}

// Open decrypts a value made by Seal with the same ad; ErrOpen if it does not
// authenticate.
func (b *Box) Open(sealed []byte, ad string) ([]byte, error) {
	n := b.aead.NonceSize()
	if len(sealed) < n+b.aead.Overhead() {
		return nil, ErrOpen
	}
	plain, err := b.aead.Open(nil, sealed[:n], sealed[n:], []byte(ad))
	if err != nil {
		return nil, ErrOpen
	}
	return plain, nil
}

// Seal is a one-shot Box.Seal for keys used once (key wrapping).
func Seal(key, plaintext []byte, ad string) ([]byte, error) {
	b, err := NewBox(key)
	if err != nil {
		return nil, err
	}
	return b.Seal(plaintext, ad), nil
}

// Open is a one-shot Box.Open.
func Open(key, sealed []byte, ad string) ([]byte, error) {
	b, err := NewBox(key)
	if err != nil {
		return nil, err
	}
	return b.Open(sealed, ad)
}

package backup

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"filippo.io/age"
)

// An encrypted backup is an age file (age-encryption.org/v1) whose payload
// is a plain backup, encrypted to a passphrase with age's scrypt recipient:
// the `age -d` tool opens it too. A plain backup is readable by whoever
// finds it; this one needs the passphrase.

// SealedExt is added to the name of an encrypted backup.
const SealedExt = ".age"

var ageHeader = []byte("age-encryption.org/v1\n")

// ErrWrongPassphrase: the passphrase does not open the encrypted backup.
var ErrWrongPassphrase = errors.New("backup: wrong passphrase")

// workFactor is age's scrypt cost (2^18: about a second); test binaries
// lower it with UseTestWorkFactor. maxWorkFactor bounds what a file may ask
// for when it is opened, so a crafted file cannot hold the app for minutes.
var workFactor = 18

const maxWorkFactor = 22

// IsSealed reports whether data is an age file rather than a plain backup.
func IsSealed(data []byte) bool { return bytes.HasPrefix(data, ageHeader) }

// Seal encrypts a plain backup to passphrase.
func Seal(plain []byte, passphrase string) ([]byte, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, fmt.Errorf("encrypt backup: %w", err)
	}
	r.SetWorkFactor(workFactor)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		return nil, fmt.Errorf("encrypt backup: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("encrypt backup: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encrypt backup: %w", err)
	}
	return out.Bytes(), nil
}

// Open decrypts an encrypted backup: ErrWrongPassphrase when passphrase is
// not the one, a *FormatError when the file is not a whole age file.
func Open(sealed []byte, passphrase string) ([]byte, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, fmt.Errorf("decrypt backup: %w", err)
	}
	id.SetMaxWorkFactor(maxWorkFactor)
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return nil, ErrWrongPassphrase
	}
	if err != nil {
		return nil, invalid("The encrypted backup cannot be read (%v)", err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, invalid("The encrypted backup is damaged: %v", err)
	}
	if len(plain) > MaxInputSize {
		return nil, invalid("The encrypted backup holds more than %d bytes", MaxInputSize)
	}
	return plain, nil
}

// UseTestWorkFactor lowers the scrypt cost of new encrypted backups for the
// tests; it panics outside a test binary.
func UseTestWorkFactor() {
	if !testing.Testing() {
		panic("backup.UseTestWorkFactor called outside a test binary")
	}
	workFactor = 10
}

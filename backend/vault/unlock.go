package vault

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/session"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

var errWrongPassword = &Error{Code: WrongPassword, Message: "Wrong vault password"}

// keyringUser names this vault's session secret in the keyring: one entry
// per vault, so a new session replaces the old one.
func (v *Vault) keyringUser() string { return "session:" + v.vaultID }

// Bounds on the Argon2id parameters read from a file: the cost of any vault
// Forgiva writes is inside them, and a file asking for more (4 GiB × 64
// passes, or 2^32 KiB that ends in "out of memory") is refused before any
// work.
const (
	minKDFTime, maxKDFTime = 1, 64
	maxKDFMemKiB           = 4 * 1024 * 1024
)

// minKDFMemKiB is 8 MiB; test binaries lower it to testKDF's (UseTestKDF).
var minKDFMemKiB uint32 = 8 * 1024

func checkKDF(p store.KDF) error {
	if p.Time < minKDFTime || p.Time > maxKDFTime || p.MemoryKiB < minKDFMemKiB || p.MemoryKiB > maxKDFMemKiB || p.Threads < 1 {
		return newError(Tampered, nil, "This vault was changed outside Forgiva: its key derivation asks for "+
			"%d passes over %d KiB with %d threads, outside the bounds Forgiva writes (%d-%d passes, %d-%d KiB). "+
			"Restore a backup.", p.Time, p.MemoryKiB, p.Threads, minKDFTime, maxKDFTime, minKDFMemKiB, maxKDFMemKiB)
	}
	return nil
}

// openDataKey checks password against the stored wrapped key and returns the
// data key, the row's format and the password's key for the stored master
// key (WrongPassword if it does not open).
func (v *Vault) openDataKey(ctx context.Context, password []byte) (dataKey []byte, format int, pwKey []byte, err error) {
	if len(password) == 0 {
		return nil, 0, nil, about("password", invalidf("The vault password is required"))
	}
	var vk store.VaultKey
	if err := v.st.View(ctx, func(tx *store.Tx) (err error) { vk, err = tx.VaultKey(); return err }); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, 0, nil, newError(Corrupt, err, "The vault file has no key; it cannot be unlocked")
		}
		return nil, 0, nil, internal("read vault key", err)
	}
	if vk.Format != legacyKeyFormat && vk.Format != currentKeyFormat {
		return nil, 0, nil, newError(Tampered, nil, "This vault was changed outside Forgiva: its key has the unknown format %d. Restore a backup.", vk.Format)
	}
	if err := checkKDF(vk.KDF); err != nil {
		return nil, 0, nil, err
	}
	kek := deriveKEK(password, vk.Salt, vk.KDF)
	defer secret.Wipe(kek)
	dataKey, err = secret.Open(kek, vk.WrappedKey, vaultKeyAD(v.vaultID, vk))
	if err != nil {
		return nil, 0, nil, &Error{Code: WrongPassword, Message: errWrongPassword.Message, Field: "password", Err: err}
	}
	if pwKey, err = passwordKey(kek); err != nil {
		secret.Wipe(dataKey)
		return nil, 0, nil, internal("unlock", err)
	}
	return dataKey, vk.Format, pwKey, nil
}

// openKeys is openDataKey with the keys derived from the data key.
func (v *Vault) openKeys(ctx context.Context, password []byte) (*keys, int, error) {
	dataKey, format, pwKey, err := v.openDataKey(ctx, password)
	if err != nil {
		return nil, 0, err
	}
	k, err := newKeys(dataKey)
	if err != nil {
		secret.Wipe(dataKey)
		secret.Wipe(pwKey)
		return nil, 0, internal("derive keys", err)
	}
	k.pwKey = pwKey
	return k, format, nil
}

// Unlock opens the vault with its password. With rememberFor > 0 it also
// remembers the session in the OS keyring until then; a keyring that
// refuses leaves the vault unlocked and gives a NoKeyring error that says
// so. A schema-1 vault is upgraded first (see upgrade).
func (v *Vault) Unlock(ctx context.Context, password []byte, rememberFor time.Duration) error {
	k, format, err := v.openKeys(ctx, password)
	if err != nil {
		return err
	}
	if format == legacyKeyFormat {
		if k, err = v.upgrade(ctx, k, password); err != nil {
			return err
		}
	}
	if err := v.install(ctx, k); err != nil {
		return internal("unlock", err)
	}
	if rememberFor > 0 {
		if err := v.remember(ctx, k.dataKey, rememberFor); err != nil {
			return err
		}
	}
	return v.keepMasterKeyIfWanted(ctx, password)
}

// upgrade brings a schema-1 vault to integrity checks, in one transaction:
// a new data key for every value (so the schema-1 key row, put back into
// the file, opens nothing written since), a tag on every row, the seal, and
// the key row in the current format. Remembered sessions end with the old
// key. Its rows have no tags to check: they are taken as they are, once.
func (v *Vault) upgrade(ctx context.Context, old *keys, password []byte) (*keys, error) {
	defer old.wipe()
	k, err := v.rotate(ctx, old, legacyKeyFormat, password)
	if err != nil {
		return nil, internal("upgrade the vault to integrity checks", err)
	}
	return k, nil
}

// Remember keeps the unlocked vault's session in the OS keyring for d, as
// Unlock with rememberFor does, without deriving the password's key again
// (a vault just created is unlocked already).
func (v *Vault) Remember(ctx context.Context, d time.Duration) error {
	var dataKey []byte
	err := v.read(ctx, func(k *keys, _ *index) error { dataKey = bytes.Clone(k.dataKey); return nil })
	if err != nil {
		return err
	}
	defer secret.Wipe(dataKey)
	return v.remember(ctx, dataKey, d)
}

// remember wraps the data key under a fresh secret, puts the secret in the
// keyring and the wrap (bound to its expiry) in the file.
func (v *Vault) remember(ctx context.Context, dataKey []byte, d time.Duration) error {
	sessionSecret := secret.NewKey()
	defer secret.Wipe(sessionSecret)
	now := v.now().UTC()
	s := store.Session{ID: hex.EncodeToString(secret.Random(16)), ExpiresAt: now.Add(d), CreatedAt: now}
	wrapped, err := secret.Seal(sessionSecret, dataKey, sessionAD(v.vaultID, s))
	if err != nil {
		return internal("remember session", err)
	}
	s.WrappedKey = wrapped
	if err := v.sessions.Put(v.keyringUser(), sessionSecret); err != nil {
		return newError(NoKeyring, err, "The vault is open, but it will not be remembered: the OS keyring refused "+
			"to keep the session (it is locked, its prompt was dismissed, or there is none). "+
			"You will be asked for the vault password next time.")
	}
	_, err = v.st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteSessions(); err != nil {
			return err
		}
		return tx.PutSession(s)
	})
	if err != nil {
		_ = v.sessions.Forget(v.keyringUser())
		return internal("remember session", err)
	}
	return nil
}

// UnlockFromSession unlocks with the session remembered in the OS keyring.
// Without one (none, expired, keyring missing) it fails with Code Locked and
// a message saying which.
func (v *Vault) UnlockFromSession(ctx context.Context) error {
	var sessions []store.Session
	if err := v.st.View(ctx, func(tx *store.Tx) (err error) { sessions, err = tx.Sessions(); return err }); err != nil {
		return internal("read session", err)
	}
	if len(sessions) == 0 {
		return newError(Locked, nil, "No session is remembered: enter the vault password")
	}
	var vk store.VaultKey
	if err := v.st.View(ctx, func(tx *store.Tx) (err error) { vk, err = tx.VaultKey(); return err }); err != nil {
		return internal("read vault key", err)
	}
	if vk.Format == legacyKeyFormat { // upgrade needs the password, which a session does not hold
		v.forgetSessions(ctx)
		return newError(Locked, nil, "This vault gets integrity checks with this version: enter the vault password once to upgrade it")
	}
	s := sessions[0]
	if !v.now().Before(s.ExpiresAt) {
		v.forgetSessions(ctx)
		return newError(Locked, nil, "The remembered session expired at %s: enter the vault password",
			s.ExpiresAt.Local().Format("2006-01-02 15:04"))
	}
	sessionSecret, err := v.sessions.Fetch(v.keyringUser())
	switch {
	case errors.Is(err, session.ErrUnavailable):
		v.setNotice()
		return newError(Locked, err, "No OS keyring is available to hold a remembered session: enter the vault password")
	case err != nil:
		return newError(Locked, err, "The remembered session is no longer in the OS keyring: enter the vault password")
	}
	defer secret.Wipe(sessionSecret)
	dataKey, err := secret.Open(sessionSecret, s.WrappedKey, sessionAD(v.vaultID, s))
	if err != nil {
		v.forgetSessions(ctx)
		return newError(Locked, err, "The remembered session is not valid any more: enter the vault password")
	}
	k, err := newKeys(dataKey)
	if err != nil {
		secret.Wipe(dataKey)
		return internal("unlock from session", err)
	}
	return internal("unlock from session", v.install(ctx, k))
}

// Lock forgets the keys, the decrypted index and the remembered session.
func (v *Vault) Lock(ctx context.Context) error {
	v.forgetKeys()
	return v.forgetSessions(ctx)
}

// forgetSessions deletes the wraps from the file and the secret from the
// keyring. The wraps go first: without them a leftover keyring secret opens
// nothing, so a keyring that cannot be reached is not an error here.
func (v *Vault) forgetSessions(ctx context.Context) error {
	_, err := v.st.Update(ctx, func(tx *store.Tx) error { return tx.DeleteSessions() })
	if err != nil {
		return internal("forget session", err)
	}
	_ = v.sessions.Forget(v.keyringUser())
	return nil
}

// ChangePassword makes a new data key, re-encrypts and re-tags every value
// under it and wraps it under the new password (fresh salt, current Argon2id
// parameters), all in one transaction, and ends every remembered session.
// The old key row, put back into the file with the old password, opens
// nothing written since. It works locked or unlocked and leaves that state
// as it was.
func (v *Vault) ChangePassword(ctx context.Context, oldPassword, newPassword []byte) error {
	if err := checkPasswordStrength(v.est, newPassword, v.ownWords(ctx)); err != nil {
		return about("newPassword", err)
	}
	if bytes.Equal(oldPassword, newPassword) {
		return about("newPassword", invalidf("The new vault password is the same as the current one"))
	}
	old, format, err := v.openKeys(ctx, oldPassword)
	if err != nil {
		return about("oldPassword", err)
	}
	defer old.wipe()
	if format == currentKeyFormat { // a schema-1 file is checked by nothing yet
		if err := v.st.View(ctx, func(tx *store.Tx) error { _, err := loadIndex(tx, old); return err }); err != nil {
			return internal("change password", err)
		}
	}
	k, err := v.rotate(ctx, old, format, newPassword)
	if err != nil {
		return internal("change password", err)
	}
	if v.IsUnlocked() {
		return internal("change password", v.install(ctx, k))
	}
	k.wipe()
	return nil
}

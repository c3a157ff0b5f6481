package vault

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"

	"golang.org/x/crypto/argon2"

	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// kdfParams is the Argon2id cost for new or changed vault passwords: about
// half a second on a 2-core machine of 2025, 64 MiB. Tests lower it (a
// test-only seam); the parameters used are stored with the wrapped key, so a
// vault keeps opening whatever this is later.
var kdfParams = store.KDF{Time: 8, MemoryKiB: 64 * 1024, Threads: 2}

const saltSize = 16

// Additional data that binds each ciphertext to its place: a wrapped key to
// its vault or session, a field to its table, column and row.
const adPrefix = "forgiva-desktop/v1/"

// Formats of the vault_key row. Format 1 (schema 1) bound the wrap to the
// vault only; format 2 binds its format and KDF parameters too, so neither
// can be changed in the file without the wrap failing, and it comes with
// tagged rows (integrity.go).
const (
	legacyKeyFormat  = 1
	currentKeyFormat = 2
)

// vaultKeyAD binds the wrapped data key to its vault and, from format 2 on,
// to every other column of its row.
func vaultKeyAD(vaultID string, vk store.VaultKey) string {
	if vk.Format == legacyKeyFormat {
		return adPrefix + "vault_key/" + vaultID
	}
	return fmt.Sprintf("forgiva-desktop/v%d/vault_key/%s/argon2id/%d/%d/%d/%x/%d", vk.Format, vaultID,
		vk.KDF.Time, vk.KDF.MemoryKiB, vk.KDF.Threads, vk.Salt, vk.ChangedAt.UnixMicro())
}

// sessionAD binds a session's wrap to every column of its row, expiry
// included, so a session cannot be made to last longer.
func sessionAD(vaultID string, s store.Session) string {
	return adPrefix + "session/" + vaultID + "/" + s.ID + "/" + strconv.FormatInt(s.ExpiresAt.UnixMicro(), 10) +
		"/" + strconv.FormatInt(s.CreatedAt.UnixMicro(), 10)
}

func fieldAD(table, column string, id int64) string {
	return adPrefix + table + "/" + column + "/" + strconv.FormatInt(id, 10)
}

func settingAD(key string) string { return adPrefix + "settings/" + key }

// deriveKEK stretches the vault password into the key that wraps the data key.
func deriveKEK(password, salt []byte, p store.KDF) []byte {
	return argon2.IDKey(password, salt, p.Time, p.MemoryKiB, p.Threads, secret.KeySize)
}

// keys holds what an unlocked vault needs: the data key and the two keys
// derived from it (one per purpose, so a MAC key is never an encryption key).
type keys struct {
	dataKey []byte
	fields  *secret.Box
	macKey  []byte
	tagKey  []byte // row tags and the seal (integrity.go)
	// pwKey wraps the stored master key (masterkey_use_ignored). It comes
	// from the vault password's Argon2id key, not the data key, so it is
	// there only after an unlock with the password: a remembered session
	// alone never yields the master key.
	pwKey []byte
}

// passwordKey derives pwKey from the key the vault password stretches to.
func passwordKey(kek []byte) ([]byte, error) {
	k, err := hkdf.Key(sha256.New, kek, nil, "forgiva-desktop stored master key v2", secret.KeySize)
	if err != nil {
		return nil, fmt.Errorf("derive the stored master key's key: %w", err)
	}
	return k, nil
}

func newKeys(dataKey []byte) (*keys, error) {
	fieldKey, err := hkdf.Key(sha256.New, dataKey, nil, "forgiva-desktop fields v1", secret.KeySize)
	if err != nil {
		return nil, fmt.Errorf("derive field key: %w", err)
	}
	defer secret.Wipe(fieldKey)
	box, err := secret.NewBox(fieldKey)
	if err != nil {
		return nil, err
	}
	macKey, err := hkdf.Key(sha256.New, dataKey, nil, "forgiva-desktop group names v1", secret.KeySize)
	if err != nil {
		return nil, fmt.Errorf("derive name key: %w", err)
	}
	tagKey, err := hkdf.Key(sha256.New, dataKey, nil, "forgiva-desktop row tags v2", secret.KeySize)
	if err != nil {
		return nil, fmt.Errorf("derive tag key: %w", err)
	}
	return &keys{dataKey: dataKey, fields: box, macKey: macKey, tagKey: tagKey}, nil
}

// wipe zeroes the raw keys. The AES key schedule inside the Box cannot be
// reached; dropping the Box leaves it to the garbage collector.
func (k *keys) wipe() {
	secret.Wipe(k.dataKey)
	secret.Wipe(k.macKey)
	secret.Wipe(k.tagKey)
	secret.Wipe(k.pwKey)
	k.fields = nil
}

func (k *keys) seal(plain, table, column string, id int64) []byte {
	return k.fields.Seal([]byte(plain), fieldAD(table, column, id))
}

func (k *keys) open(sealed []byte, table, column string, id int64) (string, error) {
	plain, err := k.fields.Open(sealed, fieldAD(table, column, id))
	if err != nil {
		return "", fmt.Errorf("decrypt %s.%s of row %d: %w", table, column, id, err)
	}
	return string(plain), nil
}

// nameMAC identifies a group name among its siblings, case-insensitively,
// without revealing it: the store's unique index works on this value.
func (k *keys) nameMAC(parentID int64, name string) []byte {
	mac := hmac.New(sha256.New, k.macKey)
	var parent [8]byte
	binary.BigEndian.PutUint64(parent[:], uint64(parentID))
	mac.Write(parent[:])
	mac.Write([]byte(fold(name)))
	return mac.Sum(nil)
}

package vault

import (
	"context"

	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/secret"

	"github.com/forgiva/forgiva-desktop/backend/store"
)

type storeTx = store.Tx

// bulkEntries inserts perGroup entries into each group inside one
// transaction (tests and benchmarks only; one commit instead of thousands).
func bulkEntries(tx *store.Tx, k *keys, v *Vault, groups []int64, perGroup int, tag string) (func(*index), error) {
	var added []Entry
	now := v.now()
	for _, g := range groups {
		for i := 0; i < perGroup; i++ {
			id, err := tx.NextEntryID()
			if err != nil {
				return nil, err
			}
			e := Entry{ID: id, GroupID: g, Host: fmt.Sprintf("host-%s-%d-%d.example", tag, g, i),
				Account: fmt.Sprintf("user%d@%s", i, tag), Complexity: 1, Length: 16,
				Classes: forgiva.Classes{Lowercase: true, Uppercase: true, Numbers: true}, CreatedAt: now, UpdatedAt: now}
			if err := tx.InsertEntry(encryptEntry(k, e)); err != nil {
				return nil, err
			}
			added = append(added, e)
		}
	}
	return func(ix *index) {
		for _, e := range added {
			ix.putEntry(e)
		}
	}, nil
}

func (v *Vault) storedKey(ctx context.Context) (vk store.VaultKey, err error) {
	err = v.st.View(ctx, func(tx *store.Tx) error { vk, err = tx.VaultKey(); return err })
	return vk, err
}

func deriveAndOpen(password []byte, vk store.VaultKey, p store.KDF, vaultID string) ([]byte, error) {
	kek := deriveKEK(password, vk.Salt, p)
	return secret.Open(kek, vk.WrappedKey, vaultKeyAD(vaultID, vk))
}

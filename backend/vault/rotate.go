package vault

import (
	"context"

	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// rotate makes a new data key and, in one transaction, re-encrypts every
// value of the file from old to it, tags every row, seals them, wraps the
// new key under password and deletes every remembered session. It returns
// the new keys; the caller wipes old.
func (v *Vault) rotate(ctx context.Context, old *keys, oldFormat int, password []byte) (*keys, error) {
	dataKey := secret.NewKey()
	vk, pwKey, err := wrapDataKey(dataKey, password, v.vaultID, v.now())
	if err != nil {
		secret.Wipe(dataKey)
		return nil, err
	}
	k, err := newKeys(dataKey)
	if err != nil {
		secret.Wipe(dataKey)
		secret.Wipe(pwKey)
		return nil, err
	}
	k.pwKey = pwKey
	v.writeMu.Lock()
	_, err = v.st.Update(ctx, func(tx *store.Tx) error {
		if err := rekey(tx, old, oldFormat, k); err != nil {
			return err
		}
		if err := reseal(tx, k); err != nil {
			return err
		}
		if err := tx.PutVaultKey(vk); err != nil {
			return err
		}
		return tx.DeleteSessions()
	})
	v.writeMu.Unlock()
	if err != nil {
		k.wipe()
		return nil, err
	}
	_ = v.sessions.Forget(v.keyringUser())
	return k, nil
}

// rekey rewrites every encrypted value and tag of the file: read under
// from, written under to. Rows are read whole before they are rewritten.
func rekey(tx *store.Tx, from *keys, fromFormat int, to *keys) error {
	groups, err := tx.Groups()
	if err != nil {
		return err
	}
	for _, row := range groups {
		g, err := decryptGroup(from, row)
		if err != nil {
			return err
		}
		if err := tx.UpdateGroup(to.groupRow(to.sealGroup(row, g.Name, g.Description))); err != nil {
			return err
		}
	}
	var entries []Entry
	err = tx.Entries(func(row store.Entry) error {
		e, err := decryptEntry(from, row)
		entries = append(entries, e)
		return err
	})
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := tx.UpdateEntry(encryptEntry(to, e)); err != nil {
			return err
		}
	}
	var renewals []store.Renewal
	if err := tx.AllRenewals(func(r store.Renewal) error { renewals = append(renewals, r); return nil }); err != nil {
		return err
	}
	for _, r := range renewals {
		date, err := from.open(r.Renewal, "renewals", "renewal", r.ID)
		if err != nil {
			return err
		}
		r.Renewal = to.seal(date, "renewals", "renewal", r.ID)
		if err := tx.UpdateRenewal(to.renewalRow(r)); err != nil {
			return err
		}
	}
	return rekeySettings(tx, from, fromFormat, to)
}

func rekeySettings(tx *store.Tx, from *keys, fromFormat int, to *keys) error {
	settings, err := tx.Settings()
	if err != nil {
		return err
	}
	for key, s := range settings {
		value := s.Value
		if sealedSetting(key) {
			plain, err := openSetting(from, key, value, fromFormat)
			if err != nil {
				return err
			}
			value, err = sealSetting(to, key, plain)
			secret.Wipe(plain)
			if err != nil {
				return err
			}
		}
		if err := tx.PutSetting(to.settingRow(key, value)); err != nil {
			return err
		}
	}
	return nil
}

// sealedSetting says whether a stored setting is encrypted: the secret
// settings of the schema and the stored master key.
func sealedSetting(key string) bool { return key == storedMasterKey || IsSecretSetting(key) }

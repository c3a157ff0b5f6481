package vault

import (
	"context"
	"encoding/hex"
	"errors"
	"slices"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// GenerateRequest asks for the password of a stored entry. MasterKey may be
// empty when masterkey_use_ignored is on (the stored vault password is
// used). Renewal, when set, is the entry's new renewal date: the password is
// generated with it and, on success, it is recorded.
type GenerateRequest struct {
	EntryID   int64
	MasterKey []byte
	Animal    forgiva.Animal
	Renewal   *string // nil = keep
	// Previous asks for the password before the current renewal (what a
	// site's change-password form calls the current one), recording
	// nothing; Renewal must be nil.
	Previous bool
}

// Generate regenerates the password of an entry with the vault's compat
// mode, signature or enterprise salt, and the entry's policy. It can be
// cancelled through ctx and reports progress. Only after the engine
// succeeded does it record, in one transaction, the renewal (if any) and
// "generated before". The caller wipes the password.
func (v *Vault) Generate(ctx context.Context, req GenerateRequest, progress forgiva.Progress) (*forgiva.Password, error) {
	if req.Renewal != nil {
		if err := checkExact("Renewal date", *req.Renewal); err != nil {
			return nil, err
		}
	}
	if req.Previous {
		if req.Renewal != nil {
			return nil, invalidf("Ask for the previous password or for a renewal, not both")
		}
		previous, err := v.PreviousRenewal(ctx, req.EntryID)
		if err != nil {
			return nil, err
		}
		req.Renewal = &previous
	}
	in, entry, err := v.engineInput(ctx, req)
	if err != nil {
		return nil, err
	}
	defer in.Wipe()
	password, err := forgiva.Generate(ctx, in, req.Animal, progress)
	if err != nil {
		return nil, engineError(err)
	}
	if req.Previous {
		return password, nil
	}
	if err := v.recordGeneration(ctx, entry, req.Renewal); err != nil {
		password.Wipe()
		return nil, err
	}
	return password, nil
}

// PreviousRenewal is the renewal date before the entry's current one, ""
// when the earlier state had none ("never"). An entry never renewed has no
// earlier password; nor has one whose history is unknown (a renewal date
// that came with an import).
func (v *Vault) PreviousRenewal(ctx context.Context, id int64) (string, error) {
	states, err := v.RenewalStates(ctx, id)
	if err != nil {
		return "", err
	}
	if len(states) < 2 {
		if states[0] != "" {
			return "", newError(NotFound, nil, "The renewal before %s of entry %d is not known (it came with an import): no earlier password", states[0], id)
		}
		return "", newError(NotFound, nil, "Entry %d was never renewed: it has no earlier password", id)
	}
	return states[len(states)-2], nil
}

// RenewalStates lists the states an entry's password has had, oldest
// first, the current one last: "" (never renewed), then each renewal date
// recorded. Each gives the password of that time (PrepareRequest.AsOf).
// A date that came with an import and was never renewed here is a state
// of its own: what came before it is not known.
func (v *Vault) RenewalStates(ctx context.Context, id int64) ([]string, error) {
	e, err := v.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	current := ""
	if e.LastRenewal != nil {
		current = *e.LastRenewal
	}
	if n := len(e.Renewals); current == "" || n == 0 || e.Renewals[n-1].Date != current {
		return []string{current}, nil // no history that leads here
	}
	states := []string{""}
	for _, r := range e.Renewals {
		states = append(states, r.Date)
	}
	return states, nil
}

// checkPastState refuses a state the entry never had, so that "an earlier
// password" is one the user had.
func (v *Vault) checkPastState(ctx context.Context, id int64, state string) error {
	states, err := v.RenewalStates(ctx, id)
	if err != nil {
		return err
	}
	if !slices.Contains(states, state) {
		return about("asOf", newError(Invalid, nil, "Entry %d never had the renewal date %q", id, state))
	}
	return nil
}

// Params is what the engine takes from the entry: its metadata, with its
// last renewal ("" when it has none).
func (e Entry) Params() forgiva.Params {
	p := forgiva.Params{Host: e.Host, Account: e.Account, Complexity: e.Complexity, Length: e.Length,
		Classes: e.Classes}
	if e.LastRenewal != nil {
		p.Renewal = *e.LastRenewal
	}
	return p
}

// engineInput snapshots the entry and settings and builds the engine input
// for the vault's compat mode.
func (v *Vault) engineInput(ctx context.Context, req GenerateRequest) (forgiva.Input, Entry, error) {
	var entry Entry
	var k *keys
	err := v.read(ctx, func(keys *keys, ix *index) error {
		r, ok := ix.entries[req.EntryID]
		if !ok {
			return entryMissing(req.EntryID)
		}
		entry, k = r.out(), keys
		return nil
	})
	if err != nil {
		return forgiva.Input{}, Entry{}, err
	}
	stored, err := v.storedSettings(ctx)
	if err != nil {
		return forgiva.Input{}, Entry{}, err
	}
	settings := parseSettings(settingValues(stored))
	masterKey := req.MasterKey
	if len(masterKey) == 0 {
		if masterKey, err = v.fallbackMasterKey(k, stored, settings); err != nil {
			return forgiva.Input{}, Entry{}, err
		}
		defer secret.Wipe(masterKey)
	}
	params := entry.Params()
	if req.Renewal != nil {
		params.Renewal = *req.Renewal
	}
	if settings.CompatMode == CompatEnterprise {
		salt, err := hex.DecodeString(settings.EnterpriseSalt)
		if err != nil {
			return forgiva.Input{}, Entry{}, newError(Invalid, err, "The enterprise_salt setting is not valid hexadecimal")
		}
		return forgiva.EnterpriseInput(params, masterKey, salt), entry, nil
	}
	signature, err := secretSetting(k, stored, "signature")
	if err != nil {
		return forgiva.Input{}, Entry{}, internal("read signature", err)
	}
	defer secret.Wipe(signature)
	return forgiva.ForgivaInput(params, masterKey, signature), entry, nil
}

func (v *Vault) fallbackMasterKey(k *keys, stored map[string][]byte, settings Settings) ([]byte, error) {
	if !settings.MasterkeyUseIgnored {
		return nil, invalidf("The master key is required")
	}
	key, err := secretSetting(k, stored, storedMasterKey)
	if errors.Is(err, errNeedsPassword) {
		return nil, err
	}
	if err != nil {
		return nil, internal("read stored master key", err)
	}
	if key == nil {
		return nil, invalidf("The vault password is not stored as master key yet: " +
			"lock the vault and unlock it with its password once, or enter the master key")
	}
	return key, nil
}

func engineError(err error) error {
	var inputErr *forgiva.InputError
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: Canceled, Message: "Password generation was cancelled", Err: err}
	case errors.As(err, &inputErr):
		return &Error{Code: Invalid, Message: inputErr.Error(), Err: err}
	}
	return internal("generate", err)
}

// recordGeneration marks the entry "generated before" and records the
// renewal, unless the entry changed while the engine ran (then the password
// would belong to data that no longer exists).
func (v *Vault) recordGeneration(ctx context.Context, entry Entry, renewal *string) error {
	if entry.GeneratedBefore && renewal == nil {
		return nil
	}
	return v.write(ctx, "record generation", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		current, ok := ix.entries[entry.ID]
		if !ok {
			return nil, newError(NotFound, nil, "Entry %d was removed while its password was being generated", entry.ID)
		}
		if !current.entry.UpdatedAt.Equal(entry.UpdatedAt) || !samePassword(current.entry, entry) {
			return nil, newError(Conflict, nil, "Entry %d changed while its password was being generated: generate it again", entry.ID)
		}
		updated := current.out()
		updated.GeneratedBefore = true
		updated.UpdatedAt = v.now()
		if renewal != nil {
			if err := recordRenewal(tx, k, current.entry, *renewal, updated.UpdatedAt); err != nil {
				return nil, err
			}
			date := *renewal
			updated.LastRenewal = &date
		}
		if err := tx.UpdateEntry(encryptEntry(k, updated)); err != nil {
			return nil, err
		}
		return func(ix *index) { ix.putEntry(updated) }, nil
	})
}

// recordRenewal adds date to the entry's renewal history. An entry whose
// current date has no history (it came with an import) gets that date
// recorded first, so the password before this renewal can still be made.
func recordRenewal(tx *store.Tx, k *keys, e Entry, date string, at time.Time) error {
	dates := []string{date}
	if e.LastRenewal != nil {
		history, err := tx.Renewals(e.ID)
		if err != nil {
			return err
		}
		if len(history) == 0 {
			dates = []string{*e.LastRenewal, date}
		}
	}
	for i, d := range dates {
		id, err := tx.NextRenewalID()
		if err != nil {
			return err
		}
		// The earlier date is recorded a microsecond before, to keep the order.
		when := at.Add(time.Duration(i-len(dates)+1) * time.Microsecond)
		err = tx.InsertRenewal(k.renewalRow(store.Renewal{ID: id, EntryID: e.ID,
			Renewal: k.seal(d, "renewals", "renewal", id), RenewedAt: when}))
		if err != nil {
			return err
		}
	}
	return nil
}

// keepMasterKeyIfWanted stores the vault password, encrypted, as master key
// when masterkey_use_ignored is on and none is stored yet. The stored key is
// a snapshot: changing the vault password later does not change generated
// passwords.
func (v *Vault) keepMasterKeyIfWanted(ctx context.Context, password []byte) error {
	stored, err := v.storedSettings(ctx)
	if err != nil {
		return err
	}
	if !parseSettings(settingValues(stored)).MasterkeyUseIgnored || stored[storedMasterKey] != nil {
		return nil
	}
	return v.write(ctx, "store master key", func(tx *store.Tx, k *keys, _ *index) (func(*index), error) {
		sealed, err := sealSetting(k, storedMasterKey, password)
		if err != nil {
			return nil, err
		}
		return putSetting(tx, k.settingRow(storedMasterKey, sealed))
	})
}

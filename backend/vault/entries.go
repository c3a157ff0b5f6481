package vault

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// Entry is the metadata of one login (Forgiva's "metadata"). Host, Account
// and LastRenewal feed the password and are kept byte-exact. The JSON names
// are those the app and the frontend use.
type Entry struct {
	ID              int64     `json:"id"`
	GroupID         int64     `json:"groupId"`
	Host            string    `json:"host"`
	Account         string    `json:"account"`
	LastRenewal     *string   `json:"lastRenewal"` // nil = none
	Complexity      int       `json:"complexity"`
	Length          int       `json:"length"`
	forgiva.Classes           // lowercase, uppercase, numbers, symbols: flat in JSON
	GeneratedBefore bool      `json:"generatedBefore"`
	CreatedAt       time.Time `json:"createdAt"`
	UpdatedAt       time.Time `json:"updatedAt"`
	Renewals        []Renewal `json:"renewals,omitempty"` // only filled by Entry(ctx, id)
	Typing

	trashedAt time.Time // when it went to the Trash itself; zero = not by itself
}

// Renewal is one recorded renewal: the date string given and when.
type Renewal struct {
	Date string    `json:"date"`
	At   time.Time `json:"at"`
}

// Typing is how a quick generation types an entry into the window the user
// came from.
type Typing struct {
	// TypeSequence is the keystrokes with placeholders ({USERNAME}, {TAB},
	// {PASSWORD}, {ENTER}); "" means the password alone.
	TypeSequence string `json:"typeSequence"`
	// TypeConfirm asks to confirm the window before typing into it.
	TypeConfirm bool `json:"typeConfirm"`
}

// EntryInput is what a user sets on an entry.
type EntryInput struct {
	GroupID         int64  `json:"groupId"`
	Host            string `json:"host"`
	Account         string `json:"account"`
	Complexity      int    `json:"complexity"`
	Length          int    `json:"length"`
	forgiva.Classes        // lowercase, uppercase, numbers, symbols: flat in JSON
	Typing                 // typeSequence, typeConfirm
}

// Limits of the listing calls.
const (
	defaultPageSize = 100
	maxPageSize     = 1000
)

func decryptEntry(k *keys, row store.Entry) (Entry, error) {
	host, err := k.open(row.Host, "entries", "host", row.ID)
	if err != nil {
		return Entry{}, err
	}
	account, err := k.open(row.Account, "entries", "account", row.ID)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{ID: row.ID, GroupID: row.GroupID, Host: host, Account: account,
		Complexity: row.Complexity, Length: row.Length,
		Classes:         row.Classes,
		GeneratedBefore: row.GeneratedBefore, CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt,
		trashedAt: row.TrashedAt}
	e.TypeConfirm = row.TypeConfirm
	if row.TypeSequence != nil {
		if e.TypeSequence, err = k.open(row.TypeSequence, "entries", "type_sequence", row.ID); err != nil {
			return Entry{}, err
		}
	}
	if row.LastRenewal != nil {
		renewal, err := k.open(row.LastRenewal, "entries", "last_renewal", row.ID)
		if err != nil {
			return Entry{}, err
		}
		e.LastRenewal = &renewal
	}
	return e, nil
}

func encryptEntry(k *keys, e Entry) store.Entry {
	row := store.Entry{ID: e.ID, GroupID: e.GroupID,
		Host:       k.seal(e.Host, "entries", "host", e.ID),
		Account:    k.seal(e.Account, "entries", "account", e.ID),
		Complexity: e.Complexity, Length: e.Length,
		Classes: e.Classes, GeneratedBefore: e.GeneratedBefore, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt,
		TrashedAt: e.trashedAt, TypeConfirm: e.TypeConfirm}
	if e.TypeSequence != "" {
		row.TypeSequence = k.seal(e.TypeSequence, "entries", "type_sequence", e.ID)
	}
	if e.LastRenewal != nil {
		row.LastRenewal = k.seal(*e.LastRenewal, "entries", "last_renewal", e.ID)
	}
	row.Tag = k.entryTag(row)
	return row
}

func (e *Entry) setInput(in EntryInput) {
	e.GroupID, e.Host, e.Account = in.GroupID, in.Host, in.Account
	e.Complexity, e.Length = in.Complexity, in.Length
	e.Classes = in.Classes
	e.Typing = in.Typing
}

// samePassword reports whether two entries give the same password (the
// group does not take part).
func samePassword(a, b Entry) bool {
	return a.Host == b.Host && a.Account == b.Account && a.Complexity == b.Complexity && a.Length == b.Length &&
		a.Classes == b.Classes
}

func groupMissing(id int64) error {
	return about("groupId", newError(NotFound, nil, "Group %d does not exist", id))
}

// noDuplicate refuses a second entry with the same host and account in a
// group: it would give the same password, and nobody could tell them apart.
func noDuplicate(ix *index, in EntryInput, except int64) error {
	if other, ok := ix.duplicate(in.GroupID, in.Host, in.Account, except); ok {
		return about("host", newError(Conflict, nil, "This group already has an entry for host '%s' and account '%s' (entry %d)",
			other.Host, other.Account, other.ID))
	}
	return nil
}

func entryMissing(id int64) error {
	return newError(NotFound, nil, "Entry %d does not exist", id)
}

// AddEntry adds an entry to a group. Host and account lose the white space
// around them (it would give another password than the site's name, and
// nobody sees it); the entry returned shows what was stored. An entry with
// the same host and account in the group is refused.
func (v *Vault) AddEntry(ctx context.Context, in EntryInput) (Entry, error) {
	in.Host, in.Account = strings.TrimSpace(in.Host), strings.TrimSpace(in.Account)
	if err := in.validate(); err != nil {
		return Entry{}, err
	}
	var added Entry
	err := v.write(ctx, "add entry", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		if _, ok := ix.groups[in.GroupID]; !ok {
			return nil, groupMissing(in.GroupID)
		}
		if err := noDuplicate(ix, in, 0); err != nil {
			return nil, err
		}
		id, err := tx.NextEntryID()
		if err != nil {
			return nil, err
		}
		now := v.now()
		added = Entry{ID: id, CreatedAt: now, UpdatedAt: now}
		added.setInput(in)
		if err := tx.InsertEntry(encryptEntry(k, added)); err != nil {
			return nil, err
		}
		return func(ix *index) { ix.putEntry(added) }, nil
	})
	return added, err
}

// UpdateEntry sets the fields of an entry: move it, rename it, change its
// policy. Its renewal history stays; "generated before" is cleared when the
// change gives it a different password.
//
// A host or account given as it is stored is kept byte for byte (an
// imported " host" keeps its password); a changed one is trimmed as in
// AddEntry.
func (v *Vault) UpdateEntry(ctx context.Context, id int64, in EntryInput) (Entry, error) {
	var updated Entry
	err := v.write(ctx, "update entry", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		current, ok := ix.entries[id]
		if !ok {
			return nil, entryMissing(id)
		}
		if in.Host != current.entry.Host {
			in.Host = strings.TrimSpace(in.Host)
		}
		if in.Account != current.entry.Account {
			in.Account = strings.TrimSpace(in.Account)
		}
		if err := in.validate(); err != nil {
			return nil, err
		}
		if _, ok := ix.groups[in.GroupID]; !ok {
			return nil, groupMissing(in.GroupID)
		}
		if err := noDuplicate(ix, in, id); err != nil {
			return nil, err
		}
		updated = current.out()
		updated.setInput(in)
		updated.UpdatedAt = v.now()
		if !samePassword(updated, current.entry) {
			updated.GeneratedBefore = false
		}
		if err := tx.UpdateEntry(encryptEntry(k, updated)); err != nil {
			return nil, err
		}
		return func(ix *index) { ix.putEntry(updated) }, nil
	})
	return updated, err
}

// Entry returns one entry with its renewal history, oldest first.
func (v *Vault) Entry(ctx context.Context, id int64) (Entry, error) {
	var e Entry
	var k *keys
	err := v.read(ctx, func(keys *keys, ix *index) error {
		r, ok := ix.entries[id]
		if !ok {
			return entryMissing(id)
		}
		e, k = r.out(), keys
		return nil
	})
	if err != nil {
		return Entry{}, err
	}
	err = v.st.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.Renewals(id)
		if err != nil {
			return err
		}
		e.Renewals = make([]Renewal, 0, len(rows))
		c := &checker{k: k} // read here, not from the checked index
		for _, row := range rows {
			if c.row(store.TableRenewals, row.ID, row.Tag, k.renewalTag(row)); len(c.problems) > 0 {
				return tamperedError(c.problems)
			}
			date, err := k.open(row.Renewal, "renewals", "renewal", row.ID)
			if err != nil {
				return err
			}
			e.Renewals = append(e.Renewals, Renewal{Date: date, At: row.RenewedAt})
		}
		return nil
	})
	return e, internal("read renewals", err)
}

// EntriesByGroup returns entries [start, start+count) of a group, sorted by
// host then account case-insensitively, and the group's total. count <= 0
// means 100.
func (v *Vault) EntriesByGroup(ctx context.Context, groupID int64, start, count int) ([]Entry, int, error) {
	if start < 0 {
		return nil, 0, invalidf("Start must not be negative (got %d)", start)
	}
	if count <= 0 {
		count = defaultPageSize
	}
	count = min(count, maxPageSize)
	var page []Entry
	var total int
	err := v.read(ctx, func(_ *keys, ix *index) error {
		if _, ok := ix.groups[groupID]; !ok {
			return groupMissing(groupID)
		}
		page, total = ix.page(groupID, start, count)
		return nil
	})
	return page, total, err
}

// Hosts lists the distinct hosts that contain filter, case-insensitively
// ("" = all), sorted case-insensitively.
func (v *Vault) Hosts(ctx context.Context, filter string) ([]string, error) {
	if len(filter) > maxFieldBytes {
		return nil, invalidf("The filter is too long (at most %d bytes)", maxFieldBytes)
	}
	var hosts []string
	err := v.read(ctx, func(_ *keys, ix *index) error { hosts = ix.hosts(filter); return nil })
	return hosts, err
}

// Search finds every entry whose host, account or group name contains text,
// case-insensitively and literally, ranked: the host itself first, then a
// field or group that starts with the text, then one that contains it.
// Empty text finds nothing.
func (v *Vault) Search(ctx context.Context, text string) ([]Entry, error) {
	hits, _, err := v.SearchPage(ctx, text, 0, math.MaxInt)
	return hits, err
}

// SearchPage is Search's matches [start, start+count) and their total, as
// EntriesByGroup pages a group. count <= 0 means 100.
func (v *Vault) SearchPage(ctx context.Context, text string, start, count int) ([]Entry, int, error) {
	if len(text) > maxFieldBytes {
		return nil, 0, invalidf("The search text is too long (at most %d bytes)", maxFieldBytes)
	}
	if start < 0 {
		return nil, 0, invalidf("Start must not be negative (got %d)", start)
	}
	if count <= 0 {
		count = defaultPageSize
	}
	hits := []Entry{}
	total := 0
	err := v.read(ctx, func(_ *keys, ix *index) error {
		if text == "" {
			return nil
		}
		all := ix.search(text)
		total = len(all)
		if start < total {
			hits = all[start : start+min(count, total-start)]
		}
		return nil
	})
	return hits, total, err
}

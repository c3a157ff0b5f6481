package store

import (
	"database/sql"
	"errors"
	"fmt"
)

const entryColumns = `id, group_id, host, account, last_renewal, complexity, length,
	lowercase, uppercase, numbers, symbols, generated_before, created_at, updated_at, tag, trashed_at,
	type_sequence, type_confirm`

func scanEntry(scan func(...any) error) (Entry, error) {
	var e Entry
	var created, updated int64
	var trashed sql.NullInt64
	err := scan(&e.ID, &e.GroupID, &e.Host, &e.Account, &e.LastRenewal, &e.Complexity, &e.Length,
		&e.Classes.Lowercase, &e.Classes.Uppercase, &e.Classes.Numbers, &e.Classes.Symbols, &e.GeneratedBefore, &created, &updated, &e.Tag,
		&trashed, &e.TypeSequence, &e.TypeConfirm)
	e.CreatedAt, e.UpdatedAt, e.TrashedAt = fromMicros(created), fromMicros(updated), fromNullMicros(trashed)
	return e, err
}

// Entries calls fn for every entry, in id order, without collecting them.
func (t *Tx) Entries(fn func(Entry) error) error {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT `+entryColumns+` FROM entries ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows.Scan)
		if err != nil {
			return fmt.Errorf("read entries: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Entry reads one entry; ErrNotFound if there is none.
func (t *Tx) Entry(id int64) (Entry, error) {
	e, err := scanEntry(t.tx.QueryRowContext(t.ctx, `SELECT `+entryColumns+` FROM entries WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("read entry %d: %w", id, err)
	}
	return e, nil
}

// InsertEntry inserts e with its ID (see NextEntryID).
func (t *Tx) InsertEntry(e Entry) error {
	_, err := t.exec(`INSERT INTO entries (`+entryColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.GroupID, e.Host, e.Account, e.LastRenewal, e.Complexity, e.Length,
		e.Classes.Lowercase, e.Classes.Uppercase, e.Classes.Numbers, e.Classes.Symbols, e.GeneratedBefore, micros(e.CreatedAt), micros(e.UpdatedAt), e.Tag,
		nullMicros(e.TrashedAt), e.TypeSequence, e.TypeConfirm)
	if err != nil {
		return fmt.Errorf("insert entry: %w", err)
	}
	return nil
}

// UpdateEntry rewrites every column of e.ID except created_at (trashed_at
// too); ErrNotFound.
func (t *Tx) UpdateEntry(e Entry) error {
	res, err := t.exec(`UPDATE entries SET group_id = ?, host = ?, account = ?, last_renewal = ?, complexity = ?,
			length = ?, lowercase = ?, uppercase = ?, numbers = ?, symbols = ?, generated_before = ?, updated_at = ?, tag = ?,
			trashed_at = ?, type_sequence = ?, type_confirm = ?
		WHERE id = ?`,
		e.GroupID, e.Host, e.Account, e.LastRenewal, e.Complexity, e.Length,
		e.Classes.Lowercase, e.Classes.Uppercase, e.Classes.Numbers, e.Classes.Symbols, e.GeneratedBefore, micros(e.UpdatedAt), e.Tag,
		nullMicros(e.TrashedAt), e.TypeSequence, e.TypeConfirm, e.ID)
	if err != nil {
		return fmt.Errorf("update entry %d: %w", e.ID, err)
	}
	return affected(res, e.ID)
}

// DeleteEntry deletes an entry and its renewals; ErrNotFound.
func (t *Tx) DeleteEntry(id int64) error {
	res, err := t.exec(`DELETE FROM entries WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete entry %d: %w", id, err)
	}
	return affected(res, id)
}

// CountEntries counts all entries.
func (t *Tx) CountEntries() (int, error) {
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM entries`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count entries: %w", err)
	}
	return n, nil
}

// Renewals lists the renewals of an entry, oldest first.
func (t *Tx) Renewals(entryID int64) ([]Renewal, error) {
	rows, err := t.tx.QueryContext(t.ctx,
		`SELECT id, entry_id, renewal, renewed_at, tag FROM renewals WHERE entry_id = ? ORDER BY renewed_at, id`, entryID)
	if err != nil {
		return nil, fmt.Errorf("read renewals: %w", err)
	}
	defer rows.Close()
	var list []Renewal
	for rows.Next() {
		var r Renewal
		var at int64
		if err := rows.Scan(&r.ID, &r.EntryID, &r.Renewal, &at, &r.Tag); err != nil {
			return nil, fmt.Errorf("read renewals: %w", err)
		}
		r.RenewedAt = fromMicros(at)
		list = append(list, r)
	}
	return list, rows.Err()
}

// NextRenewalID: see NextGroupID.
func (t *Tx) NextRenewalID() (int64, error) { return t.nextID("renewals") }

// InsertRenewal records a renewal with its ID (see NextRenewalID).
func (t *Tx) InsertRenewal(r Renewal) error {
	_, err := t.exec(`INSERT INTO renewals (id, entry_id, renewal, renewed_at, tag) VALUES (?, ?, ?, ?, ?)`,
		r.ID, r.EntryID, r.Renewal, micros(r.RenewedAt), r.Tag)
	if err != nil {
		return fmt.Errorf("insert renewal: %w", err)
	}
	return nil
}

// AllRenewals calls fn for every renewal, by id (re-keying rewrites them all).
func (t *Tx) AllRenewals(fn func(Renewal) error) error {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, entry_id, renewal, renewed_at, tag FROM renewals ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read renewals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Renewal
		var at int64
		if err := rows.Scan(&r.ID, &r.EntryID, &r.Renewal, &at, &r.Tag); err != nil {
			return fmt.Errorf("read renewals: %w", err)
		}
		r.RenewedAt = fromMicros(at)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// UpdateRenewal rewrites the date and tag of r.ID; ErrNotFound.
func (t *Tx) UpdateRenewal(r Renewal) error {
	res, err := t.exec(`UPDATE renewals SET renewal = ?, tag = ? WHERE id = ?`, r.Renewal, r.Tag, r.ID)
	if err != nil {
		return fmt.Errorf("update renewal %d: %w", r.ID, err)
	}
	return affected(res, r.ID)
}

// Settings reads every stored setting, by key.
func (t *Tx) Settings() (map[string]Setting, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT key, value, tag FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	settings := map[string]Setting{}
	for rows.Next() {
		var s Setting
		if err := rows.Scan(&s.Key, &s.Value, &s.Tag); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		settings[s.Key] = s
	}
	return settings, rows.Err()
}

// PutSetting stores a setting value with its tag.
func (t *Tx) PutSetting(s Setting) error {
	_, err := t.exec(`INSERT INTO settings (key, value, tag) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, tag = excluded.tag`, s.Key, s.Value, s.Tag)
	if err != nil {
		return fmt.Errorf("store setting %s: %w", s.Key, err)
	}
	return nil
}

// DeleteSetting removes a setting (back to its default); no error if absent.
func (t *Tx) DeleteSetting(key string) error {
	if _, err := t.exec(`DELETE FROM settings WHERE key = ?`, key); err != nil {
		return fmt.Errorf("delete setting %s: %w", key, err)
	}
	return nil
}

package store

import (
	"database/sql"
	"errors"
	"fmt"
)

const entryColumns = `id, group_id, host, account, last_renewal, complexity, length,
	lowercase, uppercase, numbers, symbols, generated_before, created_at, updated_at`

func scanEntry(scan func(...any) error) (Entry, error) {
	var e Entry
	var created, updated int64
	err := scan(&e.ID, &e.GroupID, &e.Host, &e.Account, &e.LastRenewal, &e.Complexity, &e.Length,
		&e.Classes.Lowercase, &e.Classes.Uppercase, &e.Classes.Numbers, &e.Classes.Symbols, &e.GeneratedBefore, &created, &updated)
	e.CreatedAt, e.UpdatedAt = fromMicros(created), fromMicros(updated)
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
	_, err := t.exec(`INSERT INTO entries (`+entryColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.GroupID, e.Host, e.Account, e.LastRenewal, e.Complexity, e.Length,
		e.Classes.Lowercase, e.Classes.Uppercase, e.Classes.Numbers, e.Classes.Symbols, e.GeneratedBefore, micros(e.CreatedAt), micros(e.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert entry: %w", err)
	}
	return nil
}

// UpdateEntry rewrites every column of e.ID except created_at; ErrNotFound.
func (t *Tx) UpdateEntry(e Entry) error {
	res, err := t.exec(`UPDATE entries SET group_id = ?, host = ?, account = ?, last_renewal = ?, complexity = ?,
			length = ?, lowercase = ?, uppercase = ?, numbers = ?, symbols = ?, generated_before = ?, updated_at = ?
		WHERE id = ?`,
		e.GroupID, e.Host, e.Account, e.LastRenewal, e.Complexity, e.Length,
		e.Classes.Lowercase, e.Classes.Uppercase, e.Classes.Numbers, e.Classes.Symbols, e.GeneratedBefore, micros(e.UpdatedAt), e.ID)
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
		`SELECT id, entry_id, renewal, renewed_at FROM renewals WHERE entry_id = ? ORDER BY renewed_at, id`, entryID)
	if err != nil {
		return nil, fmt.Errorf("read renewals: %w", err)
	}
	defer rows.Close()
	var list []Renewal
	for rows.Next() {
		var r Renewal
		var at int64
		if err := rows.Scan(&r.ID, &r.EntryID, &r.Renewal, &at); err != nil {
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
	_, err := t.exec(`INSERT INTO renewals (id, entry_id, renewal, renewed_at) VALUES (?, ?, ?, ?)`,
		r.ID, r.EntryID, r.Renewal, micros(r.RenewedAt))
	if err != nil {
		return fmt.Errorf("insert renewal: %w", err)
	}
	return nil
}

// Settings reads every stored setting.
func (t *Tx) Settings() (map[string][]byte, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	settings := map[string][]byte{}
	for rows.Next() {
		var key string
		var value []byte
		if err := rows.Scan(&key, &value); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		settings[key] = value
	}
	return settings, rows.Err()
}

// PutSetting stores a setting value.
func (t *Tx) PutSetting(key string, value []byte) error {
	_, err := t.exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("store setting %s: %w", key, err)
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

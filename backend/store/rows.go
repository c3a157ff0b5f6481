package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// KDF holds Argon2id parameters as stored with the wrapped data key.
type KDF struct {
	Time, MemoryKiB uint32
	Threads         uint8
}

// VaultKey is the data key wrapped under the key derived from the vault password.
type VaultKey struct {
	Format     int // 1: schema 1's wrap; 2: the wrap binds format and KDF
	KDF        KDF
	Salt       []byte
	WrappedKey []byte
	ChangedAt  time.Time
}

// Session is a data key wrapped under a secret kept in the OS keyring.
type Session struct {
	ID         string
	WrappedKey []byte
	ExpiresAt  time.Time
	CreatedAt  time.Time
}

// Group is a row of groups. ParentID 0 means top level. Name, NameMAC and
// Description are opaque to the store.
type Group struct {
	ID, ParentID         int64
	Name, NameMAC        []byte
	Description          []byte
	CreatedAt, UpdatedAt time.Time
	Tag                  []byte    // nil before the first upgrade to schema 2
	TrashedAt            time.Time // when it went to the Trash; zero = in use
}

// Entry is a row of entries. LastRenewal nil means none.
type Entry struct {
	ID, GroupID                int64
	Host, Account, LastRenewal []byte
	Complexity, Length         int
	Classes                    forgiva.Classes
	GeneratedBefore            bool
	CreatedAt, UpdatedAt       time.Time
	Tag                        []byte
	TrashedAt                  time.Time // when it went to the Trash; zero = in use
	TypeSequence               []byte    // encrypted; nil = the password alone
	TypeConfirm                bool
}

// Renewal is one recorded renewal of an entry.
type Renewal struct {
	ID, EntryID int64
	Renewal     []byte
	RenewedAt   time.Time
	Tag         []byte
}

// Setting is a row of settings: a value that differs from its default.
type Setting struct {
	Key        string
	Value, Tag []byte
}

func micros(t time.Time) int64      { return t.UnixMicro() }
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// nullMicros stores a time that may be unset (zero) as NULL.
func nullMicros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return micros(t)
}

func fromNullMicros(us sql.NullInt64) time.Time {
	if !us.Valid {
		return time.Time{}
	}
	return fromMicros(us.Int64)
}

// VaultID is the random id of this vault, fixed at creation.
func (t *Tx) VaultID() (string, error) {
	var id string
	err := t.tx.QueryRowContext(t.ctx, `SELECT vault_id FROM state WHERE id = 1`).Scan(&id)
	if err != nil {
		return "", fmt.Errorf("read vault id: %w", err)
	}
	return id, nil
}

// Revision is the write counter as seen by this transaction.
func (t *Tx) Revision() (int64, error) {
	var g int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT generation FROM state WHERE id = 1`).Scan(&g)
	if err != nil {
		return 0, fmt.Errorf("read the write counter: %w", err)
	}
	return g, nil
}

// VaultKey reads the wrapped data key; ErrNotFound before the vault has one.
func (t *Tx) VaultKey() (VaultKey, error) {
	var k VaultKey
	var changed int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT format, kdf_time, kdf_memory_kib, kdf_threads, salt, wrapped_key, changed_at
		FROM vault_key WHERE id = 1`).Scan(&k.Format, &k.KDF.Time, &k.KDF.MemoryKiB, &k.KDF.Threads, &k.Salt, &k.WrappedKey, &changed)
	if errors.Is(err, sql.ErrNoRows) {
		return k, ErrNotFound
	}
	if err != nil {
		return k, fmt.Errorf("read vault key: %w", err)
	}
	k.ChangedAt = fromMicros(changed)
	return k, nil
}

// PutVaultKey stores (or replaces) the wrapped data key.
func (t *Tx) PutVaultKey(k VaultKey) error {
	_, err := t.exec(`INSERT INTO vault_key (id, format, kdf, kdf_time, kdf_memory_kib, kdf_threads, salt, wrapped_key, changed_at)
		VALUES (1, ?, 'argon2id', ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET format = excluded.format, kdf_time = excluded.kdf_time,
			kdf_memory_kib = excluded.kdf_memory_kib, kdf_threads = excluded.kdf_threads, salt = excluded.salt,
			wrapped_key = excluded.wrapped_key, changed_at = excluded.changed_at`,
		k.Format, k.KDF.Time, k.KDF.MemoryKiB, k.KDF.Threads, k.Salt, k.WrappedKey, micros(k.ChangedAt))
	if err != nil {
		return fmt.Errorf("store vault key: %w", err)
	}
	return nil
}

// Seal reads the MAC over every row tag; nil before the vault has one.
func (t *Tx) Seal() ([]byte, error) {
	var seal []byte
	if err := t.tx.QueryRowContext(t.ctx, `SELECT seal FROM state WHERE id = 1`).Scan(&seal); err != nil {
		return nil, fmt.Errorf("read the seal: %w", err)
	}
	return seal, nil
}

// PutSeal stores the MAC over every row tag.
func (t *Tx) PutSeal(seal []byte) error {
	if _, err := t.exec(`UPDATE state SET seal = ? WHERE id = 1`, seal); err != nil {
		return fmt.Errorf("store the seal: %w", err)
	}
	return nil
}

// Tagged tables, in the order RowTags visits them.
const (
	TableGroups   = "groups"
	TableEntries  = "entries"
	TableRenewals = "renewals"
	TableSettings = "settings"
)

// RowTags calls fn with the reference and tag of every tagged row: table by
// table in the order above, rows by id (settings by key), so a MAC over the
// sequence is the same for the same rows.
func (t *Tx) RowTags(fn func(table, ref string, tag []byte) error) error {
	queries := []struct{ table, query string }{
		{TableGroups, `SELECT id, tag FROM groups ORDER BY id`},
		{TableEntries, `SELECT id, tag FROM entries ORDER BY id`},
		{TableRenewals, `SELECT id, tag FROM renewals ORDER BY id`},
		{TableSettings, `SELECT key, tag FROM settings ORDER BY key`},
	}
	for _, q := range queries {
		if err := t.rowTags(q.table, q.query, fn); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) rowTags(table, query string, fn func(table, ref string, tag []byte) error) error {
	rows, err := t.tx.QueryContext(t.ctx, query)
	if err != nil {
		return fmt.Errorf("read %s tags: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref string
		var tag []byte
		if err := rows.Scan(&ref, &tag); err != nil {
			return fmt.Errorf("read %s tags: %w", table, err)
		}
		if err := fn(table, ref, tag); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Sessions lists the remembered sessions.
func (t *Tx) Sessions() ([]Session, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, wrapped_key, expires_at, created_at FROM sessions ORDER BY created_at DESC`)
	if err != nil {
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	defer rows.Close()
	var list []Session
	for rows.Next() {
		var s Session
		var expires, created int64
		if err := rows.Scan(&s.ID, &s.WrappedKey, &expires, &created); err != nil {
			return nil, fmt.Errorf("read sessions: %w", err)
		}
		s.ExpiresAt, s.CreatedAt = fromMicros(expires), fromMicros(created)
		list = append(list, s)
	}
	return list, rows.Err()
}

// PutSession stores a session.
func (t *Tx) PutSession(s Session) error {
	_, err := t.exec(`INSERT INTO sessions (id, wrapped_key, expires_at, created_at) VALUES (?, ?, ?, ?)`,
		s.ID, s.WrappedKey, micros(s.ExpiresAt), micros(s.CreatedAt))
	if err != nil {
		return fmt.Errorf("store session: %w", err)
	}
	return nil
}

// DeleteSessions removes every session.
func (t *Tx) DeleteSessions() error {
	if _, err := t.exec(`DELETE FROM sessions`); err != nil {
		return fmt.Errorf("delete sessions: %w", err)
	}
	return nil
}

// NextGroupID and NextEntryID return the id the next row will get. The vault
// needs it before inserting, because ciphertexts are bound to their row id.
// Inside a write transaction nobody else can take it.
func (t *Tx) NextGroupID() (int64, error) { return t.nextID("groups") }

// NextEntryID: see NextGroupID.
func (t *Tx) NextEntryID() (int64, error) { return t.nextID("entries") }

// nextID reads sqlite_sequence, which AUTOINCREMENT keeps at or above the
// largest id ever used, so ids of deleted rows are never handed out again.
func (t *Tx) nextID(table string) (int64, error) {
	var seq int64
	s, err := t.stmt(`SELECT ifnull((SELECT seq FROM sqlite_sequence WHERE name = ?), 0)`)
	if err == nil {
		err = s.QueryRowContext(t.ctx, table).Scan(&seq)
	}
	if err != nil {
		return 0, fmt.Errorf("next %s id: %w", table, err)
	}
	return seq + 1, nil
}

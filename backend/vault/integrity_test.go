package vault

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/clock"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

const tamperMasterKey = "tamper master key"

// tamperFixture makes a closed vault with a row in every table: nested
// groups, entries (one renewed twice), plain and secret settings, the stored
// master key and a remembered session; and in the Trash, an entry and a
// group with an entry.
func tamperFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	v, f := newTestVault(t)
	top := firstGroup(t, v)
	work := testkit.Must(v.AddGroup(ctx, 0, "Work", "office"))(t)
	mail := testkit.Must(v.AddGroup(ctx, work.ID, "Mail", ""))(t)
	a := testkit.Must(v.AddEntry(ctx, entryInput(top.ID, "a.example", "ann")))(t)
	testkit.Must(v.AddEntry(ctx, entryInput(mail.ID, "mx.example", "root")))(t)
	old := testkit.Must(v.AddGroup(ctx, 0, "Old", ""))(t)
	testkit.Must(v.AddEntry(ctx, entryInput(old.ID, "old.example", "ann")))(t)
	gone := testkit.Must(v.AddEntry(ctx, entryInput(top.ID, "gone.example", "bob")))(t)
	testkit.Must(v.RemoveEntry(ctx, gone.ID))(t)
	testkit.Must(v.RemoveGroup(ctx, old.ID))(t)
	for _, date := range []string{"2025-01-01", "2026-01-01"} {
		p := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: a.ID, MasterKey: []byte(tamperMasterKey),
			Animal: forgiva.Whale, Renewal: &date}, nil))(t)
		p.Wipe()
	}
	for key, value := range map[string]string{"clipboard_clear_seconds": "30", "signature": "sig",
		"masterkey_use_ignored": "true"} {
		if err := v.SetSetting(ctx, key, value); err != nil {
			t.Fatal(err)
		}
	}
	v.Lock(ctx)
	if err := v.Unlock(ctx, []byte(testPassword), time.Hour); err != nil { // stores the master key, remembers
		t.Fatal(err)
	}
	v.Close()
	return f
}

// rawDB opens a vault file as anything else on the machine could: plain
// SQLite, no foreign keys, no checks of ours.
func rawDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// use does what a user would with the vault in dir: unlock (by password,
// or by the remembered session) and generate every entry's password. It
// returns the first error, nil if everything worked.
func use(f *fixture, dir string, bySession bool) error {
	ctx := context.Background()
	v, err := Open(ctx, Options{Dir: dir, Keyring: f.keyring, Now: f.clock.Now, Estimator: strength.Local{}})
	if err != nil {
		return err
	}
	defer v.Close()
	if bySession {
		err = v.UnlockFromSession(ctx)
	} else {
		err = v.Unlock(ctx, []byte(testPassword), 0)
	}
	if err != nil {
		return err
	}
	entries, err := v.Search(ctx, "example")
	if err != nil {
		return err
	}
	var masterKey []byte // the stored one (masterkey_use_ignored)…
	if bySession {
		masterKey = []byte(tamperMasterKey) // …which a session alone cannot open
	}
	for _, e := range entries {
		p, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: masterKey, Animal: forgiva.Ape}, nil)
		if err != nil {
			return err
		}
		p.Wipe()
	}
	return nil
}

type column struct {
	name, kind string
}

func columns(t *testing.T, db *sql.DB, table string) []column {
	t.Helper()
	rows, err := db.Query(`SELECT name, type FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []column
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.name, &c.kind); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	return cols
}

// changed is an SQL expression for another value of the column, allowed by
// the schema's own checks where it can be.
func changed(c column) string {
	switch {
	case c.kind == "INTEGER" && slices.Contains([]string{"lowercase", "uppercase", "numbers", "symbols", "generated_before"}, c.name):
		return "1 - " + c.name
	case c.name == "complexity":
		return c.name + " % 3 + 1"
	case c.name == "trashed_at": // in use <-> in the Trash, or another time
		return "CASE WHEN trashed_at IS NULL THEN created_at ELSE trashed_at + 1 END"
	case c.name == "parent_id":
		return "CASE WHEN parent_id IS NULL THEN (SELECT max(id) FROM groups) ELSE NULL END"
	case c.kind == "INTEGER":
		return c.name + " + 1"
	case c.kind == "TEXT":
		return c.name + " || 'x'"
	default: // BLOB: flip the last byte, or give a NULL one a value
		return fmt.Sprintf("CASE WHEN %[1]s IS NULL OR length(%[1]s) = 0 THEN X'00' "+
			"ELSE substr(%[1]s, 1, length(%[1]s) - 1) || CASE WHEN substr(%[1]s, -1) = X'00' THEN X'01' ELSE X'00' END END", c.name)
	}
}

// exempt are the columns that shape nothing: the write counter only tells
// another process to reload (and so to check everything again).
var exempt = map[string]bool{"state.generation": true}

// Every column of every row of every table, changed one at a time, and
// every row deleted or copied, makes the vault refuse to be used.
func TestTamperEveryColumnIsRefused(t *testing.T) {
	f := tamperFixture(t)
	if err := use(f, f.dir, false); err != nil {
		t.Fatalf("the untouched fixture: %v", err)
	}
	if err := use(f, f.dir, true); err != nil {
		t.Fatalf("the untouched fixture by its session: %v", err)
	}
	db := rawDB(t, f.dir)
	tables := []string{"state", "vault_key", "sessions", "groups", "entries", "renewals", "settings"}
	tampered, refused := 0, 0
	try := func(name, table, stmt string, args ...any) {
		dir := copyVault(t, f.dir)
		tdb := rawDB(t, dir)
		res, err := tdb.Exec(stmt, args...)
		if err != nil { // the schema's CHECKs refuse it themselves
			tampered++
			refused++
			return
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("%s: %s changed %d rows", name, stmt, n)
		}
		tdb.Close()
		tampered++
		err = use(f, dir, table == "sessions")
		code := ErrorCode(err)
		switch {
		case err == nil:
			t.Errorf("%s: the vault was used as if nothing had happened", name)
		case table == "sessions" && code == Locked, code == Tampered, code == WrongPassword:
			refused++
		default:
			t.Errorf("%s: refused with %s (%v), want tampered", name, code, err)
		}
	}
	for _, table := range tables {
		var ids []int64
		rows, err := db.Query(`SELECT rowid FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			testkit.Must(id, rows.Scan(&id))(t)
			ids = append(ids, id)
		}
		rows.Close()
		if len(ids) == 0 {
			t.Fatalf("the fixture has no row in %s", table)
		}
		for _, id := range ids {
			for _, c := range columns(t, db, table) {
				if exempt[table+"."+c.name] || (table == "state" || table == "vault_key") && c.name == "id" {
					continue // one-row tables: their id is fixed by CHECK (id = 1)
				}
				name := fmt.Sprintf("%s.%s of row %d", table, c.name, id)
				try(name, table, fmt.Sprintf(`UPDATE %s SET %s = %s WHERE rowid = ?`, table, c.name, changed(c)), id)
			}
			if table == "groups" || table == "entries" || table == "renewals" || table == "settings" {
				try(fmt.Sprintf("%s row %d deleted", table, id), table, `DELETE FROM `+table+` WHERE rowid = ?`, id)
			}
		}
	}
	// A copy of a row under a new id, with its tag: re-inserted rows.
	try("entry copied", "entries", `INSERT INTO entries (id, group_id, host, account, last_renewal, complexity, length,
		lowercase, uppercase, numbers, symbols, generated_before, created_at, updated_at, tag)
		SELECT id + 100, group_id, host, account, last_renewal, complexity, length, lowercase, uppercase, numbers,
			symbols, generated_before, created_at, updated_at, tag FROM entries ORDER BY id LIMIT 1`)
	try("trashed group back in use", "groups", `UPDATE groups SET trashed_at = NULL WHERE trashed_at IS NOT NULL`)
	try("trashed entry back in use", "entries", `UPDATE entries SET trashed_at = NULL WHERE trashed_at IS NOT NULL`)
	try("renewal copied", "renewals", `INSERT INTO renewals (id, entry_id, renewal, renewed_at, tag)
		SELECT id + 100, entry_id, renewal, renewed_at, tag FROM renewals ORDER BY id LIMIT 1`)
	t.Logf("%d tampered, %d refused", tampered, refused)
	if tampered < 80 || refused != tampered {
		t.Fatalf("%d tampered, %d refused", tampered, refused)
	}
}

// A row put back as it was before a change the vault made (its tag was
// good then) is noticed by the seal.
func TestOldRowPutBackIsRefused(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "old.example", "ann")))(t)
	db := rawDB(t, f.dir)
	var length int
	var tag []byte
	testkit.Must(0, db.QueryRow(`SELECT length, tag FROM entries WHERE id = ?`, e.ID).Scan(&length, &tag))(t)
	in := entryInput(e.GroupID, e.Host, e.Account)
	in.Length = 30
	testkit.Must(v.UpdateEntry(ctx, e.ID, in))(t)
	v.Close()
	if _, err := db.Exec(`UPDATE entries SET length = ?, tag = ?, updated_at = created_at WHERE id = ?`, length, tag, e.ID); err != nil {
		t.Fatal(err)
	}
	err := use(f, f.dir, false)
	wantCode(t, err, Tampered, "changed outside Forgiva", "Restore a backup")
}

// The refusal says which row and what to do; Check lists every bad row.
func TestTamperedMessageAndCheck(t *testing.T) {
	f := tamperFixture(t)
	db := rawDB(t, f.dir)
	for _, stmt := range []string{`UPDATE entries SET length = 4 WHERE id = 1`,
		`UPDATE settings SET value = '0' WHERE key = 'clipboard_clear_seconds'`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	err := use(f, f.dir, false)
	wantCode(t, err, Tampered, "entry 1 fails its integrity check", "1 more", "forgiva check", "Restore a backup")
	v := f.open(t)
	problems := testkit.Must(v.Check(context.Background(), []byte(testPassword)))(t)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{"entry 1 fails its integrity check", "setting clipboard_clear_seconds fails its integrity check"}
	if !slices.Equal(got, want) {
		t.Fatalf("Check = %q, want %q", got, want)
	}
	var ie *IntegrityError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 {
		t.Fatalf("the refusal carries %v, want both problems", err)
	}
	if v.IsUnlocked() {
		t.Fatal("Check unlocked the vault")
	}
}

// Argon2id parameters out of bounds are refused before any work.
func TestKDFBounds(t *testing.T) {
	cases := []struct {
		column string
		value  int64
	}{
		{"kdf_memory_kib", 4294967295},
		{"kdf_memory_kib", 4*1024*1024 + 1},
		{"kdf_time", 65},
		{"kdf_time", 0},
	}
	f := tamperFixture(t)
	for _, c := range cases {
		dir := copyVault(t, f.dir)
		if _, err := rawDB(t, dir).Exec(`UPDATE vault_key SET `+c.column+` = ?`, c.value); err != nil {
			if strings.Contains(err.Error(), "CHECK") {
				continue // the schema refuses it already
			}
			t.Fatal(err)
		}
		err := use(f, dir, false)
		wantCode(t, err, Tampered, "key derivation", "Restore a backup")
	}
}

type schema1Expect struct {
	Password  string `json:"password"`
	MasterKey string `json:"masterKey"`
	Passwords []struct {
		Entry    int64  `json:"entry"`
		Animal   string `json:"animal"`
		Password string `json:"password"`
	} `json:"passwords"`
	Renewals              map[string][]string `json:"renewals"`
	ClipboardClearSeconds int                 `json:"clipboardClearSeconds"`
}

// A vault written by the schema-1 version upgrades at its first unlock with
// the password and gives the same passwords; its old key row, put back,
// opens nothing.
func TestSchema1VaultUpgrades(t *testing.T) {
	ctx := context.Background()
	var want schema1Expect
	raw := testkit.Must(os.ReadFile("testdata/schema1/expect.json"))(t)
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	dir := copyVault(t, "testdata/schema1")
	var oldKey []any
	old := rawDB(t, dir)
	row := old.QueryRow(`SELECT kdf_time, kdf_memory_kib, kdf_threads, salt, wrapped_key, changed_at FROM vault_key`)
	oldKey = make([]any, 6)
	for i := range oldKey {
		oldKey[i] = new(any)
	}
	testkit.Must(0, row.Scan(oldKey...))(t)
	old.Close()

	f := &fixture{dir: dir, keyring: testkit.NewKeyring(), clock: &clock.Fake{Start: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)}}
	v := f.open(t)
	if err := v.UnlockFromSession(ctx); err == nil {
		t.Fatal("a schema-1 vault unlocked without its password")
	}
	if err := v.Unlock(ctx, []byte(want.Password), time.Hour); err != nil {
		t.Fatal(err)
	}
	check := func(v *Vault) {
		t.Helper()
		for _, p := range want.Passwords {
			animal := testkit.Must(forgiva.ParseAnimal(p.Animal))(t)
			got := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: p.Entry, MasterKey: []byte(want.MasterKey), Animal: animal}, nil))(t)
			if got.String() != p.Password {
				t.Errorf("entry %d: %q, want %q as before the upgrade", p.Entry, got, p.Password)
			}
		}
		e := testkit.Must(v.Entry(ctx, 1))(t)
		var dates []string
		for _, r := range e.Renewals {
			dates = append(dates, r.Date)
		}
		if !slices.Equal(dates, want.Renewals["1"]) {
			t.Errorf("renewals %q, want %q", dates, want.Renewals["1"])
		}
		if s := testkit.Must(v.Settings(ctx))(t); s.ClipboardClearSeconds != want.ClipboardClearSeconds || !s.HasSignature {
			t.Errorf("settings %+v", s)
		}
	}
	check(v)
	v.Close()
	check(openUnlocked(t, f, want.Password)) // the upgraded file checks clean

	// The schema-1 key row put back opens nothing: its data key encrypts
	// nothing in the file any more.
	db := rawDB(t, dir)
	if _, err := db.Exec(`UPDATE vault_key SET format = 1, kdf_time = ?, kdf_memory_kib = ?, kdf_threads = ?, salt = ?,
		wrapped_key = ?, changed_at = ?`, oldKey...); err != nil {
		t.Fatal(err)
	}
	db.Close()
	v = f.open(t)
	err := v.Unlock(ctx, []byte(want.Password), 0)
	if err == nil {
		t.Fatal("the old key row unlocked the upgraded vault")
	}
	if entries, err := v.Search(ctx, "example"); err == nil {
		t.Fatalf("the old key row listed %d entries", len(entries))
	}
}

func openUnlocked(t *testing.T, f *fixture, password string) *Vault {
	t.Helper()
	v := f.open(t)
	if err := v.Unlock(context.Background(), []byte(password), 0); err != nil {
		t.Fatal(err)
	}
	return v
}

// A password change makes a new data key: the old key row with the old
// password, put back, opens nothing added after the change.
func TestPasswordChangeRotatesTheDataKey(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	g := firstGroup(t, v).ID
	before := testkit.Must(v.AddEntry(ctx, entryInput(g, "before.example", "ann")))(t)
	pw := func(v *Vault, id int64) string {
		p := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: id, MasterKey: []byte("mk"), Animal: forgiva.Fox}, nil))(t)
		defer p.Wipe()
		return p.String()
	}
	want := pw(v, before.ID)
	db := rawDB(t, f.dir)
	oldKey := make([]any, 7)
	for i := range oldKey {
		oldKey[i] = new(any)
	}
	testkit.Must(0, db.QueryRow(`SELECT format, kdf_time, kdf_memory_kib, kdf_threads, salt, wrapped_key, changed_at FROM vault_key`).Scan(oldKey...))(t)
	var oldHost []byte
	testkit.Must(0, db.QueryRow(`SELECT host FROM entries WHERE id = ?`, before.ID).Scan(&oldHost))(t)

	const newPassword = "a new and quite different vault password 77"
	if err := v.ChangePassword(ctx, []byte(testPassword), []byte(newPassword)); err != nil {
		t.Fatal(err)
	}
	if got := pw(v, before.ID); got != want {
		t.Fatalf("after the change the password is %q, want %q", got, want)
	}
	testkit.Must(v.AddEntry(ctx, entryInput(g, "after.example", "bob")))(t)
	var newHost []byte
	testkit.Must(0, db.QueryRow(`SELECT host FROM entries WHERE id = ?`, before.ID).Scan(&newHost))(t)
	if string(newHost) == string(oldHost) {
		t.Fatal("the host was not re-encrypted")
	}
	v.Close()
	if err := openUnlocked(t, f, newPassword).Close(); err != nil {
		t.Fatal(err)
	}

	if _, err := db.Exec(`UPDATE vault_key SET format = ?, kdf_time = ?, kdf_memory_kib = ?, kdf_threads = ?, salt = ?,
		wrapped_key = ?, changed_at = ?`, oldKey...); err != nil {
		t.Fatal(err)
	}
	v = f.open(t)
	err := v.Unlock(ctx, []byte(testPassword), 0)
	if err == nil {
		t.Fatal("the old key row and the old password unlocked the vault")
	}
	if _, err := v.Search(ctx, "after"); err == nil {
		t.Fatal("the old key row listed entries added after the change")
	}
}

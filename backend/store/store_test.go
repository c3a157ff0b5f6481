package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/limits"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Create(context.Background(), filepath.Join(t.TempDir(), "vault.db"), "test-vault")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func update(t *testing.T, s *Store, fn func(*Tx) error) {
	t.Helper()
	if _, err := s.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// addGroup inserts a group whose name, MAC and description are all name.
func addGroup(tx *Tx, parent int64, name string) (int64, error) {
	id, err := tx.NextGroupID()
	if err != nil {
		return 0, err
	}
	now := time.Now()
	return id, tx.InsertGroup(Group{ID: id, ParentID: parent, Name: []byte(name), NameMAC: []byte(name),
		Description: []byte{}, CreatedAt: now, UpdatedAt: now})
}

func addEntry(tx *Tx, group int64, host string) (int64, error) {
	id, err := tx.NextEntryID()
	if err != nil {
		return 0, err
	}
	now := time.Now()
	return id, tx.InsertEntry(Entry{ID: id, GroupID: group, Host: []byte(host), Account: []byte("a"),
		Complexity: 1, Length: 16, Classes: forgiva.Classes{Lowercase: true}, CreatedAt: now, UpdatedAt: now})
}

func TestCreateOpenRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vault.db")
	s, err := Create(ctx, path, "v1")
	if err != nil {
		t.Fatal(err)
	}
	var entryID int64
	update(t, s, func(tx *Tx) error {
		g, err := addGroup(tx, 0, "Accounts")
		if err != nil {
			return err
		}
		entryID, err = addEntry(tx, g, "example.org")
		return err
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("vault file mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != SchemaVersion() {
		t.Fatalf("schema version %d, want %d", v, SchemaVersion())
	}
	err = s.View(ctx, func(tx *Tx) error {
		e, err := tx.Entry(entryID)
		if err != nil {
			return err
		}
		if string(e.Host) != "example.org" || e.LastRenewal != nil || !e.Classes.Lowercase || e.Classes.Uppercase {
			t.Errorf("entry read back as %+v", e)
		}
		id, err := tx.VaultID()
		if id != "v1" {
			t.Errorf("vault id %q", id)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(ctx, path, "again"); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file: %v, want ErrExists", err)
	}
}

func TestSiblingConflictAndSubtreeDelete(t *testing.T) {
	s := newStore(t)
	var root, child int64
	update(t, s, func(tx *Tx) (err error) {
		if root, err = addGroup(tx, 0, "root"); err != nil {
			return err
		}
		if child, err = addGroup(tx, root, "child"); err != nil {
			return err
		}
		if _, err = addGroup(tx, child, "grandchild"); err != nil {
			return err
		}
		if _, err = addGroup(tx, 0, "child"); err != nil { // same name, other parent
			return err
		}
		for _, g := range []int64{root, child, child} {
			if _, err := addEntry(tx, g, "h"); err != nil {
				return err
			}
		}
		return nil
	})
	_, err := s.Update(context.Background(), func(tx *Tx) error {
		_, err := addGroup(tx, root, "child")
		return err
	})
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("duplicate sibling: %v, want ErrConflict", err)
	}
	update(t, s, func(tx *Tx) error {
		groups, entries, err := tx.DeleteGroupTree(root)
		if groups != 3 || entries != 3 {
			t.Errorf("deleted %d groups, %d entries; want 3, 3", groups, entries)
		}
		return err
	})
	update(t, s, func(tx *Tx) error {
		n, err := tx.CountEntries()
		if n != 0 {
			t.Errorf("%d entries left after the cascade", n)
		}
		if _, _, err := tx.DeleteGroupTree(root); !errors.Is(err, ErrNotFound) {
			t.Errorf("second delete: %v, want ErrNotFound", err)
		}
		return err
	})
}

func TestIDsAreNotReused(t *testing.T) {
	s := newStore(t)
	var first, second int64
	update(t, s, func(tx *Tx) (err error) {
		g, err := addGroup(tx, 0, "g")
		if err != nil {
			return err
		}
		if first, err = addEntry(tx, g, "a"); err != nil {
			return err
		}
		if err := tx.DeleteEntry(first); err != nil {
			return err
		}
		second, err = addEntry(tx, g, "b")
		return err
	})
	if second <= first {
		t.Fatalf("entry id %d reused after deleting %d", second, first)
	}
}

func TestForeignAndCorruptFilesLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	otherDB := filepath.Join(dir, "other.db")
	// A valid SQLite database of another application.
	other, err := open(otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.writer.Exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	other.Close()

	ours := newStore(t)
	ours.Close()
	damaged, err := os.ReadFile(ours.Path())
	if err != nil {
		t.Fatal(err)
	}
	damagedHeader := bytes.Clone(damaged)
	damagedHeader[18] = 9
	damagedPages := bytes.Clone(damaged)
	for i := 4096 + 100; i < len(damagedPages) && i < 4096*3; i++ {
		damagedPages[i] = 0xA5
	}

	cases := []struct {
		name    string
		content []byte
		want    error
	}{
		{"text file", []byte("hello, this is not a database at all, just text............................................................"), ErrForeign},
		{"empty", nil, ErrForeign},
		{"damaged header", damagedHeader, ErrCorrupt},
		{"damaged pages", damagedPages, ErrCorrupt},
	}
	otherBytes, _ := os.ReadFile(otherDB)
	cases = append(cases, struct {
		name    string
		content []byte
		want    error
	}{"other sqlite app", otherBytes, ErrForeign})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "vault.db")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("Open: %v, want %v", err, c.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, c.content) {
				t.Fatal("Open changed the file")
			}
		})
	}
}

// The schema's CHECK constraints are a second fence behind the vault's
// validation; they must keep to the same limits (backend/limits), which the
// migration, frozen once released, cannot import.
func TestSchemaChecksAgreeWithLimits(t *testing.T) {
	s := newStore(t)
	var group int64
	update(t, s, func(tx *Tx) (err error) { group, err = addGroup(tx, 0, "g"); return err })
	cases := []struct {
		complexity, length int
		ok                 bool
	}{
		{1, limits.MinLength, true},
		{3, limits.MaxLength, true},
		{1, limits.MinLength - 1, false},
		{1, limits.MaxLength + 1, false},
		{0, 16, false},
		{4, 16, false},
	}
	for _, c := range cases {
		_, err := s.Update(context.Background(), func(tx *Tx) error {
			id, err := tx.NextEntryID()
			if err != nil {
				return err
			}
			now := time.Now()
			return tx.InsertEntry(Entry{ID: id, GroupID: group, Host: []byte("h"), Account: []byte("a"),
				Complexity: c.complexity, Length: c.length, Classes: forgiva.Classes{Lowercase: true}, CreatedAt: now, UpdatedAt: now})
		})
		if (err == nil) != c.ok {
			t.Errorf("complexity %d, length %d: error %v, want accepted=%v", c.complexity, c.length, err, c.ok)
		}
	}
}

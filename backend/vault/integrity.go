package vault

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/store"
)

// Integrity (schema 2, and the Trash time of schema 3). Every row of groups, entries, renewals and settings
// carries a tag: an HMAC-SHA256, under a key derived from the data key, over
// the table's name and every column of the row. The state row's seal is an
// HMAC over the (table, row, tag) of every tagged row in a fixed order, so
// a row deleted, added, or put back from an older copy breaks the seal even
// when its own tag is good. Each write recomputes the seal in its
// transaction; each load of the vault (unlock, or another process's write)
// checks every tag and the seal before anything is used. What this cannot
// see: the whole file replaced by an older copy of itself, which is a
// consistent vault of its own.

// tagInfo and sealInfo keep the two MACs apart though they share a key.
const (
	tagInfo  = "forgiva-desktop/v2/row/"
	sealInfo = "forgiva-desktop/v2/seal"
)

// mac writes fields unambiguously: each is prefixed by its kind and length,
// and a NULL differs from an empty value.
type mac struct{ h hash.Hash }

func (k *keys) newMAC(info string) *mac {
	m := &mac{h: hmac.New(sha256.New, k.tagKey)}
	m.bytes([]byte(info))
	return m
}

func (m *mac) bytes(b []byte) *mac {
	var head [9]byte
	head[0] = 'b'
	if b == nil {
		head[0] = 'n'
	}
	binary.BigEndian.PutUint64(head[1:], uint64(len(b)))
	m.h.Write(head[:])
	m.h.Write(b)
	return m
}

func (m *mac) int(n int64) *mac {
	var b [9]byte
	b[0] = 'i'
	binary.BigEndian.PutUint64(b[1:], uint64(n))
	m.h.Write(b[:])
	return m
}

func (m *mac) bool(v bool) *mac {
	if v {
		return m.int(1)
	}
	return m.int(0)
}

func (m *mac) sum() []byte { return m.h.Sum(nil) }

func (k *keys) groupTag(g store.Group) []byte {
	return k.newMAC(tagInfo + store.TableGroups).int(g.ID).int(g.ParentID).bytes(g.Name).bytes(g.NameMAC).
		bytes(g.Description).int(g.CreatedAt.UnixMicro()).int(g.UpdatedAt.UnixMicro()).trashed(g.TrashedAt).sum()
}

// trashed adds the time a row went to the Trash (schema 3), only when it is
// set: a row in use keeps the tag it had under schema 2, and a set one is one
// more field, which no row without it can match.
func (m *mac) trashed(at time.Time) *mac {
	if at.IsZero() {
		return m
	}
	return m.bytes([]byte("trashed_at")).int(at.UnixMicro())
}

func (k *keys) entryTag(e store.Entry) []byte {
	return k.newMAC(tagInfo+store.TableEntries).int(e.ID).int(e.GroupID).bytes(e.Host).bytes(e.Account).
		bytes(e.LastRenewal).int(int64(e.Complexity)).int(int64(e.Length)).
		bool(e.Classes.Lowercase).bool(e.Classes.Uppercase).bool(e.Classes.Numbers).bool(e.Classes.Symbols).
		bool(e.GeneratedBefore).int(e.CreatedAt.UnixMicro()).int(e.UpdatedAt.UnixMicro()).trashed(e.TrashedAt).
		typing(e.TypeSequence, e.TypeConfirm).sum()
}

// typing adds an entry's typing options (schema 4), only when set, as
// trashed does.
func (m *mac) typing(sequence []byte, confirm bool) *mac {
	if sequence != nil {
		m = m.bytes([]byte("type_sequence")).bytes(sequence)
	}
	if confirm {
		m = m.bytes([]byte("type_confirm"))
	}
	return m
}

func (k *keys) renewalTag(r store.Renewal) []byte {
	return k.newMAC(tagInfo + store.TableRenewals).int(r.ID).int(r.EntryID).bytes(r.Renewal).
		int(r.RenewedAt.UnixMicro()).sum()
}

func (k *keys) settingTag(s store.Setting) []byte {
	return k.newMAC(tagInfo + store.TableSettings).bytes([]byte(s.Key)).bytes(s.Value).sum()
}

// Tagged rows, as the vault writes them.

func (k *keys) groupRow(g store.Group) store.Group { g.Tag = k.groupTag(g); return g }

func (k *keys) renewalRow(r store.Renewal) store.Renewal { r.Tag = k.renewalTag(r); return r }

func (k *keys) settingRow(key string, value []byte) store.Setting {
	s := store.Setting{Key: key, Value: value}
	s.Tag = k.settingTag(s)
	return s
}

// vaultSeal computes the MAC over every row tag the transaction sees. An untagged
// row is a problem (the caller decides whether the file may have one).
func (k *keys) vaultSeal(tx *store.Tx) ([]byte, []Problem, error) {
	m := k.newMAC(sealInfo)
	var problems []Problem
	err := tx.RowTags(func(table, ref string, tag []byte) error {
		if tag == nil {
			problems = append(problems, Problem{Table: table, Ref: ref, What: "has no integrity tag"})
		}
		m.bytes([]byte(table)).bytes([]byte(ref)).bytes(tag)
		return nil
	})
	return m.sum(), problems, err
}

// reseal stores the seal of what the transaction wrote; every write to a
// tagged table ends with it.
func reseal(tx *store.Tx, k *keys) error {
	seal, problems, err := k.vaultSeal(tx)
	if err != nil {
		return err
	}
	if len(problems) > 0 { // a write of ours without its tag: a bug, never stored
		return fmt.Errorf("reseal: %s", problems[0])
	}
	return tx.PutSeal(seal)
}

// Problem is one row that fails its integrity check.
type Problem struct {
	Table string `json:"table"` // groups, entries, renewals, settings, or state for the seal
	Ref   string `json:"ref"`   // the row's id (a setting's key)
	What  string `json:"what"`
}

var rowNouns = map[string]string{
	store.TableGroups: "group", store.TableEntries: "entry", store.TableRenewals: "renewal",
	store.TableSettings: "setting",
}

func (p Problem) String() string {
	if p.Table == "state" {
		return "the vault " + p.What
	}
	return fmt.Sprintf("%s %s %s", rowNouns[p.Table], p.Ref, p.What)
}

// checker collects the problems of one pass over the file.
type checker struct {
	k        *keys
	problems []Problem
}

func (c *checker) row(table string, id int64, stored, want []byte) {
	c.rowRef(table, strconv.FormatInt(id, 10), stored, want)
}

func (c *checker) rowRef(table, ref string, stored, want []byte) {
	switch {
	case stored == nil:
		c.problems = append(c.problems, Problem{table, ref, "has no integrity tag"})
	case !hmac.Equal(stored, want):
		c.problems = append(c.problems, Problem{table, ref, "fails its integrity check"})
	}
}

// rest checks what loadIndex does not read for itself: renewals, settings,
// and the seal over everything.
func (c *checker) rest(tx *store.Tx) (map[string]store.Setting, error) {
	err := tx.AllRenewals(func(r store.Renewal) error {
		c.row(store.TableRenewals, r.ID, r.Tag, c.k.renewalTag(r))
		return nil
	})
	if err != nil {
		return nil, err
	}
	settings, err := tx.Settings()
	if err != nil {
		return nil, err
	}
	for key, s := range settings {
		c.rowRef(store.TableSettings, key, s.Tag, c.k.settingTag(s))
	}
	if len(c.problems) > 0 {
		return settings, nil // the seal cannot be right either; the rows say more
	}
	seal, _, err := c.k.vaultSeal(tx)
	if err != nil {
		return nil, err
	}
	stored, err := tx.Seal()
	if err != nil {
		return nil, err
	}
	switch {
	case stored == nil:
		c.problems = append(c.problems, Problem{"state", "seal", "has no seal over its rows"})
	case !hmac.Equal(stored, seal):
		c.problems = append(c.problems, Problem{"state", "seal",
			"has rows added or removed outside Forgiva (its seal does not match)"})
	}
	return settings, nil
}

// tamperedError is the refusal of a vault that fails its checks; Err holds
// the problems for `forgiva check`.
func tamperedError(problems []Problem) error {
	first := problems[0].String()
	more := ""
	if n := len(problems) - 1; n > 0 {
		more = fmt.Sprintf(" (and %d more: run 'forgiva check' for the list)", n)
	}
	return &Error{Code: Tampered, Err: &IntegrityError{Problems: problems},
		Message: "This vault was changed outside Forgiva: " + first + more +
			". Nothing was generated from it. Restore a backup."}
}

// IntegrityError lists every row that failed its check.
type IntegrityError struct{ Problems []Problem }

func (e *IntegrityError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return "integrity: " + strings.Join(lines, "; ")
}

// Check verifies every tag and the seal with the vault password, without
// unlocking, and lists every problem (none: the vault is as Forgiva left it).
func (v *Vault) Check(ctx context.Context, password []byte) ([]Problem, error) {
	k, format, err := v.openKeys(ctx, password)
	if err != nil {
		return nil, err
	}
	defer k.wipe()
	if format < currentKeyFormat {
		return nil, newError(Invalid, nil, "This vault has not been upgraded to integrity checks yet: unlock it once with its password")
	}
	var problems []Problem
	err = v.st.View(ctx, func(tx *store.Tx) error {
		_, c, err := readVerified(tx, k)
		problems = c.problems
		return err
	})
	if err != nil {
		return nil, internal("check", err)
	}
	return problems, nil
}

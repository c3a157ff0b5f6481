package vault

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// ImportReport says what an import did.
type ImportReport struct {
	GroupsCreated     int              `json:"groupsCreated"`
	EntriesAdded      int              `json:"entriesAdded"`
	DuplicatesSkipped int              `json:"duplicatesSkipped"`
	Conflicts         []ImportConflict `json:"conflicts"` // never nil
}

// ImportConflict is an entry of the file whose group path, host and account
// match an entry already here, but which would give another password (a
// different last renewal or policy). The vault keeps its own entry.
type ImportConflict struct {
	GroupPath       string  `json:"groupPath"` // "Work / Mail"
	Host            string  `json:"host"`
	Account         string  `json:"account"`
	ExistingRenewal *string `json:"existingRenewal"`
	ImportedRenewal *string `json:"importedRenewal"`
	// Differs names what differs, in the order of this list: "renewal",
	// "complexity", "length", "classes".
	Differs []string `json:"differs"`
}

// differences names what makes a and b give different passwords, beside
// their host and account.
func differences(a, b Entry) []string {
	var out []string
	for _, d := range []struct {
		name string
		same bool
	}{
		{"renewal", sameRenewal(a.LastRenewal, b.LastRenewal)},
		{"complexity", a.Complexity == b.Complexity},
		{"length", a.Length == b.Length},
		{"classes", a.Classes == b.Classes},
	} {
		if !d.same {
			out = append(out, d.name)
		}
	}
	return out
}

// ExportBackup writes the whole vault (groupID 0) or one group with its
// whole subtree as a Forgiva backup file. It returns the file name Forgiva
// would give it and the file's bytes.
func (v *Vault) ExportBackup(ctx context.Context, groupID int64) (name string, data []byte, err error) {
	var b backup.Backup
	err = v.read(ctx, func(_ *keys, ix *index) error {
		if groupID != 0 {
			g, ok := ix.groups[groupID]
			if !ok {
				return groupMissing(groupID)
			}
			name = g.group.Name
		}
		b = ix.backup(groupID)
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	data, err = backup.Encode(b)
	var formatErr *backup.FormatError
	if errors.As(err, &formatErr) {
		return "", nil, newError(Invalid, err, "%s", formatErr.Message)
	}
	if err != nil {
		return "", nil, internal("export backup", err)
	}
	return backup.FileName(name, v.now()), data, nil
}

// backup copies the groups at and under root (0: all) and their entries,
// parents first. The root of a subtree becomes a top-level group, as a
// backup file has no parent outside itself.
func (ix *index) backup(root int64) backup.Backup {
	var b backup.Backup
	include := map[int64]bool{}
	if root != 0 {
		for _, id := range ix.subtree(root) {
			include[id] = true
		}
	}
	for _, g := range ix.tree() {
		if root != 0 && !include[g.ID] {
			continue
		}
		parent := g.ParentID
		if g.ID == root {
			parent = 0
		}
		b.Groups = append(b.Groups, backup.Group{ID: g.ID, ParentID: parent, Name: g.Name, Description: g.Description})
		for _, r := range ix.byGroup[g.ID] {
			e := r.out()
			b.Entries = append(b.Entries, backup.Entry{
				ID: e.ID, GroupID: e.GroupID, Host: e.Host, Account: e.Account, LastRenewal: e.LastRenewal,
				Complexity: e.Complexity, Length: e.Length,
				Classes: e.Classes, GeneratedBefore: e.GeneratedBefore,
			})
		}
	}
	return b
}

// ImportBackup reads a Forgiva backup (.fgdump, base64 of the JSON, or the
// JSON itself) and merges it into the vault in one transaction: groups are
// matched by their path of names, entries already present are skipped, and
// entries that would change a password are reported as conflicts. A file
// that is not a valid backup changes nothing.
func (v *Vault) ImportBackup(ctx context.Context, data []byte) (ImportReport, error) {
	if backup.IsSealed(data) {
		return ImportReport{}, about("passphrase", newError(NeedsPassphrase, nil,
			"This backup is encrypted: give its passphrase to import it"))
	}
	b, err := backup.Decode(data)
	if err != nil {
		var formatErr *backup.FormatError
		if errors.As(err, &formatErr) {
			return ImportReport{}, newError(Invalid, err, "%s", formatErr.Message)
		}
		return ImportReport{}, internal("read backup", err)
	}
	var report ImportReport
	err = v.write(ctx, "import backup", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		im := newImporter(tx, k, ix, v.now())
		if err := im.run(ctx, b); err != nil {
			return nil, err
		}
		report = im.report
		if report.Conflicts == nil {
			report.Conflicts = []ImportConflict{}
		}
		return im.apply, nil
	})
	return report, err
}

// importer holds the state of one import transaction: which vault group
// each group of the file landed in, and what to add to the index once the
// transaction has committed.
type importer struct {
	tx       *store.Tx
	keys     *keys
	now      time.Time
	groupIDs map[int64]int64      // file group id -> vault group id
	siblings map[siblingKey]int64 // every group, stored or new
	entries  map[entryKey]Entry   // every entry, stored or new
	newGroup []Group
	newEntry []Entry
	report   ImportReport
}

type siblingKey struct {
	parent   int64
	nameFold string
}

// entryKey identifies an entry for deduplication: host and account are
// compared byte for byte, as they feed the password.
type entryKey struct {
	group         int64
	host, account string
}

func newImporter(tx *store.Tx, k *keys, ix *index, now time.Time) *importer {
	im := &importer{tx: tx, keys: k, now: now, groupIDs: map[int64]int64{},
		siblings: make(map[siblingKey]int64, len(ix.groups)), entries: make(map[entryKey]Entry, len(ix.entries))}
	for id, g := range ix.groups {
		im.siblings[siblingKey{g.group.ParentID, g.nameFold}] = id
	}
	for _, r := range ix.entries {
		im.entries[entryKey{r.entry.GroupID, r.entry.Host, r.entry.Account}] = r.entry
	}
	return im
}

func (im *importer) run(ctx context.Context, b backup.Backup) error {
	paths := b.Paths()
	pathOf := make(map[int64]string, len(b.Groups)) // file group id -> "Work / Mail"
	for i, g := range b.Groups {
		if err := ctx.Err(); err != nil {
			return err
		}
		pathOf[g.ID] = strings.Join(paths[i], " / ")
		if err := im.group(g, pathOf[g.ID]); err != nil {
			return err
		}
	}
	for _, e := range b.Entries {
		if err := im.entry(e, pathOf[e.GroupID]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// group finds the file's group among its vault siblings by name, or
// creates it.
func (im *importer) group(g backup.Group, path string) error {
	parent := im.groupIDs[g.ParentID] // 0 stays 0: top level
	key := siblingKey{parent, fold(g.Name)}
	if existing, ok := im.siblings[key]; ok {
		im.groupIDs[g.ID] = existing
		return nil
	}
	if err := checkGroupFields(g.Name, g.Description); err != nil {
		return newError(Invalid, err, "Group '%s' of the backup: %s", path, ErrorMessage(err))
	}
	created, err := insertGroup(im.tx, im.keys, parent, g.Name, g.Description, im.now)
	if err != nil {
		return err
	}
	im.groupIDs[g.ID] = created.ID
	im.siblings[key] = created.ID
	im.newGroup = append(im.newGroup, created)
	im.report.GroupsCreated++
	return nil
}

// entry adds the file's entry unless the group already holds one with the
// same host and account.
func (im *importer) entry(in backup.Entry, path string) error {
	groupID := im.groupIDs[in.GroupID]
	candidate := Entry{GroupID: groupID, Host: in.Host, Account: in.Account, LastRenewal: in.LastRenewal,
		Complexity: in.Complexity, Length: in.Length,
		Classes: in.Classes, GeneratedBefore: in.GeneratedBefore, CreatedAt: im.now, UpdatedAt: im.now}
	if err := candidate.input().validate(); err != nil {
		return newError(Invalid, err, "An entry of group '%s' in the backup: %s", path, ErrorMessage(err))
	}
	key := entryKey{groupID, in.Host, in.Account}
	if existing, ok := im.entries[key]; ok {
		if samePassword(existing, candidate) && sameRenewal(existing.LastRenewal, candidate.LastRenewal) {
			im.report.DuplicatesSkipped++
			return nil
		}
		im.report.Conflicts = append(im.report.Conflicts, ImportConflict{GroupPath: path, Host: in.Host,
			Account: in.Account, ExistingRenewal: existing.LastRenewal, ImportedRenewal: in.LastRenewal,
			Differs: differences(existing, candidate)})
		return nil
	}
	id, err := im.tx.NextEntryID()
	if err != nil {
		return err
	}
	candidate.ID = id
	if err := im.tx.InsertEntry(encryptEntry(im.keys, candidate)); err != nil {
		return err
	}
	im.entries[key] = candidate
	im.newEntry = append(im.newEntry, candidate)
	im.report.EntriesAdded++
	return nil
}

func (im *importer) apply(ix *index) {
	for _, g := range im.newGroup {
		ix.putGroup(g)
	}
	for _, e := range im.newEntry {
		ix.putEntry(e)
	}
}

func sameRenewal(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// input is the part of an entry a user sets.
func (e Entry) input() EntryInput {
	return EntryInput{GroupID: e.GroupID, Host: e.Host, Account: e.Account, Complexity: e.Complexity,
		Length: e.Length, Classes: e.Classes}
}

// checkGroupFields checks a group's name (exact, not trimmed: the file's
// decoder already trimmed it) and description.
func checkGroupFields(name, description string) error {
	clean, err := cleanGroupName(name)
	if err != nil {
		return err
	}
	if clean != name {
		return invalidf("Group name has leading or trailing spaces")
	}
	return checkDescription(description)
}

// ExportEncrypted is ExportBackup encrypted to passphrase (an age file, which
// the age tool opens too). The passphrase must pass the vault password's
// strength rule: the file holds every host and account it exports.
func (v *Vault) ExportEncrypted(ctx context.Context, groupID int64, passphrase []byte) (name string, data []byte, err error) {
	if err := checkStrength(v.est, "export passphrase", passphrase, v.ownWords(ctx)); err != nil {
		return "", nil, about("passphrase", err)
	}
	name, plain, err := v.ExportBackup(ctx, groupID)
	if err != nil {
		return "", nil, err
	}
	defer clear(plain)
	data, err = backup.Seal(plain, string(passphrase))
	if err != nil {
		return "", nil, internal("encrypt backup", err)
	}
	return name + backup.SealedExt, data, nil
}

// ImportEncrypted decrypts an encrypted backup with passphrase and imports
// it as ImportBackup does. A wrong passphrase changes nothing.
func (v *Vault) ImportEncrypted(ctx context.Context, data, passphrase []byte) (ImportReport, error) {
	if !backup.IsSealed(data) {
		return v.ImportBackup(ctx, data)
	}
	plain, err := backup.Open(data, string(passphrase))
	if errors.Is(err, backup.ErrWrongPassphrase) {
		return ImportReport{}, about("passphrase", newError(WrongPassword, err,
			"Wrong passphrase for this backup: nothing was imported"))
	}
	var formatErr *backup.FormatError
	if errors.As(err, &formatErr) {
		return ImportReport{}, newError(Invalid, err, "%s", formatErr.Message)
	}
	if err != nil {
		return ImportReport{}, internal("decrypt backup", err)
	}
	defer clear(plain)
	return v.ImportBackup(ctx, plain)
}

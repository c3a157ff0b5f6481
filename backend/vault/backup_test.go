package vault

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func ptr(s string) *string { return &s }

// fillVault gives v a nested tree with entries whose renewals are null,
// empty and set.
func fillVault(t testing.TB, v *Vault) {
	t.Helper()
	ctx := context.Background()
	root := firstGroup(t, v).ID
	work := testkit.Must(v.AddGroup(ctx, 0, "Work", "office things"))(t)
	mail := testkit.Must(v.AddGroup(ctx, work.ID, "Mail", ""))(t)
	deep := testkit.Must(v.AddGroup(ctx, mail.ID, "Ünïcode ✓", "deep"))(t)
	for i, e := range []EntryInput{
		entryInput(root, "example.com", "alice"),
		entryInput(mail.ID, "mail.example", "bob@example"),
		entryInput(deep.ID, "bücher.de", "José"),
		entryInput(deep.ID, "", "onlyaccount"),
	} {
		added := testkit.Must(v.AddEntry(ctx, e))(t)
		if i == 1 || i == 2 {
			setRenewal(t, v, added.ID, "2020/01/31")
		}
	}
	// An empty renewal only comes from other installations: import one,
	// into the existing "Work" group.
	file := testkit.Must(backup.Encode(backup.Backup{
		Groups: []backup.Group{{ID: 3, Name: "work"}},
		Entries: []backup.Entry{{ID: 9, GroupID: 3, Host: "intranet.example", Account: "bob", LastRenewal: ptr(""),
			Complexity: 1, Length: 16, Classes: forgiva.AllClasses()}},
	}))(t)
	report := testkit.Must(v.ImportBackup(ctx, file))(t)
	if report.GroupsCreated != 0 || report.EntriesAdded != 1 || report.Conflicts == nil {
		t.Fatalf("import into an existing group (names folded): %+v (conflicts must be an empty list, not nil)", report)
	}
	if g := testkit.Must(v.Groups(ctx))(t); len(g) != 4 {
		t.Fatalf("%d groups, want 4", len(g))
	}
}

// setRenewal records a renewal through a real generation.
func setRenewal(t testing.TB, v *Vault, id int64, date string) {
	t.Helper()
	pw, err := v.Generate(context.Background(), GenerateRequest{EntryID: id, MasterKey: []byte("mk"),
		Animal: forgiva.Ape, Renewal: &date}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pw.Wipe()
}

func export(t testing.TB, v *Vault, group int64) []byte {
	t.Helper()
	_, data, err := v.ExportBackup(context.Background(), group)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// content is a backup with ids replaced by group paths, so that two vaults
// can be compared.
func content(t testing.TB, data []byte) []string {
	t.Helper()
	b, err := backup.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	paths := b.Paths()
	pathOf := map[int64]string{}
	var out []string
	for i, g := range b.Groups {
		pathOf[g.ID] = strings.Join(paths[i], "/")
		out = append(out, "group "+pathOf[g.ID]+" : "+g.Description)
	}
	for _, e := range b.Entries {
		path := pathOf[e.GroupID]
		e.ID, e.GroupID = 0, 0
		row, _ := json.Marshal(e)
		out = append(out, "entry "+path+" "+string(row))
	}
	slices.Sort(out)
	return out
}

func TestBackupRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := newTestVault(t)
	fillVault(t, src)
	first := export(t, src, 0)

	dst, _ := newTestVault(t)
	report := testkit.Must(dst.ImportBackup(ctx, first))(t)
	// "Accounts" exists in the new vault already: matched, not created.
	if report.GroupsCreated != 3 || report.EntriesAdded != 5 || report.DuplicatesSkipped != 0 || len(report.Conflicts) != 0 {
		t.Fatalf("report %+v, want 3 groups and 5 entries added", report)
	}
	second := export(t, dst, 0)
	if got, want := content(t, second), content(t, first); !slices.Equal(got, want) {
		t.Fatalf("content after round trip:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	again := testkit.Must(dst.ImportBackup(ctx, first))(t)
	if again.GroupsCreated != 0 || again.EntriesAdded != 0 || again.DuplicatesSkipped != 5 || len(again.Conflicts) != 0 {
		t.Fatalf("second import %+v, want only 5 duplicates", again)
	}
	if !bytes.Equal(export(t, dst, 0), second) {
		t.Fatal("importing the same file twice changed the vault")
	}
}

func TestBackupKeepsRenewalsExact(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	fillVault(t, v)
	dst, _ := newTestVault(t)
	testkit.Must(dst.ImportBackup(ctx, export(t, v, 0)))(t)
	found := map[string]*string{}
	for _, host := range []string{"example.com", "intranet.example", "mail.example"} {
		hits := testkit.Must(dst.Search(ctx, host))(t)
		if len(hits) != 1 {
			t.Fatalf("search %q: %d hits", host, len(hits))
		}
		found[host] = hits[0].LastRenewal
	}
	if found["example.com"] != nil || found["intranet.example"] == nil || *found["intranet.example"] != "" ||
		found["mail.example"] == nil || *found["mail.example"] != "2020/01/31" {
		t.Fatalf("renewals after import: null=%v empty=%v set=%v", found["example.com"], found["intranet.example"], found["mail.example"])
	}
}

func TestExportGroupSubtree(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	fillVault(t, v)
	var work Group
	for _, g := range testkit.Must(v.Groups(ctx))(t) {
		if g.Name == "Work" {
			work = g
		}
	}
	name, data, err := v.ExportBackup(ctx, work.ID)
	if err != nil {
		t.Fatal(err)
	}
	if name != "Work-2025-03-01-backup.fgdump" {
		t.Errorf("file name %q", name)
	}
	b := testkit.Must(backup.Decode(data))(t)
	if len(b.Groups) != 3 || len(b.Entries) != 4 {
		t.Fatalf("subtree export has %d groups and %d entries, want 3 and 4 (every depth)", len(b.Groups), len(b.Entries))
	}
	if b.Groups[0].Name != "Work" || b.Groups[0].ParentID != 0 {
		t.Fatalf("subtree root %+v, want Work at top level", b.Groups[0])
	}
	if _, _, err := v.ExportBackup(ctx, 999); ErrorCode(err) != NotFound {
		t.Fatalf("export of a missing group: %v", err)
	}
	if whole, _, _ := v.ExportBackup(ctx, 0); whole != "Forgiva-2025-03-01-backup.fgdump" {
		t.Errorf("whole-vault file name %q", whole)
	}
}

func TestImportConflictKeepsExisting(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	fillVault(t, v)
	file := export(t, v, 0)
	e := testkit.Must(v.Search(ctx, "mail.example"))(t)[0]
	setRenewal(t, v, e.ID, "2024-02-02")
	before := export(t, v, 0)

	report := testkit.Must(v.ImportBackup(ctx, file))(t)
	if report.EntriesAdded != 0 || report.DuplicatesSkipped != 4 || len(report.Conflicts) != 1 {
		t.Fatalf("report %+v, want 4 duplicates and 1 conflict", report)
	}
	c := report.Conflicts[0]
	if c.GroupPath != "Work / Mail" || c.Host != "mail.example" || *c.ExistingRenewal != "2024-02-02" || *c.ImportedRenewal != "2020/01/31" ||
		!slices.Equal(c.Differs, []string{"renewal"}) {
		t.Fatalf("conflict %+v", c)
	}
	if !bytes.Equal(export(t, v, 0), before) {
		t.Fatal("a conflicting import changed the existing entry")
	}
}

// A conflict says what differs: a complexity alone is not "renewal dates".
func TestImportConflictSaysWhatDiffers(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "c.example", "ann")))(t)
	file := testkit.Must(backup.Encode(backup.Backup{
		Groups:  []backup.Group{{ID: 1, Name: "Accounts"}},
		Entries: []backup.Entry{{ID: 1, GroupID: 1, Host: e.Host, Account: e.Account, Complexity: 2, Length: 20, Classes: e.Classes}},
	}))(t)
	report := testkit.Must(v.ImportBackup(ctx, file))(t)
	if len(report.Conflicts) != 1 || !slices.Equal(report.Conflicts[0].Differs, []string{"complexity", "length"}) {
		t.Fatalf("conflicts %+v, want one differing in complexity and length", report.Conflicts)
	}
}

func TestImportBadFileChangesNothing(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	fillVault(t, v)
	good := export(t, v, 0)
	before := export(t, v, 0)
	cases := map[string][]byte{
		"not base64":  []byte("this is %% not a backup"),
		"not json":    []byte("{\"groups\": ["),
		"truncated":   good[:len(good)/2],
		"bad length":  []byte(`{"groups":[{"id":1,"userId":0,"groupName":"G","groupDescription":"","parentGroupId":0}],"metadatas":[{"id":1,"metadataGroupId":1,"userId":0,"passwordLength":99,"optUppercase":true,"optLowercase":true,"optNumbers":true,"optSymbols":true,"host":"h","account":"a","lastRenewal":null,"complexity":1,"generatedBefore":false}]}`),
		"cyclic tree": []byte(`{"groups":[{"id":1,"userId":0,"groupName":"A","groupDescription":"","parentGroupId":2},{"id":2,"userId":0,"groupName":"B","groupDescription":"","parentGroupId":1}],"metadatas":[]}`),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := v.ImportBackup(ctx, data)
			wantCode(t, err, Invalid)
			if !bytes.Equal(export(t, v, 0), before) {
				t.Fatal("a refused import changed the vault")
			}
		})
	}
	// A canceled import rolls back whole.
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	dst, _ := newTestVault(t)
	empty := export(t, dst, 0)
	if _, err := dst.ImportBackup(canceled, good); err == nil {
		t.Fatal("a canceled import succeeded")
	}
	if !bytes.Equal(export(t, dst, 0), empty) {
		t.Fatal("a canceled import left part of the file")
	}
}

// TestImportForgivaFixture imports a file as a Forgiva server writes it.
func TestImportForgivaFixture(t *testing.T) {
	data, err := os.ReadFile("../backup/testdata/forgiva-server.fgdump")
	if err != nil {
		t.Fatal(err)
	}
	want := testkit.Must(backup.Decode(data))(t)
	v, _ := newTestVault(t)
	report := testkit.Must(v.ImportBackup(context.Background(), data))(t)
	if report.EntriesAdded != len(want.Entries) {
		t.Fatalf("report %+v, want %d entries", report, len(want.Entries))
	}
	if got := content(t, export(t, v, 0)); len(got) < len(want.Entries)+len(want.Groups) {
		t.Fatalf("export after import has %d rows", len(got))
	}
}

// TestEnterpriseMigration is the README's migration: a Forgiva Enterprise
// backup imported here, compat_mode=enterprise, the same password.
func TestEnterpriseMigration(t *testing.T) {
	rows := testkit.Must(forgiva.LoadVectors())(t).Enterprise
	if len(rows) == 0 {
		t.Fatal("no enterprise vectors")
	}
	ctx := context.Background()
	for _, row := range rows {
		file := testkit.Must(backup.Encode(backup.Backup{
			Groups: []backup.Group{{ID: 7, Name: "Shopping", Description: "from the server"}},
			Entries: []backup.Entry{{ID: 42, GroupID: 7, Host: row.Host, Account: row.Account,
				LastRenewal: ptr(row.LastRenewal), Complexity: row.Complexity, Length: row.Length,
				Classes:         row.Params().Classes,
				GeneratedBefore: true}},
		}))(t)
		v, _ := newTestVault(t)
		testkit.Must(v.ImportBackup(ctx, file))(t)
		for key, value := range map[string]string{"compat_mode": "enterprise", "enterprise_salt": row.Salt} {
			if err := v.SetSetting(ctx, key, value); err != nil {
				t.Fatal(err)
			}
		}
		e := testkit.Must(v.Search(ctx, row.Host))(t)[0]
		animal := testkit.Must(forgiva.ParseAnimal(row.Animal))(t)
		pw := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID,
			MasterKey: []byte(row.MasterKey), Animal: animal}, nil))(t)
		if got := hex.EncodeToString(pw.ReferenceBytes()); got != row.Expected {
			t.Fatalf("password after migration %s, want %s", got, row.Expected)
		}
		pw.Wipe()
	}
}

// FuzzImportBackup: the importer never panics, and a refused file leaves
// the vault as it was.
func FuzzImportBackup(f *testing.F) {
	v, _ := newTestVault(f)
	fillVault(f, v)
	f.Add(export(f, v, 0))
	f.Add([]byte(`{"groups":[],"metadatas":[]}`))
	f.Add([]byte("H4sIAAAAAAAA"))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := export(t, v, 0)
		if _, err := v.ImportBackup(context.Background(), data); err != nil {
			if ErrorCode(err) == Internal {
				t.Fatalf("internal error on bad input: %v", err)
			}
			if !bytes.Equal(export(t, v, 0), before) {
				t.Fatal("a refused import changed the vault")
			}
		}
	})
}

// An encrypted export opens only with its passphrase; a wrong one, or none,
// changes nothing.
func TestEncryptedBackupRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := newTestVault(t)
	fillVault(t, src)
	const pass = "export passphrase: seven purple otters"
	_, _, err := src.ExportEncrypted(ctx, 0, []byte("iloveyouiloveyou"))
	wantCode(t, err, Invalid, "export passphrase is too weak")
	name, sealed, err := src.ExportEncrypted(ctx, 0, []byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(name, ".fgdump.age") || !backup.IsSealed(sealed) {
		t.Fatalf("encrypted export named %q, sealed=%v", name, backup.IsSealed(sealed))
	}
	plain := testkit.Must(backup.Decode(export(t, src, 0)))(t)
	for _, e := range plain.Entries {
		if e.Host != "" && bytes.Contains(sealed, []byte(e.Host)) || bytes.Contains(sealed, []byte(e.Account)) {
			t.Fatalf("the encrypted file shows %q or %q", e.Host, e.Account)
		}
	}

	dst, _ := newTestVault(t)
	before := export(t, dst, 0)
	_, err = dst.ImportBackup(ctx, sealed)
	wantCode(t, err, NeedsPassphrase, "encrypted")
	_, err = dst.ImportEncrypted(ctx, sealed, []byte("the wrong passphrase entirely"))
	wantCode(t, err, WrongPassword, "nothing was imported")
	if !bytes.Equal(export(t, dst, 0), before) {
		t.Fatal("a refused import changed the vault")
	}
	report := testkit.Must(dst.ImportEncrypted(ctx, sealed, []byte(pass)))(t)
	if report.EntriesAdded != 5 {
		t.Fatalf("report %+v, want 5 entries", report)
	}
	if got, want := content(t, export(t, dst, 0)), content(t, export(t, src, 0)); !slices.Equal(got, want) {
		t.Fatalf("after the encrypted round trip:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// backupOf is a backup file with one entry, in a group "Accounts".
func backupOf(t testing.TB, host, account string) []byte {
	t.Helper()
	return testkit.Must(backup.Encode(backup.Backup{
		Groups:  []backup.Group{{ID: 1, Name: "Accounts"}},
		Entries: []backup.Entry{{ID: 1, GroupID: 1, Host: host, Account: account, Complexity: 1, Length: 16, Classes: forgiva.AllClasses()}},
	}))(t)
}

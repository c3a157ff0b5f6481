package vault

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// trashVault has Work (2 entries) > Mail (1 entry) > Deep (1 entry), and
// Accounts with one entry.
func trashVault(t *testing.T) (*Vault, *fixture, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	v, f := newTestVault(t)
	ids := map[string]int64{"Accounts": firstGroup(t, v).ID}
	ids["Work"] = testkit.Must(v.AddGroup(ctx, 0, "Work", ""))(t).ID
	ids["Mail"] = testkit.Must(v.AddGroup(ctx, ids["Work"], "Mail", ""))(t).ID
	ids["Deep"] = testkit.Must(v.AddGroup(ctx, ids["Mail"], "Deep", ""))(t).ID
	for _, e := range []struct{ name, group, host string }{
		{"w1", "Work", "w1.example"}, {"w2", "Work", "w2.example"}, {"m1", "Mail", "m1.example"},
		{"d1", "Deep", "d1.example"}, {"a1", "Accounts", "a1.example"},
	} {
		ids[e.name] = testkit.Must(v.AddEntry(ctx, entryInput(ids[e.group], e.host, "me")))(t).ID
	}
	return v, f, ids
}

// visible is what the vault shows outside the Trash: group names and hosts.
func visible(t *testing.T, v *Vault) (groups, hosts []string) {
	t.Helper()
	ctx := context.Background()
	for _, g := range testkit.Must(v.Groups(ctx))(t) {
		groups = append(groups, g.Name)
	}
	hosts = testkit.Must(v.Hosts(ctx, ""))(t)
	for _, h := range hosts { // search agrees with the host list
		if hits := testkit.Must(v.Search(ctx, h))(t); len(hits) == 0 {
			t.Fatalf("host %s listed but not found", h)
		}
	}
	return groups, hosts
}

func refs(items []TrashItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Ref)
	}
	return out
}

func TestTrash(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		run  func(t *testing.T, v *Vault, f *fixture, ids map[string]int64)
	}{
		{"entry to the Trash and back", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			item := testkit.Must(v.RemoveEntry(ctx, ids["w1"]))(t)
			want := TrashItem{Ref: TrashRef(TrashEntry, ids["w1"]), Kind: TrashEntry, ID: ids["w1"], Host: "w1.example",
				Account: "me", ParentID: ids["Work"], Place: []string{"Work"}, TrashedAt: f.clock.Now().UTC(), Entries: 1}
			if fmt.Sprint(item) != fmt.Sprint(want) {
				t.Fatalf("item %+v, want %+v", item, want)
			}
			if _, hosts := visible(t, v); slices.Contains(hosts, "w1.example") {
				t.Fatal("a trashed entry is still listed")
			}
			if _, total := must2(t)(v.EntriesByGroup(ctx, ids["Work"], 0, 0)); total != 1 {
				t.Fatalf("Work lists %d entries, want 1", total)
			}
			_, err := v.Entry(ctx, ids["w1"])
			wantCode(t, err, NotFound)
			_, err = v.Generate(ctx, GenerateRequest{EntryID: ids["w1"], MasterKey: []byte("k")}, nil)
			wantCode(t, err, NotFound)
			_, err = v.RemoveEntry(ctx, ids["w1"])
			wantCode(t, err, NotFound, "in the Trash already")
			if got := refs(testkit.Must(v.Trash(ctx))(t)); !slices.Equal(got, []string{item.Ref}) {
				t.Fatalf("Trash %v", got)
			}
			back := testkit.Must(v.RestoreFromTrash(ctx, item.Ref))(t)
			if back.Ref != item.Ref {
				t.Fatalf("restored %+v", back)
			}
			if _, total := must2(t)(v.EntriesByGroup(ctx, ids["Work"], 0, 0)); total != 2 {
				t.Fatalf("Work lists %d entries after restore, want 2", total)
			}
			if n := len(testkit.Must(v.Trash(ctx))(t)); n != 0 {
				t.Fatalf("%d items left in the Trash", n)
			}
			_, err = v.RestoreFromTrash(ctx, item.Ref)
			wantCode(t, err, NotFound, "is not in the Trash")
		}},
		{"group takes its subtree as one item", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			before := testkit.Must(v.GroupSubtreeCounts(ctx, ids["Work"]))(t)
			item := testkit.Must(v.RemoveGroup(ctx, ids["Work"]))(t)
			if item.Place == nil || len(item.Place) != 0 { // the top level: [] in JSON, not null
				t.Fatalf("place %#v", item.Place)
			}
			if item.Groups != before.Groups || item.Entries != before.Entries || item.Groups != 3 || item.Entries != 4 {
				t.Fatalf("item %+v, counts before %+v", item, before)
			}
			groups, hosts := visible(t, v)
			if !slices.Equal(groups, []string{"Accounts"}) || !slices.Equal(hosts, []string{"a1.example"}) {
				t.Fatalf("visible %v %v", groups, hosts)
			}
			_, data, err := v.ExportBackup(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			b := testkit.Must(backup.Decode(data))(t)
			if len(b.Groups) != 1 || len(b.Entries) != 1 || b.Entries[0].Host != "a1.example" {
				t.Fatalf("the export holds what is in the Trash: %+v", b)
			}
			// inside it, only the whole is an item
			_, err = v.RestoreFromTrash(ctx, TrashRef(TrashEntry, ids["d1"]))
			wantCode(t, err, Conflict, "inside the removed group 'Work' (g")
			_, err = v.DeleteFromTrash(ctx, TrashRef(TrashGroup, ids["Mail"]))
			wantCode(t, err, Conflict, "'Work'")
			testkit.Must(v.RestoreFromTrash(ctx, item.Ref))(t)
			groups, hosts = visible(t, v)
			if len(groups) != 4 || len(hosts) != 5 {
				t.Fatalf("after restore: %v %v", groups, hosts)
			}
		}},
		{"what was removed before its group comes back as its own item", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			testkit.Must(v.RemoveEntry(ctx, ids["m1"]))(t)
			f.clock.Advance(time.Minute)
			testkit.Must(v.RemoveGroup(ctx, ids["Mail"]))(t)
			f.clock.Advance(time.Minute)
			items := testkit.Must(v.Trash(ctx))(t)
			if got := refs(items); !slices.Equal(got, []string{TrashRef(TrashGroup, ids["Mail"])}) {
				t.Fatalf("Trash %v", got)
			}
			// it counts what comes back with it: Mail, Deep and d1
			if items[0].Groups != 2 || items[0].Entries != 1 || !slices.Equal(items[0].Place, []string{"Work"}) {
				t.Fatalf("item %+v", items[0])
			}
			testkit.Must(v.RestoreFromTrash(ctx, items[0].Ref))(t)
			if got := refs(testkit.Must(v.Trash(ctx))(t)); !slices.Equal(got, []string{TrashRef(TrashEntry, ids["m1"])}) {
				t.Fatalf("Trash after the group came back: %v", got)
			}
			if _, hosts := visible(t, v); slices.Contains(hosts, "m1.example") || !slices.Contains(hosts, "d1.example") {
				t.Fatalf("hosts %v", hosts)
			}
			// deleting the group for good deletes what was removed inside it too
			g := testkit.Must(v.RemoveGroup(ctx, ids["Mail"]))(t)
			if c := testkit.Must(v.DeleteFromTrash(ctx, g.Ref))(t); c != (RemovedCounts{Groups: 2, Entries: 2}) {
				t.Fatalf("deleted %+v", c)
			}
			if n := len(testkit.Must(v.Trash(ctx))(t)); n != 0 {
				t.Fatalf("%d items left", n)
			}
		}},
		{"restore refuses an exact duplicate", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			item := testkit.Must(v.RemoveEntry(ctx, ids["w1"]))(t)
			again := testkit.Must(v.AddEntry(ctx, entryInput(ids["Work"], "w1.example", "me")))(t) // allowed: the other is in the Trash
			_, err := v.RestoreFromTrash(ctx, item.Ref)
			wantCode(t, err, Conflict, "host 'w1.example' and account 'me'", fmt.Sprintf("entry %d", again.ID))
			if n := len(testkit.Must(v.Trash(ctx))(t)); n != 1 {
				t.Fatalf("the refused item left the Trash (%d items)", n)
			}
		}},
		{"restore refuses a group name in use, replaces an empty one", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			item := testkit.Must(v.RemoveGroup(ctx, ids["Work"]))(t)
			other := testkit.Must(v.AddGroup(ctx, 0, "work", "mine"))(t)
			_, err := v.RestoreFromTrash(ctx, item.Ref)
			wantCode(t, err, Conflict, "A group named 'work' is at the top level since")
			testkit.Must(v.UpdateGroup(ctx, other.ID, "work", ""))(t) // now empty: no entry, no description
			testkit.Must(v.RestoreFromTrash(ctx, item.Ref))(t)
			groups, _ := visible(t, v)
			if !slices.Equal(groups, []string{"Accounts", "Work", "Mail", "Deep"}) {
				t.Fatalf("groups %v", groups)
			}
		}},
		{"removing the last group and undoing it", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			testkit.Must(v.RemoveGroup(ctx, ids["Work"]))(t)
			item := testkit.Must(v.RemoveGroup(ctx, ids["Accounts"]))(t)
			groups, _ := visible(t, v)
			if !slices.Equal(groups, []string{"Accounts"}) {
				t.Fatalf("groups %v, want a new Accounts", groups)
			}
			testkit.Must(v.RestoreFromTrash(ctx, item.Ref))(t) // takes the place of the empty new one
			got := testkit.Must(v.Groups(ctx))(t)
			if len(got) != 1 || got[0].ID != ids["Accounts"] || got[0].EntryCount != 1 {
				t.Fatalf("groups %+v", got)
			}
		}},
		{"delete for good and empty", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			e := testkit.Must(v.RemoveEntry(ctx, ids["a1"]))(t)
			g := testkit.Must(v.RemoveGroup(ctx, ids["Mail"]))(t)
			if c := testkit.Must(v.DeleteFromTrash(ctx, g.Ref))(t); c != (RemovedCounts{Groups: 2, Entries: 2}) {
				t.Fatalf("deleted %+v", c)
			}
			_, err := v.RestoreFromTrash(ctx, g.Ref)
			wantCode(t, err, NotFound, "deleted for good")
			testkit.Must(v.RemoveEntry(ctx, ids["w1"]))(t)
			if c := testkit.Must(v.EmptyTrash(ctx))(t); c != (RemovedCounts{Entries: 2}) {
				t.Fatalf("emptied %+v", c)
			}
			_, err = v.RestoreFromTrash(ctx, e.Ref)
			wantCode(t, err, NotFound)
			// gone from the file too, renewals included
			v.Close()
			db := rawDB(t, f.dir)
			var n int
			testkit.Must(0, db.QueryRow(`SELECT (SELECT count(*) FROM groups) + (SELECT count(*) FROM entries)
				+ (SELECT count(*) FROM entries WHERE trashed_at IS NOT NULL)`).Scan(&n))(t)
			if n != 2+1 { // Accounts, Work; w2
				t.Fatalf("%d rows left", n)
			}
		}},
		{"bad references", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			for _, ref := range []string{"", "12", "x12", "g", "g-1", "e0", "gabc"} {
				_, err := v.RestoreFromTrash(ctx, ref)
				wantCode(t, err, Invalid, "does not name an item of the Trash")
			}
			_, err := v.DeleteFromTrash(ctx, TrashRef(TrashGroup, ids["Work"]))
			wantCode(t, err, NotFound, "is not in the Trash")
		}},
		{"purge after 30 days, at unlock", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			testkit.Must(v.RemoveGroup(ctx, ids["Mail"]))(t)
			f.clock.Advance(10 * 24 * time.Hour)
			recent := testkit.Must(v.RemoveEntry(ctx, ids["w1"]))(t)
			f.clock.Advance(20*24*time.Hour + time.Second) // Mail: 30 days and a second; w1: 20 days
			v.Lock(ctx)
			before := testkit.Must(v.st.Revision(ctx))(t)
			if err := v.Unlock(ctx, []byte(testPassword), 0); err != nil {
				t.Fatal(err)
			}
			if got := refs(testkit.Must(v.Trash(ctx))(t)); !slices.Equal(got, []string{recent.Ref}) {
				t.Fatalf("Trash after purge %v", got)
			}
			after := testkit.Must(v.st.Revision(ctx))(t)
			if after != before+1 {
				t.Fatalf("revision %d -> %d: want one write", before, after)
			}
			// nothing due: no write at all
			v.Lock(ctx)
			after = testkit.Must(v.st.Revision(ctx))(t)
			if err := v.Unlock(ctx, []byte(testPassword), 0); err != nil {
				t.Fatal(err)
			}
			if again := testkit.Must(v.st.Revision(ctx))(t); again != after {
				t.Fatalf("an unlock with nothing to purge wrote (revision %d -> %d)", after, again)
			}
			if c := testkit.Must(v.PurgeTrash(ctx))(t); c != (RemovedCounts{}) {
				t.Fatalf("purged %+v", c)
			}
		}},
		{"another process sees the Trash", func(t *testing.T, v *Vault, f *fixture, ids map[string]int64) {
			other := f.open(t)
			if err := other.Unlock(ctx, []byte(testPassword), 0); err != nil {
				t.Fatal(err)
			}
			item := testkit.Must(v.RemoveGroup(ctx, ids["Work"]))(t)
			if got := refs(testkit.Must(other.Trash(ctx))(t)); !slices.Equal(got, []string{item.Ref}) {
				t.Fatalf("the other process sees %v", got)
			}
			testkit.Must(other.RestoreFromTrash(ctx, item.Ref))(t)
			if groups, _ := visible(t, v); len(groups) != 4 {
				t.Fatalf("groups %v", groups)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, f, ids := trashVault(t)
			tt.run(t, v, f, ids)
		})
	}
}

// A removal is one transaction: a failing write leaves all of it undone.
func TestTrashIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	v, f, ids := trashVault(t)
	db := rawDB(t, f.dir)
	// Make the last row of the subtree fail to be written: Forgiva's index
	// does not know of this trigger, SQLite refuses the update mid-way.
	if _, err := db.Exec(`CREATE TRIGGER refuse AFTER UPDATE OF trashed_at ON groups
		WHEN NEW.trashed_at IS NULL AND NEW.id = ` + fmt.Sprint(ids["Work"]) + ` BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	item := testkit.Must(v.RemoveGroup(ctx, ids["Work"]))(t)
	// The replaced empty group is deleted first, then the restore fails:
	// both must be undone.
	testkit.Must(v.AddGroup(ctx, 0, "Work", ""))(t)
	if _, err := v.RestoreFromTrash(ctx, item.Ref); err == nil {
		t.Fatal("the trigger did not refuse")
	}
	groups, _ := visible(t, v)
	if !slices.Equal(groups, []string{"Accounts", "Work"}) {
		t.Fatalf("groups %v after a failed restore", groups)
	}
	if got := refs(testkit.Must(v.Trash(ctx))(t)); !slices.Equal(got, []string{item.Ref}) {
		t.Fatalf("Trash %v after a failed restore", got)
	}
	// and the file is still whole: another process opens and checks it
	other := f.open(t)
	if err := other.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
	if groups := testkit.Must(other.Groups(ctx))(t); len(groups) != 2 {
		t.Fatalf("groups %+v", groups)
	}
}

package vault

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func groupNames(groups []Group) []string {
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	return names
}

func TestGroupTree(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	accounts := firstGroup(t, v)
	work := testkit.Must(v.AddGroup(ctx, 0, "  Work ", "job things"))(t)
	if work.Name != "Work" {
		t.Fatalf("name %q not trimmed", work.Name)
	}
	mail := testkit.Must(v.AddGroup(ctx, work.ID, "Mail", ""))(t)
	testkit.Must(v.AddGroup(ctx, mail.ID, "Ärger", ""))(t)
	testkit.Must(v.AddGroup(ctx, accounts.ID, "Mail", ""))(t) // same name, other parent
	testkit.Must(v.AddGroup(ctx, 0, "banking", ""))(t)

	cases := []struct {
		parent int64
		name   string
		code   Code
		words  []string
	}{
		{work.ID, "MAIL", Conflict, []string{"'MAIL' already exists"}},
		{mail.ID, "äRGER", Conflict, []string{"already exists"}},
		{0, "", Invalid, []string{"required"}},
		{0, "   ", Invalid, []string{"required"}},
		{0, strings.Repeat("é", 101), Invalid, []string{"too long"}},
		{0, "tab\there", Invalid, []string{"control"}},
		{0, "Wo\u2067rk", Invalid, []string{"invisible character U+2067"}},
		{424242, "orphan", NotFound, []string{"424242"}},
	}
	for _, c := range cases {
		_, err := v.AddGroup(ctx, c.parent, c.name, "")
		wantCode(t, err, c.code, c.words...)
	}
	testkit.Must(v.AddGroup(ctx, 0, strings.Repeat("é", 100), ""))(t)

	got := groupNames(testkit.Must(v.Groups(ctx))(t))
	want := []string{"Accounts", "Mail", "banking", "Work", "Mail", "Ärger", strings.Repeat("é", 100)}
	if !slices.Equal(got, want) {
		t.Fatalf("tree order\n got %q\nwant %q", got, want)
	}

	_, err := v.UpdateGroup(ctx, work.ID, "BANKING", "")
	wantCode(t, err, Conflict)
	renamed := testkit.Must(v.UpdateGroup(ctx, work.ID, "WORK", "new description"))(t)
	if renamed.Name != "WORK" || renamed.Description != "new description" {
		t.Fatalf("renamed = %+v", renamed)
	}
	_, err = v.UpdateGroup(ctx, 999, "x", "")
	wantCode(t, err, NotFound)
}

func TestRemoveGroup(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	accounts := firstGroup(t, v)
	work := testkit.Must(v.AddGroup(ctx, 0, "Work", ""))(t)
	sub := testkit.Must(v.AddGroup(ctx, work.ID, "Sub", ""))(t)
	subsub := testkit.Must(v.AddGroup(ctx, sub.ID, "SubSub", ""))(t)
	for i, g := range []int64{work.ID, sub.ID, subsub.ID, subsub.ID, accounts.ID} {
		testkit.Must(v.AddEntry(ctx, entryInput(g, fmt.Sprintf("h%d", i), "a")))(t)
	}
	// The confirmation's counts are what the removal then reports.
	if counts := testkit.Must(v.GroupSubtreeCounts(ctx, sub.ID))(t); counts != (RemovedCounts{Groups: 2, Entries: 3}) {
		t.Fatalf("subtree counts of Sub = %+v", counts)
	}
	announced := testkit.Must(v.GroupSubtreeCounts(ctx, work.ID))(t)
	item := testkit.Must(v.RemoveGroup(ctx, work.ID))(t)
	if counts := (RemovedCounts{Groups: item.Groups, Entries: item.Entries}); counts != (RemovedCounts{Groups: 3, Entries: 4}) || announced != counts {
		t.Fatalf("counts = %+v, announced %+v", counts, announced)
	}
	_, err := v.GroupSubtreeCounts(ctx, work.ID)
	wantCode(t, err, NotFound)
	if hits := testkit.Must(v.Search(ctx, "h"))(t); len(hits) != 1 {
		t.Fatalf("%d entries left, want 1", len(hits))
	}
	_, err = v.RemoveGroup(ctx, work.ID)
	wantCode(t, err, NotFound)

	item = testkit.Must(v.RemoveGroup(ctx, accounts.ID))(t)
	if item.Groups != 1 || item.Entries != 1 {
		t.Fatalf("item = %+v", item)
	}
	groups := testkit.Must(v.Groups(ctx))(t)
	if len(groups) != 1 || groups[0].Name != "Accounts" || groups[0].ID == accounts.ID {
		t.Fatalf("after removing the last group: %+v, want a new Accounts", groups)
	}
}

func TestEntryValidation(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	base := entryInput(g, "h", "a")
	with := func(change func(*EntryInput)) EntryInput { in := base; change(&in); return in }
	cases := []struct {
		name  string
		in    EntryInput
		code  Code
		words string
		field string // the input the form shows the error at
	}{
		{"empty host and account", with(func(in *EntryInput) { in.Host, in.Account = "", "" }), Invalid, "Host or account is required", "host"},
		{"newline", with(func(in *EntryInput) { in.Host = "a\nb" }), Invalid, "control", "host"},
		{"nul", with(func(in *EntryInput) { in.Account = "a\x00" }), Invalid, "control", "account"},
		{"bad utf8", with(func(in *EntryInput) { in.Host = "\xff" }), Invalid, "UTF-8", "host"},
		{"too long", with(func(in *EntryInput) { in.Host = strings.Repeat("h", 1025) }), Invalid, "too long", "host"},
		{"complexity", with(func(in *EntryInput) { in.Complexity = 4 }), Invalid, "Complexity", "complexity"},
		{"length low", with(func(in *EntryInput) { in.Length = 1 }), Invalid, "between 2 and 64", "length"},
		{"length high", with(func(in *EntryInput) { in.Length = 65 }), Invalid, "between 2 and 64", "length"},
		{"bidi override", with(func(in *EntryInput) { in.Host = "\u202emoc.knab" }), Invalid, "invisible character U+202E", "host"},
		{"zero width", with(func(in *EntryInput) { in.Account = "ad\u200bmin" }), Invalid, "invisible character U+200B", "account"},
		{"no class", with(func(in *EntryInput) { in.Classes = forgiva.Classes{} }), Invalid, "character class", "classes"},
		{"no group", with(func(in *EntryInput) { in.GroupID = 77 }), NotFound, "Group 77", "groupId"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := v.AddEntry(ctx, c.in)
			wantCode(t, err, c.code, c.words)
			if got := ErrorField(err); got != c.field {
				t.Errorf("field %q, want %q", got, c.field)
			}
		})
	}
	// One of host and account may be empty, as in the algorithm.
	for _, in := range []EntryInput{with(func(in *EntryInput) { in.Host = "" }), with(func(in *EntryInput) { in.Account = "" })} {
		if _, err := v.AddEntry(ctx, in); err != nil {
			t.Errorf("AddEntry(host %q, account %q) = %v, want it accepted", in.Host, in.Account, err)
		}
	}
	testkit.Must(v.AddEntry(ctx, with(func(in *EntryInput) { in.Host = strings.Repeat("h", 1024) })))(t)
}

// Typed hosts and accounts lose the white space around them; an exact
// duplicate in a group is refused, naming the entry it repeats.
func TestEntryTrimAndDuplicate(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	e := testkit.Must(v.AddEntry(ctx, entryInput(g, " github.com\t", " octocat ")))(t)
	if e.Host != "github.com" || e.Account != "octocat" {
		t.Fatalf("stored %q / %q, want them trimmed", e.Host, e.Account)
	}
	_, err := v.AddEntry(ctx, entryInput(g, "github.com ", "octocat"))
	wantCode(t, err, Conflict, "already has an entry for host 'github.com' and account 'octocat'", fmt.Sprintf("entry %d", e.ID))
	if ErrorField(err) != "host" {
		t.Fatalf("the duplicate error is about %q, want host", ErrorField(err))
	}
	other := testkit.Must(v.AddEntry(ctx, entryInput(g, "github.com", "hubot")))(t)
	_, err = v.UpdateEntry(ctx, other.ID, entryInput(g, "github.com", "octocat"))
	wantCode(t, err, Conflict, "already has an entry")
	work := testkit.Must(v.AddGroup(ctx, 0, "Work", ""))(t)
	testkit.Must(v.AddEntry(ctx, entryInput(work.ID, "github.com", "octocat")))(t) // another group: fine

	// A spaced host that came exactly so (a Forgiva backup) keeps its bytes,
	// and so its password, through an edit that leaves it alone.
	report := testkit.Must(v.ImportBackup(ctx, backupOf(t, " spaced.example ", "ann")))(t)
	if report.EntriesAdded != 1 {
		t.Fatalf("import %+v", report)
	}
	spaced := testkit.Must(v.Search(ctx, "spaced"))(t)[0]
	in := entryInput(spaced.GroupID, spaced.Host, spaced.Account)
	in.Length = 30
	if got := testkit.Must(v.UpdateEntry(ctx, spaced.ID, in))(t); got.Host != " spaced.example " {
		t.Fatalf("an edit of the length trimmed the imported host to %q", got.Host)
	}
}

func TestUpdateAndRemoveEntry(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	a := firstGroup(t, v)
	b := testkit.Must(v.AddGroup(ctx, 0, "B", ""))(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(a.ID, "old.example", "me")))(t)
	if _, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: []byte("k")}, nil); err != nil {
		t.Fatal(err)
	}
	moved := testkit.Must(v.UpdateEntry(ctx, e.ID, entryInput(b.ID, "old.example", "me")))(t)
	if moved.GroupID != b.ID || !moved.GeneratedBefore {
		t.Fatalf("moved = %+v: a move keeps 'generated before'", moved)
	}
	in := entryInput(b.ID, "new.example", "me")
	in.Length = 20
	renamed := testkit.Must(v.UpdateEntry(ctx, e.ID, in))(t)
	if renamed.Host != "new.example" || renamed.Length != 20 || renamed.GeneratedBefore || !renamed.CreatedAt.Equal(e.CreatedAt) {
		t.Fatalf("renamed = %+v", renamed)
	}
	if _, total := must2(t)(v.EntriesByGroup(ctx, a.ID, 0, 0)); total != 0 {
		t.Fatalf("old group still lists %d", total)
	}
	_, err := v.UpdateEntry(ctx, 999, in)
	wantCode(t, err, NotFound)
	testkit.Must(v.RemoveEntry(ctx, e.ID))(t)
	_, err = v.RemoveEntry(ctx, e.ID)
	wantCode(t, err, NotFound)
	_, err = v.Entry(ctx, e.ID)
	wantCode(t, err, NotFound)
}

func TestEntriesByGroupOrderAndPaging(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	for _, ha := range [][2]string{{"b.example", "zed"}, {"B.example", "amy"}, {"a.example", "x"}, {"Éclair", "1"}, {"éclair", "0"}, {"c", "c"}} {
		testkit.Must(v.AddEntry(ctx, entryInput(g, ha[0], ha[1])))(t)
	}
	var got []string
	for start := 0; ; start += 4 {
		page, total := must2(t)(v.EntriesByGroup(ctx, g, start, 4))
		if total != 6 {
			t.Fatalf("total %d", total)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			got = append(got, e.Host+"/"+e.Account)
		}
	}
	want := []string{"a.example/x", "B.example/amy", "b.example/zed", "c/c", "éclair/0", "Éclair/1"}
	if !slices.Equal(got, want) {
		t.Fatalf("order\n got %q\nwant %q", got, want)
	}
	_, _, err := v.EntriesByGroup(ctx, g, -1, 0)
	wantCode(t, err, Invalid)
	_, _, err = v.EntriesByGroup(ctx, 555, 0, 0)
	wantCode(t, err, NotFound)
}

func TestSearchAndHosts(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	straße := testkit.Must(v.AddGroup(ctx, 0, "Straßenbahn", ""))(t)
	add := func(group int64, host, account string) {
		testkit.Must(v.AddEntry(ctx, entryInput(group, host, account)))(t)
	}
	add(g, "mail.example", "ann")
	add(g, "webmail.example", "bob")
	add(g, "MAIL.example", "carl")
	add(g, "shop.example", "mail-admin")
	add(g, "100%.example", "p")
	add(g, "a_b.example", "u")
	add(g, "ÖBB.at", "ö")
	add(straße.ID, "tram.example", "t")

	hosts := func(hits []Entry) []string {
		var out []string
		for _, e := range hits {
			out = append(out, e.Host+"/"+e.Account)
		}
		return out
	}
	cases := []struct {
		text string
		want []string
	}{
		{"mail", []string{"mail.example/ann", "MAIL.example/carl", "shop.example/mail-admin", "webmail.example/bob"}},
		{"öbb", []string{"ÖBB.at/ö"}},
		{"STRASSE", nil}, // simple folding: ß is not ss
		{"straßen", []string{"tram.example/t"}},
		{"%", []string{"100%.example/p"}},
		{"_", []string{"a_b.example/u"}},
		{".*", nil},
		{"example", []string{"100%.example/p", "a_b.example/u", "mail.example/ann", "MAIL.example/carl", "shop.example/mail-admin", "tram.example/t", "webmail.example/bob"}},
		{"", nil},
	}
	for _, c := range cases {
		got := hosts(testkit.Must(v.Search(ctx, c.text))(t))
		if !slices.Equal(got, c.want) {
			t.Errorf("Search(%q)\n got %q\nwant %q", c.text, got, c.want)
		}
	}
	gotHosts := testkit.Must(v.Hosts(ctx, "MAIL"))(t)
	if want := []string{"mail.example", "MAIL.example", "webmail.example"}; !slices.Equal(gotHosts, want) {
		t.Errorf("Hosts(MAIL) = %q, want %q", gotHosts, want)
	}
	if all := testkit.Must(v.Hosts(ctx, ""))(t); len(all) != 8 {
		t.Errorf("Hosts('') has %d hosts, want 8", len(all))
	}
}

// Search finds every match, with the true total, paged, ranked: the host
// itself, then prefixes, then substrings.
func TestSearchAllRankedAndPaged(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	err := v.write(ctx, "bulk", func(tx *storeTx, k *keys, ix *index) (func(*index), error) {
		return bulkEntries(tx, k, v, []int64{g}, 250, "x")
	})
	if err != nil {
		t.Fatal(err)
	}
	if hits := testkit.Must(v.Search(ctx, "host"))(t); len(hits) != 250 {
		t.Fatalf("%d hits, want all 250", len(hits))
	}
	page, total, err := v.SearchPage(ctx, "host", 200, 100)
	if err != nil || total != 250 || len(page) != 50 {
		t.Fatalf("page from 200: %d hits of %d (%v), want 50 of 250", len(page), total, err)
	}
	if _, total, _ := v.SearchPage(ctx, "host", 300, 10); total != 250 {
		t.Fatalf("past the end: total %d", total)
	}

	for _, in := range []EntryInput{entryInput(g, "xgithub.com", "a"), entryInput(g, "github.com.evil", "b"),
		entryInput(g, "github.com", "c"), entryInput(g, "gist.example", "github.com-user")} {
		testkit.Must(v.AddEntry(ctx, in))(t)
	}
	var got []string
	for _, e := range testkit.Must(v.Search(ctx, "GitHub.com"))(t) {
		got = append(got, e.Host+"|"+e.Account)
	}
	want := []string{"github.com|c", "gist.example|github.com-user", "github.com.evil|b", "xgithub.com|a"}
	if !slices.Equal(got, want) {
		t.Fatalf("ranked %q, want %q", got, want)
	}
}

func TestGroupDepthLimit(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	parent := int64(0)
	for level := 1; level <= backup.MaxDepth; level++ {
		g, err := v.AddGroup(ctx, parent, fmt.Sprintf("level %d", level), "")
		if err != nil {
			t.Fatalf("level %d: %v", level, err)
		}
		parent = g.ID
	}
	_, err := v.AddGroup(ctx, parent, "one too deep", "")
	wantCode(t, err, Invalid, "64 levels")
	// The deepest tree the vault holds is one a backup can carry.
	if _, _, err := v.ExportBackup(ctx, 0); err != nil {
		t.Fatalf("export of a %d-level tree: %v", backup.MaxDepth, err)
	}
}

func TestNaturalCompare(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"ITEM 9", "ITEM 10", -1},
		{"ITEM 10", "ITEM 9", 1},
		{"A2B", "A10B", -1},
		{"ITEM 007", "ITEM 7", 1}, // equal values: the shorter run first
		{"ITEM 7", "ITEM 7", 0},
		{"MAIL", "MAILBOX", -1},
		{"", "A", -1},
		{"99999999999999999999999", "100000000000000000000000", -1}, // beyond int64
	} {
		if got := naturalCompare(tt.a, tt.b); got != tt.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// The vault orders siblings once; every view shows its order.
func TestGroupsSiblingOrder(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	for _, name := range []string{"Item 10", "item 9", "Banking", "Item 1"} {
		testkit.Must(v.AddGroup(ctx, 0, name, ""))(t)
	}
	var got []string
	for _, g := range testkit.Must(v.Groups(ctx))(t) {
		if g.ParentID == 0 {
			got = append(got, g.Name)
		}
	}
	want := []string{"Banking", "Item 1", "item 9", "Item 10"}
	// The vault starts with its own first group; keep only the ones added here.
	got = slices.DeleteFunc(got, func(n string) bool { return !slices.Contains(want, n) })
	if !slices.Equal(got, want) {
		t.Errorf("top-level order %q, want %q", got, want)
	}
}

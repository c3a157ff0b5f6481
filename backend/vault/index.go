package vault

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/forgiva/forgiva-desktop/backend/store"
)

// fold maps s to a case-insensitive key: every rune becomes the smallest rune
// of its Unicode simple case-folding orbit (so "k", "K" and the Kelvin sign
// agree). Only compared with other folds, never shown.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	smallest := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		smallest = min(smallest, f)
	}
	return smallest
}

type entryRec struct {
	entry              Entry // Renewals always nil here
	hostFold, acctFold string
}

type groupRec struct {
	group    Group // EntryCount not maintained here
	nameFold string
}

// index is the decrypted view of the vault that listing and searching work
// from. It is built at unlock and kept in step with every write.
type index struct {
	revision int64
	groups   map[int64]*groupRec
	entries  map[int64]*entryRec
	byGroup  map[int64][]*entryRec    // each sorted by compareEntries
	all      []*entryRec              // sorted by compareEntries
	settings map[string]store.Setting // the stored (checked) settings; secret ones still sealed

	// The Trash (trash.go): every group and entry out of use, either removed
	// itself (trashedAt set) or under a removed group. Nothing above reads
	// these: what is in the Trash is nowhere else.
	trashGroups  map[int64]*groupRec
	trashEntries map[int64]*entryRec
}

func newIndex() *index {
	return &index{groups: map[int64]*groupRec{}, entries: map[int64]*entryRec{}, byGroup: map[int64][]*entryRec{},
		settings: map[string]store.Setting{}, trashGroups: map[int64]*groupRec{}, trashEntries: map[int64]*entryRec{}}
}

// compareEntries orders by host, then account, case-insensitively; exact
// bytes and id break ties so the order is total.
func compareEntries(a, b *entryRec) int {
	return cmp.Or(
		strings.Compare(a.hostFold, b.hostFold),
		strings.Compare(a.acctFold, b.acctFold),
		strings.Compare(a.entry.Host, b.entry.Host),
		strings.Compare(a.entry.Account, b.entry.Account),
		cmp.Compare(a.entry.ID, b.entry.ID))
}

func insertSorted(list []*entryRec, r *entryRec) []*entryRec {
	i, _ := slices.BinarySearchFunc(list, r, compareEntries)
	return slices.Insert(list, i, r)
}

func removeSorted(list []*entryRec, r *entryRec) []*entryRec {
	if i, found := slices.BinarySearchFunc(list, r, compareEntries); found {
		return slices.Delete(list, i, i+1)
	}
	return list
}

func (ix *index) putGroup(g Group) {
	ix.groups[g.ID] = &groupRec{group: g, nameFold: fold(g.Name)}
}

// putEntry adds e or replaces the entry with its id (moved, renamed...).
func (ix *index) putEntry(e Entry) {
	ix.removeEntry(e.ID)
	e.Renewals = nil
	r := &entryRec{entry: e, hostFold: fold(e.Host), acctFold: fold(e.Account)}
	ix.entries[e.ID] = r
	ix.byGroup[e.GroupID] = insertSorted(ix.byGroup[e.GroupID], r)
	ix.all = insertSorted(ix.all, r)
}

func (ix *index) removeEntry(id int64) {
	r, ok := ix.entries[id]
	if !ok {
		return
	}
	delete(ix.entries, id)
	ix.byGroup[r.entry.GroupID] = removeSorted(ix.byGroup[r.entry.GroupID], r)
	ix.all = removeSorted(ix.all, r)
}

// subtree lists id and every group below it.
func (ix *index) subtree(id int64) []int64 {
	ids := []int64{id}
	for i := 0; i < len(ids); i++ {
		for _, g := range ix.groups {
			if g.group.ParentID == ids[i] {
				ids = append(ids, g.group.ID)
			}
		}
	}
	return ids
}

func (ix *index) removeGroupTree(id int64) {
	for _, gid := range ix.subtree(id) {
		for _, r := range slices.Clone(ix.byGroup[gid]) {
			ix.removeEntry(r.entry.ID)
		}
		delete(ix.byGroup, gid)
		delete(ix.groups, gid)
	}
}

// depth is how many groups stand from the top level down to id (0 for the
// top level itself). A backup file holds at most limits.MaxGroupDepth levels, so
// the vault keeps within that too.
func (ix *index) depth(id int64) int { return len(ix.path(id)) }

// siblingNamed finds a group under parent whose name folds like name.
func (ix *index) siblingNamed(parent int64, name string) (Group, bool) {
	f := fold(name)
	for _, g := range ix.groups {
		if g.group.ParentID == parent && g.nameFold == f {
			return g.group, true
		}
	}
	return Group{}, false
}

// tree lists the groups depth first, parents before children, siblings in
// siblingOrder. It is the one place that orders groups: the sidebar and
// `forgiva group ls` show them as given.
func (ix *index) tree() []Group {
	children := map[int64][]*groupRec{}
	for _, g := range ix.groups {
		children[g.group.ParentID] = append(children[g.group.ParentID], g)
	}
	for _, list := range children {
		slices.SortFunc(list, siblingOrder)
	}
	out := make([]Group, 0, len(ix.groups))
	var walk func(parent int64)
	walk = func(parent int64) {
		for _, g := range children[parent] {
			group := g.group
			group.EntryCount = len(ix.byGroup[group.ID])
			out = append(out, group)
			walk(group.ID)
		}
	}
	walk(0)
	return out
}

// siblingOrder orders groups by name as people read them: without case, and
// runs of digits by their value ("Item 9" before "Item 10"); the ID breaks
// ties so the order is total.
func siblingOrder(a, b *groupRec) int {
	return cmp.Or(naturalCompare(a.nameFold, b.nameFold), cmp.Compare(a.group.ID, b.group.ID))
}

// naturalCompare compares a and b byte by byte, except that two runs of ASCII
// digits compare by value (leading zeros ignored; equal values by length).
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb), cmp.Compare(len(da), len(db))); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func digitRun(s string) string {
	end := 0
	for end < len(s) && isDigit(s[end]) {
		end++
	}
	return s[:end]
}

func (r *entryRec) out() Entry {
	e := r.entry
	if e.LastRenewal != nil {
		renewal := *e.LastRenewal
		e.LastRenewal = &renewal
	}
	return e
}

// page returns entries [start, start+count) of a group and the group's total.
func (ix *index) page(groupID int64, start, count int) ([]Entry, int) {
	list := ix.byGroup[groupID]
	if start >= len(list) {
		return []Entry{}, len(list)
	}
	end := min(start+count, len(list))
	out := make([]Entry, 0, end-start)
	for _, r := range list[start:end] {
		out = append(out, r.out())
	}
	return out, len(list)
}

// hosts lists the distinct hosts containing filter (case-insensitively), in
// entry order.
func (ix *index) hosts(filter string) []string {
	f := fold(filter)
	seen := map[string]bool{}
	out := []string{}
	for _, r := range ix.all {
		if !seen[r.entry.Host] && strings.Contains(r.hostFold, f) {
			seen[r.entry.Host] = true
			out = append(out, r.entry.Host)
		}
	}
	return out
}

// search finds entries whose host, account or group name contains text
// (case-insensitively, literally): those where one of them starts with it
// first, each part in entry order, at most limit.
func (ix *index) search(text string) []Entry {
	f := fold(text)
	groupPrefix := map[int64]bool{}
	groupContains := map[int64]bool{}
	for id, g := range ix.groups {
		if strings.HasPrefix(g.nameFold, f) {
			groupPrefix[id] = true
		} else if strings.Contains(g.nameFold, f) {
			groupContains[id] = true
		}
	}
	// Three ranks, each in the index's order: the host itself, a field or
	// the group that starts with the text, and one that contains it.
	var exact, prefix, rest []Entry
	for _, r := range ix.all {
		gid := r.entry.GroupID
		switch {
		case r.hostFold == f:
			exact = append(exact, r.out())
		case strings.HasPrefix(r.hostFold, f) || strings.HasPrefix(r.acctFold, f) || groupPrefix[gid]:
			prefix = append(prefix, r.out())
		case groupContains[gid] || strings.Contains(r.hostFold, f) || strings.Contains(r.acctFold, f):
			rest = append(rest, r.out())
		}
	}
	return slices.Concat(exact, prefix, rest)
}

// duplicate finds an entry of group with exactly this host and account,
// other than except.
func (ix *index) duplicate(group int64, host, account string, except int64) (Entry, bool) {
	for _, r := range ix.byGroup[group] {
		if r.entry.ID != except && r.entry.Host == host && r.entry.Account == account {
			return r.out(), true
		}
	}
	return Entry{}, false
}

// bulkLoad fills an empty index with sort-once cost instead of one insertion
// per entry.
func (ix *index) bulkLoad(recs []*entryRec) {
	slices.SortFunc(recs, compareEntries)
	ix.all = recs
	for _, r := range recs {
		ix.entries[r.entry.ID] = r
		ix.byGroup[r.entry.GroupID] = append(ix.byGroup[r.entry.GroupID], r)
	}
}

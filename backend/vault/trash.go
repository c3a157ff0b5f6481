package vault

import (
	"cmp"
	"context"
	"crypto/hmac"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/store"
)

// The Trash (schema 3). Removing an entry or a group marks its row with the
// time (trashed_at, part of the row's tag); a group takes its subgroups,
// their entries and renewals with it, unmarked: they are out of use because
// an ancestor is. What is in the Trash is in no list, search, host
// suggestion, count, export or duplicate check; it comes back as it was
// with RestoreFromTrash, or goes for good with DeleteFromTrash, EmptyTrash,
// or TrashRetention after its removal.
//
// An item of the Trash is a row removed by itself whose place (parent
// group) is in use. Something removed inside a group that was removed later
// is part of that group's item: it goes with the group, and when the group
// comes back it is an item of its own again.

// TrashRetention is how long an item stays in the Trash: older ones are
// deleted for good when the vault is unlocked.
const TrashRetention = 30 * 24 * time.Hour

// Kinds of Trash items.
const (
	TrashGroup = "group"
	TrashEntry = "entry"
)

// TrashItem is one removed group (with what was inside it) or entry.
type TrashItem struct {
	// Ref names the item for RestoreFromTrash and DeleteFromTrash: "g" and
	// the group's ID, or "e" and the entry's ID ("g12", "e7").
	Ref     string `json:"ref"`
	Kind    string `json:"kind"` // TrashGroup or TrashEntry
	ID      int64  `json:"id"`   // the group's or the entry's ID
	Name    string `json:"name"`
	Host    string `json:"host"`
	Account string `json:"account"`
	// ParentID is where it was: a group's parent (0 = top level), an
	// entry's group. Place names the groups from the top level down to it.
	ParentID  int64     `json:"parentId"`
	Place     []string  `json:"place"`
	TrashedAt time.Time `json:"trashedAt"`
	// Groups and Entries count what it holds: a group itself and every group
	// and entry under it; an entry is 0 groups and 1 entry.
	Groups  int `json:"groups"`
	Entries int `json:"entries"`
}

// TrashRef is the reference of a Trash item.
func TrashRef(kind string, id int64) string {
	if kind == TrashGroup {
		return "g" + strconv.FormatInt(id, 10)
	}
	return "e" + strconv.FormatInt(id, 10)
}

func parseTrashRef(ref string) (kind string, id int64, err error) {
	ref = strings.TrimSpace(ref)
	bad := about("ref", invalidf("'%s' does not name an item of the Trash (like g12 for a group, e7 for an entry)", ref))
	if len(ref) < 2 || len(ref) > 20 {
		return "", 0, bad
	}
	switch ref[0] {
	case 'g', 'G':
		kind = TrashGroup
	case 'e', 'E':
		kind = TrashEntry
	default:
		return "", 0, bad
	}
	id, perr := strconv.ParseInt(ref[1:], 10, 64)
	if perr != nil || id <= 0 {
		return "", 0, bad
	}
	return kind, id, nil
}

// groupsInUse says which groups are in use: not removed themselves, and
// every group above them in use.
func groupsInUse(all map[int64]Group) map[int64]bool {
	inUse := make(map[int64]bool, len(all))
	const visiting, done = 1, 2
	state := make(map[int64]int8, len(all))
	var visit func(id int64) bool
	visit = func(id int64) bool {
		g, ok := all[id]
		if !ok { // the top level, or a row that failed its check (reported there)
			return true
		}
		switch state[id] {
		case visiting: // a cycle only a tampered file has; its tags say so
			return true
		case done:
			return inUse[id]
		}
		state[id] = visiting
		use := g.trashedAt.IsZero() && visit(g.ParentID)
		state[id] = done
		inUse[id] = use
		return use
	}
	for id := range all {
		visit(id)
	}
	return inUse
}

// trashTree is the shape of the Trash: the children of each trashed group and
// the entries of each group (in use or not) that are in the Trash.
type trashTree struct {
	children map[int64][]int64
	entries  map[int64][]int64
}

func (ix *index) trashTree() trashTree {
	t := trashTree{children: map[int64][]int64{}, entries: map[int64][]int64{}}
	for id, g := range ix.trashGroups {
		t.children[g.group.ParentID] = append(t.children[g.group.ParentID], id)
	}
	for id, r := range ix.trashEntries {
		t.entries[r.entry.GroupID] = append(t.entries[r.entry.GroupID], id)
	}
	return t
}

// subtree lists id and every trashed group under it.
func (t trashTree) subtree(id int64) []int64 {
	ids := []int64{id}
	for i := 0; i < len(ids); i++ {
		ids = append(ids, t.children[ids[i]]...)
	}
	return ids
}

// place names the groups from the top level down to id: [] for the top
// level (never nil, so JSON has a list).
func (ix *index) place(id int64) []string {
	if path := ix.path(id); path != nil {
		return path
	}
	return []string{}
}

// placeInUse reports whether a place (a group ID, 0 = top level) is in use.
func (ix *index) placeInUse(id int64) bool {
	_, trashed := ix.trashGroups[id]
	return !trashed
}

// unit lists the group id and the groups under it that went to the Trash
// with it (not by themselves, nor under one that did): what comes back
// with it.
func (ix *index) unit(t trashTree, id int64) []int64 {
	ids := []int64{id}
	for i := 0; i < len(ids); i++ {
		for _, child := range t.children[ids[i]] {
			if ix.trashGroups[child].group.trashedAt.IsZero() {
				ids = append(ids, child)
			}
		}
	}
	return ids
}

// unitEntries lists the entries of the groups that went with them.
func (ix *index) unitEntries(t trashTree, groups []int64) []int64 {
	var out []int64
	for _, gid := range groups {
		for _, eid := range t.entries[gid] {
			if ix.trashEntries[eid].entry.trashedAt.IsZero() {
				out = append(out, eid)
			}
		}
	}
	return out
}

// groupItem counts what comes back with the group; deleting it for good
// deletes what was removed inside it by itself too (deletedCounts).
func (ix *index) groupItem(t trashTree, g Group) TrashItem {
	unit := ix.unit(t, g.ID)
	return TrashItem{Ref: TrashRef(TrashGroup, g.ID), Kind: TrashGroup, ID: g.ID, Name: g.Name,
		ParentID: g.ParentID, Place: ix.place(g.ParentID), TrashedAt: g.trashedAt,
		Groups: len(unit), Entries: len(ix.unitEntries(t, unit))}
}

// deletedCounts is what deleting an item for good deletes.
func deletedCounts(t trashTree, item TrashItem) RemovedCounts {
	if item.Kind == TrashEntry {
		return RemovedCounts{Entries: 1}
	}
	var c RemovedCounts
	for _, gid := range t.subtree(item.ID) {
		c.Groups++
		c.Entries += len(t.entries[gid])
	}
	return c
}

func (ix *index) entryItem(e Entry) TrashItem {
	return TrashItem{Ref: TrashRef(TrashEntry, e.ID), Kind: TrashEntry, ID: e.ID, Host: e.Host, Account: e.Account,
		ParentID: e.GroupID, Place: ix.place(e.GroupID), TrashedAt: e.trashedAt, Entries: 1}
}

// trashItems lists the Trash, the latest removal first.
func (ix *index) trashItems() []TrashItem {
	t := ix.trashTree()
	items := []TrashItem{}
	for _, g := range ix.trashGroups {
		if !g.group.trashedAt.IsZero() && ix.placeInUse(g.group.ParentID) {
			items = append(items, ix.groupItem(t, g.group))
		}
	}
	for _, r := range ix.trashEntries {
		if !r.entry.trashedAt.IsZero() && ix.placeInUse(r.entry.GroupID) {
			items = append(items, ix.entryItem(r.entry))
		}
	}
	slices.SortFunc(items, func(a, b TrashItem) int {
		return cmp.Or(b.TrashedAt.Compare(a.TrashedAt), strings.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	return items
}

// trashItem finds the item ref names; something removed inside a group of
// the Trash is refused with the name of that group.
func (ix *index) trashItem(ref string) (TrashItem, error) {
	kind, id, err := parseTrashRef(ref)
	if err != nil {
		return TrashItem{}, err
	}
	var parent int64
	switch kind {
	case TrashGroup:
		g, ok := ix.trashGroups[id]
		if !ok {
			if _, inUse := ix.groups[id]; inUse {
				return TrashItem{}, newError(NotFound, nil, "Group %d is not in the Trash", id)
			}
			return TrashItem{}, newError(NotFound, nil, "Group %d is not in the Trash (it may have been deleted for good)", id)
		}
		if parent = g.group.ParentID; ix.placeInUse(parent) && !g.group.trashedAt.IsZero() {
			return ix.groupItem(ix.trashTree(), g.group), nil
		}
	default:
		r, ok := ix.trashEntries[id]
		if !ok {
			if _, inUse := ix.entries[id]; inUse {
				return TrashItem{}, newError(NotFound, nil, "Entry %d is not in the Trash", id)
			}
			return TrashItem{}, newError(NotFound, nil, "Entry %d is not in the Trash (it may have been deleted for good)", id)
		}
		if parent = r.entry.GroupID; ix.placeInUse(parent) && !r.entry.trashedAt.IsZero() {
			return ix.entryItem(r.entry), nil
		}
	}
	// Inside a removed group: name the outermost one, the item it is part of.
	top := ix.trashGroups[parent]
	for top != nil && !ix.placeInUse(top.group.ParentID) {
		top = ix.trashGroups[top.group.ParentID]
	}
	name, topRef := "", ""
	if top != nil {
		name, topRef = top.group.Name, TrashRef(TrashGroup, top.group.ID)
	}
	what := "Group"
	if kind == TrashEntry {
		what = "Entry"
	}
	return TrashItem{}, newError(Conflict, nil, "%s %d is inside the removed group '%s' (%s): restore or delete that group",
		what, id, name, topRef)
}

// verifiedGroupRow reads a group's row for a rewrite, refusing one whose tag
// does not match (changed since the index was checked): a new tag over it
// would vouch for what Forgiva never wrote.
func verifiedGroupRow(tx *store.Tx, k *keys, id int64) (store.Group, error) {
	row, err := tx.Group(id)
	if err != nil {
		return row, err
	}
	if row.Tag == nil || !hmac.Equal(row.Tag, k.groupTag(row)) {
		return row, tamperedError([]Problem{{store.TableGroups, strconv.FormatInt(id, 10), "fails its integrity check"}})
	}
	return row, nil
}

// Trash lists the Trash, the latest removal first.
func (v *Vault) Trash(ctx context.Context) ([]TrashItem, error) {
	var items []TrashItem
	err := v.read(ctx, func(_ *keys, ix *index) error { items = ix.trashItems(); return nil })
	return items, err
}

// RemoveEntry moves an entry, with its renewal history, to the Trash and
// returns it as an item of the Trash.
func (v *Vault) RemoveEntry(ctx context.Context, id int64) (TrashItem, error) {
	var item TrashItem
	err := v.write(ctx, "remove entry", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		r, ok := ix.entries[id]
		if !ok {
			if _, trashed := ix.trashEntries[id]; trashed {
				return nil, newError(NotFound, nil, "Entry %d is in the Trash already", id)
			}
			return nil, entryMissing(id)
		}
		e := r.out()
		e.trashedAt = v.now()
		if err := tx.UpdateEntry(encryptEntry(k, e)); err != nil {
			return nil, err
		}
		item = ix.entryItem(e)
		return func(ix *index) {
			ix.removeEntry(id)
			ix.trashEntries[id] = &entryRec{entry: e, hostFold: r.hostFold, acctFold: r.acctFold}
		}, nil
	})
	return item, err
}

// RemoveGroup moves a group, its subgroups and all their entries to the
// Trash, as one item, in one transaction. Removing the last group in use
// recreates "Accounts".
func (v *Vault) RemoveGroup(ctx context.Context, id int64) (TrashItem, error) {
	var item TrashItem
	err := v.write(ctx, "remove group", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		current, ok := ix.groups[id]
		if !ok {
			if _, trashed := ix.trashGroups[id]; trashed {
				return nil, newError(NotFound, nil, "Group %d is in the Trash already", id)
			}
			return nil, newError(NotFound, nil, "Group %d does not exist", id)
		}
		row, err := verifiedGroupRow(tx, k, id)
		if err != nil {
			return nil, err
		}
		row.TrashedAt = v.now()
		if err := tx.UpdateGroup(k.groupRow(row)); err != nil {
			return nil, err
		}
		subtree := ix.subtree(id)
		g := current.group
		g.trashedAt = row.TrashedAt
		item = TrashItem{Ref: TrashRef(TrashGroup, id), Kind: TrashGroup, ID: id, Name: g.Name, ParentID: g.ParentID,
			Place: ix.place(g.ParentID), TrashedAt: g.trashedAt, Groups: len(subtree)}
		for _, gid := range subtree {
			item.Entries += len(ix.byGroup[gid])
		}
		var recreated *Group
		if len(subtree) == len(ix.groups) {
			g, err := insertGroup(tx, k, 0, defaultGroupName, "", v.now())
			if err != nil {
				return nil, err
			}
			recreated = &g
		}
		return func(ix *index) {
			for _, gid := range subtree {
				rec := ix.groups[gid]
				if gid == id {
					rec.group.trashedAt = g.trashedAt
				}
				ix.trashGroups[gid] = rec
				for _, r := range slices.Clone(ix.byGroup[gid]) {
					ix.removeEntry(r.entry.ID)
					ix.trashEntries[r.entry.ID] = r
				}
				delete(ix.byGroup, gid)
				delete(ix.groups, gid)
			}
			if recreated != nil {
				ix.putGroup(*recreated)
			}
		}, nil
	})
	return item, err
}

// RestoreFromTrash puts an item of the Trash back where it was, with
// everything that went with it. It refuses what would make two of a kind:
// an entry whose group has one with the same host and account since, a
// group whose place has one with the same name since (unless that one is
// empty, as the "Accounts" recreated when the last group went: the restored
// group takes its place).
func (v *Vault) RestoreFromTrash(ctx context.Context, ref string) (TrashItem, error) {
	var item TrashItem
	err := v.write(ctx, "restore from the Trash", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		var err error
		if item, err = ix.trashItem(ref); err != nil {
			return nil, err
		}
		if item.Kind == TrashEntry {
			return restoreEntry(tx, k, ix, item)
		}
		return restoreGroup(tx, k, ix, item)
	})
	return item, err
}

func restoreEntry(tx *store.Tx, k *keys, ix *index, item TrashItem) (func(*index), error) {
	r := ix.trashEntries[item.ID]
	e := r.out()
	if other, ok := ix.duplicate(e.GroupID, e.Host, e.Account, 0); ok {
		return nil, newError(Conflict, nil, "The group '%s' has another entry for host '%s' and account '%s' since (entry %d): "+
			"remove or change that one, then restore this one", strings.Join(item.Place, " / "), other.Host, other.Account, other.ID)
	}
	e.trashedAt = time.Time{}
	if err := tx.UpdateEntry(encryptEntry(k, e)); err != nil {
		return nil, err
	}
	return func(ix *index) {
		delete(ix.trashEntries, e.ID)
		ix.putEntry(e)
	}, nil
}

func restoreGroup(tx *store.Tx, k *keys, ix *index, item TrashItem) (func(*index), error) {
	rec := ix.trashGroups[item.ID]
	var replaced int64
	if other, taken := ix.siblingNamed(rec.group.ParentID, rec.group.Name); taken {
		if !ix.emptyGroup(other) {
			where := "at the top level"
			if len(item.Place) > 0 {
				where = "in '" + strings.Join(item.Place, " / ") + "'"
			}
			return nil, newError(Conflict, nil, "A group named '%s' is %s since (group %d): rename it, then restore this one",
				other.Name, where, other.ID)
		}
		if _, _, err := tx.DeleteGroupTree(other.ID); err != nil {
			return nil, err
		}
		replaced = other.ID
	}
	row, err := verifiedGroupRow(tx, k, item.ID)
	if err != nil {
		return nil, err
	}
	row.TrashedAt = time.Time{}
	if err := tx.UpdateGroup(k.groupRow(row)); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil, newError(Conflict, err, "A group named '%s' is in its place since: rename it, then restore this one", rec.group.Name)
		}
		return nil, err
	}
	t := ix.trashTree()
	unit := ix.unit(t, item.ID)
	entries := ix.unitEntries(t, unit)
	return func(ix *index) {
		if replaced != 0 {
			ix.removeGroupTree(replaced)
		}
		// Back: the group, and below it what did not go to the Trash by itself.
		for _, eid := range entries {
			r := ix.trashEntries[eid]
			delete(ix.trashEntries, eid)
			ix.putEntry(r.entry)
		}
		for _, gid := range unit {
			g := ix.trashGroups[gid]
			g.group.trashedAt = time.Time{}
			delete(ix.trashGroups, gid)
			ix.putGroup(g.group)
		}
	}, nil
}

// emptyGroup: no entry, no subgroup, no description, and nothing of the
// Trash that would come back into it.
func (ix *index) emptyGroup(g Group) bool {
	if g.Description != "" || len(ix.byGroup[g.ID]) > 0 {
		return false
	}
	for _, other := range ix.groups {
		if other.group.ParentID == g.ID {
			return false
		}
	}
	for _, other := range ix.trashGroups {
		if other.group.ParentID == g.ID {
			return false
		}
	}
	for _, r := range ix.trashEntries {
		if r.entry.GroupID == g.ID {
			return false
		}
	}
	return true
}

// DeleteFromTrash deletes an item of the Trash for good, with everything
// that went with it, and says how many groups and entries went.
func (v *Vault) DeleteFromTrash(ctx context.Context, ref string) (RemovedCounts, error) {
	var counts RemovedCounts
	err := v.write(ctx, "delete from the Trash", func(tx *store.Tx, _ *keys, ix *index) (func(*index), error) {
		item, err := ix.trashItem(ref)
		if err != nil {
			return nil, err
		}
		if err := deleteTrashed(tx, item.Kind, item.ID); err != nil {
			return nil, err
		}
		counts = deletedCounts(ix.trashTree(), item)
		return func(ix *index) { ix.dropTrashed(item.Kind, item.ID) }, nil
	})
	return counts, err
}

// EmptyTrash deletes everything in the Trash for good, in one transaction.
func (v *Vault) EmptyTrash(ctx context.Context) (RemovedCounts, error) {
	var counts RemovedCounts
	err := v.write(ctx, "empty the Trash", func(tx *store.Tx, _ *keys, ix *index) (func(*index), error) {
		t := ix.trashTree()
		for _, item := range ix.trashItems() {
			if err := deleteTrashed(tx, item.Kind, item.ID); err != nil {
				return nil, err
			}
			c := deletedCounts(t, item)
			counts.Groups += c.Groups
			counts.Entries += c.Entries
		}
		return func(ix *index) {
			ix.trashGroups, ix.trashEntries = map[int64]*groupRec{}, map[int64]*entryRec{}
		}, nil
	})
	return counts, err
}

// PurgeTrash deletes for good, in one transaction, what went to the Trash
// more than TrashRetention ago (by itself, or inside a group removed
// later). Unlocking does it.
func (v *Vault) PurgeTrash(ctx context.Context) (RemovedCounts, error) {
	var due bool
	cutoff := v.now().Add(-TrashRetention)
	err := v.read(ctx, func(_ *keys, ix *index) error { due = len(ix.dueForPurge(cutoff)) > 0; return nil })
	if err != nil || !due { // nothing to do: no write, the revision stays
		return RemovedCounts{}, err
	}
	var counts RemovedCounts
	err = v.write(ctx, "purge the Trash", func(tx *store.Tx, _ *keys, ix *index) (func(*index), error) {
		old := ix.dueForPurge(cutoff)
		t := ix.trashTree()
		gone := map[int64]bool{} // groups deleted with an older one above them
		for _, item := range old {
			if item.Kind == TrashEntry {
				if gone[ix.trashEntries[item.ID].entry.GroupID] {
					continue
				}
				counts.Entries++
			} else {
				if gone[item.ID] {
					continue
				}
				for _, gid := range t.subtree(item.ID) {
					gone[gid] = true
					counts.Groups++
					counts.Entries += len(t.entries[gid])
				}
			}
			if err := deleteTrashed(tx, item.Kind, item.ID); err != nil {
				return nil, err
			}
		}
		return func(ix *index) {
			for _, item := range old {
				ix.dropTrashed(item.Kind, item.ID)
			}
		}, nil
	})
	return counts, err
}

// dueForPurge lists every row removed by itself before cutoff, groups
// before entries and outer groups before inner ones.
func (ix *index) dueForPurge(cutoff time.Time) []TrashItem {
	var out []TrashItem
	depth := func(id int64) int {
		n := 0
		for g := ix.trashGroups[id]; g != nil && n <= len(ix.trashGroups); g = ix.trashGroups[g.group.ParentID] {
			n++
		}
		return n
	}
	for id, g := range ix.trashGroups {
		if at := g.group.trashedAt; !at.IsZero() && at.Before(cutoff) {
			out = append(out, TrashItem{Kind: TrashGroup, ID: id, Groups: depth(id)})
		}
	}
	for id, r := range ix.trashEntries {
		if at := r.entry.trashedAt; !at.IsZero() && at.Before(cutoff) {
			out = append(out, TrashItem{Kind: TrashEntry, ID: id})
		}
	}
	slices.SortFunc(out, func(a, b TrashItem) int {
		return cmp.Or(strings.Compare(b.Kind, a.Kind), cmp.Compare(a.Groups, b.Groups), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func deleteTrashed(tx *store.Tx, kind string, id int64) error {
	if kind == TrashGroup {
		_, _, err := tx.DeleteGroupTree(id)
		return err
	}
	return tx.DeleteEntry(id)
}

// dropTrashed forgets a deleted item of the Trash and what went with it.
func (ix *index) dropTrashed(kind string, id int64) {
	if kind == TrashEntry {
		delete(ix.trashEntries, id)
		return
	}
	t := ix.trashTree()
	for _, gid := range t.subtree(id) {
		for _, eid := range t.entries[gid] {
			delete(ix.trashEntries, eid)
		}
		delete(ix.trashGroups, gid)
	}
}

package vault

import (
	"context"
	"errors"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/limits"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// defaultGroupName is the group every new vault starts with, and the one
// recreated when the last group is removed.
const defaultGroupName = "Accounts"

// Group is a node of the group tree. EntryCount counts the group's own
// entries, not those of its subgroups.
type Group struct {
	ID          int64  `json:"id"`
	ParentID    int64  `json:"parentId"` // 0 = top level
	Name        string `json:"name"`
	Description string `json:"description"`
	EntryCount  int    `json:"entryCount"`

	trashedAt time.Time // when it went to the Trash itself; zero = not by itself
}

// RemovedCounts counts groups and entries: what RemoveGroup would move to
// the Trash, what went from it for good.
type RemovedCounts struct {
	Groups  int `json:"groups"`
	Entries int `json:"entries"`
}

func decryptGroup(k *keys, row store.Group) (Group, error) {
	name, err := k.open(row.Name, "groups", "name", row.ID)
	if err != nil {
		return Group{}, err
	}
	description, err := k.open(row.Description, "groups", "description", row.ID)
	if err != nil {
		return Group{}, err
	}
	return Group{ID: row.ID, ParentID: row.ParentID, Name: name, Description: description, trashedAt: row.TrashedAt}, nil
}

// sealGroup puts name and description into row, encrypted for its place.
func (k *keys) sealGroup(row store.Group, name, description string) store.Group {
	row.Name = k.seal(name, "groups", "name", row.ID)
	row.NameMAC = k.nameMAC(row.ParentID, name)
	row.Description = k.seal(description, "groups", "description", row.ID)
	return row
}

func insertGroup(tx *store.Tx, k *keys, parentID int64, name, description string, now time.Time) (Group, error) {
	id, err := tx.NextGroupID()
	if err != nil {
		return Group{}, err
	}
	err = tx.InsertGroup(k.groupRow(k.sealGroup(store.Group{ID: id, ParentID: parentID, CreatedAt: now, UpdatedAt: now},
		name, description)))
	if errors.Is(err, store.ErrConflict) {
		return Group{}, about("name", newError(Conflict, err, "A group named '%s' already exists here", name))
	}
	return Group{ID: id, ParentID: parentID, Name: name, Description: description}, err
}

// Groups lists the whole tree: parents before children, siblings by name.
func (v *Vault) Groups(ctx context.Context) ([]Group, error) {
	var out []Group
	err := v.read(ctx, func(_ *keys, ix *index) error { out = ix.tree(); return nil })
	return out, err
}

// AddGroup adds a group under parentID (0 = top level).
func (v *Vault) AddGroup(ctx context.Context, parentID int64, name, description string) (Group, error) {
	name, err := cleanGroupName(name)
	if err != nil {
		return Group{}, err
	}
	if err := checkDescription(description); err != nil {
		return Group{}, err
	}
	var added Group
	err = v.write(ctx, "add group", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		if _, ok := ix.groups[parentID]; parentID != 0 && !ok {
			return nil, newError(NotFound, nil, "The parent group %d does not exist", parentID)
		}
		if ix.depth(parentID) >= limits.MaxGroupDepth {
			return nil, invalidf("Groups cannot be nested more than %d levels deep", limits.MaxGroupDepth)
		}
		if _, taken := ix.siblingNamed(parentID, name); taken {
			return nil, about("name", newError(Conflict, nil, "A group named '%s' already exists here", name))
		}
		g, err := insertGroup(tx, k, parentID, name, description, v.now())
		added = g
		return func(ix *index) { ix.putGroup(g) }, err
	})
	return added, err
}

// UpdateGroup renames a group and sets its description.
func (v *Vault) UpdateGroup(ctx context.Context, id int64, name, description string) (Group, error) {
	name, err := cleanGroupName(name)
	if err != nil {
		return Group{}, err
	}
	if err := checkDescription(description); err != nil {
		return Group{}, err
	}
	var updated Group
	err = v.write(ctx, "update group", func(tx *store.Tx, k *keys, ix *index) (func(*index), error) {
		current, ok := ix.groups[id]
		if !ok {
			return nil, newError(NotFound, nil, "Group %d does not exist", id)
		}
		parent := current.group.ParentID
		if other, taken := ix.siblingNamed(parent, name); taken && other.ID != id {
			return nil, about("name", newError(Conflict, nil, "A group named '%s' already exists here", name))
		}
		row, err := tx.Group(id)
		if err != nil {
			return nil, err
		}
		row.UpdatedAt = v.now()
		err = tx.UpdateGroup(k.groupRow(k.sealGroup(row, name, description)))
		if errors.Is(err, store.ErrConflict) {
			return nil, about("name", newError(Conflict, err, "A group named '%s' already exists here", name))
		}
		updated = Group{ID: id, ParentID: parent, Name: name, Description: description, EntryCount: len(ix.byGroup[id])}
		return func(ix *index) { ix.putGroup(updated) }, err
	})
	return updated, err
}

// GroupSubtreeCounts is what RemoveGroup(id) would remove: the group, its
// subgroups at any depth and all their entries (for a confirmation).
func (v *Vault) GroupSubtreeCounts(ctx context.Context, id int64) (RemovedCounts, error) {
	var counts RemovedCounts
	err := v.read(ctx, func(_ *keys, ix *index) error {
		if _, ok := ix.groups[id]; !ok {
			return groupMissing(id)
		}
		for _, gid := range ix.subtree(id) {
			counts.Groups++
			counts.Entries += len(ix.byGroup[gid])
		}
		return nil
	})
	return counts, err
}

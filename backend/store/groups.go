package store

import (
	"database/sql"
	"errors"
	"fmt"
)

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const groupColumns = `id, ifnull(parent_id, 0), name, name_mac, description, created_at, updated_at, tag, trashed_at`

func scanGroup(scan func(...any) error) (Group, error) {
	var g Group
	var created, updated int64
	var trashed sql.NullInt64
	err := scan(&g.ID, &g.ParentID, &g.Name, &g.NameMAC, &g.Description, &created, &updated, &g.Tag, &trashed)
	g.CreatedAt, g.UpdatedAt, g.TrashedAt = fromMicros(created), fromMicros(updated), fromNullMicros(trashed)
	return g, err
}

// Groups lists every group, by id.
func (t *Tx) Groups() ([]Group, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT `+groupColumns+` FROM groups ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read groups: %w", err)
	}
	defer rows.Close()
	var list []Group
	for rows.Next() {
		g, err := scanGroup(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("read groups: %w", err)
		}
		list = append(list, g)
	}
	return list, rows.Err()
}

// Group reads one group; ErrNotFound if there is none with that id.
func (t *Tx) Group(id int64) (Group, error) {
	g, err := scanGroup(t.tx.QueryRowContext(t.ctx, `SELECT `+groupColumns+` FROM groups WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return g, ErrNotFound
	}
	if err != nil {
		return g, fmt.Errorf("read group %d: %w", id, err)
	}
	return g, nil
}

// CountGroups counts all groups.
func (t *Tx) CountGroups() (int, error) {
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM groups`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count groups: %w", err)
	}
	return n, nil
}

// InsertGroup inserts g with its ID (see NextGroupID); ErrConflict when a
// sibling has the same NameMAC.
func (t *Tx) InsertGroup(g Group) error {
	_, err := t.exec(`INSERT INTO groups (id, parent_id, name, name_mac, description, created_at, updated_at, tag, trashed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		g.ID, nullID(g.ParentID), g.Name, g.NameMAC, g.Description, micros(g.CreatedAt), micros(g.UpdatedAt), g.Tag,
		nullMicros(g.TrashedAt))
	if err != nil {
		return fmt.Errorf("insert group: %w", err)
	}
	return nil
}

// UpdateGroup rewrites the name, MAC, description, trash time and tag of
// g.ID; ErrNotFound, ErrConflict.
func (t *Tx) UpdateGroup(g Group) error {
	res, err := t.exec(`UPDATE groups SET name = ?, name_mac = ?, description = ?, updated_at = ?, tag = ?, trashed_at = ?
		WHERE id = ?`,
		g.Name, g.NameMAC, g.Description, micros(g.UpdatedAt), g.Tag, nullMicros(g.TrashedAt), g.ID)
	if err != nil {
		return fmt.Errorf("update group %d: %w", g.ID, err)
	}
	return affected(res, g.ID)
}

// DeleteGroupTree deletes a group, its subtree and their entries (by
// cascade) and reports how many groups and entries went.
func (t *Tx) DeleteGroupTree(id int64) (groups, entries int, err error) {
	err = t.tx.QueryRowContext(t.ctx, `WITH RECURSIVE tree(id) AS (
			SELECT id FROM groups WHERE id = ?
			UNION ALL SELECT g.id FROM groups g JOIN tree ON g.parent_id = tree.id)
		SELECT (SELECT count(*) FROM tree), (SELECT count(*) FROM entries WHERE group_id IN (SELECT id FROM tree))`,
		id).Scan(&groups, &entries)
	if err != nil {
		return 0, 0, fmt.Errorf("count group %d subtree: %w", id, err)
	}
	if groups == 0 {
		return 0, 0, ErrNotFound
	}
	if _, err := t.exec(`DELETE FROM groups WHERE id = ?`, id); err != nil {
		return 0, 0, fmt.Errorf("delete group %d: %w", id, err)
	}
	return groups, entries, nil
}

func affected(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w (id %d)", ErrNotFound, id)
	}
	return nil
}

-- Forgiva Desktop vault, schema 3: the Trash.
-- A removed group or entry stays in its table with the time it was removed
-- (unix microseconds, UTC); NULL means it is in use. A group's subgroups and
-- entries go with it without a mark of their own: what is under a trashed
-- group is in the Trash too. The vault package adds trashed_at to a row's
-- integrity tag when it is set, so rows of schema 2 keep their tags.
ALTER TABLE groups ADD COLUMN trashed_at INTEGER;
ALTER TABLE entries ADD COLUMN trashed_at INTEGER;
-- Sibling names are unique among groups in use only: a group in the Trash
-- does not keep its name from a new one.
DROP INDEX groups_sibling_name;
CREATE UNIQUE INDEX groups_sibling_name ON groups (ifnull(parent_id, 0), name_mac) WHERE trashed_at IS NULL;

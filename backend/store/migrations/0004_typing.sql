-- Forgiva Desktop vault, schema 4: how a quick generation types an entry.
-- type_sequence is the entry's own keystroke sequence, encrypted like its
-- host ({USERNAME}{TAB}{PASSWORD}{ENTER}); NULL means the password alone.
-- type_confirm asks the user to confirm the target window before typing.
-- The vault package adds both to a row's integrity tag only when they are
-- set, so rows of schema 3 keep their tags.
ALTER TABLE entries ADD COLUMN type_sequence BLOB;
ALTER TABLE entries ADD COLUMN type_confirm INTEGER NOT NULL DEFAULT 0;

-- Forgiva Desktop vault, schema 2: integrity.
-- Each row that shapes a password or a security behaviour carries a tag, an
-- HMAC-SHA256 under a key derived from the data key over all its columns;
-- state.seal is an HMAC over every tag, so a deleted or re-inserted row is
-- noticed too. The vault package computes and checks both. A file migrated
-- from schema 1 has NULL tags and format 1 until its first unlock with the
-- vault password, which re-keys it and tags every row in one transaction.
ALTER TABLE groups ADD COLUMN tag BLOB;
ALTER TABLE entries ADD COLUMN tag BLOB;
ALTER TABLE renewals ADD COLUMN tag BLOB;
ALTER TABLE settings ADD COLUMN tag BLOB;
ALTER TABLE state ADD COLUMN seal BLOB;
-- 1: the schema-1 wrap; 2: the wrap binds the format and the KDF parameters.
ALTER TABLE vault_key ADD COLUMN format INTEGER NOT NULL DEFAULT 1;

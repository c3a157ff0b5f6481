-- Forgiva Desktop vault, schema 1.
-- Names, hosts, accounts, descriptions and renewal dates are AES-256-GCM
-- ciphertexts made by the vault package (BLOB columns); SQLite only sees
-- opaque bytes, ids, policies and times (unix microseconds, UTC).

-- One row: the vault's identity and a counter bumped by every write
-- transaction, so a process can tell that another one changed the file.
CREATE TABLE state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    vault_id   TEXT    NOT NULL,
    generation INTEGER NOT NULL DEFAULT 0
);

-- One row: the data key wrapped under the key derived from the vault password.
CREATE TABLE vault_key (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    kdf            TEXT    NOT NULL CHECK (kdf = 'argon2id'),
    kdf_time       INTEGER NOT NULL CHECK (kdf_time > 0),
    kdf_memory_kib INTEGER NOT NULL CHECK (kdf_memory_kib > 0),
    kdf_threads    INTEGER NOT NULL CHECK (kdf_threads BETWEEN 1 AND 255),
    salt           BLOB    NOT NULL,
    wrapped_key    BLOB    NOT NULL,
    changed_at     INTEGER NOT NULL
);

-- Remembered sessions: the data key wrapped under a secret kept in the OS keyring.
CREATE TABLE sessions (
    id          TEXT    PRIMARY KEY,
    wrapped_key BLOB    NOT NULL,
    expires_at  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    name        BLOB    NOT NULL,
    -- keyed MAC of (parent, case-folded name): lets SQLite enforce unique
    -- sibling names without seeing them.
    name_mac    BLOB    NOT NULL,
    description BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX groups_sibling_name ON groups (ifnull(parent_id, 0), name_mac);
CREATE INDEX groups_parent ON groups (parent_id);

CREATE TABLE entries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id         INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    host             BLOB    NOT NULL,
    account          BLOB    NOT NULL,
    last_renewal     BLOB,
    complexity       INTEGER NOT NULL CHECK (complexity BETWEEN 1 AND 3),
    length           INTEGER NOT NULL CHECK (length BETWEEN 2 AND 64),
    lowercase        INTEGER NOT NULL CHECK (lowercase IN (0, 1)),
    uppercase        INTEGER NOT NULL CHECK (uppercase IN (0, 1)),
    numbers          INTEGER NOT NULL CHECK (numbers IN (0, 1)),
    symbols          INTEGER NOT NULL CHECK (symbols IN (0, 1)),
    generated_before INTEGER NOT NULL CHECK (generated_before IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK (lowercase + uppercase + numbers + symbols > 0)
);
CREATE INDEX entries_group ON entries (group_id);

CREATE TABLE renewals (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    renewal    BLOB    NOT NULL,
    renewed_at INTEGER NOT NULL
);
CREATE INDEX renewals_entry ON renewals (entry_id, renewed_at);

-- Settings that differ from their defaults. The vault encrypts the secret
-- ones (signature, stored master key); the others are plain UTF-8.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	sql     string
}

// migrations lists the embedded files "NNNN_name.sql" in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var list []migration
	for _, name := range names {
		prefix, _, _ := strings.Cut(path.Base(name), "_")
		version, err := strconv.Atoi(prefix)
		if err != nil {
			return nil, fmt.Errorf("migration %s: no version prefix", name)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		list = append(list, migration{version: version, sql: string(body)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	return list, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	list, err := migrations()
	if err != nil || len(list) == 0 {
		return 0
	}
	return list[len(list)-1].version
}

// Version reports the file's schema version (PRAGMA user_version).
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.reader.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// migrate applies every migration above the file's version, each in its own
// transaction together with the new user_version.
func (s *Store) migrate(ctx context.Context) error {
	current, err := s.Version(ctx)
	if err != nil {
		return err
	}
	list, err := migrations()
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if latest := list[len(list)-1].version; current > latest {
		return fmt.Errorf("%w (schema %d, this version knows up to %d)", ErrTooNew, current, latest)
	}
	for _, m := range list {
		if m.version <= current {
			continue
		}
		err := s.run(ctx, s.writer, func(tx *Tx) error {
			if _, err := tx.exec(m.sql); err != nil {
				return err
			}
			_, err := tx.exec(fmt.Sprintf(`PRAGMA user_version = %d`, m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate to schema %d: %w", m.version, err)
		}
	}
	return nil
}

// initialise prepares a fresh file: WAL, the application id, the schema and
// the state row.
func (s *Store) initialise(ctx context.Context, vaultID string) error {
	for _, pragma := range []string{
		`PRAGMA journal_mode = WAL`,
		fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID),
	} {
		if _, err := s.writer.ExecContext(ctx, pragma); err != nil {
			return fmt.Errorf("%s: %w", pragma, err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	err := s.run(ctx, s.writer, func(tx *Tx) error {
		_, err := tx.exec(`INSERT INTO state (id, vault_id, generation) VALUES (1, ?, 0)`, vaultID)
		return err
	})
	if err != nil {
		return err
	}
	// Copy the WAL into the main file now: the header check of Open reads
	// the application id from the main file, and another process may open
	// the vault before this one ever checkpoints.
	if _, err := s.writer.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

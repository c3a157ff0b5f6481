// Package store keeps the vault in one SQLite file (modernc.org/sqlite, no
// cgo): schema, migrations and queries. It stores what it is given; the
// vault package encrypts before and decrypts after, and owns every rule.
//
// Concurrency: all writes go through one connection (database/sql pool of
// size one) and start with BEGIN IMMEDIATE, so writers in this process queue
// in Go instead of failing with "database is locked", and a writer in another
// process (the CLI beside the app) waits on busy_timeout. Reads use a separate
// pool and see a consistent snapshot thanks to WAL.
//
// Durability: WAL with synchronous=FULL, so a committed transaction has been
// fsynced into the WAL before Update returns.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var (
	// ErrNotFound: the row asked for does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: a uniqueness rule refused the write.
	ErrConflict = errors.New("store: conflict")
	// ErrExists: Create found a file at the path.
	ErrExists = errors.New("store: file exists")
)

// busyTimeoutMS bounds how long a statement waits for another process's lock.
const busyTimeoutMS = 5000

// Store is an open vault file. It is safe for concurrent use.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
}

// Create makes a new vault file at path (mode 0600; its directory must exist)
// with the current schema and the given vault id, and opens it. It refuses to
// touch an existing file (ErrExists).
func Create(ctx context.Context, path, vaultID string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil, ErrExists
	}
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	s, err := open(path)
	if err == nil {
		err = s.initialise(ctx, vaultID)
	}
	if err != nil {
		if s != nil {
			_ = s.Close()
		}
		removeFiles(path)
		return nil, fmt.Errorf("create vault file: %w", err)
	}
	return s, nil
}

// Open opens an existing vault file. Before SQLite sees the file, its header
// is checked (ErrForeign, ErrCorrupt), so a foreign file is never modified;
// then a quick integrity check runs and pending migrations are applied.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	s, err := open(path)
	if err != nil {
		return nil, err
	}
	if err := s.check(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

func open(path string) (*Store, error) {
	writer, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	writer.SetMaxOpenConns(1)
	reader, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		_ = writer.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	reader.SetMaxOpenConns(4)
	return &Store{path: path, writer: writer, reader: reader}, nil
}

// dsn builds the connection string. journal_mode is not set here: WAL is
// persistent, set once by Create, and setting it on open would convert a
// foreign database the header check let through.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Set("_txlock", "deferred")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close closes both pools; the last connection checkpoints the WAL.
func (s *Store) Close() error {
	return errors.Join(s.reader.Close(), s.writer.Close())
}

// Update runs fn in one write transaction (BEGIN IMMEDIATE) and commits if fn
// returns nil. It bumps the write counter (the revision: the state table's
// column generation, so named in schema 1) and returns its new value.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) (revision int64, err error) {
	err = s.run(ctx, s.writer, func(tx *Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return tx.tx.QueryRowContext(ctx,
			`UPDATE state SET generation = generation + 1 WHERE id = 1 RETURNING generation`).Scan(&revision)
	})
	return revision, err
}

// View runs fn in a read transaction: one consistent snapshot.
func (s *Store) View(ctx context.Context, fn func(*Tx) error) error {
	return s.run(ctx, s.reader, fn)
}

// Revision is the counter bumped by every committed Update, in this
// process or another one.
func (s *Store) Revision(ctx context.Context) (int64, error) {
	var g int64
	err := s.reader.QueryRowContext(ctx, `SELECT generation FROM state WHERE id = 1`).Scan(&g)
	if err != nil {
		return 0, fmt.Errorf("read the write counter: %w", err)
	}
	return g, nil
}

func (s *Store) run(ctx context.Context, db *sql.DB, fn func(*Tx) error) error {
	sqlTx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tx := &Tx{tx: sqlTx, ctx: ctx}
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Tx is one transaction; its methods are the queries.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
}

// stmt prepares a query once per transaction: a bulk write (an import of
// thousands of rows) would otherwise spend half its time in SQLite's parser.
// The transaction's end closes them.
func (t *Tx) stmt(query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(t.ctx, query)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = s
	return s, nil
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	s, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	res, err := s.ExecContext(t.ctx, args...)
	return res, mapErr(err)
}

// mapErr turns a uniqueness violation into ErrConflict.
func mapErr(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return fmt.Errorf("%w: %w", ErrConflict, err)
	}
	return err
}

func removeFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(path + suffix)
	}
}

package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// ApplicationID marks a Forgiva Desktop vault in the SQLite header ("FGVD").
const ApplicationID = 0x46475644

var (
	// ErrForeign: the file is not a Forgiva Desktop vault (another SQLite
	// database, or not SQLite at all).
	ErrForeign = errors.New("store: not a Forgiva Desktop vault")
	// ErrCorrupt: the file claims to be a vault but is damaged.
	ErrCorrupt = errors.New("store: vault file is damaged")
	// ErrTooNew: the file was written by a newer version of the app.
	ErrTooNew = errors.New("store: vault file is from a newer version")
)

var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader reads the 100-byte SQLite header with plain file I/O, so a
// file that is not ours is judged without SQLite opening (or touching) it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	header := make([]byte, 100)
	if _, err := io.ReadFull(f, header); err != nil {
		return fmt.Errorf("%w (the file is too short to be an SQLite database)", ErrForeign)
	}
	if !bytes.Equal(header[:16], sqliteMagic) {
		return fmt.Errorf("%w (it is not an SQLite database)", ErrForeign)
	}
	if id := binary.BigEndian.Uint32(header[68:72]); id != ApplicationID {
		return fmt.Errorf("%w (an SQLite database of another application)", ErrForeign)
	}
	// Bytes 18 and 19 are the write/read format versions: 2 means WAL, which
	// Create always sets. Anything else means the header was damaged.
	if header[18] != 2 || header[19] != 2 {
		return fmt.Errorf("%w (unexpected journal format in the header)", ErrCorrupt)
	}
	return nil
}

// check runs SQLite's quick integrity check, which reads every page but
// writes nothing.
func (s *Store) check(ctx context.Context) error {
	rows, err := s.reader.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrCorrupt, problems[0])
	}
	return nil
}

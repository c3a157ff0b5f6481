// Package vault is the user operations of Forgiva Desktop: groups, entries,
// settings, the vault password, remembered sessions and password generation.
// The GUI and the CLI do everything through it. It validates input, keeps
// the rules, encrypts what it stores (see keys.go) and runs the engine.
package vault

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/session"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// FileName is the vault file inside the data directory.
const FileName = "vault.db"

// Keyring is the part of an OS keyring the vault uses; tests pass an
// in-memory one.
type Keyring = session.Keyring

// Options configure Create and Open.
type Options struct {
	Dir     string           // data dir; "" = DefaultDir()
	Keyring Keyring          // nil = the OS keyring with a timeout
	Now     func() time.Time // nil = time.Now (injectable clock)
	// Estimator rates the passwords that guard the vault's data (the vault
	// password, an export passphrase); without one they are refused.
	Estimator Estimator
}

// DataDirEnv names the environment variable that overrides the data dir.
const DataDirEnv = "FORGIVA_DATA_DIR"

// DefaultDir is $FORGIVA_DATA_DIR, else os.UserConfigDir()/forgiva-desktop.
func DefaultDir() (string, error) {
	if dir := os.Getenv(DataDirEnv); dir != "" {
		return dir, nil
	}
	config, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w", err)
	}
	return filepath.Join(config, "forgiva-desktop"), nil
}

// Exists reports whether dir ("" = DefaultDir) holds a vault file.
func Exists(dir string) (bool, error) {
	dir, err := ResolveDir(dir)
	if err != nil {
		return false, err
	}
	_, err = os.Stat(filepath.Join(dir, FileName))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// ResolveDir is the data directory dir names: dir itself, or
// DefaultDir when it is "".
func ResolveDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDir()
}

// Vault is an open vault file, locked or unlocked. It is safe for concurrent
// use: reads share the in-memory index, writes are serialised.
type Vault struct {
	st       *store.Store
	vaultID  string
	now      func() time.Time
	sessions session.Store
	est      Estimator

	// writeMu serialises writes with the index updates that follow them, and
	// with lock/unlock, so the index always reflects the commits in order.
	writeMu sync.Mutex
	// mu guards keys and idx; readers hold it shared.
	mu   sync.RWMutex
	keys *keys  // nil when locked
	idx  *index // nil when locked

	noticeMu    sync.Mutex
	notice      string
	noticeGiven bool
}

func newVault(st *store.Store, vaultID string, opts Options) *Vault {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	// The file keeps microseconds: times in memory must compare equal to
	// times read back.
	v := &Vault{st: st, vaultID: vaultID, est: opts.Estimator, now: func() time.Time { return now().UTC().Truncate(time.Microsecond) }}
	kr := opts.Keyring
	if kr == nil {
		kr = session.OS(session.DefaultTimeout)
	}
	v.sessions = session.Store{Keyring: kr}
	return v
}

// Create makes a new vault in opts.Dir with the given password, unlocked,
// with one group "Accounts". It refuses a weak password, saying why, and an
// existing vault.
func Create(ctx context.Context, opts Options, password []byte) (*Vault, error) {
	if err := checkPasswordStrength(opts.Estimator, password, nil); err != nil {
		return nil, err
	}
	dir, err := ResolveDir(opts.Dir)
	if err != nil {
		return nil, internal("create vault", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, newError(Invalid, err, "Cannot create the data directory %s", dir)
	}
	if err := makePrivate(dir); err != nil {
		return nil, err
	}
	vaultID := hex.EncodeToString(secret.Random(16))
	path := filepath.Join(dir, FileName)
	st, err := store.Create(ctx, path, vaultID)
	if errors.Is(err, store.ErrExists) {
		return nil, newError(Conflict, err, "A vault already exists in %s", dir)
	}
	if err != nil {
		return nil, internal("create vault", err)
	}
	v := newVault(st, vaultID, opts)
	if err := v.initialise(ctx, password); err != nil {
		_ = st.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			_ = os.Remove(path + suffix)
		}
		return nil, internal("create vault", err)
	}
	return v, nil
}

// initialise wraps a fresh data key under the password and adds the first
// group, in one transaction, then unlocks.
func (v *Vault) initialise(ctx context.Context, password []byte) error {
	dataKey := secret.NewKey()
	vk, pwKey, err := wrapDataKey(dataKey, password, v.vaultID, v.now())
	if err != nil {
		return err
	}
	k, err := newKeys(dataKey)
	if err != nil {
		return err
	}
	k.pwKey = pwKey
	_, err = v.st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.PutVaultKey(vk); err != nil {
			return err
		}
		if _, err := insertGroup(tx, k, 0, defaultGroupName, "", v.now()); err != nil {
			return err
		}
		return reseal(tx, k)
	})
	if err != nil {
		return err
	}
	return v.install(ctx, k)
}

// wrapDataKey derives a key from password with fresh salt and kdfParams and
// wraps dataKey under it, in the current format. It also returns the
// password's key for the stored master key (keys.pwKey).
func wrapDataKey(dataKey, password []byte, vaultID string, now time.Time) (store.VaultKey, []byte, error) {
	salt := secret.Random(saltSize)
	kek := deriveKEK(password, salt, kdfParams)
	defer secret.Wipe(kek)
	vk := store.VaultKey{Format: currentKeyFormat, KDF: kdfParams, Salt: salt, ChangedAt: now.UTC().Truncate(time.Microsecond)}
	wrapped, err := secret.Seal(kek, dataKey, vaultKeyAD(vaultID, vk))
	if err != nil {
		return store.VaultKey{}, nil, err
	}
	vk.WrappedKey = wrapped
	pwKey, err := passwordKey(kek)
	return vk, pwKey, err
}

// Open opens the vault in opts.Dir, locked. A file that is not a vault, or
// is damaged, gives a Corrupt error and is left untouched.
func Open(ctx context.Context, opts Options) (*Vault, error) {
	dir, err := ResolveDir(opts.Dir)
	if err != nil {
		return nil, internal("open vault", err)
	}
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, newError(NotFound, err, "There is no vault in %s yet: create one first", dir)
	}
	if err := makePrivate(dir); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, path)
	switch {
	case errors.Is(err, store.ErrForeign):
		return nil, newError(Corrupt, err, "The file %s is not a Forgiva vault; it was left untouched", path)
	case errors.Is(err, store.ErrCorrupt):
		return nil, newError(Corrupt, err, "The vault file %s is damaged and cannot be opened; it was left untouched", path)
	case errors.Is(err, store.ErrTooNew):
		return nil, newError(Corrupt, err, "The vault file %s was written by a newer version of Forgiva Desktop", path)
	case err != nil:
		return nil, internal("open vault", err)
	}
	var vaultID string
	if err := st.View(ctx, func(tx *store.Tx) (err error) { vaultID, err = tx.VaultID(); return err }); err != nil {
		_ = st.Close()
		return nil, newError(Corrupt, err, "The vault file %s is damaged (no vault identity); it was left untouched", path)
	}
	return newVault(st, vaultID, opts), nil
}

// makePrivate gives the data directory mode 0700 and the vault's files 0600,
// whatever they had: a directory made by hand, or copied with a lax umask,
// would otherwise let other users read the file and its backups.
func makePrivate(dir string) error {
	if err := os.Chmod(dir, 0o700); err != nil {
		return newError(Invalid, err, "Cannot make the data directory %s private (mode 0700)", dir)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Chmod(filepath.Join(dir, FileName+suffix), 0o600)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return newError(Invalid, err, "Cannot make the vault file in %s private (mode 0600)", dir)
		}
	}
	return nil
}

// Close locks the vault (keeping any remembered session) and closes the file.
func (v *Vault) Close() error {
	v.forgetKeys()
	if err := v.st.Close(); err != nil {
		return internal("close vault", err)
	}
	return nil
}

// IsUnlocked reports whether the vault is unlocked.
func (v *Vault) IsUnlocked() bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.keys != nil
}

// KeyringNotice returns, once, the message that sessions cannot be
// remembered because there is no usable OS keyring; "" otherwise.
func (v *Vault) KeyringNotice() string {
	v.noticeMu.Lock()
	defer v.noticeMu.Unlock()
	if v.noticeGiven || v.notice == "" {
		return ""
	}
	v.noticeGiven = true
	return v.notice
}

// setNotice records that the keyring is unusable. The cause stays out of the
// message: it names D-Bus details that help nobody at the keyboard.
func (v *Vault) setNotice() {
	v.noticeMu.Lock()
	defer v.noticeMu.Unlock()
	if v.notice == "" {
		v.notice = "No OS keyring is available, so the vault cannot remember your session: " +
			"you will be asked for the vault password each time"
	}
}

// install makes k the vault's keys and builds the index from the file.
func (v *Vault) install(ctx context.Context, k *keys) error {
	var ix *index
	err := v.st.View(ctx, func(tx *store.Tx) (err error) { ix, err = loadIndex(tx, k); return err })
	if err != nil {
		k.wipe()
		return err
	}
	v.swapKeys(k, ix)
	// What has been in the Trash too long goes now. A vault that cannot be
	// written to (another process holds the lock) still opens: the next
	// unlock purges.
	_, _ = v.PurgeTrash(ctx)
	return nil
}

func (v *Vault) forgetKeys() { v.swapKeys(nil, nil) }

// swapKeys replaces the unlocked state (nil, nil: locked) once no write is
// running, wiping the keys it replaces.
func (v *Vault) swapKeys(k *keys, ix *index) {
	v.writeMu.Lock()
	defer v.writeMu.Unlock()
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keys != nil {
		v.keys.wipe()
	}
	v.keys, v.idx = k, ix
}

// read runs fn on a fresh index, shared with other readers. If another
// process changed the file since the index was built, it is rebuilt first.
func (v *Vault) read(ctx context.Context, fn func(*keys, *index) error) error {
	revision, err := v.st.Revision(ctx)
	if err != nil {
		return internal("read", err)
	}
	v.mu.RLock()
	locked, stale := v.keys == nil, v.idx != nil && v.idx.revision != revision
	v.mu.RUnlock()
	if locked {
		return errLocked
	}
	if stale {
		if err := v.refresh(ctx); err != nil {
			return err
		}
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.keys == nil {
		return errLocked
	}
	return fn(v.keys, v.idx)
}

func (v *Vault) refresh(ctx context.Context) error {
	v.writeMu.Lock()
	defer v.writeMu.Unlock()
	v.mu.RLock()
	k := v.keys
	v.mu.RUnlock()
	if k == nil {
		return errLocked
	}
	var ix *index
	if err := v.st.View(ctx, func(tx *store.Tx) (err error) { ix, err = loadIndex(tx, k); return err }); err != nil {
		return internal("reload", err)
	}
	v.mu.Lock()
	v.idx = ix
	v.mu.Unlock()
	return nil
}

// change is the body of a write: it runs inside the transaction with the
// keys and an index that matches the transaction's snapshot (read only), and
// returns what to apply to the index once the transaction has committed.
type change func(tx *store.Tx, k *keys, ix *index) (apply func(*index), err error)

// write runs fn in one write transaction and then applies its result to the
// index, both under writeMu so indexes follow commits in order.
func (v *Vault) write(ctx context.Context, op string, fn change) error {
	v.writeMu.Lock()
	defer v.writeMu.Unlock()
	v.mu.RLock()
	k, ix := v.keys, v.idx
	v.mu.RUnlock()
	if k == nil {
		return errLocked
	}
	var apply func(*index)
	revision, err := v.st.Update(ctx, func(tx *store.Tx) error {
		current, err := tx.Revision()
		if err != nil {
			return err
		}
		if current != ix.revision { // another process wrote: catch up first
			if ix, err = loadIndex(tx, k); err != nil {
				return err
			}
		}
		if apply, err = fn(tx, k, ix); err != nil {
			return err
		}
		return reseal(tx, k)
	})
	if err != nil {
		return internal(op, err)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if apply != nil {
		apply(ix)
	}
	ix.revision = revision
	v.idx = ix
	return nil
}

// loadIndex checks every tag and the seal, and decrypts every group and
// entry into a new index. A vault that fails a check is refused whole: no
// index, so nothing is listed or generated from it.
func loadIndex(tx *store.Tx, k *keys) (*index, error) {
	ix, c, err := readVerified(tx, k)
	if err != nil {
		return nil, err
	}
	if len(c.problems) > 0 {
		return nil, tamperedError(c.problems)
	}
	return ix, nil
}

// readVerified reads the index and, beside it, every integrity problem.
func readVerified(tx *store.Tx, k *keys) (*index, *checker, error) {
	c := &checker{k: k}
	ix := newIndex()
	revision, err := tx.Revision()
	if err != nil {
		return nil, nil, err
	}
	ix.revision = revision
	groups, err := tx.Groups()
	if err != nil {
		return nil, nil, err
	}
	all := make(map[int64]Group, len(groups))
	for _, row := range groups {
		c.row(store.TableGroups, row.ID, row.Tag, k.groupTag(row))
		g, err := decryptGroup(k, row)
		if err != nil {
			c.problems = append(c.problems, Problem{store.TableGroups, strconv.FormatInt(row.ID, 10), "cannot be decrypted"})
			continue
		}
		all[g.ID] = g
	}
	inUse := groupsInUse(all)
	for _, g := range all {
		if inUse[g.ID] {
			ix.putGroup(g)
		} else {
			ix.trashGroups[g.ID] = &groupRec{group: g, nameFold: fold(g.Name)}
		}
	}
	var recs []*entryRec
	err = tx.Entries(func(row store.Entry) error {
		c.row(store.TableEntries, row.ID, row.Tag, k.entryTag(row))
		e, err := decryptEntry(k, row)
		if err != nil {
			c.problems = append(c.problems, Problem{store.TableEntries, strconv.FormatInt(row.ID, 10), "cannot be decrypted"})
			return nil
		}
		r := &entryRec{entry: e, hostFold: fold(e.Host), acctFold: fold(e.Account)}
		if _, trashedGroup := ix.trashGroups[e.GroupID]; trashedGroup || !e.trashedAt.IsZero() {
			ix.trashEntries[e.ID] = r
			return nil
		}
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ix.bulkLoad(recs)
	if ix.settings, err = c.rest(tx); err != nil {
		return nil, nil, err
	}
	return ix, c, nil
}

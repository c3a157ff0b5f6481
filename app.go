package main

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/autolock"
	"github.com/forgiva/forgiva-desktop/internal/buildinfo"
	"github.com/forgiva/forgiva-desktop/internal/clipboard"
	"github.com/forgiva/forgiva-desktop/internal/clock"
	"github.com/forgiva/forgiva-desktop/internal/desktop"
	"github.com/forgiva/forgiva-desktop/internal/gensession"
	"github.com/forgiva/forgiva-desktop/internal/privfile"
	"github.com/forgiva/forgiva-desktop/internal/quicktype"
	"github.com/forgiva/forgiva-desktop/internal/uistate"
)

// events names what the backend emits to the frontend. The frontend knows
// them by field name, lower-cased, from frontend/src/bindings.gen.js, which
// TestBindingsFile writes from this value and the methods of App.
var events = struct {
	Progress string // a running generation's progress (gensession.Progress)
	Locked   string // the vault was locked behind the UI (auto-lock, tray)
	Quick    string // the tray's "Quick generate…"
}{
	Progress: "generate:progress",
	Locked:   "vault:locked",
	Quick:    "tray:quick",
}

// App is the binding layer between the frontend and the vault. Its exported
// methods are callable from JavaScript as window.go.main.App.*; each
// translates its arguments to a vault call and the vault's answer (or
// error message) back. The rules live in backend/vault.
type App struct {
	rt      desktop.Runtime
	wails   *desktop.Wails // the production runtime, given its context at startup; nil in tests
	opts    vault.Options
	appIcon []byte // for the tray
	clip    *clipboard.Guard
	idle    *autolock.Timer
	gens    *gensession.Manager
	// typist and shortcut carry a quick generation from the global shortcut
	// to the login form (quick.go).
	typist   *quicktype.Typist
	shortcut *quicktype.Shortcut

	mu       sync.Mutex
	v        *vault.Vault // nil until a vault file exists and has been opened
	trayStop func()       // nil without a tray
	// shortcutRefused is why the desktop refused the global shortcut, if it
	// did; noShortcuts that it has no way to give one (Wayland, no portal).
	shortcutRefused string
	noShortcuts     bool
	// sealedImport is the encrypted backup ImportBackup read, waiting for
	// its passphrase (ImportEncryptedBackup); it is encrypted, so no secret.
	sealedImport []byte
}

// appConfig is what NewApp fixes and tests replace.
type appConfig struct {
	runtime desktop.Runtime
	vault   vault.Options
	after   clock.AfterFunc
	now     func() time.Time
	icon    []byte
	desk    quicktype.Desktop // nil where typing into other windows is not possible
}

// NewApp returns the App of the real desktop: Wails runtime, OS keyring,
// data in vault.DefaultDir() (FORGIVA_DATA_DIR honoured), passwords rated
// by the command-line twin (strength.go).
func NewApp(icon []byte) *App {
	w := &desktop.Wails{}
	a := newApp(appConfig{runtime: withTestDialogs(w), vault: vault.Options{Estimator: strengthHelper()},
		after: clock.Real, now: time.Now, icon: icon, desk: quicktype.System()})
	a.wails = w
	return a
}

func newApp(cfg appConfig) *App {
	a := &App{rt: cfg.runtime, opts: cfg.vault, appIcon: cfg.icon, clip: clipboard.New(clipboard.System(cfg.runtime), cfg.after)}
	a.idle = autolock.New(cfg.after, a.autoLock)
	a.typist = quicktype.New(cfg.desk, windowTitle)
	a.shortcut = quicktype.NewShortcut()
	a.gens = gensession.New(gensession.Options{After: cfg.after, Now: cfg.now,
		Report: func(p gensession.Progress) { a.rt.Emit(events.Progress, p) }})
	return a
}

// background is the context of vault calls: a bound method has none, and
// the long one (generation) is cancelled through CancelGeneration.
var background = context.Background()

// userError turns any error into one the frontend may see: the vault's
// code, message and field, or "internal error" with the cause logged
// (causes hold no secrets; they may hold SQL or D-Bus details nobody should
// see). Wails hands it to formatError.
func userError(op string, err error) error {
	if err == nil {
		return nil
	}
	if vault.ErrorCode(err) == vault.Internal {
		cause := err
		if e := (*vault.Error)(nil); errors.As(err, &e) && e.Err != nil {
			cause = e.Err
		}
		log.Printf("forgiva-desktop: %s: %v", op, cause)
	}
	return &CallError{Code: vault.ErrorCode(err), Message: vault.ErrorMessage(err), Field: vault.ErrorField(err)}
}

// formatError is Wails' ErrorFormatter: a bound method's error reaches
// JavaScript as the CallError object, not as a bare string.
func formatError(err error) any {
	var e *CallError
	if errors.As(err, &e) {
		return e
	}
	return &CallError{Code: vault.Internal, Message: "internal error"}
}

// noVault is the answer while no vault file exists.
var noVault = &vault.Error{Code: vault.NotFound, Message: "There is no vault yet: create one first"}

// vault returns the open vault, opening the file on first use; a session
// remembered in the OS keyring unlocks it at once.
func (a *App) vault() (*vault.Vault, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.v != nil {
		return a.v, nil
	}
	exists, err := vault.Exists(a.opts.Dir)
	if err != nil {
		return nil, &vault.Error{Code: vault.Internal, Message: "The data directory cannot be read", Err: err}
	}
	if !exists {
		return nil, noVault
	}
	v, err := vault.Open(background, a.opts)
	if err != nil {
		return nil, err
	}
	a.v = v
	// With the vault password as master key, the app asks for that password
	// once per start: a remembered session cannot open the stored key.
	if s, err := v.Settings(background); err == nil && !s.MasterkeyUseIgnored && v.UnlockFromSession(background) == nil {
		a.armAutoLock(v)
	}
	return v, nil
}

// armAutoLock starts the idle countdown of auto_lock_minutes (0 = never).
func (a *App) armAutoLock(v *vault.Vault) {
	s, err := v.Settings(background)
	if err != nil {
		log.Printf("forgiva-desktop: auto-lock: %v", err)
		return
	}
	a.idle.Arm(time.Duration(s.AutoLockMinutes) * time.Minute)
}

// Version reports the application version.
func (a *App) Version() string { return buildinfo.Version() }

// State is what the start screen needs to know.
func (a *App) State() (State, error) {
	v, err := a.vault()
	if errors.Is(err, noVault) {
		return State{Version: buildinfo.Version()}, nil
	}
	if err != nil {
		return State{}, userError("state", err)
	}
	return State{Exists: true, Unlocked: v.IsUnlocked(), KeyringNotice: v.KeyringNotice(), Version: buildinfo.Version()}, nil
}

// PasswordStrength rates a candidate vault password as it is typed.
func (a *App) PasswordStrength(password string) vault.Strength {
	pw := []byte(password)
	defer clear(pw)
	a.mu.Lock()
	v := a.v
	a.mu.Unlock()
	if v == nil {
		return vault.PasswordStrength(a.opts.Estimator, pw, nil)
	}
	return v.PasswordStrength(background, pw)
}

// CreateVault creates the vault, unlocked; with remember it also keeps the
// session in the OS keyring for session_remember_hours.
func (a *App) CreateVault(password string, remember bool) (State, error) {
	pw := []byte(password)
	defer clear(pw)
	a.mu.Lock()
	if a.v != nil {
		a.mu.Unlock()
		return State{}, userError("create vault", &vault.Error{Code: vault.Conflict, Message: "A vault already exists"})
	}
	v, err := vault.Create(background, a.opts, pw)
	if err == nil {
		a.v = v
	}
	a.mu.Unlock()
	if err != nil {
		return State{}, userError("create vault", err)
	}
	notice := a.remember(v, remember)
	a.armAutoLock(v)
	return a.stateWith(notice)
}

// Unlock opens the vault with its password.
func (a *App) Unlock(password string, remember bool) (State, error) {
	v, err := a.vault()
	if err != nil {
		return State{}, userError("unlock", err)
	}
	pw := []byte(password)
	defer clear(pw)
	if err := v.Unlock(background, pw, 0); err != nil {
		return State{}, userError("unlock", err)
	}
	notice := a.remember(v, remember)
	a.armAutoLock(v)
	return a.stateWith(notice)
}

// remember keeps the session of the unlocked vault for session_remember_hours
// (read now that the settings are checked). What went wrong comes back as
// the notice to show at once: the vault is open either way.
func (a *App) remember(v *vault.Vault, remember bool) string {
	if !remember {
		return ""
	}
	s, err := v.Settings(background)
	if err == nil {
		err = v.Remember(background, time.Duration(s.SessionRememberHours)*time.Hour)
	}
	if err != nil {
		log.Printf("forgiva-desktop: remember session: %v", err)
		return vault.ErrorMessage(err)
	}
	return "" // State gives any earlier keyring notice itself
}

// stateWith is State with a notice the frontend shows as it opens the vault.
func (a *App) stateWith(notice string) (State, error) {
	st, err := a.State()
	if notice != "" {
		st.KeyringNotice = notice
	}
	return st, err
}

// Lock locks the vault, forgets the remembered session, wipes generations
// and takes our password off the clipboard.
func (a *App) Lock() error {
	return userError("lock", a.lock())
}

func (a *App) lock() error {
	a.idle.Disarm()
	a.forgetSecrets()
	a.mu.Lock()
	v := a.v
	a.mu.Unlock()
	if v == nil {
		return nil
	}
	return v.Lock(background)
}

// autoLock runs when the user has been idle for auto_lock_minutes.
func (a *App) autoLock() { a.lockAndTell("auto-lock") }

// lockAndTell locks on the app's own initiative and tells the frontend.
func (a *App) lockAndTell(why string) {
	if err := a.lock(); err != nil {
		log.Printf("forgiva-desktop: %s: %v", why, err)
	}
	a.rt.Emit(events.Locked, struct{}{})
}

// forgetSecrets wipes every generation and clears the clipboard if it
// still holds a password we put there.
func (a *App) forgetSecrets() {
	a.gens.ForgetAll()
	if err := a.clip.Clear(); err != nil {
		log.Printf("forgiva-desktop: clear clipboard: %v", err)
	}
}

// Touch records user activity, postponing auto-lock.
func (a *App) Touch() { a.idle.Touch() }

// withVault runs call on the open vault and turns any error, opening the
// vault included, into the user's message for op: the prologue of every
// binding that uses the vault.
func withVault[T any](a *App, op string, call func(*vault.Vault) (T, error)) (T, error) {
	var zero T
	v, err := a.vault()
	if err != nil {
		return zero, userError(op, err)
	}
	out, err := call(v)
	if err != nil {
		return zero, userError(op, err)
	}
	return out, nil
}

// Groups lists the group tree, parents before children.
func (a *App) Groups() ([]vault.Group, error) {
	return withVault(a, "groups", func(v *vault.Vault) ([]vault.Group, error) { return v.Groups(background) })
}

// AddGroup adds a group under parentID (0 = top level).
func (a *App) AddGroup(parentID int64, name, description string) (vault.Group, error) {
	return withVault(a, "add group", func(v *vault.Vault) (vault.Group, error) {
		return v.AddGroup(background, parentID, name, description)
	})
}

// UpdateGroup renames a group and sets its description.
func (a *App) UpdateGroup(id int64, name, description string) (vault.Group, error) {
	return withVault(a, "update group", func(v *vault.Vault) (vault.Group, error) {
		return v.UpdateGroup(background, id, name, description)
	})
}

// RemoveGroup moves a group with its subgroups and their entries to the
// Trash, and returns it as an item of the Trash (its ref undoes it).
func (a *App) RemoveGroup(id int64) (vault.TrashItem, error) {
	return withVault(a, "remove group", func(v *vault.Vault) (vault.TrashItem, error) {
		return v.RemoveGroup(background, id)
	})
}

// CountGroupSubtree is what RemoveGroup(id) would remove, for the
// confirmation dialog.
func (a *App) CountGroupSubtree(id int64) (vault.RemovedCounts, error) {
	return withVault(a, "count group", func(v *vault.Vault) (vault.RemovedCounts, error) {
		return v.GroupSubtreeCounts(background, id)
	})
}

// Entries lists a page of a group's entries and the group's total.
func (a *App) Entries(groupID int64, start, count int) (vault.Page, error) {
	return withVault(a, "entries", func(v *vault.Vault) (vault.Page, error) {
		entries, total, err := v.EntriesByGroup(background, groupID, start, count)
		if err != nil {
			return vault.Page{}, err
		}
		return v.PageOf(background, entries, total)
	})
}

// Entry returns one entry.
func (a *App) Entry(id int64) (vault.EntryView, error) {
	return entryCall("entry", a, func(v *vault.Vault) (vault.Entry, error) { return v.Entry(background, id) })
}

// AddEntry adds an entry.
func (a *App) AddEntry(in vault.EntryInput) (vault.EntryView, error) {
	return entryCall("add entry", a, func(v *vault.Vault) (vault.Entry, error) { return v.AddEntry(background, in) })
}

// UpdateEntry changes an entry.
func (a *App) UpdateEntry(id int64, in vault.EntryInput) (vault.EntryView, error) {
	return entryCall("update entry", a, func(v *vault.Vault) (vault.Entry, error) {
		return v.UpdateEntry(background, id, in)
	})
}

// entryCall runs an operation that returns one entry; its view is made
// after it, so a group it just moved the entry to is named.
func entryCall(op string, a *App, call func(*vault.Vault) (vault.Entry, error)) (vault.EntryView, error) {
	return withVault(a, op, func(v *vault.Vault) (vault.EntryView, error) {
		e, err := call(v)
		if err != nil {
			return vault.EntryView{}, err
		}
		return v.View(background, e)
	})
}

// RemoveEntry moves an entry to the Trash, and returns it as an item of
// the Trash (its ref undoes it).
func (a *App) RemoveEntry(id int64) (vault.TrashItem, error) {
	return withVault(a, "remove entry", func(v *vault.Vault) (vault.TrashItem, error) {
		return v.RemoveEntry(background, id)
	})
}

// Trash lists the Trash, the latest removal first.
func (a *App) Trash() ([]vault.TrashItem, error) {
	return withVault(a, "trash", func(v *vault.Vault) ([]vault.TrashItem, error) { return v.Trash(background) })
}

// RestoreFromTrash puts the Trash item ref ("g12", "e7") back where it was.
func (a *App) RestoreFromTrash(ref string) (vault.TrashItem, error) {
	return withVault(a, "restore from the Trash", func(v *vault.Vault) (vault.TrashItem, error) {
		return v.RestoreFromTrash(background, ref)
	})
}

// DeleteFromTrash deletes the Trash item ref for good.
func (a *App) DeleteFromTrash(ref string) (vault.RemovedCounts, error) {
	return withVault(a, "delete from the Trash", func(v *vault.Vault) (vault.RemovedCounts, error) {
		return v.DeleteFromTrash(background, ref)
	})
}

// EmptyTrash deletes everything in the Trash for good.
func (a *App) EmptyTrash() (vault.RemovedCounts, error) {
	return withVault(a, "empty the Trash", func(v *vault.Vault) (vault.RemovedCounts, error) {
		return v.EmptyTrash(background)
	})
}

// Search finds entries by host, account or group name: a page of the
// ranked matches and their total.
func (a *App) Search(text string, start, count int) (vault.Page, error) {
	return withVault(a, "search", func(v *vault.Vault) (vault.Page, error) {
		entries, total, err := v.SearchPage(background, text, start, count)
		if err != nil {
			return vault.Page{}, err
		}
		return v.PageOf(background, entries, total)
	})
}

// Hosts lists the distinct hosts matching filter, for completion.
func (a *App) Hosts(filter string) ([]string, error) {
	return withVault(a, "hosts", func(v *vault.Vault) ([]string, error) {
		hosts, err := v.Hosts(background, filter)
		if hosts == nil {
			hosts = []string{} // the frontend gets [] rather than null
		}
		return hosts, err
	})
}

// SettingsForm returns the settings' definitions and values for the dialog.
func (a *App) SettingsForm() (SettingsForm, error) {
	return withVault(a, "settings", func(v *vault.Vault) (SettingsForm, error) {
		values, err := v.SettingValues(background)
		return SettingsForm{Schema: vault.SettingsSchema(), Values: values, Notices: a.settingNotices()}, err
	})
}

// Settings returns every setting.
func (a *App) Settings() (vault.Settings, error) {
	return withVault(a, "settings", func(v *vault.Vault) (vault.Settings, error) { return v.Settings(background) })
}

// SetSetting sets one setting and returns them all.
func (a *App) SetSetting(key, value string) (vault.Settings, error) {
	return withVault(a, "set setting", func(v *vault.Vault) (vault.Settings, error) {
		if key == "quick_shortcut" {
			return a.setQuickShortcut(v, value)
		}
		if err := v.SetSetting(background, key, value); err != nil {
			return vault.Settings{}, err
		}
		if key == "auto_lock_minutes" && v.IsUnlocked() {
			a.armAutoLock(v)
		}
		return v.Settings(background)
	})
}

// ChangePassword changes the vault password.
func (a *App) ChangePassword(oldPassword, newPassword string) error {
	oldPw, newPw := []byte(oldPassword), []byte(newPassword)
	defer clear(oldPw)
	defer clear(newPw)
	_, err := withVault(a, "change password", func(v *vault.Vault) (struct{}, error) {
		return struct{}{}, v.ChangePassword(background, oldPw, newPw)
	})
	return err
}

// WindowState is the window's remembered look (the groups panel's width);
// the defaults when it cannot be read.
func (a *App) WindowState() uistate.State {
	dir, err := vault.ResolveDir(a.opts.Dir)
	if err != nil {
		return uistate.State{}
	}
	return uistate.Load(dir)
}

// SetSidebarWidth remembers the groups panel's width, in CSS pixels.
func (a *App) SetSidebarWidth(width int) error {
	dir, err := vault.ResolveDir(a.opts.Dir)
	if err == nil {
		s := uistate.Load(dir)
		s.SidebarWidth = width
		err = uistate.Save(dir, s)
	}
	if err != nil {
		return userError("remember the panel width", &vault.Error{Code: vault.Internal, Message: "The window's layout could not be saved", Err: err})
	}
	return nil
}

// Animals lists the 20 animals in table order.
func (a *App) Animals() []Animal {
	out := make([]Animal, 0, forgiva.AnimalCount)
	for _, animal := range forgiva.Animals() {
		out = append(out, Animal{Index: int(animal), Name: animal.String()})
	}
	return out
}

// StartGeneration checks the request and starts generating the entry's
// passwords for all 20 animals while the user picks one; it returns the
// generation's id at once. Progress comes as "generate:progress" events.
// An empty master key is allowed only when masterkey_use_ignored is on.
func (a *App) StartGeneration(entryID int64, masterKey string, renewal *string) (string, error) {
	return a.startGeneration(vault.PrepareRequest{EntryID: entryID, MasterKey: []byte(masterKey), Renewal: renewal})
}

// startGeneration prepares req and starts its work; it wipes req's master
// key (Prepare keeps only the master hash).
func (a *App) startGeneration(req vault.PrepareRequest) (string, error) {
	defer clear(req.MasterKey)
	return withVault(a, "start generation", func(v *vault.Vault) (string, error) {
		prepared, err := v.Prepare(background, req)
		if err != nil {
			return "", err
		}
		return a.gens.Start(prepared), nil
	})
}

// StartEarlierGeneration starts generating the password the entry had in
// an earlier state: asOf is one of its renewal dates (EntryHistory), or ""
// for before its first renewal. Nothing is recorded when the animal is
// picked. The rest is as StartGeneration.
func (a *App) StartEarlierGeneration(entryID int64, masterKey string, asOf string) (string, error) {
	return a.startGeneration(vault.PrepareRequest{EntryID: entryID, MasterKey: []byte(masterKey), AsOf: &asOf})
}

// EntryHistory lists the states the entry's password has had, oldest
// first: "" (before any renewal), then each renewal date; the last is the
// current one.
func (a *App) EntryHistory(entryID int64) ([]string, error) {
	return withVault(a, "entry history", func(v *vault.Vault) ([]string, error) {
		return v.RenewalStates(background, entryID)
	})
}

// CopyAccount puts the entry's account name on the clipboard (not a
// secret: it is not cleared on a timer).
func (a *App) CopyAccount(entryID int64) error {
	e, err := a.Entry(entryID)
	if err != nil {
		return err
	}
	if err := a.clip.Copy([]byte(e.Account), 0); err != nil {
		return userError("copy account", &vault.Error{Code: vault.Internal, Message: "The account could not be copied to the clipboard", Err: err})
	}
	return nil
}

// PickAnimal waits for the generation, then shows or copies the password
// of the picked animal (password_always_show_not_copy) and records the
// generation. The password stays in Go for CopyPassword until
// ForgetGeneration or expiry.
func (a *App) PickAnimal(genID string, animalIndex int) (PickResult, error) {
	s, err := a.Settings()
	if err != nil {
		return PickResult{}, err
	}
	if err := a.gens.Pick(background, genID, forgiva.Animal(animalIndex)); err != nil {
		return PickResult{}, userError("pick animal", err)
	}
	if s.PasswordAlwaysShowNotCopy {
		var shown string
		err := a.gens.Use(genID, func(pw []byte) error { shown = string(pw); return nil })
		return PickResult{Password: shown}, userError("pick animal", err)
	}
	copied, err := a.CopyPassword(genID)
	if err != nil {
		return PickResult{}, err
	}
	return PickResult{Copied: true, ClearAfterSeconds: copied.ClearAfterSeconds}, nil
}

// CopyPassword copies the picked password to the clipboard, to be cleared
// after clipboard_clear_seconds unless the user copies something else.
func (a *App) CopyPassword(genID string) (CopyResult, error) {
	s, err := a.Settings()
	if err != nil {
		return CopyResult{}, err
	}
	clearAfter := time.Duration(s.ClipboardClearSeconds) * time.Second
	err = a.gens.Use(genID, func(pw []byte) error {
		if err := a.clip.Copy(pw, clearAfter); err != nil {
			return &vault.Error{Code: vault.Internal, Message: "The password could not be copied to the clipboard", Err: err}
		}
		return nil
	})
	if err != nil {
		return CopyResult{}, userError("copy password", err)
	}
	return CopyResult{ClearAfterSeconds: s.ClipboardClearSeconds}, nil
}

// CancelGeneration stops a running generation. An id that is gone already
// (expired, forgotten) is not an error: there is nothing left to stop.
func (a *App) CancelGeneration(genID string) error {
	if err := a.gens.Cancel(genID); vault.ErrorCode(err) != vault.NotFound {
		return userError("cancel generation", err)
	}
	return nil
}

// ForgetGeneration wipes a generation: the dialog was closed.
func (a *App) ForgetGeneration(genID string) { a.gens.Forget(genID) }

// ExportBackup asks where to save a backup of the whole vault (groupID 0)
// or of one group's subtree, and writes it (mode 0600): encrypted to
// passphrase (an age file), or plain when passphrase is "" (the Forgiva
// format other installations read). It returns the path written, or ""
// when the user cancelled the dialog.
func (a *App) ExportBackup(groupID int64, passphrase string) (string, error) {
	pass := []byte(passphrase)
	defer clear(pass)
	return withVault(a, "export backup", func(v *vault.Vault) (string, error) {
		name, data, err := exportData(v, groupID, pass)
		if err != nil {
			return "", err
		}
		path, err := a.rt.SaveFileDialog("Export a Forgiva backup", name)
		if err != nil {
			return "", &vault.Error{Code: vault.Internal, Message: "The save dialog failed", Err: err}
		}
		if path == "" {
			return "", nil
		}
		if err := privfile.WriteFile(path, data); err != nil {
			return "", &vault.Error{Code: vault.Invalid, Message: "The backup could not be written to " + path, Err: err}
		}
		return path, nil
	})
}

func exportData(v *vault.Vault, groupID int64, passphrase []byte) (string, []byte, error) {
	if len(passphrase) == 0 {
		return v.ExportBackup(background, groupID)
	}
	return v.ExportEncrypted(background, groupID, passphrase)
}

// ImportBackup asks for a backup file and merges it into the vault (all or
// nothing). It returns nil when the user cancelled the dialog. An encrypted
// file is kept, and the call fails with code needs_passphrase: the frontend
// asks for it and calls ImportEncryptedBackup.
func (a *App) ImportBackup() (*vault.ImportReport, error) {
	return withVault(a, "import backup", func(v *vault.Vault) (*vault.ImportReport, error) {
		path, err := a.rt.OpenFileDialog("Import a Forgiva backup")
		if err != nil {
			return nil, &vault.Error{Code: vault.Internal, Message: "The open dialog failed", Err: err}
		}
		if path == "" {
			return nil, nil
		}
		data, err := privfile.ReadFile(path, backup.MaxInputSize)
		if err != nil {
			return nil, &vault.Error{Code: vault.Invalid, Message: "The file " + path + " cannot be read", Err: err}
		}
		a.mu.Lock()
		a.sealedImport = nil
		if backup.IsSealed(data) {
			a.sealedImport = data
		}
		a.mu.Unlock()
		report, err := v.ImportBackup(background, data)
		if err != nil {
			return nil, err
		}
		return &report, nil
	})
}

// ImportEncryptedBackup imports the encrypted file ImportBackup kept, with
// its passphrase. A wrong one changes nothing and keeps the file for another
// try.
func (a *App) ImportEncryptedBackup(passphrase string) (*vault.ImportReport, error) {
	pass := []byte(passphrase)
	defer clear(pass)
	return withVault(a, "import encrypted backup", func(v *vault.Vault) (*vault.ImportReport, error) {
		a.mu.Lock()
		data := a.sealedImport
		a.mu.Unlock()
		if data == nil {
			return nil, &vault.Error{Code: vault.NotFound, Message: "Choose the encrypted backup to import first"}
		}
		report, err := v.ImportEncrypted(background, data, pass)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		a.sealedImport = nil
		a.mu.Unlock()
		return &report, nil
	})
}

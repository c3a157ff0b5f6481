package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/buildinfo"
	"github.com/forgiva/forgiva-desktop/internal/clock"
	"github.com/forgiva/forgiva-desktop/internal/gensession"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

const testVaultPassword = "Correct-Horse-Battery-Staple-42"

// fakeRuntime stands in for the window: it records what the App asks of it.
type fakeRuntime struct {
	mu        sync.Mutex
	events    []event
	clipboard string
	shown     int
	hidden    int
	quits     int
	// What the file dialogs answer ("" = cancelled), and the name offered.
	savePath, openPath, offeredName string
}

type event struct {
	name string
	data any
}

func (r *fakeRuntime) Emit(name string, data any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, event{name, data})
}

func (r *fakeRuntime) ClipboardSetText(text string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clipboard = text
	return nil
}

func (r *fakeRuntime) ClipboardGetText() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clipboard, nil
}

func (r *fakeRuntime) ShowWindow() { r.mu.Lock(); r.shown++; r.mu.Unlock() }
func (r *fakeRuntime) HideWindow() { r.mu.Lock(); r.hidden++; r.mu.Unlock() }
func (r *fakeRuntime) SaveFileDialog(_, name string) (string, error) {
	r.offeredName = name
	return r.savePath, nil
}
func (r *fakeRuntime) OpenFileDialog(string) (string, error) { return r.openPath, nil }
func (r *fakeRuntime) Quit()                                 { r.mu.Lock(); r.quits++; r.mu.Unlock() }

func (r *fakeRuntime) clip() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clipboard
}

func (r *fakeRuntime) named(name string) []event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []event
	for _, e := range r.events {
		if e.name == name {
			out = append(out, e)
		}
	}
	return out
}

type testApp struct {
	*App
	rt    *fakeRuntime
	clock *clock.Fake
	opts  vault.Options
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	rt, fake := &fakeRuntime{}, &clock.Fake{}
	opts := vault.Options{Dir: t.TempDir(), Keyring: testkit.NewKeyring(), Estimator: strength.Local{}}
	a := newApp(appConfig{runtime: rt, vault: opts, after: fake.AfterFunc, now: time.Now})
	t.Cleanup(func() { a.shutdown(context.Background()) })
	return &testApp{App: a, rt: rt, clock: fake, opts: opts}
}

// newUnlockedApp is a test app with a vault, unlocked, holding one entry.
func newUnlockedApp(t *testing.T) (*testApp, vault.EntryView) {
	t.Helper()
	a := newTestApp(t)
	testkit.Must(a.CreateVault(testVaultPassword, false))(t)
	groups := testkit.Must(a.Groups())(t)
	e := testkit.Must(a.AddEntry(vault.EntryInput{GroupID: groups[0].ID, Host: "mail.example", Account: "ann",
		Complexity: 1, Length: 14, Classes: forgiva.Classes{Lowercase: true, Uppercase: true, Numbers: true}}))(t)
	return a, e
}

func wantError(t *testing.T, err error, words ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", words)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Fatalf("error %q does not mention %q", err, w)
		}
	}
}

// engine gives what the engine itself says for entry e.
func engine(t *testing.T, e vault.EntryView, masterKey string, animal forgiva.Animal) string {
	t.Helper()
	p := forgiva.Params{Host: e.Host, Account: e.Account, Complexity: e.Complexity, Length: e.Length,
		Classes: e.Classes}
	in := forgiva.ForgivaInput(p, []byte(masterKey), nil)
	defer in.Wipe()
	pw, err := forgiva.Generate(context.Background(), in, animal, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Wipe()
	return pw.String()
}

func TestVaultLifecycle(t *testing.T) {
	a := newTestApp(t)
	if s := testkit.Must(a.State())(t); s.Exists || s.Unlocked || s.Version != buildinfo.Version() {
		t.Fatalf("fresh state %+v", s)
	}
	_, err := a.Groups()
	wantError(t, err, "create one first")
	_, err = a.CreateVault("weak", false)
	wantError(t, err, "too weak")
	if s := a.PasswordStrength("weak"); s.OK || s.Message == "" || s.Bits <= 0 {
		t.Fatalf("strength of a weak password: %+v", s)
	}
	if s := a.PasswordStrength(testVaultPassword); !s.OK || s.Bits < 64 {
		t.Fatalf("strength of a good password: %+v", s)
	}

	if s := testkit.Must(a.CreateVault(testVaultPassword, true))(t); !s.Exists || !s.Unlocked {
		t.Fatalf("after create: %+v", s)
	}
	_, err = a.CreateVault(testVaultPassword, false)
	wantError(t, err, "already exists")
	if err := a.Lock(); err != nil {
		t.Fatal(err)
	}
	if s := testkit.Must(a.State())(t); !s.Exists || s.Unlocked {
		t.Fatalf("after lock: %+v", s)
	}
	_, err = a.Groups()
	wantError(t, err, "locked")
	_, err = a.Unlock("wrong password", false)
	wantError(t, err)
	if s := testkit.Must(a.Unlock(testVaultPassword, true))(t); !s.Unlocked {
		t.Fatalf("after unlock: %+v", s)
	}

	// A new app over the same files is unlocked by the remembered session.
	a.shutdown(context.Background())
	b := newApp(appConfig{runtime: &fakeRuntime{}, vault: a.opts, after: a.clock.AfterFunc, now: time.Now})
	defer b.shutdown(context.Background())
	if s := testkit.Must(b.State())(t); !s.Unlocked {
		t.Fatalf("the remembered session did not unlock a new app: %+v", s)
	}

	// Lock ends the session: lock, quit, start again, and it asks.
	if err := b.Lock(); err != nil {
		t.Fatal(err)
	}
	b.shutdown(context.Background())
	c := newApp(appConfig{runtime: &fakeRuntime{}, vault: a.opts, after: a.clock.AfterFunc, now: time.Now})
	defer c.shutdown(context.Background())
	if s := testkit.Must(c.State())(t); s.Unlocked {
		t.Fatal("a locked vault opened without its password after a restart")
	}

	// A keyring that refuses is said at once; the vault opens all the same.
	a.opts.Keyring.(*testkit.Keyring).Fail = errors.New("the keyring is locked")
	s := testkit.Must(c.Unlock(testVaultPassword, true))(t)
	if !s.Unlocked || !strings.Contains(s.KeyringNotice, "will not be remembered") {
		t.Fatalf("unlock with a refusing keyring: %+v", s)
	}
}

func TestGroupsAndEntries(t *testing.T) {
	a, e := newUnlockedApp(t)
	work := testkit.Must(a.AddGroup(0, "Work", "office"))(t)
	servers := testkit.Must(a.AddGroup(work.ID, "Servers", ""))(t)
	_, err := a.AddGroup(0, "Work", "")
	wantError(t, err, "already exists")
	testkit.Must(a.UpdateGroup(servers.ID, "Hosts", "racks"))(t)
	in := vault.EntryInput{GroupID: servers.ID, Host: "db.example", Account: "root", Complexity: 2, Length: 20,
		Classes: forgiva.Classes{Lowercase: true, Symbols: true}}
	db := testkit.Must(a.AddEntry(in))(t)
	if db.GroupName != "Hosts" || !slices.Equal(db.GroupPath, []string{"Work", "Hosts"}) || db.LastRenewal != nil || db.CreatedAt.IsZero() {
		t.Fatalf("added entry %+v", db)
	}
	in.Account = "admin"
	if got := testkit.Must(a.UpdateEntry(db.ID, in))(t); got.Account != "admin" {
		t.Fatalf("updated entry %+v", got)
	}
	_, err = a.AddEntry(vault.EntryInput{GroupID: servers.ID, Host: "h", Account: "x", Complexity: 7, Length: 10, Classes: forgiva.Classes{Lowercase: true}})
	wantError(t, err, "Complexity")

	page := testkit.Must(a.Entries(servers.ID, 0, 10))(t)
	if page.Total != 1 || len(page.Entries) != 1 || page.Entries[0].Host != "db.example" {
		t.Fatalf("page %+v", page)
	}
	if hits := testkit.Must(a.Search("example", 0, 100))(t).Entries; len(hits) != 2 {
		t.Fatalf("search found %d entries, want 2", len(hits))
	}
	if hosts := testkit.Must(a.Hosts("db"))(t); !slices.Equal(hosts, []string{"db.example"}) {
		t.Fatalf("hosts %q", hosts)
	}
	if got := testkit.Must(a.Entry(e.ID))(t); got.Host != "mail.example" || got.GroupName != "Accounts" {
		t.Fatalf("entry %+v", got)
	}
	if c := testkit.Must(a.CountGroupSubtree(work.ID))(t); c != (vault.RemovedCounts{Groups: 2, Entries: 1}) {
		t.Fatalf("subtree count %+v", c)
	}
	_, err = a.CountGroupSubtree(999)
	wantError(t, err, "does not exist")
	if r := testkit.Must(a.RemoveGroup(work.ID))(t); r.Groups != 2 || r.Entries != 1 || r.Ref == "" {
		t.Fatalf("removed %+v", r)
	}
	testkit.Must(a.RemoveEntry(e.ID))(t)
	_, err = a.RemoveEntry(e.ID)
	wantError(t, err, "in the Trash already")
	if hits := testkit.Must(a.Search("example", 0, 100))(t).Entries; hits == nil || len(hits) != 0 {
		t.Fatalf("empty search gave %#v, want an empty list", hits)
	}
}

// Removing goes to the Trash; the item's ref undoes it, and the Trash
// bindings list, restore, delete and empty.
func TestAppTrash(t *testing.T) {
	a, e := newUnlockedApp(t)
	work := testkit.Must(a.AddGroup(0, "Work", ""))(t)
	testkit.Must(a.AddEntry(vault.EntryInput{GroupID: work.ID, Host: "w.example", Account: "me", Complexity: 1, Length: 16,
		Classes: forgiva.AllClasses()}))(t)
	g := testkit.Must(a.RemoveGroup(work.ID))(t)
	item := testkit.Must(a.RemoveEntry(e.ID))(t)
	if got := testkit.Must(a.Trash())(t); len(got) != 2 || got[0].Ref != item.Ref || got[1].Ref != g.Ref {
		t.Fatalf("Trash %+v", got)
	}
	if back := testkit.Must(a.RestoreFromTrash(g.Ref))(t); back.Name != "Work" || back.Entries != 1 {
		t.Fatalf("restored %+v", back)
	}
	if hits := testkit.Must(a.Search("w.example", 0, 10))(t); hits.Total != 1 {
		t.Fatalf("after undo: %+v", hits)
	}
	_, err := a.RestoreFromTrash("nope")
	wantError(t, err, "does not name an item of the Trash")
	if c := testkit.Must(a.DeleteFromTrash(item.Ref))(t); c != (vault.RemovedCounts{Entries: 1}) {
		t.Fatalf("deleted %+v", c)
	}
	testkit.Must(a.RemoveGroup(work.ID))(t)
	if c := testkit.Must(a.EmptyTrash())(t); c != (vault.RemovedCounts{Groups: 1, Entries: 1}) {
		t.Fatalf("emptied %+v", c)
	}
	if got := testkit.Must(a.Trash())(t); got == nil || len(got) != 0 {
		t.Fatalf("empty Trash %#v, want []", got)
	}
}

// The JSON names are the contract with the frontend (models.go, frontend/src/api.js).
func TestJSONNames(t *testing.T) {
	a, e := newUnlockedApp(t)
	keys := func(v any) []string {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(m))
	}
	cases := []struct {
		value any
		want  string
	}{
		{e, "account complexity createdAt generatedBefore groupId groupName groupPath host id lastRenewal length lowercase numbers symbols typeConfirm typeSequence updatedAt uppercase"},
		{testkit.Must(a.Groups())(t)[0], "description entryCount id name parentId"},
		{testkit.Must(a.Entries(e.GroupID, 0, 0))(t), "entries total"},
		{testkit.Must(a.Settings())(t), "animalsDoNotScramble autoLockMinutes clipboardClearSeconds compatMode enterpriseSalt " +
			"hasSignature masterkeyAskOnce masterkeyUseIgnored passwordAlwaysShowNotCopy passwordDefaultComplexity " +
			"passwordDefaultLength quickAction quickShortcut sessionRememberHours"},
		{testkit.Must(a.State())(t), "exists keyringNotice unlocked version"},
		{a.PasswordStrength("x"), "bits label level message ok rated"},
		{a.Animals()[0], "index name"},
		{PickResult{Password: "p"}, "clearAfterSeconds copied password"},
		{vault.ImportReport{}, "conflicts duplicatesSkipped entriesAdded groupsCreated"},
		{vault.ImportConflict{}, "account differs existingRenewal groupPath host importedRenewal"},
		{vault.RemovedCounts{}, "entries groups"},
		{vault.TrashItem{}, "account entries groups host id kind name parentId place ref trashedAt"},
		{testkit.Must(a.SettingsForm())(t), "notices schema values"},
		{vault.SettingsSchema()[0], "changesPasswords default help key kind label max min"},
	}
	for _, c := range cases {
		if got := strings.Join(keys(c.value), " "); got != c.want {
			t.Errorf("%T fields %q, want %q", c.value, got, c.want)
		}
	}
	raw, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var times struct{ CreatedAt string }
	if err := json.Unmarshal(raw, &times); err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, times.CreatedAt); err != nil {
		t.Errorf("createdAt %q is not RFC 3339", times.CreatedAt)
	}
}

func TestSettings(t *testing.T) {
	a, _ := newUnlockedApp(t)
	s := testkit.Must(a.SetSetting("clipboard_clear_seconds", "30"))(t)
	if s.ClipboardClearSeconds != 30 {
		t.Fatalf("settings after set: %+v", s)
	}
	_, err := a.SetSetting("clipboard_clear_seconds", "lots")
	wantError(t, err, "clipboard_clear_seconds")
	_, err = a.SetSetting("nope", "1")
	wantError(t, err, "Unknown setting")
	if err := a.ChangePassword("wrong", testVaultPassword+"!"); err == nil {
		t.Fatal("password changed with a wrong old password")
	}
	if animals := a.Animals(); len(animals) != 20 || animals[0].Name != "Ape" || animals[19].Index != 19 {
		t.Fatalf("animals %+v", animals)
	}
}

func TestGenerateShowThenCopy(t *testing.T) {
	a, e := newUnlockedApp(t)
	const master = "my master key"
	id := testkit.Must(a.StartGeneration(e.ID, master, nil))(t)
	res := testkit.Must(a.PickAnimal(id, 5))(t)
	if want := engine(t, e, master, 5); res.Password != want || res.Copied {
		t.Fatalf("picked %+v, engine gives %q", res, want)
	}
	last, ok := lastProgress(t, a)
	if !ok {
		t.Fatal("no progress events")
	}
	if last.ID != id || last.Done != last.Total || last.Total == 0 {
		t.Fatalf("last progress %+v", last)
	}
	if got := testkit.Must(a.Entry(e.ID))(t); !got.GeneratedBefore {
		t.Fatal("the generation was not recorded")
	}

	copied := testkit.Must(a.CopyPassword(id))(t)
	if a.rt.clip() != res.Password || copied.ClearAfterSeconds != 10 {
		t.Fatalf("clipboard %q, clear after %d", a.rt.clip(), copied.ClearAfterSeconds)
	}
	a.clock.Advance(10 * time.Second)
	if a.rt.clip() != "" {
		t.Fatal("the clipboard was not cleared after 10 s")
	}
	a.ForgetGeneration(id)
	_, err := a.CopyPassword(id)
	wantError(t, err, "start again")
}

func TestGenerateCopyMode(t *testing.T) {
	a, e := newUnlockedApp(t)
	testkit.Must(a.SetSetting("password_always_show_not_copy", "false"))(t)
	renewal := "2026-02-02"
	id := testkit.Must(a.StartGeneration(e.ID, "k", &renewal))(t)
	res := testkit.Must(a.PickAnimal(id, 0))(t)
	if !res.Copied || res.Password != "" || res.ClearAfterSeconds != 10 {
		t.Fatalf("copy-mode pick %+v", res)
	}
	if got := testkit.Must(a.Entry(e.ID))(t); got.LastRenewal == nil || *got.LastRenewal != renewal {
		t.Fatalf("renewal not recorded: %+v", got)
	}
	if a.rt.clip() == "" {
		t.Fatal("nothing was copied")
	}
	a.rt.ClipboardSetText("the user's own text")
	a.clock.Advance(time.Minute)
	if a.rt.clip() != "the user's own text" {
		t.Fatal("the clipboard clear overwrote the user's text")
	}
	_, err := a.PickAnimal(id, 1)
	wantError(t, err, "already picked")
}

func TestGenerateRefusals(t *testing.T) {
	a, e := newUnlockedApp(t)
	_, err := a.StartGeneration(e.ID, "", nil)
	wantError(t, err, "master key is required")
	_, err = a.StartGeneration(4242, "k", nil)
	wantError(t, err, "does not exist")
	_, err = a.PickAnimal("no-such-generation", 0)
	wantError(t, err, "start again")
	id := testkit.Must(a.StartGeneration(e.ID, "k", nil))(t)
	_, err = a.PickAnimal(id, 20)
	wantError(t, err, "animal")
}

// lastProgress is the last progress event the app emitted, if any.
func lastProgress(t *testing.T, a *testApp) (gensession.Progress, bool) {
	t.Helper()
	progress := a.rt.named(events.Progress)
	if len(progress) == 0 {
		return gensession.Progress{}, false
	}
	p, ok := progress[len(progress)-1].data.(gensession.Progress)
	if !ok {
		t.Fatalf("progress event data is a %T", progress[len(progress)-1].data)
	}
	return p, true
}

// Complexity 3 takes close to a minute: cancelling must end it at once.
func TestCancelGeneration(t *testing.T) {
	a, e := newUnlockedApp(t)
	in := vault.EntryInput{GroupID: e.GroupID, Host: "slow.example", Account: "a", Complexity: 3, Length: 16, Classes: forgiva.Classes{Lowercase: true}}
	slow := testkit.Must(a.AddEntry(in))(t)
	id := testkit.Must(a.StartGeneration(slow.ID, "k", nil))(t)
	if err := a.CancelGeneration(id); err != nil {
		t.Fatal(err)
	}
	_, err := a.PickAnimal(id, 0) // waits for the work to end
	wantError(t, err, "cancelled")
	// It ended at once, counted in work, not time: had the cancellation
	// not reached the engine, it would have run to the end.
	if last, ok := lastProgress(t, a); ok && last.Done*100 > last.Total {
		t.Fatalf("the cancelled generation went on to %d of %d units", last.Done, last.Total)
	}
	if got := testkit.Must(a.Entry(slow.ID))(t); got.GeneratedBefore {
		t.Fatal("a cancelled generation was recorded")
	}
	if err := a.CancelGeneration("expired-long-ago"); err != nil {
		t.Fatalf("cancelling a gone generation: %v", err)
	}
}

func TestGenerationExpires(t *testing.T) {
	a, e := newUnlockedApp(t)
	id := testkit.Must(a.StartGeneration(e.ID, "k", nil))(t)
	a.clock.Advance(4 * time.Minute) // auto-lock is 5 minutes: stay below
	a.Touch()
	a.clock.Advance(time.Minute)
	_, err := a.PickAnimal(id, 0)
	wantError(t, err, "expired")
}

func TestAutoLock(t *testing.T) {
	a, e := newUnlockedApp(t)
	id := testkit.Must(a.StartGeneration(e.ID, "k", nil))(t)
	testkit.Must(a.PickAnimal(id, 0))(t)
	testkit.Must(a.CopyPassword(id))(t)
	testkit.Must(a.SetSetting("clipboard_clear_seconds", "0"))(t) // never: only the lock clears it now
	testkit.Must(a.CopyPassword(id))(t)

	a.clock.Advance(4 * time.Minute)
	a.Touch()
	a.clock.Advance(4 * time.Minute)
	if !testkit.Must(a.State())(t).Unlocked || len(a.rt.named(events.Locked)) != 0 {
		t.Fatal("locked although touched within auto_lock_minutes")
	}
	a.clock.Advance(time.Minute)
	if testkit.Must(a.State())(t).Unlocked || len(a.rt.named(events.Locked)) != 1 {
		t.Fatal("not locked after auto_lock_minutes idle")
	}
	if a.rt.clip() != "" {
		t.Fatal("the lock left the password on the clipboard")
	}
	_, err := a.CopyPassword(id)
	wantError(t, err, "start again")

	testkit.Must(a.Unlock(testVaultPassword, false))(t)
	testkit.Must(a.SetSetting("auto_lock_minutes", "0"))(t)
	a.clock.Advance(24 * time.Hour)
	if !testkit.Must(a.State())(t).Unlocked {
		t.Fatal("auto_lock_minutes=0 still locked")
	}
}

// Errors the user sees carry the vault's message, never a Go or SQL text.
func TestErrorTranslation(t *testing.T) {
	a, _ := newUnlockedApp(t)
	a.mu.Lock()
	a.v.Close() // the file is gone from under the App: every call fails inside
	a.mu.Unlock()
	_, err := a.Groups()
	if err == nil || err.Error() != "internal error" {
		t.Fatalf("internal failure shown as %v", err)
	}
	cases := []struct {
		err  error
		want string // the JSON the frontend receives; "" for no error
	}{
		{errors.New("sql: SELECT name FROM groups: database is closed"), `{"code":"internal","message":"internal error"}`},
		{&vault.Error{Code: vault.Invalid, Message: "Host is required", Field: "host", Err: errors.New("sql: detail")},
			`{"code":"invalid","message":"Host is required","field":"host"}`},
		{nil, ""},
	}
	for _, c := range cases {
		err := userError("test", c.err)
		if (err == nil) != (c.want == "") {
			t.Fatalf("userError(%v) = %v, want %s", c.err, err, c.want)
		}
		if err == nil {
			continue
		}
		raw, jerr := json.Marshal(formatError(err))
		if jerr != nil || string(raw) != c.want {
			t.Errorf("userError(%v) reaches JS as %s (%v), want %s", c.err, raw, jerr, c.want)
		}
	}
	// A bound method's validation error names its field.
	b, e := newUnlockedApp(t)
	_, err = b.AddEntry(vault.EntryInput{GroupID: e.GroupID, Host: "h", Account: "a", Complexity: 1, Length: 99,
		Classes: forgiva.AllClasses()})
	if ce := (*CallError)(nil); !errors.As(err, &ce) || ce.Code != vault.Invalid || ce.Field != "length" {
		t.Fatalf("AddEntry with length 99: %#v, want an invalid error about length", err)
	}
}

func TestQuitClearsSecrets(t *testing.T) {
	a, e := newUnlockedApp(t)
	id := testkit.Must(a.StartGeneration(e.ID, "k", nil))(t)
	testkit.Must(a.PickAnimal(id, 0))(t)
	testkit.Must(a.CopyPassword(id))(t)

	a.onQuick()
	if a.rt.shown != 1 || len(a.rt.named(events.Quick)) != 1 {
		t.Fatal("quick generate did not show the window and tell the frontend")
	}
	// Every quit (tray, SIGTERM, last window closed) passes beforeClose.
	if a.beforeClose(context.Background()) {
		t.Fatal("beforeClose vetoed a quit")
	}
	if a.rt.clip() != "" || a.gens.Len() != 0 {
		t.Fatal("quitting left secrets behind")
	}
}

func TestBackupExportImport(t *testing.T) {
	a, e := newUnlockedApp(t)
	if path := testkit.Must(a.ExportBackup(0, ""))(t); path != "" {
		t.Fatalf("cancelled export wrote %q", path)
	}
	if !strings.HasSuffix(a.rt.offeredName, ".fgdump") {
		t.Fatalf("offered file name %q", a.rt.offeredName)
	}
	file := filepath.Join(t.TempDir(), "all.fgdump")
	a.rt.savePath = file
	if path := testkit.Must(a.ExportBackup(0, ""))(t); path != file {
		t.Fatalf("export wrote %q, want %q", path, file)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", info, err)
	}
	_, err := a.ExportBackup(999, "")
	wantError(t, err, "does not exist")

	b, _ := newUnlockedApp(t) // holds mail.example/ann too: a duplicate
	testkit.Must(b.AddGroup(0, "Other", ""))(t)
	if report := testkit.Must(b.ImportBackup())(t); report != nil {
		t.Fatalf("cancelled import reported %+v", report)
	}
	b.rt.openPath = file
	report := testkit.Must(b.ImportBackup())(t)
	if report == nil || report.DuplicatesSkipped != 1 || report.EntriesAdded != 0 || report.Conflicts == nil {
		t.Fatalf("import report %+v", report)
	}
	hits := testkit.Must(b.Search(e.Host, 0, 100))(t).Entries
	if len(hits) != 1 {
		t.Fatalf("after import %d entries for %s, want 1", len(hits), e.Host)
	}

	junk := filepath.Join(t.TempDir(), "junk.fgdump")
	if err := os.WriteFile(junk, []byte("this is no backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.rt.openPath = junk
	_, err = b.ImportBackup()
	if err == nil || err.Error() == "internal error" {
		t.Fatalf("junk import: %v, want the format's message", err)
	}
	b.rt.openPath = junk + ".missing"
	_, err = b.ImportBackup()
	wantError(t, err, "cannot be read")
}

// The encrypted export: an age file to a checked passphrase; importing it
// asks for the passphrase, and a wrong one changes nothing.
func TestEncryptedBackupExportImport(t *testing.T) {
	a, e := newUnlockedApp(t)
	const pass = "an export passphrase of five plain words"
	file := filepath.Join(t.TempDir(), "all.fgdump.age")
	a.rt.savePath = file
	_, err := a.ExportBackup(0, "iloveyouiloveyou")
	if ce := (*CallError)(nil); !errors.As(err, &ce) || ce.Field != "passphrase" {
		t.Fatalf("weak passphrase: %v, want an error at the passphrase", err)
	}
	if path := testkit.Must(a.ExportBackup(0, pass))(t); path != file || !strings.HasSuffix(a.rt.offeredName, ".fgdump.age") {
		t.Fatalf("export wrote %q, offered %q", path, a.rt.offeredName)
	}
	data := testkit.Must(os.ReadFile(file))(t)
	if !backup.IsSealed(data) || bytes.Contains(data, []byte(e.Host)) {
		t.Fatal("the encrypted export is not an age file, or shows a host")
	}

	b := newTestApp(t)
	testkit.Must(b.CreateVault(testVaultPassword, false))(t)
	_, err = b.ImportEncryptedBackup(pass)
	wantError(t, err, "Choose the encrypted backup")
	b.rt.openPath = file
	_, err = b.ImportBackup()
	if ce := (*CallError)(nil); !errors.As(err, &ce) || ce.Code != vault.NeedsPassphrase {
		t.Fatalf("import of an encrypted file: %v, want needs_passphrase", err)
	}
	_, err = b.ImportEncryptedBackup("wrong passphrase, wrong passphrase")
	wantError(t, err, "Wrong passphrase")
	if hits := testkit.Must(b.Search(e.Host, 0, 100))(t).Entries; len(hits) != 0 {
		t.Fatal("a wrong passphrase imported entries")
	}
	report := testkit.Must(b.ImportEncryptedBackup(pass))(t) // the file was kept for the retry
	if report == nil || report.EntriesAdded != 1 {
		t.Fatalf("report %+v", report)
	}
	if hits := testkit.Must(b.Search(e.Host, 0, 100))(t).Entries; len(hits) != 1 {
		t.Fatalf("%d entries after the encrypted import", len(hits))
	}
}

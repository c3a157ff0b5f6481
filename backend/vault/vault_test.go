package vault

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func TestCreateOpenUnlock(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	groups := testkit.Must(v.Groups(ctx))(t)
	if len(groups) != 1 || groups[0].Name != "Accounts" || groups[0].ParentID != 0 {
		t.Fatalf("new vault groups = %+v, want one top-level Accounts", groups)
	}
	testkit.Must(v.AddEntry(ctx, entryInput(groups[0].ID, "mail.example", "ann")))(t)
	v.Close()

	if info, _ := os.Stat(f.dir); info.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode %v, want 0700", info.Mode().Perm())
	}
	if info, _ := os.Stat(filepath.Join(f.dir, FileName)); info.Mode().Perm() != 0o600 {
		t.Errorf("vault file mode %v, want 0600", info.Mode().Perm())
	}

	v = f.open(t)
	if v.IsUnlocked() {
		t.Fatal("a freshly opened vault is unlocked")
	}
	_, err := v.Groups(ctx)
	wantCode(t, err, Locked, "locked")
	wantCode(t, v.Unlock(ctx, []byte("not the password at all"), 0), WrongPassword, "Wrong vault password")
	if err := v.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
	page, total, err := v.EntriesByGroup(ctx, groups[0].ID, 0, 0)
	if err != nil || total != 1 || page[0].Host != "mail.example" {
		t.Fatalf("after reopen: %+v, %d, %v", page, total, err)
	}
	_, err = Create(ctx, f.opts(), []byte(testPassword))
	wantCode(t, err, Conflict, "already exists")
}

func TestOpenMissingVault(t *testing.T) {
	_, err := Open(context.Background(), Options{Dir: t.TempDir()})
	wantCode(t, err, NotFound, "no vault")
	if ok, err := Exists(t.TempDir()); ok || err != nil {
		t.Fatalf("Exists on an empty dir = %v, %v", ok, err)
	}
}

// Create applies the strength rule (the table is TestPasswordStrength).
func TestWeakPasswordRefused(t *testing.T) {
	_, err := Create(context.Background(), Options{Dir: t.TempDir(), Keyring: testkit.NewKeyring(), Estimator: strength.Local{}}, []byte("iloveyouiloveyou"))
	wantCode(t, err, Invalid, "too weak", "repetition")
}

func TestForeignOrCorruptFileLeftUntouched(t *testing.T) {
	good, f := newTestVault(t)
	good.Close()
	vaultBytes, err := os.ReadFile(filepath.Join(f.dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(vaultBytes)
	for i := 4096; i < len(damaged) && i < 3*4096; i++ {
		damaged[i] ^= 0x5A
	}
	cases := map[string][]byte{
		"text":    []byte(strings.Repeat("not a vault\n", 20)),
		"png":     append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 200)...),
		"damaged": damaged,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), Options{Dir: dir, Keyring: testkit.NewKeyring()})
			wantCode(t, err, Corrupt, path, "left untouched")
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Fatal("the file was modified")
			}
		})
	}
}

func TestNoPlaintextOnDisk(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	secrets := []string{"GroupNameZebra", "HostQuokka.example", "AccountPangolin", "DescriptionNarwhal",
		"RenewalAxolotl", "SignatureOcelot", testPassword}
	g := testkit.Must(v.AddGroup(ctx, 0, secrets[0], secrets[3]))(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(g.ID, secrets[1], secrets[2])))(t)
	if err := v.SetSetting(ctx, "signature", secrets[5]); err != nil {
		t.Fatal(err)
	}
	if err := v.SetSetting(ctx, "masterkey_use_ignored", "true"); err != nil {
		t.Fatal(err)
	}
	if err := v.keepMasterKeyIfWanted(ctx, []byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	renewal := secrets[4]
	if _, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: []byte("mk"), Renewal: &renewal}, nil); err != nil {
		t.Fatal(err)
	}
	// Read the file and its WAL while the vault is still open: that is when
	// fresh rows sit in the WAL.
	var disk []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(filepath.Join(f.dir, FileName+suffix))
		if err != nil && suffix == "" {
			t.Fatal(err)
		}
		disk = append(disk, b...)
	}
	if len(disk) < 4096 {
		t.Fatalf("only %d bytes on disk", len(disk))
	}
	for _, s := range secrets {
		for _, form := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
			if bytes.Contains(disk, []byte(form)) {
				t.Errorf("%q is on disk in clear", form)
			}
		}
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	s := testkit.Must(v.Settings(ctx))(t)
	want := Settings{PasswordAlwaysShowNotCopy: true, PasswordDefaultLength: 16, PasswordDefaultComplexity: 1,
		ClipboardClearSeconds: 10, AutoLockMinutes: 5, SessionRememberHours: 12, CompatMode: "forgiva", QuickAction: QuickType, QuickShortcut: "Ctrl+Alt+F",
		EnterpriseSalt: "d6fa63bb5bde801a013645292eb1124cb57ac7cd72b75ab7461300870282763938127dd85daee3c64c33c866f20f01c8420a3b3345ede510f940df186f38ec19"}
	if s != want {
		t.Fatalf("defaults\n got %+v\nwant %+v", s, want)
	}
	good := []struct{ key, value, stored string }{
		{"animals_do_not_scramble", "true", "true"},
		{"password_default_length", "64", "64"},
		{"password_default_complexity", "3", "3"},
		{"auto_lock_minutes", "0", "0"},
		{"compat_mode", "enterprise", "enterprise"},
		{"enterprise_salt", "ABCD", "abcd"},
		{"signature", "our org", "(set)"},
		{"signature", "", ""},
		{"quick_shortcut", " alt+CTRL+f ", "Ctrl+Alt+F"},
		{"quick_shortcut", "super+space", "Super+Space"},
		{"quick_shortcut", "", ""},
		{"quick_action", "copy", "copy"},
	}
	for _, c := range good {
		if err := v.SetSetting(ctx, c.key, c.value); err != nil {
			t.Fatalf("SetSetting(%s, %q): %v", c.key, c.value, err)
		}
		if got := testkit.Must(v.GetSetting(ctx, c.key))(t); got != c.stored {
			t.Fatalf("GetSetting(%s) = %q, want %q", c.key, got, c.stored)
		}
	}
	bad := []struct{ key, value, allowed string }{
		{"animals_do_not_scramble", "yes", "true, false"},
		{"password_default_length", "65", "2 to 64"},
		{"password_default_length", "1", "2 to 64"},
		{"password_default_complexity", "x", "1 to 3"},
		{"compat_mode", "server", "forgiva, enterprise"},
		{"enterprise_salt", "xyz", "hexadecimal"},
		{"signature", "a\nb", "control"},
		{"quick_shortcut", "F", "empty for none"},
		{"quick_shortcut", "Ctrl+Nosuchkey", "empty for none"},
		{"quick_action", "paste", "type, copy"},
	}
	for _, c := range bad {
		wantCode(t, v.SetSetting(ctx, c.key, c.value), Invalid, c.key, c.allowed)
	}
	wantCode(t, v.SetSetting(ctx, "colour", "red"), Invalid, "colour", "compat_mode")
	_, err := v.GetSetting(ctx, "colour")
	wantCode(t, err, Invalid, "colour")
	if keys := SettingKeys(); len(keys) != 14 {
		t.Fatalf("SettingKeys = %v", keys)
	}
}

func TestTwoProcessesSeeEachOther(t *testing.T) {
	ctx := context.Background()
	a, f := newTestVault(t)
	b := f.open(t)
	if err := b.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
	g := firstGroup(t, a)
	testkit.Must(a.AddEntry(ctx, entryInput(g.ID, "from-a.example", "x")))(t)
	hits := testkit.Must(b.Search(ctx, "from-a"))(t)
	if len(hits) != 1 {
		t.Fatalf("the other handle sees %d entries, want 1", len(hits))
	}
	testkit.Must(b.AddEntry(ctx, entryInput(g.ID, "from-b.example", "y")))(t)
	if _, total := must2(t)(a.EntriesByGroup(ctx, g.ID, 0, 10)); total != 2 {
		t.Fatalf("total %d, want 2", total)
	}
}

func must2(t testing.TB) func([]Entry, int, error) ([]Entry, int) {
	return func(e []Entry, n int, err error) ([]Entry, int) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return e, n
	}
}

func TestErrorHelpers(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", invalidf("Host is required"))
	if ErrorCode(err) != Invalid || ErrorMessage(err) != "Host is required" {
		t.Fatalf("ErrorCode/Message = %s / %s", ErrorCode(err), ErrorMessage(err))
	}
	plain := fmt.Errorf("SELECT * FROM secrets")
	if ErrorCode(plain) != Internal || ErrorMessage(plain) != "internal error" {
		t.Fatal("a plain error leaks through")
	}
}

// Each definition must hold together: its default is a value it accepts,
// and what the dialog shows is there.
func TestSettingsSchema(t *testing.T) {
	schema := SettingsSchema()
	if len(schema) != len(SettingKeys()) {
		t.Fatalf("%d definitions, %d keys", len(schema), len(SettingKeys()))
	}
	for _, d := range schema {
		if d.Label == "" || len(d.Help) < 10 {
			t.Errorf("%s: label %q, help %q", d.Key, d.Label, d.Help)
		}
		if got, err := d.parse(d.Default); err != nil || got != d.Default {
			t.Errorf("%s: default %q parses to %q, %v", d.Key, d.Default, got, err)
		}
		for _, c := range d.Choices {
			if _, err := d.parse(c.Value); err != nil || c.Label == "" {
				t.Errorf("%s: choice %q (%q) is not a value it accepts: %v", d.Key, c.Value, c.Label, err)
			}
		}
	}
	values := settingValues(nil)
	for _, d := range schema {
		if values[d.Key] != d.Default {
			t.Errorf("%s: an empty vault reads %q, the default is %q", d.Key, values[d.Key], d.Default)
		}
	}
	schema[0].Choices = append(schema[0].Choices, SettingOption{"x", "x"})
	if len(SettingsSchema()[0].Choices) != 0 {
		t.Error("SettingsSchema shares its definitions with the caller")
	}
}

// A data directory and files with lax modes are made private on open.
func TestOpenMakesTheDataDirPrivate(t *testing.T) {
	v, f := newTestVault(t)
	v.Close()
	if err := os.Chmod(f.dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(f.dir, FileName), 0o666); err != nil {
		t.Fatal(err)
	}
	f.open(t)
	for path, want := range map[string]os.FileMode{f.dir: 0o700, filepath.Join(f.dir, FileName): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o after open, want %o", path, got, want)
		}
	}
}

// Create makes an existing, lax directory private too.
func TestCreateMakesTheDataDirPrivate(t *testing.T) {
	f := newFixture(t)
	if err := os.MkdirAll(f.dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(f.dir, 0o777); err != nil {
		t.Fatal(err)
	}
	v, err := Create(context.Background(), f.opts(), []byte(testPassword))
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	if fi, _ := os.Stat(f.dir); fi.Mode().Perm() != 0o700 {
		t.Fatalf("data dir mode %o, want 700", fi.Mode().Perm())
	}
}

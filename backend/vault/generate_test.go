package vault

import (
	"context"
	"encoding/hex"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// direct runs the engine the way Generate should, for comparison.
func direct(t *testing.T, e Entry, renewal string, masterKey, signature []byte, animal forgiva.Animal) string {
	t.Helper()
	p := e.Params()
	p.Renewal = renewal
	in := forgiva.ForgivaInput(p, masterKey, signature)
	defer in.Wipe()
	pw, err := forgiva.Generate(context.Background(), in, animal, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Wipe()
	return pw.String()
}

func TestGenerateMatchesEngine(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	g := firstGroup(t, v).ID
	in := entryInput(g, "news.example", "pg")
	in.Length, in.Classes.Symbols = 20, false
	e := testkit.Must(v.AddEntry(ctx, in))(t)
	master := []byte("my master key")
	animal := forgiva.Animal(3)

	pw := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: master, Animal: animal}, nil))(t)
	if got, want := pw.String(), direct(t, e, "", master, nil, animal); got != want {
		t.Fatalf("no renewal: %q, engine gives %q", got, want)
	}
	if !testkit.Must(v.Entry(ctx, e.ID))(t).GeneratedBefore {
		t.Fatal("'generated before' not recorded")
	}

	f.clock.Advance(time.Second)
	renewal := "2025-05-05"
	pw = testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: master, Animal: animal, Renewal: &renewal}, nil))(t)
	if got, want := pw.String(), direct(t, e, renewal, master, nil, animal); got != want {
		t.Fatalf("with renewal: %q, engine gives %q", got, want)
	}
	stored := testkit.Must(v.Entry(ctx, e.ID))(t)
	if stored.LastRenewal == nil || *stored.LastRenewal != renewal || len(stored.Renewals) != 1 ||
		stored.Renewals[0].Date != renewal || !stored.Renewals[0].At.Equal(f.clock.Now()) {
		t.Fatalf("renewal not recorded: %+v", stored)
	}

	if err := v.SetSetting(ctx, "signature", "ACME corp"); err != nil {
		t.Fatal(err)
	}
	pw = testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: master, Animal: animal}, nil))(t)
	if got, want := pw.String(), direct(t, e, renewal, master, []byte("ACME corp"), animal); got != want {
		t.Fatalf("with signature: %q, engine gives %q", got, want)
	}
}

func TestGenerateRefusals(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "h.example", "a")))(t)
	_, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil)
	wantCode(t, err, Invalid, "master key")
	_, err = v.Generate(ctx, GenerateRequest{EntryID: 999, MasterKey: []byte("k")}, nil)
	wantCode(t, err, NotFound)
	_, err = v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: []byte("k"), Animal: 99}, nil)
	wantCode(t, err, Invalid)
	bad := "2025\n01"
	_, err = v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: []byte("k"), Renewal: &bad}, nil)
	wantCode(t, err, Invalid, "Renewal")

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	renewal := "2030-01-01"
	_, err = v.Generate(canceled, GenerateRequest{EntryID: e.ID, MasterKey: []byte("k"), Renewal: &renewal}, nil)
	wantCode(t, err, Canceled)
	got := testkit.Must(v.Entry(ctx, e.ID))(t)
	if got.GeneratedBefore || got.LastRenewal != nil || len(got.Renewals) != 0 {
		t.Fatalf("a failed generation was recorded: %+v", got)
	}
}

func TestVaultPasswordAsMasterKey(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "h.example", "a")))(t)
	if err := v.SetSetting(ctx, "masterkey_use_ignored", "true"); err != nil {
		t.Fatal(err)
	}
	_, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil)
	wantCode(t, err, Invalid, "not stored")
	if err := v.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
	pw := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil))(t)
	if want := direct(t, e, "", []byte(testPassword), nil, 0); pw.String() != want {
		t.Fatalf("stored key gives %q, the vault password gives %q", pw.String(), want)
	}

	// A remembered session alone does not open the stored key: it is
	// wrapped under the vault password, not the data key.
	if err := v.Remember(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	v.forgetKeys()
	if err := v.UnlockFromSession(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil)
	wantCode(t, err, Locked, "needs the vault password once per start")
	if err := v.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
	testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil))(t).Wipe()

	// A password change re-wraps it: the passwords stay those of the
	// stored (old) vault password.
	const newPassword = "a brand new vault password, quite long 9"
	if err := v.ChangePassword(ctx, []byte(testPassword), []byte(newPassword)); err != nil {
		t.Fatal(err)
	}
	if got := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil))(t); got.String() != pw.String() {
		t.Fatalf("after a password change the stored key gives %q, want %q", got, pw)
	}

	if err := v.SetSetting(ctx, "masterkey_use_ignored", "false"); err != nil {
		t.Fatal(err)
	}
	_, err = v.Generate(ctx, GenerateRequest{EntryID: e.ID}, nil)
	wantCode(t, err, Invalid, "master key is required")
}

// The engine's Enterprise reference vectors, through a stored entry and the
// enterprise settings.
func TestGenerateEnterpriseVector(t *testing.T) {
	vectors := testkit.Must(forgiva.LoadVectors())(t).Enterprise
	if len(vectors) == 0 {
		t.Fatal("no enterprise vectors")
	}
	for i, row := range vectors {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			ctx := context.Background()
			v, _ := newTestVault(t)
			p := row.Params()
			in := EntryInput{GroupID: firstGroup(t, v).ID, Host: p.Host, Account: p.Account,
				Complexity: p.Complexity, Length: p.Length,
				Classes: p.Classes}
			e := testkit.Must(v.AddEntry(ctx, in))(t)
			for key, value := range map[string]string{"compat_mode": "enterprise", "enterprise_salt": row.Salt,
				"signature": "ignored in enterprise mode"} {
				if err := v.SetSetting(ctx, key, value); err != nil {
					t.Fatal(err)
				}
			}
			animal := testkit.Must(forgiva.ParseAnimal(row.Animal))(t)
			renewal := row.LastRenewal
			pw := testkit.Must(v.Generate(ctx, GenerateRequest{EntryID: e.ID,
				MasterKey: []byte(row.MasterKey), Animal: animal, Renewal: &renewal}, nil))(t)
			want := row.Expected[:2*row.Length]
			if got := hex.EncodeToString(pw.ReferenceBytes()); got != want {
				t.Fatalf("enterprise password %s, want %s", got, want)
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	seed := testkit.Must(v.AddEntry(ctx, entryInput(g, "seed.example", "s")))(t)
	const workers, rounds = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*3)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				if _, err := v.AddEntry(ctx, entryInput(g, fmt.Sprintf("w%d-r%d.example", w, r), "a")); err != nil {
					errs <- err
				}
				if _, err := v.Search(ctx, "example"); err != nil {
					errs <- err
				}
				renewal := fmt.Sprintf("2025-%02d", r)
				_, err := v.Generate(ctx, GenerateRequest{EntryID: seed.ID, MasterKey: []byte("k"), Renewal: &renewal}, nil)
				if err != nil && ErrorCode(err) != Conflict { // Conflict: another worker renewed it meanwhile
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent call: %v (%s)", err, ErrorCode(err))
	}
	if _, total := must2(t)(v.EntriesByGroup(ctx, g, 0, 0)); total != 1+workers*rounds {
		t.Fatalf("total %d, want %d", total, 1+workers*rounds)
	}
}

func TestRealKDFParameters(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Argon2id at full cost")
	}
	saved := kdfParams
	kdfParams = realKDF
	defer func() { kdfParams = saved }()
	ctx := context.Background()
	v, f := newTestVault(t)
	v.Close()
	w := f.open(t)
	vk, err := w.storedKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if vk.KDF != realKDF || vk.KDF.MemoryKiB < 64*1024 {
		t.Fatalf("stored KDF %+v, want %+v", vk.KDF, realKDF)
	}
	// The stored parameters are the ones used: with the cheap ones the
	// password does not open the wrap.
	if _, err := deriveAndOpen([]byte(testPassword), vk, saved, w.vaultID); err == nil {
		t.Fatal("the wrap opens with other parameters")
	}
	if _, err := deriveAndOpen([]byte(testPassword), vk, realKDF, w.vaultID); err != nil {
		t.Fatalf("the wrap does not open with the real parameters: %v", err)
	}
	kdfParams = saved // Unlock must read the stored cost, not the package's
	if err := w.Unlock(ctx, []byte(testPassword), 0); err != nil {
		t.Fatal(err)
	}
}

// The password before the current renewal: "never" for the first renewal,
// the last date before it after that; unknown for an imported date with no
// history, until the first renewal here records it.
func TestPreviousPassword(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "prev.example", "ann")))(t)
	gen := func(req GenerateRequest) string {
		t.Helper()
		req.EntryID, req.MasterKey, req.Animal = e.ID, []byte("mk"), forgiva.Fox
		p := testkit.Must(v.Generate(ctx, req, nil))(t)
		defer p.Wipe()
		return p.String()
	}
	_, err := v.Generate(ctx, GenerateRequest{EntryID: e.ID, MasterKey: []byte("mk"), Previous: true}, nil)
	wantCode(t, err, NotFound, "never renewed")
	never := gen(GenerateRequest{})
	d1, d2 := "2025-01-01", "2026-01-01"
	first := gen(GenerateRequest{Renewal: &d1})
	if got := gen(GenerateRequest{Previous: true}); got != never {
		t.Fatalf("previous after the first renewal %q, want the never-renewed %q", got, never)
	}
	gen(GenerateRequest{Renewal: &d2})
	if got := gen(GenerateRequest{Previous: true}); got != first {
		t.Fatalf("previous after the second renewal %q, want %q", got, first)
	}
	if got := testkit.Must(v.Entry(ctx, e.ID))(t); *got.LastRenewal != d2 {
		t.Fatal("asking for the previous password changed the entry")
	}

	report := testkit.Must(v.ImportBackup(ctx, testkit.Must(backup.Encode(backup.Backup{
		Groups: []backup.Group{{ID: 1, Name: "Accounts"}},
		Entries: []backup.Entry{{ID: 1, GroupID: 1, Host: "old.example", Account: "bob", LastRenewal: ptr("2019/11/05"),
			Complexity: 1, Length: 16, Classes: forgiva.AllClasses()}},
	}))(t)))(t)
	if report.EntriesAdded != 1 {
		t.Fatal(report)
	}
	imported := testkit.Must(v.Search(ctx, "old.example"))(t)[0]
	_, err = v.Generate(ctx, GenerateRequest{EntryID: imported.ID, MasterKey: []byte("mk"), Previous: true}, nil)
	wantCode(t, err, NotFound, "not known")
	e = imported
	before := gen(GenerateRequest{})
	gen(GenerateRequest{Renewal: &d1})
	if got := gen(GenerateRequest{Previous: true}); got != before {
		t.Fatalf("previous of an imported date after a renewal here %q, want %q", got, before)
	}
}

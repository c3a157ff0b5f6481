package vault

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/session"
	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func TestSessionRememberReopenLockAndExpiry(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	if err := v.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, []byte(testPassword), 2*time.Hour); err != nil {
		t.Fatal(err)
	}
	if f.keyring.Len() != 1 || v.KeyringNotice() != "" {
		t.Fatalf("keyring holds %d secrets, notice %q", f.keyring.Len(), v.KeyringNotice())
	}
	v.Close()

	w := f.open(t)
	if err := w.UnlockFromSession(ctx); err != nil {
		t.Fatalf("reopen from session: %v", err)
	}
	if !w.IsUnlocked() {
		t.Fatal("not unlocked")
	}
	testkit.Must(w.Groups(ctx))(t)

	// Lock forgets the session everywhere.
	if err := w.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if f.keyring.Len() != 0 {
		t.Fatal("Lock left the secret in the keyring")
	}
	wantCode(t, w.UnlockFromSession(ctx), Locked, "No session")

	// Expiry, with the injected clock.
	if err := w.Unlock(ctx, []byte(testPassword), time.Hour); err != nil {
		t.Fatal(err)
	}
	w.forgetKeys()
	f.clock.Advance(59 * time.Minute)
	if err := w.UnlockFromSession(ctx); err != nil {
		t.Fatalf("one minute before expiry: %v", err)
	}
	w.forgetKeys()
	f.clock.Advance(time.Minute)
	wantCode(t, w.UnlockFromSession(ctx), Locked, "expired")
	wantCode(t, w.UnlockFromSession(ctx), Locked, "No session")
}

// A vault just created is remembered without unlocking it again.
func TestRememberAfterCreate(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	if err := v.Remember(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if f.keyring.Len() != 1 {
		t.Fatalf("keyring holds %d secrets, want 1", f.keyring.Len())
	}
	v.Close()
	w := f.open(t)
	if err := w.UnlockFromSession(ctx); err != nil {
		t.Fatalf("reopen from the session: %v", err)
	}
	if err := w.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	wantCode(t, w.Remember(ctx, time.Hour), Locked)
}

func TestPasswordChangeInvalidatesSessions(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	if err := v.Unlock(ctx, []byte(testPassword), time.Hour); err != nil {
		t.Fatal(err)
	}
	const newPassword = "a brand new vault passphrase 2025"
	wantCode(t, v.ChangePassword(ctx, []byte("wrong wrong wrong wrong"), []byte(newPassword)), WrongPassword)
	wantCode(t, v.ChangePassword(ctx, []byte(testPassword), []byte("short")), Invalid, "too weak")
	wantCode(t, v.ChangePassword(ctx, []byte(testPassword), []byte(testPassword)), Invalid, "same")
	if err := v.ChangePassword(ctx, []byte(testPassword), []byte(newPassword)); err != nil {
		t.Fatal(err)
	}
	if !v.IsUnlocked() || f.keyring.Len() != 0 {
		t.Fatalf("after change: unlocked %v, %d keyring secrets", v.IsUnlocked(), f.keyring.Len())
	}
	v.forgetKeys()
	wantCode(t, v.UnlockFromSession(ctx), Locked)
	wantCode(t, v.Unlock(ctx, []byte(testPassword), 0), WrongPassword)
	if err := v.Unlock(ctx, []byte(newPassword), 0); err != nil {
		t.Fatal(err)
	}
}

func TestTamperedSessionRefused(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	if err := v.Unlock(ctx, []byte(testPassword), time.Hour); err != nil {
		t.Fatal(err)
	}
	v.forgetKeys()
	// A secret that is not the one the wrap was made with.
	if err := (session.Store{Keyring: f.keyring}).Put(v.keyringUser(), make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	wantCode(t, v.UnlockFromSession(ctx), Locked, "not valid")
}

func TestNoKeyring(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	f.keyring.Fail = errors.New("org.freedesktop.secrets was not provided by any .service files")
	// The vault opens, and the refusal is said at once.
	wantCode(t, v.Unlock(ctx, []byte(testPassword), time.Hour), NoKeyring, "will not be remembered", "keyring refused")
	if !v.IsUnlocked() {
		t.Fatal("a keyring that refuses kept the vault locked")
	}
	testkit.Must(v.Groups(ctx))(t)
	wantCode(t, v.Remember(ctx, time.Hour), NoKeyring, "will not be remembered")
	v.forgetKeys()
	wantCode(t, v.UnlockFromSession(ctx), Locked, "No session")
	notice := v.KeyringNotice()
	if notice != "" {
		t.Fatalf("notice %q with no session to look for", notice)
	}
	if err := v.Lock(ctx); err != nil {
		t.Fatalf("Lock without a keyring: %v", err)
	}
}

// TestKeyringIntegration runs against the real Secret Service; the test
// script starts gnome-keyring-daemon in a D-Bus session and sets
// FORGIVA_KEYRING_IT=1.
func TestKeyringIntegration(t *testing.T) {
	if os.Getenv("FORGIVA_KEYRING_IT") != "1" {
		t.Skip("set FORGIVA_KEYRING_IT=1 inside a D-Bus session with an unlocked Secret Service")
	}
	ctx := context.Background()
	f := newFixture(t)
	opts := Options{Dir: f.dir, Now: f.clock.Now, Estimator: strength.Local{}} // nil Keyring: the OS keyring
	v, err := Create(ctx, opts, []byte(testPassword))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, []byte(testPassword), time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := v.KeyringNotice(); n != "" {
		t.Fatalf("the real keyring was not usable: %s", n)
	}
	v.Close()

	w, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.UnlockFromSession(ctx); err != nil {
		t.Fatalf("reopen from the real keyring: %v", err)
	}
	if err := w.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := (session.Store{Keyring: session.OS(session.DefaultTimeout)}).Fetch(w.keyringUser()); !errors.Is(err, session.ErrNotFound) {
		t.Fatalf("after Lock the keyring still answers %v", err)
	}
	wantCode(t, w.UnlockFromSession(ctx), Locked)

	if err := w.Unlock(ctx, []byte(testPassword), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := w.ChangePassword(ctx, []byte(testPassword), []byte("another strong vault passphrase 7")); err != nil {
		t.Fatal(err)
	}
	w.forgetKeys()
	wantCode(t, w.UnlockFromSession(ctx), Locked)
}

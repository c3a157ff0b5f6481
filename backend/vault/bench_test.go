package vault

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/store"
	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// The benchmark vault: 10,000 entries in 50 groups, built once per run.
const (
	benchGroups   = 50
	benchPerGroup = 200
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func benchVaultDir(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "forgiva-bench-")
		if benchErr != nil {
			return
		}
		ctx := context.Background()
		var v *Vault
		v, benchErr = Create(ctx, Options{Dir: benchDir, Keyring: testkit.NewKeyring(), Estimator: strength.Local{}}, []byte(testPassword))
		if benchErr != nil {
			return
		}
		defer v.Close()
		var groups []int64
		for i := range benchGroups {
			g, err := v.AddGroup(ctx, 0, fmt.Sprintf("Group %02d", i), "")
			if err != nil {
				benchErr = err
				return
			}
			groups = append(groups, g.ID)
		}
		benchErr = v.write(ctx, "bulk", func(tx *store.Tx, k *keys, _ *index) (func(*index), error) {
			return bulkEntries(tx, k, v, groups, benchPerGroup, "b")
		})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// copyVault copies the benchmark vault so a writing benchmark leaves the
// shared one as it is.
// copyVault copies the vault file in from (with its write-ahead log) to a
// new directory.
func copyVault(b testing.TB, from string) string {
	b.Helper()
	to := b.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		src, err := os.Open(filepath.Join(from, FileName+suffix))
		if err != nil {
			continue
		}
		dst, err := os.OpenFile(filepath.Join(to, FileName+suffix), os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(dst, src)
		src.Close()
		dst.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	return to
}

func openBenchVault(b *testing.B, dir string) *Vault {
	b.Helper()
	v, err := Open(context.Background(), Options{Dir: dir, Keyring: testkit.NewKeyring()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	if err := v.Unlock(context.Background(), []byte(testPassword), 0); err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkUnlockIndex: from an opened data key to a ready vault (decrypt
// and index 10,000 entries), i.e. unlock without the Argon2id step.
func BenchmarkUnlockIndex(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, benchVaultDir(b))
	dataKey, _, _, err := v.openDataKey(ctx, []byte(testPassword))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		k, err := newKeys(append([]byte(nil), dataKey...))
		if err != nil {
			b.Fatal(err)
		}
		if err := v.install(ctx, k); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if _, total, _ := v.EntriesByGroup(ctx, 2, 0, 1); total != benchPerGroup {
		b.Fatalf("group 2 holds %d entries", total)
	}
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, benchVaultDir(b))
	for b.Loop() {
		hits, total, err := v.SearchPage(ctx, "USER7", 0, 100)
		if err != nil || len(hits) != 100 || total < 1000 {
			b.Fatalf("%d hits, %v", len(hits), err)
		}
	}
}

func BenchmarkEntriesPage(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, benchVaultDir(b))
	for b.Loop() {
		page, total, err := v.EntriesByGroup(ctx, 10, 100, 100)
		if err != nil || len(page) != 100 || total != benchPerGroup {
			b.Fatalf("page %d of %d, %v", len(page), total, err)
		}
	}
}

func BenchmarkHosts(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, benchVaultDir(b))
	for b.Loop() {
		hosts, err := v.Hosts(ctx, "-12-")
		if err != nil || len(hosts) == 0 {
			b.Fatalf("%d hosts, %v", len(hosts), err)
		}
	}
}

// BenchmarkAddEntry: one entry, committed and fsynced (WAL, synchronous=FULL).
func BenchmarkAddEntry(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, copyVault(b, benchVaultDir(b)))
	i := 0
	for b.Loop() {
		i++
		if _, err := v.AddEntry(ctx, entryInput(3, fmt.Sprintf("new-%d.example", i), "me")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportBackup: the whole 10,000-entry vault to .fgdump bytes
// (budget 300 ms).
func BenchmarkExportBackup(b *testing.B) {
	v := openBenchVault(b, benchVaultDir(b))
	for b.Loop() {
		if _, _, err := v.ExportBackup(context.Background(), 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportBackup: that file into an empty vault, one transaction
// (budget 1 s).
func BenchmarkImportBackup(b *testing.B) {
	ctx := context.Background()
	_, data, err := openBenchVault(b, benchVaultDir(b)).ExportBackup(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		v, _ := newTestVault(b)
		b.StartTimer()
		report, err := v.ImportBackup(ctx, data)
		if err != nil {
			b.Fatal(err)
		}
		if report.EntriesAdded != benchGroups*benchPerGroup {
			b.Fatalf("imported %d entries", report.EntriesAdded)
		}
	}
}

// BenchmarkChangePassword: a password change re-encrypts and re-tags all
// 10,000 entries in one transaction (with the test binary's Argon2id cost,
// so this is the rotation itself).
func BenchmarkChangePassword(b *testing.B) {
	ctx := context.Background()
	v := openBenchVault(b, copyVault(b, benchVaultDir(b)))
	passwords := [][]byte{[]byte(testPassword), []byte("another long vault password 4 the bench")}
	i := 0
	for b.Loop() {
		if err := v.ChangePassword(ctx, passwords[i%2], passwords[(i+1)%2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

package vault

import (
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/store"
)

// testKDF is the Argon2id cost test binaries use for new vault passwords:
// one pass over 64 KiB, so a test that runs a hundred CLI commands does not
// pay half a second for each.
var testKDF = store.KDF{Time: 1, MemoryKiB: 64, Threads: 1}

// UseTestKDF lowers the cost of new vault passwords to testKDF, and the
// lowest cost a vault file may ask for with it. It panics
// outside a test binary (testing.Testing), so no build of the app or the CLI
// can weaken a vault through it. A vault stores the cost it was made with,
// so vaults made this way still open in any build.
func UseTestKDF() {
	if !testing.Testing() {
		panic("vault.UseTestKDF called outside a test binary")
	}
	kdfParams = testKDF
	minKDFMemKiB = testKDF.MemoryKiB
}

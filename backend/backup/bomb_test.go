package backup

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A gzip stream may hold many members back to back; one member of 1 MiB of
// zeros compresses to about a kilobyte, so 1024 copies make a file of about
// 1.4 MB (in base64) that inflates to 1 GiB.
func TestDecodeRefusesGzipBomb(t *testing.T) {
	member := gzipBytes(t, make([]byte, 1<<20))
	bomb := b64(bytes.Repeat(member, 1024))
	if len(bomb) > 2<<20 {
		t.Fatalf("bomb is %d bytes, expected a small file", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Decode(bomb)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	if err == nil || !strings.Contains(err.Error(), "This file is not a Forgiva backup (it inflates to more than 64 MiB)") {
		t.Fatalf("Decode = %v", err)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 320<<20 {
		t.Errorf("allocated %d MiB to refuse a 1 GiB bomb", allocated>>20)
	}
	// No bound on the time: the message says the limit was met and the
	// allocations say the inflated bytes were not kept (inflating zeros
	// goes at gigabytes a second, so a clock would tell little more).
	t.Logf("refused in %v", elapsed)
}

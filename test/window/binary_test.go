package window

import (
	"debug/elf"
	"os"
	"testing"
)

// dtRELR is the dynamic tag of packed relative relocations (DT_RELR);
// debug/elf has no name for it.
const dtRELR elf.DynTag = 36

// maxRelaBytes bounds what is left in .rela.dyn once relative relocations
// are packed: the few symbol relocations. Unpacked, a PIE Go binary of this
// size carries about 3.5 MB there, mapped for the process's life.
const maxRelaBytes = 64 << 10

// TestBinaryPacksRelocations checks the production binary's link: a PIE
// (address-space randomisation) whose relative relocations are packed
// (scripts/build.sh), not 3.5 MB of them in every running app.
func TestBinaryPacksRelocations(t *testing.T) {
	if os.Getenv("FORGIVA_WINDOW_IT") != "1" {
		t.Skip("FORGIVA_WINDOW_IT is not 1")
	}
	f, err := elf.Open(desktopBinary(t))
	if err != nil {
		t.Fatalf("read the binary: %v", err)
	}
	defer f.Close()
	if f.Type != elf.ET_DYN {
		t.Errorf("the binary is %v, want a position-independent executable (ET_DYN)", f.Type)
	}
	if relr, err := f.DynValue(dtRELR); err != nil || len(relr) == 0 {
		t.Errorf("the binary has no packed relocations (DT_RELR): %v", err)
	}
	if s := f.Section(".rela.dyn"); s != nil && s.Size > maxRelaBytes {
		t.Errorf(".rela.dyn holds %d bytes, want at most %d: relative relocations are not packed", s.Size, maxRelaBytes)
	}
}

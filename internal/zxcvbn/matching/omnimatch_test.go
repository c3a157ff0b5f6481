package matching

import (
	"fmt"
	"os"
	"testing"
)

// TestMain runs after the package's initialisation and before any test:
// the frequency lists must not be built yet.
func TestMain(m *testing.M) {
	if rankedDicts.rankedDictionaries != nil {
		fmt.Fprintln(os.Stderr, "the ranked frequency lists were built when the package started")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func TestOmnimatchBuildsTheListsOnFirstUse(t *testing.T) {
	matches := Omnimatch("password", nil)
	if rankedDicts.rankedDictionaries == nil {
		t.Fatal("the ranked frequency lists were not built")
	}
	for _, m := range matches {
		if m.Pattern == "dictionary" && m.Token == "password" && m.DictionaryName == "passwords" && m.Rank == 2 {
			return
		}
	}
	t.Errorf(`"password" is not found as the 2nd most common password: %v`, matches)
}

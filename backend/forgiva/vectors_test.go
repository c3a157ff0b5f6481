package forgiva

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva/internal/argon2d"
)

func loadVectors(t testing.TB) *Vectors {
	t.Helper()
	vectors, err := LoadVectors()
	if err != nil {
		t.Fatal(err)
	}
	return vectors
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// conformance reports whether the slow (complexity 3) vectors should run.
func conformance() bool { return os.Getenv("FORGIVA_CONFORMANCE") == "1" }

func skipSlow(t *testing.T, complexity int) {
	t.Helper()
	if complexity == Advanced && !conformance() {
		t.Skip("complexity 3 takes about a minute: set FORGIVA_CONFORMANCE=1 to run it")
	}
}

func TestPrimitiveVectors(t *testing.T) {
	t.Parallel()
	vectors := loadVectors(t).Primitives
	if len(vectors) != 18 {
		t.Fatalf("got %d primitive vectors, want 18", len(vectors))
	}
	for _, v := range vectors {
		t.Run(v.Algorithm, func(t *testing.T) {
			t.Parallel()
			data, want := unhex(t, v.Data), unhex(t, v.Expected)
			var got []byte
			switch v.Kind {
			case "hash":
				got = fhash(hashAlgNamed(t, v.Algorithm), data)
			case "cipher":
				block, err := cipherAlgNamed(t, v.Algorithm).newCipher(unhex(t, v.Key))
				if err != nil {
					t.Fatal(err)
				}
				got = encryptCBC(block, unhex(t, v.IV), data)
			case "argon2d":
				var err error
				got, err = argon2d.Key(context.Background(), data, unhex(t, v.Key), 2, 64*1024, 1, 32, nil)
				if err != nil {
					t.Fatal(err)
				}
			default:
				t.Fatalf("unknown kind %q", v.Kind)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got %x\nwant %x", got, want)
			}
		})
	}
}

func hashAlgNamed(t *testing.T, name string) hashAlg {
	for a := range hashAlgCount {
		if a.String() == name {
			return a
		}
	}
	t.Fatalf("no digest named %q", name)
	return 0
}

func cipherAlgNamed(t *testing.T, name string) cipherAlg {
	for a := range cipherAlgCount {
		if a.String() == name {
			return a
		}
	}
	t.Fatalf("no cipher named %q", name)
	return 0
}

// checkGeneration generates v's password in forgiva mode and compares the
// reference's bytes.
func checkGeneration(t *testing.T, v GenerationVector, expectedHex string) {
	t.Helper()
	animal, err := ParseAnimal(v.Animal)
	if err != nil {
		t.Fatal(err)
	}
	p := v.Params()
	in := ForgivaInput(p, []byte(v.MasterKey), []byte(v.Signature))
	defer in.Wipe()
	password, err := Generate(context.Background(), in, animal, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer password.Wipe()
	want := unhex(t, expectedHex)[:p.Length]
	if got := password.ReferenceBytes(); !bytes.Equal(got, want) {
		t.Errorf("got %x\nwant %x", got, want)
	}
	checkPolicy(t, password, p)
}

// checkPolicy checks a generated password against its entry's rules.
func checkPolicy(t *testing.T, password *Password, p Params) {
	t.Helper()
	text := password.String()
	if n := len([]rune(text)); n != p.Length {
		t.Errorf("password has %d characters, want %d", n, p.Length)
	}
	alphabet := p.Classes.Alphabet()
	if p.Legacy {
		alphabet = string(legacyAlphabet(p.Complexity))
	}
	for _, r := range text {
		if !strings.ContainsRune(alphabet, r) {
			t.Errorf("password has %q, outside its alphabet", r)
		}
	}
	if !p.Legacy && password.Complete() != hasEveryClass(text, p.Classes) {
		t.Errorf("Complete() = %v, but the password's classes say otherwise", password.Complete())
	}
}

// hasEveryClass is the test's own check, independent of Classes.Satisfied.
func hasEveryClass(text string, c Classes) bool {
	has := func(chars string) bool { return strings.ContainsAny(text, chars) }
	return (!c.Lowercase || has("abcdefghijklmnopqrstuvwxyz")) &&
		(!c.Uppercase || has("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) &&
		(!c.Numbers || has("0123456789")) &&
		(!c.Symbols || has(`.@+-*/%_!,#$;\()><=^&{}`))
}

func TestPublishedGenerations(t *testing.T) {
	t.Parallel()
	vectors := loadVectors(t).Published
	if len(vectors) != 9 {
		t.Fatalf("got %d published generation rows, want 9", len(vectors))
	}
	for _, v := range vectors {
		for _, variant := range []struct {
			name           string
			scrypt, argon2 bool
			expected       string
		}{
			{"plain", false, false, v.ExpectedHex},
			{"scrypt", true, false, v.ExpectedHexScrypt},
			{"argon2", false, true, v.ExpectedHexArgon2},
		} {
			t.Run(fmt.Sprintf("%s/%s/%s/c%d/%s", v.Animal, v.Host, v.Account, v.Complexity, variant.name), func(t *testing.T) {
				t.Parallel()
				skipSlow(t, v.Complexity)
				v.Scrypt, v.Argon2 = variant.scrypt, variant.argon2
				checkGeneration(t, v, variant.expected)
			})
		}
	}
}

func TestExtraGenerations(t *testing.T) {
	t.Parallel()
	all := loadVectors(t)
	groups := map[string][]GenerationVector{
		"generation":      all.Extra,
		"long_master_key": all.LongMasterKey,
		"symbols_only":    all.SymbolsOnly,
	}
	for group, vectors := range groups {
		if len(vectors) == 0 {
			t.Fatalf("no %s rows", group)
		}
		for i, v := range vectors {
			t.Run(fmt.Sprintf("%s/%d/%s/%s", group, i, v.Animal, v.Host), func(t *testing.T) {
				t.Parallel()
				skipSlow(t, v.Complexity)
				checkGeneration(t, v, v.ExpectedHex)
			})
		}
	}
}

func TestServerJSONVectors(t *testing.T) {
	t.Parallel()
	vectors := loadVectors(t).ServerJSON
	if len(vectors) == 0 {
		t.Fatal("no server_json rows")
	}
	for i, v := range vectors {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			got, err := ServerJSON(context.Background(), []byte(v.Request))
			if v.RC != 0 {
				if err == nil {
					t.Fatalf("answered %s, want an error (rc %d)", got, v.RC)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// The reference prints parson's pretty form (four-space indent,
			// ": " between key and value) and a newline.
			var answer struct{ Animal, Password string }
			if err := json.Unmarshal(v.Output, &answer); err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("{\n    \"animal\": \"%s\",\n    \"password\": \"%s\"\n}\n", answer.Animal, answer.Password)
			if string(got) != want {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

func TestEnterpriseVectors(t *testing.T) {
	t.Parallel()
	vectors := loadVectors(t).Enterprise
	if len(vectors) == 0 {
		t.Fatal("no enterprise rows")
	}
	for i, v := range vectors {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			skipSlow(t, v.Complexity)
			animal, err := ParseAnimal(v.Animal)
			if err != nil {
				t.Fatal(err)
			}
			p := v.Params()
			in := EnterpriseInput(p, []byte(v.MasterKey), unhex(t, v.Salt))
			defer in.Wipe()
			password, err := Generate(context.Background(), in, animal, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer password.Wipe()
			if got, want := password.ReferenceBytes(), unhex(t, v.Expected)[:v.Length]; !bytes.Equal(got, want) {
				t.Errorf("got %x\nwant %x", got, want)
			}
			checkPolicy(t, password, p)
		})
	}
}

func TestDefaultEnterpriseSaltIsTheStockOne(t *testing.T) {
	t.Parallel()
	for _, v := range loadVectors(t).Enterprise {
		if got := DefaultEnterpriseSalt(); !bytes.Equal(got, unhex(t, v.Salt)) {
			t.Errorf("DefaultEnterpriseSalt() = %x, want %s", got, v.Salt)
		}
	}
	a := DefaultEnterpriseSalt()
	clear(a)
	if bytes.Equal(a, DefaultEnterpriseSalt()) {
		t.Error("DefaultEnterpriseSalt returns shared storage")
	}
}

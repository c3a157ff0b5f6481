package cli

import (
	"bytes"
	"context"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// vectorFiles are copies of shared/vectors: the reference implementation's
// published vectors and the extra ones computed with it.
//
//go:embed vectors/published.json vectors/reference-extra.json
var vectorFiles embed.FS

// vector is one self-test case: run computes the bytes to compare.
type vector struct {
	name       string
	complexity int
	want       []byte
	run        func(ctx context.Context) ([]byte, error)
}

// generationRow is a row of "generation" in published.json (length,
// legacy) or reference-extra.json (character_length, is_*, legacy, ...).
type generationRow struct {
	Host, Account, Animal, Signature string
	RenewalDate                      string `json:"renewal_date"`
	MasterKey                        string `json:"master_key"`
	Complexity                       int
	Length                           int
	CharacterLength                  int  `json:"character_length"`
	Lowercase                        bool `json:"is_lowercase"`
	Uppercase                        bool `json:"is_uppercase"`
	Numbers                          bool `json:"is_numbers"`
	Symbols                          bool `json:"is_symbols"`
	Legacy, Scrypt, Argon2           bool
	ExpectedHex                      string `json:"expected_hex"`
	ExpectedHexScrypt                string `json:"expected_hex_scrypt"`
	ExpectedHexArgon2                string `json:"expected_hex_argon2"`
}

type serverJSONRow struct {
	RequestText string            `json:"request_text"`
	Output      map[string]string `json:"output"`
}

type enterpriseRow struct {
	Host, Account, Animal                  string
	Length, Complexity                     int
	Lowercase, Uppercase, Numbers, Symbols bool
	LastRenewal                            string `json:"last_renewal"`
	MasterKey                              string `json:"master_key"`
	SaltHex                                string `json:"salt_hex"`
	ExpectedHex                            string `json:"expected_hex"`
}

// loadVectors returns every vector of both files, in file order.
func loadVectors() ([]vector, error) {
	var published struct{ Generation []generationRow }
	var extra struct {
		Generation    []generationRow
		LongMasterKey []generationRow `json:"long_master_key"`
		SymbolsOnly   []generationRow `json:"symbols_only"`
		ServerJSON    []serverJSONRow `json:"server_json"`
		Enterprise    []enterpriseRow
	}
	if err := readVectorFile("vectors/published.json", &published); err != nil {
		return nil, err
	}
	if err := readVectorFile("vectors/reference-extra.json", &extra); err != nil {
		return nil, err
	}
	var all []vector
	for i, row := range published.Generation {
		all = append(all, row.publishedVectors(fmt.Sprintf("published-%d", i+1))...)
	}
	sets := []struct {
		name string
		rows []generationRow
	}{{"extra", extra.Generation}, {"long-master-key", extra.LongMasterKey}, {"symbols-only", extra.SymbolsOnly}}
	for _, set := range sets {
		for i, row := range set.rows {
			all = append(all, row.extraVector(fmt.Sprintf("%s-%d", set.name, i+1)))
		}
	}
	for i, row := range extra.ServerJSON {
		all = append(all, row.vector(fmt.Sprintf("server-json-%d", i+1)))
	}
	for i, row := range extra.Enterprise {
		all = append(all, row.vector(fmt.Sprintf("enterprise-%d", i+1)))
	}
	return all, nil
}

func readVectorFile(name string, v any) error {
	data, err := vectorFiles.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read embedded %s: %w", name, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("parse embedded %s: %w", name, err)
	}
	return nil
}

// publishedVectors gives the three vectors of a published row: plain,
// scrypt and Argon2d hardening.
func (r generationRow) publishedVectors(prefix string) []vector {
	classes := forgiva.Classes{Lowercase: true, Uppercase: true, Numbers: true, Symbols: true}
	base := r.params(r.Length, classes)
	variants := []struct {
		suffix         string
		scrypt, argon2 bool
		expected       string
	}{{"", false, false, r.ExpectedHex}, {" scrypt", true, false, r.ExpectedHexScrypt}, {" argon2", false, true, r.ExpectedHexArgon2}}
	vectors := make([]vector, 0, len(variants))
	for _, v := range variants {
		p := base
		p.Scrypt, p.Argon2 = v.scrypt, v.argon2
		name := fmt.Sprintf("%s %s c%d%s", prefix, r.Animal, r.Complexity, v.suffix)
		vectors = append(vectors, forgivaVector(name, p, r.MasterKey, r.Signature, r.Animal, v.expected))
	}
	return vectors
}

func (r generationRow) extraVector(prefix string) vector {
	classes := forgiva.Classes{Lowercase: r.Lowercase, Uppercase: r.Uppercase, Numbers: r.Numbers, Symbols: r.Symbols}
	if r.Legacy && classes == (forgiva.Classes{}) {
		// Legacy ignores the classes; the rows leave them all off.
		classes = forgiva.Classes{Lowercase: true, Uppercase: true, Numbers: true, Symbols: true}
	}
	p := r.params(r.CharacterLength, classes)
	p.Scrypt, p.Argon2 = r.Scrypt, r.Argon2
	name := fmt.Sprintf("%s %s c%d", prefix, r.Animal, r.Complexity)
	return forgivaVector(name, p, r.MasterKey, r.Signature, r.Animal, r.ExpectedHex)
}

func (r generationRow) params(length int, classes forgiva.Classes) forgiva.Params {
	return forgiva.Params{
		Host: r.Host, Account: r.Account, Renewal: r.RenewalDate,
		Complexity: r.Complexity, Length: length, Classes: classes, Legacy: r.Legacy,
	}
}

// forgivaVector runs compat mode forgiva and compares the reference's bytes:
// the first Length bytes (one published row carries one byte more).
func forgivaVector(name string, p forgiva.Params, masterKey, signature, animalName, expectedHex string) vector {
	return vector{
		name:       name,
		complexity: p.Complexity,
		want:       cutHex(expectedHex, p.Length),
		run: func(ctx context.Context) ([]byte, error) {
			animal, err := forgiva.ParseAnimal(animalName)
			if err != nil {
				return nil, err
			}
			in := forgiva.ForgivaInput(p, []byte(masterKey), []byte(signature))
			defer in.Wipe()
			return generateReference(ctx, in, animal)
		},
	}
}

func (r enterpriseRow) vector(name string) vector {
	p := forgiva.Params{
		Host: r.Host, Account: r.Account, Renewal: r.LastRenewal, Complexity: r.Complexity, Length: r.Length,
		Classes: forgiva.Classes{Lowercase: r.Lowercase, Uppercase: r.Uppercase, Numbers: r.Numbers, Symbols: r.Symbols},
	}
	return vector{
		name:       fmt.Sprintf("%s %s c%d", name, r.Animal, r.Complexity),
		complexity: r.Complexity,
		want:       cutHex(r.ExpectedHex, r.Length),
		run: func(ctx context.Context) ([]byte, error) {
			animal, err := forgiva.ParseAnimal(r.Animal)
			if err != nil {
				return nil, err
			}
			salt, err := hex.DecodeString(r.SaltHex)
			if err != nil {
				return nil, fmt.Errorf("salt_hex: %w", err)
			}
			in := forgiva.EnterpriseInput(p, []byte(r.MasterKey), salt)
			defer in.Wipe()
			return generateReference(ctx, in, animal)
		},
	}
}

// vector compares the server's answer field by field: the row holds the
// reference's answer parsed, not its bytes.
func (r serverJSONRow) vector(name string) vector {
	want, _ := json.Marshal(r.Output)
	var request struct{ Complexity int }
	_ = json.Unmarshal([]byte(r.RequestText), &request) // a bad request fails in run
	return vector{
		name:       fmt.Sprintf("%s %s c%d", name, r.Output["animal"], max(request.Complexity, 1)),
		complexity: max(request.Complexity, 1),
		want:       want,
		run: func(ctx context.Context) ([]byte, error) {
			answer, err := forgiva.ServerJSON(ctx, []byte(r.RequestText))
			if err != nil {
				return nil, err
			}
			var fields map[string]string
			if err := json.Unmarshal(answer, &fields); err != nil {
				return nil, fmt.Errorf("answer is not a JSON object of strings: %w", err)
			}
			return json.Marshal(fields)
		},
	}
}

func generateReference(ctx context.Context, in forgiva.Input, animal forgiva.Animal) ([]byte, error) {
	password, err := forgiva.Generate(ctx, in, animal, nil)
	if err != nil {
		return nil, err
	}
	defer password.Wipe()
	return bytes.Clone(password.ReferenceBytes()), nil
}

// cutHex decodes expected hex and keeps the first n bytes. A malformed row
// yields a value no password can equal, so it fails instead of passing.
func cutHex(expected string, n int) []byte {
	b, err := hex.DecodeString(strings.TrimSpace(expected))
	if err != nil {
		return []byte("malformed expected_hex")
	}
	if len(b) > n {
		b = b[:n]
	}
	return b
}

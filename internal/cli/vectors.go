package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// vector is one self-test case: run computes the bytes to compare.
type vector struct {
	name       string
	complexity int
	want       []byte
	run        func(ctx context.Context) ([]byte, error)
}

// loadVectors returns every reference vector the engine carries
// (forgiva.LoadVectors), in file order, as self-test cases.
func loadVectors() ([]vector, error) {
	all, err := forgiva.LoadVectors()
	if err != nil {
		return nil, err
	}
	var cases []vector
	for i, row := range all.Published {
		cases = append(cases, publishedVectors(fmt.Sprintf("published-%d", i+1), row)...)
	}
	sets := []struct {
		name string
		rows []forgiva.GenerationVector
	}{{"extra", all.Extra}, {"long-master-key", all.LongMasterKey}, {"symbols-only", all.SymbolsOnly}}
	for _, set := range sets {
		for i, row := range set.rows {
			p := row.Params()
			name := fmt.Sprintf("%s-%d %s c%d", set.name, i+1, row.Animal, row.Complexity)
			cases = append(cases, forgivaVector(name, p, row.MasterKey, row.Signature, row.Animal, row.ExpectedHex))
		}
	}
	for i, row := range all.ServerJSON {
		cases = append(cases, serverJSONVector(fmt.Sprintf("server-json-%d", i+1), row))
	}
	for i, row := range all.Enterprise {
		cases = append(cases, enterpriseVector(fmt.Sprintf("enterprise-%d", i+1), row))
	}
	return cases, nil
}

// publishedVectors gives the three vectors of a published row: plain,
// scrypt and Argon2d hardening.
func publishedVectors(prefix string, r forgiva.GenerationVector) []vector {
	base := r.Params()
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

func enterpriseVector(name string, r forgiva.EnterpriseVector) vector {
	p := r.Params()
	return vector{
		name:       fmt.Sprintf("%s %s c%d", name, r.Animal, r.Complexity),
		complexity: r.Complexity,
		want:       cutHex(r.Expected, r.Length),
		run: func(ctx context.Context) ([]byte, error) {
			animal, err := forgiva.ParseAnimal(r.Animal)
			if err != nil {
				return nil, err
			}
			salt, err := hex.DecodeString(r.Salt)
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
func serverJSONVector(name string, r forgiva.ServerJSONVector) vector {
	var output map[string]string
	_ = json.Unmarshal(r.Output, &output) // a malformed row compares unequal
	want, _ := json.Marshal(output)
	var request struct{ Complexity int }
	_ = json.Unmarshal([]byte(r.Request), &request) // a bad request fails in run
	return vector{
		name:       fmt.Sprintf("%s %s c%d", name, output["animal"], max(request.Complexity, 1)),
		complexity: max(request.Complexity, 1),
		want:       want,
		run: func(ctx context.Context) ([]byte, error) {
			answer, err := forgiva.ServerJSON(ctx, []byte(r.Request))
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

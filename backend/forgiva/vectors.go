package forgiva

import (
	"embed"
	"encoding/json"
	"fmt"
)

// The reference vectors are the Forgiva reference implementation's own
// outputs: testdata/published.json holds its published vectors,
// testdata/reference-extra.json more rows computed with it (other classes,
// lengths and modes, server JSON requests, Enterprise). They live here once:
// the engine's tests walk them, and `forgiva selftest` checks an installed
// binary against the same bytes, embedded.
//
//go:embed testdata/published.json testdata/reference-extra.json
var vectorFiles embed.FS

// Vectors is every row of both files.
type Vectors struct {
	Primitives []PrimitiveVector // digests, ciphers and Argon2d, as the reference computes them

	// Published rows imply all four classes and carry three expectations:
	// plain, scrypt and Argon2d hardening.
	Published []GenerationVector

	// The extra rows give their own classes, length and hardening.
	Extra, LongMasterKey, SymbolsOnly []GenerationVector

	ServerJSON []ServerJSONVector
	Enterprise []EnterpriseVector
}

// PrimitiveVector is one building block's input and output.
type PrimitiveVector struct {
	Kind      string `json:"kind"` // hash, cipher or argon2d
	Algorithm string `json:"algorithm"`
	Data      string `json:"data_hex"`
	Key       string `json:"key_hex"`
	IV        string `json:"iv_hex"`
	Expected  string `json:"expected_hex"`
}

// GenerationVector is one password of the reference, in forgiva mode. The
// expected hex holds the reference's bytes (a row may carry one more byte
// than the length).
type GenerationVector struct {
	Host              string `json:"host"`
	Account           string `json:"account"`
	Renewal           string `json:"renewal_date"`
	MasterKey         string `json:"master_key"`
	Complexity        int    `json:"complexity"`
	Animal            string `json:"animal"`
	Length            int    `json:"length"`           // published rows
	CharacterLength   int    `json:"character_length"` // extra rows, with the is_* flags
	Lowercase         *bool  `json:"is_lowercase"`
	Uppercase         bool   `json:"is_uppercase"`
	Numbers           bool   `json:"is_numbers"`
	Symbols           bool   `json:"is_symbols"`
	Legacy            bool   `json:"legacy"`
	Scrypt            bool   `json:"scrypt"`
	Argon2            bool   `json:"argon2"`
	Signature         string `json:"signature"`
	ExpectedHex       string `json:"expected_hex"`
	ExpectedHexScrypt string `json:"expected_hex_scrypt"` // published rows
	ExpectedHexArgon2 string `json:"expected_hex_argon2"` // published rows
}

// Params is the row's metadata: a published row (no is_* flags) has all
// classes and its "length"; an extra row its flags and "character_length".
func (v GenerationVector) Params() Params {
	p := Params{
		Host: v.Host, Account: v.Account, Renewal: v.Renewal,
		Complexity: v.Complexity, Length: v.Length, Classes: AllClasses(),
		Legacy: v.Legacy, Scrypt: v.Scrypt, Argon2: v.Argon2,
	}
	if v.Lowercase != nil {
		p.Length = v.CharacterLength
		p.Classes = Classes{*v.Lowercase, v.Uppercase, v.Numbers, v.Symbols}
	}
	return p
}

// ServerJSONVector is a request to the reference server's stdin JSON mode and
// its answer, parsed (the reference prints it pretty, with a newline).
type ServerJSONVector struct {
	Request string          `json:"request_text"`
	Output  json.RawMessage `json:"output"`
	RC      int             `json:"rc"` // non-zero: the reference refused the request
	Note    string          `json:"note"`
}

// EnterpriseVector is one password of Forgiva Enterprise.
type EnterpriseVector struct {
	Host        string `json:"host"`
	Account     string `json:"account"`
	Animal      string `json:"animal"`
	Length      int    `json:"length"`
	Complexity  int    `json:"complexity"`
	Lowercase   bool   `json:"lowercase"`
	Uppercase   bool   `json:"uppercase"`
	Numbers     bool   `json:"numbers"`
	Symbols     bool   `json:"symbols"`
	LastRenewal string `json:"last_renewal"`
	MasterKey   string `json:"master_key"`
	Salt        string `json:"salt_hex"`
	Expected    string `json:"expected_hex"`
}

// Params is the row's metadata.
func (v EnterpriseVector) Params() Params {
	return Params{
		Host: v.Host, Account: v.Account, Renewal: v.LastRenewal,
		Complexity: v.Complexity, Length: v.Length,
		Classes: Classes{v.Lowercase, v.Uppercase, v.Numbers, v.Symbols},
	}
}

// LoadVectors parses the embedded reference vectors.
func LoadVectors() (*Vectors, error) {
	var published struct {
		Generation []GenerationVector `json:"generation"`
		Primitives []PrimitiveVector  `json:"primitives"`
	}
	var extra struct {
		Generation    []GenerationVector `json:"generation"`
		LongMasterKey []GenerationVector `json:"long_master_key"`
		SymbolsOnly   []GenerationVector `json:"symbols_only"`
		ServerJSON    []ServerJSONVector `json:"server_json"`
		Enterprise    []EnterpriseVector `json:"enterprise"`
	}
	for name, into := range map[string]any{"testdata/published.json": &published, "testdata/reference-extra.json": &extra} {
		data, err := vectorFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read the reference vectors: %w", err)
		}
		if err := json.Unmarshal(data, into); err != nil {
			return nil, fmt.Errorf("parse the reference vectors %s: %w", name, err)
		}
	}
	return &Vectors{
		Primitives: published.Primitives, Published: published.Generation,
		Extra: extra.Generation, LongMasterKey: extra.LongMasterKey, SymbolsOnly: extra.SymbolsOnly,
		ServerJSON: extra.ServerJSON, Enterprise: extra.Enterprise,
	}, nil
}

package forgiva

import (
	"bytes"
	"context"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const baseRequest = `{"host": "test.com", "account": "admin", "animal": "Spider", "character_length": 16,
 "complexity": 1, "is_lowercase": true, "is_uppercase": true, "is_symbols": true, "is_number": true,
 "password_hash": "SECRETHASH", "renewal_date": "", "signature": "", "legacy_mode": false}`

// request edits baseRequest: each pair replaces a fragment.
func request(edits ...string) string {
	r := baseRequest
	for i := 0; i+1 < len(edits); i += 2 {
		r = strings.Replace(r, edits[i], edits[i+1], 1)
	}
	return r
}

func TestServerRequestByteRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		req   string
		check func(Input) bool
	}{
		{"strings gain a trailing zero", request(),
			func(in Input) bool {
				return string(in.MasterHash) == "SECRETHASH\x00" && string(in.Renewal) == "\x00" &&
					string(in.Signature) == "\x00" && string(in.Host) == "test.com" && string(in.Account) == "admin"
			}},
		{"missing signature means no signature step", request(`"signature": "", `, ""),
			func(in Input) bool { return in.Signature == nil }},
		{"missing legacy_mode means legacy", request(`, "legacy_mode": false`, ""),
			func(in Input) bool { return in.Legacy }},
		{"missing complexity is 1", request(`"complexity": 1,`, ""),
			func(in Input) bool { return in.Complexity == Normal }},
		{"complexity 0 is 1", request(`"complexity": 1,`, `"complexity": 0,`),
			func(in Input) bool { return in.Complexity == Normal }},
		{"is_numbers is not the server's key", request(`"is_number": true`, `"is_numbers": true`),
			func(in Input) bool { return !in.Classes.Numbers && in.Classes.Symbols }},
		{"scrypt and argon2 stay off", request(),
			func(in Input) bool { return !in.Scrypt && !in.Argon2 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var req serverRequest
			if err := json.Unmarshal([]byte(tt.req), &req); err != nil {
				t.Fatal(err)
			}
			in, animal, err := req.input()
			if err != nil || animal != Spider {
				t.Fatalf("input() = %v, %v", animal, err)
			}
			if !tt.check(in) {
				t.Errorf("unexpected input %+v", in)
			}
		})
	}
}

func TestServerJSONErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, req, field string
	}{
		{"malformed", request(`"renewal_date": ""`, `"renewal_date": `), "request"},
		{"wrong type", request(`"character_length": 16`, `"character_length": "16"`), "request"},
		{"no class", request("true", "false", "true", "false", "true", "false", "true", "false"), "classes"},
		{"unknown animal", request("Spider", "Spidr"), "animal"},
		{"no password_hash", request(`"password_hash": "SECRETHASH",`, ""), "request"},
		{"length 0", request(`"character_length": 16`, `"character_length": 0`), "length"},
		{"complexity 4", request(`"complexity": 1`, `"complexity": 4`), "complexity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			answer, err := ServerJSON(context.Background(), []byte(tt.req))
			var inputErr *InputError
			if !errors.As(err, &inputErr) || inputErr.Field != tt.field {
				t.Fatalf("ServerJSON = %q, %v; want an InputError on %q", answer, err, tt.field)
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Errorf("error message quotes the request: %v", err)
			}
		})
	}
}

func TestServerJSONEquivalences(t *testing.T) {
	t.Parallel()
	answer := func(req string) string {
		t.Helper()
		out, err := ServerJSON(context.Background(), []byte(req))
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	base := answer(request())
	if got := answer(request(`"complexity": 1,`, "")); got != base {
		t.Errorf("missing complexity: %s, want %s", got, base)
	}
	if got := answer(request("Spider", "sPIDER")); got != base {
		t.Errorf("animal case: %s, want %s", got, base)
	}
	if got := answer(request(`"signature": "", `, "")); got == base {
		t.Error("a missing signature answers like an empty one")
	}
	legacy := answer(request(`false}`, `true}`))
	if got := answer(request(`, "legacy_mode": false`, "")); got != legacy {
		t.Errorf("missing legacy_mode: %s, want the legacy answer %s", got, legacy)
	}
	if !strings.HasPrefix(base, "{\n    \"animal\": \"Spider\",\n    \"password\": \"") || !strings.HasSuffix(base, "\"\n}\n") {
		t.Errorf("answer %q is not in the reference's pretty form", base)
	}
}

func TestEnterpriseInput(t *testing.T) {
	t.Parallel()
	p := Params{Host: "h", Account: "a", Renewal: "2019/11/05", Complexity: 2, Length: 10, Classes: AllClasses(), Legacy: true, Scrypt: true}
	salt := []byte("salt")
	in := EnterpriseInput(p, []byte("key"), salt)
	sum := sha3.Sum512([]byte("saltkey"))
	if want := hex.EncodeToString(sum[:]) + "\x00"; string(in.MasterHash) != want {
		t.Errorf("master hash %q, want %q", in.MasterHash, want)
	}
	if string(in.Renewal) != "2019/11/05\x00" || string(in.Signature) != "\x00" {
		t.Errorf("renewal %q, signature %q: want the server's trailing zero", in.Renewal, in.Signature)
	}
	if in.Legacy || in.Scrypt || in.Argon2 || in.Complexity != 2 || in.Length != 10 {
		t.Errorf("flags %+v: want policy mode, no hardening, the entry's complexity and length", in)
	}
}

func TestForgivaInput(t *testing.T) {
	t.Parallel()
	key := bytes.Repeat([]byte("k"), 100)
	sig := []byte("sig")
	in := ForgivaInput(Params{Host: "h"}, key, sig)
	if string(in.Renewal) != "1970-01-01" {
		t.Errorf("empty renewal became %q", in.Renewal)
	}
	first := sha512.Sum512(key[:64])
	if len(in.MasterHash) != 100 || !bytes.Equal(in.MasterHash[:64], first[:]) {
		t.Errorf("a 100-byte master key must give its 100-byte block hash")
	}
	in.Wipe()
	if string(sig) != "sig" {
		t.Error("Wipe cleared the caller's signature")
	}
	if short := ForgivaInput(Params{}, []byte("k"), nil); len(short.MasterHash) != 64 || short.Signature != nil {
		t.Errorf("short key: %d-byte master hash, signature %q", len(short.MasterHash), short.Signature)
	}
}

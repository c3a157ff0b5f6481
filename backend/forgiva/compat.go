package forgiva

import (
	"bytes"
	"context"
	"crypto/sha3"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Params is an entry's metadata as the user sees it: strings taken byte for
// byte, with no trimming, case folding or normalisation.
type Params struct {
	Host, Account, Renewal string
	Complexity             int // 1..3
	Length                 int // 1..64
	Classes                Classes
	Legacy, Scrypt, Argon2 bool
}

// Validate reports the first parameter the engine refuses, as an
// *InputError.
func (p Params) Validate() error {
	return validate(p.Host == "" && p.Account == "", p.Complexity, p.Length, p.Classes, p.Legacy)
}

// epochRenewal stands for an empty renewal date in forgiva mode.
const epochRenewal = "1970-01-01"

// ForgivaInput reduces p the way the Forgiva apps do (compat mode
// "forgiva"): the master hash is the block hash fhash(sha512, masterKey),
// an empty renewal date means 1970-01-01 and an empty signature means no
// signature step. masterKey and signature are copied.
func ForgivaInput(p Params, masterKey, signature []byte) Input {
	renewal := p.Renewal
	if renewal == "" {
		renewal = epochRenewal
	}
	return Input{
		Host:       []byte(p.Host),
		Account:    []byte(p.Account),
		Renewal:    []byte(renewal),
		MasterHash: fhash(hashSHA512, masterKey),
		Signature:  bytes.Clone(signature),
		Complexity: p.Complexity,
		Length:     p.Length,
		Classes:    p.Classes,
		Legacy:     p.Legacy,
		Scrypt:     p.Scrypt,
		Argon2:     p.Argon2,
	}
}

// defaultEnterpriseSaltHex is the hashing salt a stock Forgiva Enterprise
// server ships with.
const defaultEnterpriseSaltHex = "d6fa63bb5bde801a013645292eb1124cb57ac7cd72b75ab7461300870282763938127dd85daee3c64c33c866f20f01c8420a3b3345ede510f940df186f38ec19"

// DefaultEnterpriseSalt returns the stock Forgiva Enterprise hashing salt
// (a fresh copy on each call).
func DefaultEnterpriseSalt() []byte {
	salt, err := hex.DecodeString(defaultEnterpriseSaltHex)
	if err != nil {
		panic("forgiva: bad built-in enterprise salt")
	}
	return salt
}

// EnterpriseInput reduces p the way a Forgiva Enterprise server does: the
// master hash is the lowercase hex of SHA3-512(salt || masterKey), and the
// request then follows the server-JSON byte rules in policy mode with an
// empty signature. Legacy, Scrypt and Argon2 of p are ignored: the server
// cannot switch them on.
func EnterpriseInput(p Params, masterKey, salt []byte) Input {
	h := sha3.New512()
	h.Write(salt)
	h.Write(masterKey)
	digest := h.Sum(nil)
	defer clear(digest)
	// Room for the terminating zero, so no copy of the hash is left behind.
	masterHash := make([]byte, hex.EncodedLen(len(digest)), hex.EncodedLen(len(digest))+1)
	hex.Encode(masterHash, digest)
	return Input{
		Host:       []byte(p.Host),
		Account:    []byte(p.Account),
		Renewal:    serverString(p.Renewal),
		MasterHash: append(masterHash, 0),
		Signature:  serverString(""),
		Complexity: p.Complexity,
		Length:     p.Length,
		Classes:    p.Classes,
	}
}

// serverString is a string as the reference server hands it to the
// algorithm: its bytes and the C string's terminating zero.
func serverString(s string) []byte {
	return append([]byte(s), 0)
}

// serverRequest is the reference server's JSON request. Pointers tell a
// missing key from a zero value, since the server treats some differently.
type serverRequest struct {
	Host         *string `json:"host"`
	Account      *string `json:"account"`
	Animal       *string `json:"animal"`
	Length       int     `json:"character_length"`
	Complexity   int     `json:"complexity"`
	Lowercase    bool    `json:"is_lowercase"`
	Uppercase    bool    `json:"is_uppercase"`
	Numbers      bool    `json:"is_number"` // singular, as the server spells it
	Symbols      bool    `json:"is_symbols"`
	PasswordHash *string `json:"password_hash"`
	RenewalDate  *string `json:"renewal_date"`
	Signature    *string `json:"signature"`
	LegacyMode   *bool   `json:"legacy_mode"`
}

// ServerJSON answers one request of the reference server's stdin JSON mode
// (compat mode "server JSON"): it returns the answer's bytes as the
// reference prints them, the object {"animal": NAME, "password": HEX} in
// its JSON library's pretty form (parson: four-space indent, ": " between
// key and value) and a newline, HEX being the first character_length bytes
// of the password in lowercase hex. Where the reference crashes (malformed JSON, a missing
// field it reads, no class chosen, an unknown animal) it returns an
// *InputError.
func ServerJSON(ctx context.Context, request []byte) ([]byte, error) {
	var req serverRequest
	if err := json.Unmarshal(request, &req); err != nil {
		return nil, malformedRequest(err)
	}
	in, animal, err := req.input()
	if err != nil {
		return nil, err
	}
	defer in.Wipe()
	password, err := Generate(ctx, in, animal, nil)
	if err != nil {
		return nil, err
	}
	defer password.Wipe()
	answer := struct {
		Animal   string `json:"animal"`
		Password string `json:"password"`
	}{animal.String(), hex.EncodeToString(password.ReferenceBytes())}
	out, err := json.MarshalIndent(answer, "", "    ")
	if err != nil {
		return nil, fmt.Errorf("encode answer: %w", err)
	}
	return append(out, '\n'), nil
}

// malformedRequest describes a JSON error by position or field only: the
// decoder's own message may quote request bytes, such as the master hash.
func malformedRequest(err error) error {
	var syntax *json.SyntaxError
	var wrongType *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return inputError("request", fmt.Sprintf("The server JSON request is not valid JSON (at byte %d)", syntax.Offset))
	case errors.As(err, &wrongType):
		return inputError("request", fmt.Sprintf("In the server JSON request, %q must be a %s", wrongType.Field, wrongType.Type))
	}
	return inputError("request", "The server JSON request is not valid JSON")
}

// input applies the server-JSON byte rules to the request.
func (r *serverRequest) input() (Input, Animal, error) {
	for _, field := range []struct {
		name  string
		value *string
	}{
		{"host", r.Host}, {"account", r.Account}, {"animal", r.Animal},
		{"password_hash", r.PasswordHash}, {"renewal_date", r.RenewalDate},
	} {
		if field.value == nil {
			return Input{}, 0, inputError("request", fmt.Sprintf("The server JSON request has no %q", field.name))
		}
	}
	animal, err := ParseAnimal(*r.Animal)
	if err != nil {
		return Input{}, 0, err
	}
	in := Input{
		Host:       []byte(*r.Host),
		Account:    []byte(*r.Account),
		Renewal:    serverString(*r.RenewalDate),
		MasterHash: serverString(*r.PasswordHash),
		Complexity: r.Complexity,
		Length:     r.Length,
		Classes:    Classes{Lowercase: r.Lowercase, Uppercase: r.Uppercase, Numbers: r.Numbers, Symbols: r.Symbols},
		Legacy:     r.LegacyMode == nil || *r.LegacyMode,
	}
	if in.Complexity == 0 {
		in.Complexity = Normal
	}
	if r.Signature != nil {
		in.Signature = serverString(*r.Signature)
	}
	return in, animal, nil
}

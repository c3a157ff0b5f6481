package cli

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// shownPassword is one generated password with the animal it belongs to.
type shownPassword struct {
	animal   forgiva.Animal
	password *forgiva.Password
}

// writePasswords prints passwords as "password" (one), "Animal<TAB>password"
// (several) or JSON objects {"animal","password"}; asHex prints the
// reference's bytes in lowercase hex instead. The text is built in a buffer
// that is wiped after the write, not in strings that would outlive it.
func (inv *invocation) writePasswords(passwords []shownPassword, asHex, several bool) error {
	var out []byte
	defer func() { wipe(out) }()
	if inv.json && several {
		out = append(out, '[')
	}
	for i, p := range passwords {
		var secret []byte
		if asHex {
			secret = hex.AppendEncode(nil, p.password.ReferenceBytes())
		} else {
			secret = append([]byte(nil), p.password.Bytes()...)
		}
		out = appendPasswordLine(out, inv.json, several, i, p.animal, secret)
		wipe(secret)
	}
	if inv.json && several {
		out = append(out, "]\n"...)
	}
	if _, err := inv.env.Stdout.Write(out); err != nil {
		return fmt.Errorf("write password: %w", err)
	}
	return nil
}

func appendPasswordLine(out []byte, asJSON, several bool, index int, animal forgiva.Animal, secret []byte) []byte {
	switch {
	case asJSON:
		if index > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"animal":`...)
		out = appendJSONString(out, []byte(animal.String()))
		out = append(out, `,"password":`...)
		out = appendJSONString(out, secret)
		out = append(out, '}')
		if !several {
			out = append(out, '\n')
		}
	case several:
		out = append(out, animal.String()...)
		out = append(out, '\t')
		out = append(append(out, secret...), '\n')
	default:
		out = append(append(out, secret...), '\n')
	}
	return out
}

// appendJSONString appends s as a JSON string. It exists because
// encoding/json would make immutable copies of a password.
func appendJSONString(out, s []byte) []byte {
	const hexDigits = "0123456789abcdef"
	out = append(out, '"')
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		switch {
		case r == '"' || r == '\\':
			out = append(out, '\\', byte(r))
		case r < 0x20:
			out = append(out, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		default:
			out = append(out, s[:size]...)
		}
		s = s[size:]
	}
	return append(out, '"')
}

// writeJSON prints v (no secrets) as one line of JSON.
func (inv *invocation) writeJSON(v any) error {
	out, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	if _, err := inv.env.Stdout.Write(append(out, '\n')); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

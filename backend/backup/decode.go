package backup

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Read reads a backup of at most MaxInputSize bytes from r and decodes it.
// Errors about the content are *FormatError; a failing r gives its own
// error, wrapped.
func Read(r io.Reader) (Backup, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return Backup{}, fmt.Errorf("read backup: %w", err)
	}
	return Decode(data)
}

// Decode parses and checks a backup. It accepts a .fgdump file
// (base64 of gzip of JSON), base64 of the JSON without gzip (the form the
// Forgiva API describes), the raw JSON, and raw gzip; surrounding white
// space and line-wrapped base64 are tolerated. On success every rule holds:
// ids unique, every reference resolved, no cycle, values the vault accepts,
// Groups parents first, group names trimmed, a null groupDescription read
// as "". Every error is a *FormatError.
func Decode(data []byte) (Backup, error) {
	doc, err := unwrap(data)
	if err != nil {
		return Backup{}, err
	}
	return decodeJSON(doc)
}

var (
	gzipMagic = []byte{0x1f, 0x8b}
	utf8BOM   = []byte{0xef, 0xbb, 0xbf}
)

// unwrap finds which form data is in and returns the JSON document inside.
func unwrap(data []byte) ([]byte, error) {
	if len(data) > MaxInputSize {
		return nil, notBackup("it is larger than %d MiB", MaxInputSize>>20)
	}
	start := len(data) - len(bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), asciiSpace))
	text := bytes.TrimRight(data[start:], asciiSpace)
	switch {
	case len(text) == 0:
		return nil, notBackup("the file is empty")
	case bytes.HasPrefix(text, gzipMagic):
		// Binary: trailing bytes that look like white space belong to it.
		return gunzip(data[start:])
	case text[0] == '{' || text[0] == '[':
		return limitJSON(text)
	}
	payload, err := unbase64(text)
	if err != nil {
		var corrupt base64.CorruptInputError
		if errors.As(err, &corrupt) {
			return nil, notBackup("bad base64 at byte %d", start+int(corrupt))
		}
		return nil, notBackup("bad base64: %v", err)
	}
	if bytes.HasPrefix(payload, gzipMagic) {
		return gunzip(payload)
	}
	if rest := bytes.TrimLeft(bytes.TrimPrefix(payload, utf8BOM), asciiSpace); len(rest) > 0 && (rest[0] == '{' || rest[0] == '[') {
		return limitJSON(payload)
	}
	return nil, notBackup("the base64 data is neither gzip nor JSON")
}

const asciiSpace = " \t\r\n\f\v"

// unbase64 decodes standard base64; the decoder itself skips the line
// breaks of wrapped base64, and its error offsets count them.
func unbase64(text []byte) ([]byte, error) {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(out, text)
	return out[:n], err
}

// gunzip inflates at most MaxJSONSize bytes: a small file that inflates to
// gigabytes (a gzip bomb) is refused once it passes the limit.
func gunzip(compressed []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, notBackup("bad gzip data: %v", err)
	}
	doc, err := io.ReadAll(io.LimitReader(zr, MaxJSONSize+1))
	if err != nil {
		return nil, notBackup("damaged gzip data: %v", err)
	}
	if len(doc) > MaxJSONSize {
		return nil, notBackup("it inflates to more than %d MiB", MaxJSONSize>>20)
	}
	return doc, nil
}

func limitJSON(doc []byte) ([]byte, error) {
	if len(doc) > MaxJSONSize {
		return nil, notBackup("its data is larger than %d MiB", MaxJSONSize>>20)
	}
	return doc, nil
}

// decodeJSON parses the document strictly and checks its content.
func decodeJSON(doc []byte) (Backup, error) {
	doc = bytes.TrimPrefix(doc, utf8BOM) // Jackson skips one too
	if !utf8.Valid(doc) {
		return Backup{}, notBackup("invalid UTF-8 in the JSON at byte %d", invalidUTF8At(doc))
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(doc, &top); err != nil {
		return Backup{}, jsonError(doc, err)
	}
	if top == nil {
		return Backup{}, notBackup("the JSON is null, not an object")
	}
	b, err := decodeTop(top)
	if err != nil {
		return Backup{}, invalid("%v", err)
	}
	if err := checkContent(b); err != nil {
		return Backup{}, invalid("%v", err)
	}
	if b.Groups, err = parentsFirst(b.Groups); err != nil {
		return Backup{}, invalid("%v", err)
	}
	return b, nil
}

func invalidUTF8At(doc []byte) int {
	for i := 0; i < len(doc); {
		r, size := utf8.DecodeRune(doc[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(doc)
}

// jsonError turns a json.Unmarshal error of the whole document into a
// message with the line and column (1-based, in bytes) of the fault.
func jsonError(doc []byte, err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		at := max(int(syntax.Offset)-1, 0)
		line := 1 + bytes.Count(doc[:at], []byte("\n"))
		column := at - bytes.LastIndexByte(doc[:at], '\n')
		return notBackup("invalid JSON at line %d, column %d (byte %d): %v", line, column, at, err)
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return notBackup("the JSON is %s, not an object", article(typeErr.Value))
	}
	return notBackup("unreadable JSON: %v", err)
}

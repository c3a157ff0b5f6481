package backup

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

func ptr(s string) *string { return &s }

// sample builds a valid backup: a few nested groups and n entries spread
// over them, with null, empty and set renewals and text JSON must escape.
func sample(n int) Backup {
	b := Backup{Groups: []Group{
		{ID: 1, Name: "Accounts", Description: "Default Metadata Group"},
		{ID: 2, Name: "Work <R&D>", Description: "line 1\nline 2\t\"quoted\""},
		{ID: 5, ParentID: 2, Name: "Mail ✉", Description: ""},
		{ID: 3, ParentID: 5, Name: "Très/vieux", Description: "ünïcødé"},
		{ID: 4, Name: "Zeta"},
	}, Entries: make([]Entry, 0, n)}
	renewals := []*string{nil, ptr(""), ptr("2020/01/31"), ptr(" spaced \\ renewal ")}
	for i := range n {
		b.Entries = append(b.Entries, Entry{
			ID: int64(100 + i), GroupID: b.Groups[i%len(b.Groups)].ID,
			Host: fmt.Sprintf("host%d.example.com", i), Account: fmt.Sprintf("user%d@例え.jp", i),
			LastRenewal: renewals[i%len(renewals)], Complexity: 1 + i%3, Length: 2 + i%63,
			Classes:         forgiva.Classes{Lowercase: i%2 == 0, Uppercase: i%3 == 0, Numbers: i%5 == 0, Symbols: i%2 == 1},
			GeneratedBefore: i%4 == 0,
		})
	}
	return b
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func b64(data []byte) []byte { return []byte(base64.StdEncoding.EncodeToString(data)) }

// wrap breaks text into lines of width bytes ending in CRLF, as MIME tools do.
func wrap(text []byte, width int) []byte {
	var out []byte
	for len(text) > width {
		out = append(append(out, text[:width]...), '\r', '\n')
		text = text[width:]
	}
	return append(out, text...)
}

// plainJSON returns the JSON inside an .fgdump, by hand rather than through
// the code under test.
func plainJSON(t testing.TB, fgdump []byte) []byte {
	t.Helper()
	compressed, err := base64.StdEncoding.DecodeString(string(fgdump))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func prettyJSON(t testing.TB, doc []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, doc, "", "  "); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

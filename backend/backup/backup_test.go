package backup

import (
	"bytes"
	"encoding/base64"
	"reflect"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

func TestRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 7, 500} {
		want := sample(n)
		encoded, err := Encode(want)
		if err != nil {
			t.Fatalf("%d entries: Encode: %v", n, err)
		}
		got, err := Decode(encoded)
		if err != nil {
			t.Fatalf("%d entries: Decode: %v", n, err)
		}
		// sample lists its groups parents first, so the order is kept.
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d entries: decoded backup differs\n got %+v\nwant %+v", n, got, want)
		}
		again, err := Encode(got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, encoded) {
			t.Errorf("%d entries: second encoding differs from the first", n)
		}
	}
}

func TestEncodeOutputForm(t *testing.T) {
	encoded, err := Encode(sample(3))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(encoded, "\r\n \t") {
		t.Error("output has white space or line breaks")
	}
	if _, err := base64.StdEncoding.Strict().DecodeString(string(encoded)); err != nil {
		t.Errorf("output is not strict padded standard base64: %v", err)
	}
	doc := plainJSON(t, encoded)
	for _, want := range []string{`"groupName":"Work <R&D>"`, `"lastRenewal":null`, `"lastRenewal":""`, `"userId":0`} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	if bytes.Contains(doc, []byte(`\u003c`)) || bytes.HasSuffix(doc, []byte("\n")) {
		t.Error("JSON is HTML-escaped or ends in a newline, unlike Jackson's")
	}
}

// The example of the issue, byte for byte.
func TestEncodeMatchesForgivaExample(t *testing.T) {
	example := readTestdata(t, "issue-example.json")
	b := Backup{
		Groups: []Group{{ID: 1, Name: "Accounts", Description: "Default Metadata Group"}},
		Entries: []Entry{{ID: 5, GroupID: 1, Host: "example.com", Account: "alice", LastRenewal: ptr("2020/01/31"),
			Complexity: 1, Length: 16, Classes: forgiva.AllClasses(), GeneratedBefore: true}},
	}
	encoded, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if doc := plainJSON(t, encoded); !bytes.Equal(doc, example) {
		t.Errorf("JSON differs from Forgiva's\n got %s\nwant %s", doc, example)
	}
	decoded, err := Decode(example)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(decoded, b) {
		t.Errorf("decoded %+v, want %+v", decoded, b)
	}
}

// forgivaFixture is what testdata/forgiva-server.fgdump holds, written by
// hand from its JSON source (testdata/forgiva-server.json): groups parents
// first, names kept, null description as "", server userIds dropped.
var forgivaFixture = Backup{
	Groups: []Group{
		{ID: 1, Name: "Accounts", Description: "Default Metadata Group"},
		{ID: 3, Name: "Work <R&D>"},
		{ID: 7, ParentID: 3, Name: "Mail", Description: "Mail under Work"},
		{ID: 9, ParentID: 7, Name: "Ünïcødé 日本", Description: "línea 1\nlínea 2"},
	},
	Entries: []Entry{
		{ID: 5, GroupID: 1, Host: "example.com", Account: "alice", LastRenewal: ptr("2020/01/31"),
			Complexity: 1, Length: 16, Classes: forgiva.AllClasses(), GeneratedBefore: true},
		{ID: 6, GroupID: 3, Host: "bücher.example", Account: "jürgen@bücher.example",
			Complexity: 2, Length: 2, Classes: forgiva.Classes{Lowercase: true}},
		{ID: 11, GroupID: 9, Host: "mail.example.org", Account: `bob "the" \ builder`, LastRenewal: ptr(""),
			Complexity: 3, Length: 64, Classes: forgiva.Classes{Symbols: true}},
		{ID: 12, GroupID: 7, Host: "😀.example", Account: "Ωmega", LastRenewal: ptr("2021-06-01 renewal #2"),
			Complexity: 2, Length: 20, Classes: forgiva.Classes{Uppercase: true, Numbers: true}, GeneratedBefore: true},
	},
}

func TestDecodeForgivaFile(t *testing.T) {
	got, err := Decode(readTestdata(t, "forgiva-server.fgdump"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, forgivaFixture) {
		t.Errorf("got  %+v\nwant %+v", got, forgivaFixture)
	}
	wantPaths := [][]string{{"Accounts"}, {"Work <R&D>"}, {"Work <R&D>", "Mail"}, {"Work <R&D>", "Mail", "Ünïcødé 日本"}}
	if paths := got.Paths(); !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("Paths() = %q, want %q", paths, wantPaths)
	}
}

func TestDecodeAcceptedForms(t *testing.T) {
	doc := readTestdata(t, "forgiva-server.json")
	fgdump := readTestdata(t, "forgiva-server.fgdump")
	forms := map[string][]byte{
		"fgdump":                      fgdump,
		"fgdump with newline":         append(bytes.Clone(fgdump), '\n'),
		"fgdump in white space":       append(append([]byte(" \r\n\t"), fgdump...), "\r\n\r\n"...),
		"fgdump wrapped at 76":        wrap(fgdump, 76),
		"base64 of JSON (API form)":   b64(doc),
		"wrapped base64 of JSON":      append(wrap(b64(doc), 64), '\n'),
		"raw JSON":                    doc,
		"raw JSON with BOM and space": append(append([]byte("\xef\xbb\xbf\n  "), doc...), "\n"...),
		"pretty raw JSON":             prettyJSON(t, doc),
		"raw gzip":                    gzipBytes(t, doc),
		"fgdump of JSON with BOM":     b64(gzipBytes(t, append([]byte("\xef\xbb\xbf"), doc...))),
	}
	for name, input := range forms {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(input)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, forgivaFixture) {
				t.Errorf("got %+v", got)
			}
		})
	}
}

func TestReadLimitsInput(t *testing.T) {
	got, err := Read(bytes.NewReader(readTestdata(t, "forgiva-server.fgdump")))
	if err != nil || !reflect.DeepEqual(got, forgivaFixture) {
		t.Fatalf("Read = %+v, %v", got, err)
	}
	huge := &repeatReader{b: ' '}
	if _, err := Read(huge); err == nil || !bytes.Contains([]byte(err.Error()), []byte("larger than 96 MiB")) {
		t.Errorf("Read of an endless file: %v", err)
	}
	if huge.n > MaxInputSize+1 {
		t.Errorf("Read consumed %d bytes, more than the limit", huge.n)
	}
}

// repeatReader yields b forever and counts what it gave.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b
	}
	r.n += len(p)
	return len(p), nil
}

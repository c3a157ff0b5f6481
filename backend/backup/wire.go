package backup

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Decoding goes through map[string]json.RawMessage rather than structs:
// encoding/json matches struct fields case-insensitively and cannot tell a
// missing field from null, and Forgiva's reader is case-sensitive while
// lastRenewal null differs from "".

var (
	topFields      = []string{"groups", "metadatas"}
	groupFields    = []string{"id", "userId", "groupName", "groupDescription", "parentGroupId"}
	metadataFields = []string{"id", "metadataGroupId", "userId", "passwordLength", "optUppercase",
		"optLowercase", "optNumbers", "optSymbols", "host", "account", "lastRenewal", "complexity", "generatedBefore"}
)

func decodeTop(top map[string]json.RawMessage) (Backup, error) {
	if name, ok := unknownField(top, topFields); ok {
		return Backup{}, fmt.Errorf("unknown field %q at the top level (a backup has only \"groups\" and \"metadatas\")", name)
	}
	groups, err := list(top, "groups", MaxGroups)
	if err != nil {
		return Backup{}, err
	}
	metadatas, err := list(top, "metadatas", MaxEntries)
	if err != nil {
		return Backup{}, err
	}
	var b Backup
	if b.Groups, err = decodeEach(groups, "group", groupFields, (*object).group); err != nil {
		return Backup{}, err
	}
	if b.Entries, err = decodeEach(metadatas, "metadata", metadataFields, (*object).entry); err != nil {
		return Backup{}, err
	}
	return b, nil
}

// decodeEach reads each raw object of a list with read, after checking its
// fields against known; errors name the record ("group #3").
func decodeEach[T any](raws []json.RawMessage, kind string, known []string, read func(*object) T) ([]T, error) {
	out := make([]T, len(raws))
	fields := map[string]json.RawMessage{}
	for i, raw := range raws {
		clear(fields)
		o := object{label: fmt.Sprintf("%s #%d", kind, i+1), fields: fields}
		o.parse(raw, known)
		out[i] = read(&o)
		if o.err != nil {
			return nil, o.err
		}
	}
	return out, nil
}

// list reads a top-level array. null counts as empty: Jackson writes a null
// Java list that way.
func list(top map[string]json.RawMessage, name string, limit int) ([]json.RawMessage, error) {
	raw, ok := top[name]
	switch {
	case !ok:
		return nil, fmt.Errorf("field %q is missing", name)
	case kind(raw) == "null":
		return nil, nil
	case kind(raw) != "a list":
		return nil, fmt.Errorf("%q must be a list, not %s", name, kind(raw))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("read %q: %w", name, err)
	}
	if len(items) > limit {
		return nil, fmt.Errorf("too many %s (%d, at most %d)", name, len(items), limit)
	}
	return items, nil
}

// unknownField returns the alphabetically first key not in known, so the
// message does not depend on map order.
func unknownField(fields map[string]json.RawMessage, known []string) (string, bool) {
	var unknown []string
	for name := range fields {
		if !slices.Contains(known, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return "", false
	}
	return slices.Min(unknown), true
}

// object reads the fields of one record. The first problem is kept in err
// and later reads return zero values, so a record reads as straight-line
// code with one check at the end.
type object struct {
	label  string // "metadata #3", then "metadata #3 (id 5)" once the id is known
	fields map[string]json.RawMessage
	err    error
}

func (o *object) fail(format string, args ...any) {
	if o.err == nil {
		o.err = fmt.Errorf("%s: %s", o.label, fmt.Sprintf(format, args...))
	}
}

func (o *object) parse(raw json.RawMessage, known []string) {
	if k := kind(raw); k != "an object" {
		o.fail("must be an object, not %s", k)
		return
	}
	if err := json.Unmarshal(raw, &o.fields); err != nil {
		o.fail("unreadable: %v", err)
		return
	}
	if name, ok := unknownField(o.fields, known); ok {
		o.fail("unknown field %q (Forgiva backups have no such field)", name)
	}
}

func (o *object) group() Group {
	g := Group{ID: o.id()}
	o.number("userId", true) // a Forgiva server's user; meaningless here
	g.Name = strings.TrimSpace(o.text("groupName"))
	if d := o.optionalText("groupDescription"); d != nil {
		g.Description = *d
	}
	g.ParentID = o.number("parentGroupId", false)
	return g
}

func (o *object) entry() Entry {
	e := Entry{ID: o.id()}
	e.GroupID = o.number("metadataGroupId", false)
	o.number("userId", true)
	e.Length = o.smallNumber("passwordLength")
	e.Classes.Uppercase = o.boolean("optUppercase")
	e.Classes.Lowercase = o.boolean("optLowercase")
	e.Classes.Numbers = o.boolean("optNumbers")
	e.Classes.Symbols = o.boolean("optSymbols")
	e.Host = o.text("host")
	e.Account = o.text("account")
	e.LastRenewal = o.optionalText("lastRenewal")
	e.Complexity = o.smallNumber("complexity")
	e.GeneratedBefore = o.boolean("generatedBefore")
	return e
}

// id reads "id" and names the record by it in later messages.
func (o *object) id() int64 {
	id := o.number("id", false)
	if o.err == nil {
		o.label = fmt.Sprintf("%s (id %d)", o.label, id)
	}
	return id
}

func (o *object) value(name string) (json.RawMessage, bool) {
	if o.err != nil {
		return nil, false
	}
	raw, ok := o.fields[name]
	if !ok {
		o.fail("field %q is missing", name)
	}
	return raw, ok
}

// number reads an integer. Only plain JSON integers are accepted: no
// strings, no 1.0, no 1e3.
func (o *object) number(name string, nullable bool) int64 {
	raw, ok := o.value(name)
	if !ok || (nullable && kind(raw) == "null") {
		return 0
	}
	if k := kind(raw); k != "a number" {
		o.fail("%s must be a number, not %s", name, k)
		return 0
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		if strings.ContainsAny(string(raw), ".eE") {
			o.fail("%s must be a whole number (got %s)", name, raw)
		} else {
			o.fail("%s is out of range (got %s)", name, raw)
		}
	}
	return n
}

// smallNumber reads a count such as a length, whose range the content
// check reports; values beyond 32 bits are refused here so they cannot wrap.
func (o *object) smallNumber(name string) int {
	n := o.number(name, false)
	if n < -1<<31 || n > 1<<31-1 {
		o.fail("%s is out of range (got %d)", name, n)
		return 0
	}
	return int(n)
}

func (o *object) boolean(name string) bool {
	raw, ok := o.value(name)
	if !ok {
		return false
	}
	switch string(raw) {
	case "true":
		return true
	case "false":
		return false
	}
	o.fail("%s must be true or false, not %s", name, kind(raw))
	return false
}

func (o *object) text(name string) string {
	raw, ok := o.value(name)
	if !ok {
		return ""
	}
	if kind(raw) != "a string" {
		o.fail("%s must be a string, not %s", name, kind(raw))
		return ""
	}
	return o.unquote(name, raw)
}

// optionalText reads a string that may be null (nil); it must be present.
func (o *object) optionalText(name string) *string {
	raw, ok := o.value(name)
	if !ok || kind(raw) == "null" {
		return nil
	}
	s := o.text(name)
	return &s
}

func (o *object) unquote(name string, raw json.RawMessage) string {
	// Fast path: the document is valid JSON and UTF-8, so a string token
	// without escapes is its own content between the quotes.
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		o.fail("%s is not a readable string: %v", name, err)
	}
	return s
}

// kind names the JSON type of a raw value for messages.
func kind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '[':
		return "a list"
	case '{':
		return "an object"
	}
	return "a number"
}

// article turns encoding/json's type names ("array", "string") into words
// for a message.
func article(jsonType string) string {
	switch jsonType {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "number", "string", "bool":
		return "a " + strings.Replace(jsonType, "bool", "boolean", 1)
	}
	return jsonType
}

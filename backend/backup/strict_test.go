package backup

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// Forgiva's reader fails on unknown properties. This walks our JSON token by
// token and checks that every object has exactly Forgiva's fields, in the
// order Jackson writes them, with the JSON type of the Java field.
func TestEncodedJSONHasExactlyForgivasFields(t *testing.T) {
	encoded, err := Encode(sample(12))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups, Metadatas []orderedObject
	}
	top := decodeOrdered(t, plainJSON(t, encoded), &doc)
	if want := []string{"groups", "metadatas"}; !reflect.DeepEqual(top, want) {
		t.Errorf("top-level keys %q, want %q", top, want)
	}
	groupKinds := []keyKind{{"id", "number"}, {"userId", "number"}, {"groupName", "string"},
		{"groupDescription", "string"}, {"parentGroupId", "number"}}
	metadataKinds := []keyKind{{"id", "number"}, {"metadataGroupId", "number"}, {"userId", "number"},
		{"passwordLength", "number"}, {"optUppercase", "bool"}, {"optLowercase", "bool"}, {"optNumbers", "bool"},
		{"optSymbols", "bool"}, {"host", "string"}, {"account", "string"}, {"lastRenewal", "string|null"},
		{"complexity", "number"}, {"generatedBefore", "bool"}}
	if len(doc.Groups) != 5 || len(doc.Metadatas) != 12 {
		t.Fatalf("%d groups and %d metadatas", len(doc.Groups), len(doc.Metadatas))
	}
	for i, g := range doc.Groups {
		checkKinds(t, "group", i, g, groupKinds)
	}
	for i, m := range doc.Metadatas {
		checkKinds(t, "metadata", i, m, metadataKinds)
	}
}

type keyKind struct{ key, kind string }

// orderedObject keeps the keys of a JSON object in order with the JSON kind
// of each value.
type orderedObject []keyKind

func (o *orderedObject) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		var value any
		if err := dec.Decode(&value); err != nil {
			return err
		}
		kind := map[reflect.Type]string{reflect.TypeFor[json.Number](): "number",
			reflect.TypeFor[string](): "string", reflect.TypeFor[bool](): "bool"}[reflect.TypeOf(value)]
		if value == nil {
			kind = "null"
		}
		*o = append(*o, keyKind{key.(string), kind})
	}
	return nil
}

func decodeOrdered(t *testing.T, data []byte, into any) []string {
	t.Helper()
	var top orderedObject
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, kk := range top {
		keys = append(keys, kk.key)
	}
	return keys
}

func checkKinds(t *testing.T, what string, i int, got orderedObject, want []keyKind) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s %d has fields %v, want %v", what, i, got, want)
		return
	}
	for k := range want {
		kindOK := got[k].kind == want[k].kind ||
			(want[k].kind == "string|null" && (got[k].kind == "string" || got[k].kind == "null"))
		if got[k].key != want[k].key || !kindOK {
			t.Errorf("%s %d field %d is %v, want %v", what, i, k, got[k], want[k])
		}
	}
}

package backup

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// record writes a JSON object from default raw values, with changes: a key
// mapped to "" is removed, any other value replaces or adds the raw value.
func record(defaults map[string]string, changes ...string) string {
	fields := maps.Clone(defaults)
	for i := 0; i < len(changes); i += 2 {
		if changes[i+1] == "" {
			delete(fields, changes[i])
		} else {
			fields[changes[i]] = changes[i+1]
		}
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		parts = append(parts, fmt.Sprintf("%q:%s", k, fields[k]))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func group(changes ...string) string {
	return record(map[string]string{"id": "1", "userId": "0", "groupName": `"Accounts"`,
		"groupDescription": `""`, "parentGroupId": "0"}, changes...)
}

func metadata(changes ...string) string {
	return record(map[string]string{"id": "5", "metadataGroupId": "1", "userId": "0", "passwordLength": "16",
		"optUppercase": "true", "optLowercase": "true", "optNumbers": "true", "optSymbols": "true",
		"host": `"example.com"`, "account": `"alice"`, "lastRenewal": "null", "complexity": "1",
		"generatedBefore": "false"}, changes...)
}

func doc(groups []string, metadatas ...string) string {
	return `{"groups":[` + strings.Join(groups, ",") + `],"metadatas":[` + strings.Join(metadatas, ",") + `]}`
}

func one(changes ...string) string { return doc([]string{group()}, metadata(changes...)) }

func groupChain(n int) []string {
	var groups []string
	for i := 1; i <= n; i++ {
		groups = append(groups, group("id", fmt.Sprint(i), "parentGroupId", fmt.Sprint(i-1)))
	}
	return groups
}

func manyGroups(n int) string {
	groups := make([]string, n)
	for i := range groups {
		groups[i] = group("id", fmt.Sprint(i+1), "groupName", fmt.Sprintf(`"g%d"`, i))
	}
	return doc(groups)
}

func TestDecodeRefusesBadInput(t *testing.T) {
	validGzip := gzipBytes(t, []byte(one()))
	badCRC := bytes.Clone(validGzip)
	badCRC[len(badCRC)-8] ^= 0xff
	tests := []struct {
		name, input, want string
	}{
		// Not a backup at all.
		{"empty", "", "This file is not a Forgiva backup (the file is empty)"},
		{"white space only", " \n\t\r\n", "(the file is empty)"},
		{"bad base64 character", strings.Repeat("A", 1402) + "!AAA", "This file is not a Forgiva backup (bad base64 at byte 1402)"},
		{"bad base64 after white space", "\n\n  QUJD$", "(bad base64 at byte 8)"},
		{"bad base64 after a line break", "QUJD\r\nQU*D", "(bad base64 at byte 8)"},
		{"truncated base64", "QUJDRA=", "bad base64 at byte"},
		{"url-safe base64", "QU-D", "(bad base64 at byte 2)"},
		{"base64 of text", string(b64([]byte("hello, world"))), "(the base64 data is neither gzip nor JSON)"},
		{"not gzip", string(b64([]byte("\x1f\x8bnot really gzip"))), "(bad gzip data: gzip: invalid header)"},
		{"truncated gzip", string(b64(validGzip[:len(validGzip)-12])), "(damaged gzip data: unexpected EOF)"},
		{"gzip bad checksum", string(b64(badCRC)), "(damaged gzip data: gzip: invalid checksum)"},
		{"gzip trailing garbage", string(b64(append(bytes.Clone(validGzip), "trailing garbage"...))), "(damaged gzip data: gzip: invalid header)"},
		{"JSON syntax", "{\n  \"groups\": [,]\n}", "(invalid JSON at line 2, column 14 (byte 15): invalid character ','"},
		{"JSON truncated", `{"groups":[`, "invalid JSON at line 1, column 11 (byte 10): unexpected end of JSON input"},
		{"JSON trailing data", one() + "}", "invalid JSON at line 1, column"},
		{"JSON list", "[1,2]", "(the JSON is a list, not an object)"},
		{"JSON invalid UTF-8", `{"groups":[],"metadatas":[],"x":"` + "\xff" + `"}`, "(invalid UTF-8 in the JSON at byte 33)"},

		// Structure.
		{"unknown top field", `{"groups":[],"metadatas":[],"settings":{}}`, `Invalid backup: unknown field "settings" at the top level`},
		{"top field in other case", `{"Groups":[],"metadatas":[]}`, `unknown field "Groups"`},
		{"missing groups", `{"metadatas":[]}`, `Invalid backup: field "groups" is missing`},
		{"missing metadatas", `{"groups":[]}`, `field "metadatas" is missing`},
		{"groups not a list", `{"groups":{},"metadatas":[]}`, `"groups" must be a list, not an object`},
		{"group not an object", `{"groups":[1],"metadatas":[]}`, "group #1: must be an object, not a number"},
		{"metadata null", doc([]string{group()}, "null"), "metadata #1: must be an object, not null"},
		{"unknown group field", doc([]string{group("color", `"red"`)}), `group #1: unknown field "color" (Forgiva backups have no such field)`},
		{"group field in other case", doc([]string{group("groupName", "", "GroupName", `"A"`)}), `group #1: unknown field "GroupName"`},
		{"unknown metadata field", one("password", `"hunter2"`), `metadata #1: unknown field "password"`},

		// Missing fields and types, naming field and record.
		{"missing group name", doc([]string{group(), group("id", "2", "groupName", "")}), `group #2 (id 2): field "groupName" is missing`},
		{"missing group id", doc([]string{group("id", "")}), `group #1: field "id" is missing`},
		{"missing lastRenewal", one("lastRenewal", ""), `metadata #1 (id 5): field "lastRenewal" is missing`},
		{"missing host", one("host", ""), `metadata #1 (id 5): field "host" is missing`},
		{"missing generatedBefore", one("generatedBefore", ""), `field "generatedBefore" is missing`},
		{"id as string", doc([]string{group("id", `"1"`)}), "group #1: id must be a number, not a string"},
		{"id fractional", doc([]string{group("id", "1.5")}), "group #1: id must be a whole number (got 1.5)"},
		{"id out of range", doc([]string{group("id", "99999999999999999999")}), "group #1: id is out of range"},
		{"userId as string", doc([]string{group("userId", `"x"`)}), "group #1 (id 1): userId must be a number, not a string"},
		{"group name null", doc([]string{group("groupName", "null")}), "group #1 (id 1): groupName must be a string, not null"},
		{"length as string", one("passwordLength", `"16"`), "metadata #1 (id 5): passwordLength must be a number, not a string"},
		{"length in exponent form", one("passwordLength", "1e1"), "passwordLength must be a whole number (got 1e1)"},
		{"length beyond 32 bits", one("passwordLength", "99999999999"), "passwordLength is out of range (got 99999999999)"},
		{"class as number", one("optSymbols", "1"), "metadata #1 (id 5): optSymbols must be true or false, not a number"},
		{"class null", one("optLowercase", "null"), "optLowercase must be true or false, not null"},
		{"renewal as number", one("lastRenewal", "20200131"), "lastRenewal must be a string, not a number"},
		{"host as list", one("host", `["a"]`), "host must be a string, not a list"},

		// Values.
		{"group id zero", doc([]string{group("id", "0")}), "Invalid backup: group #1 (id 0): id must be 1 or more (got 0)"},
		{"negative parent", doc([]string{group("parentGroupId", "-1")}), "parentGroupId must be 0 (top level) or a group id (got -1)"},
		{"blank group name", doc([]string{group("groupName", `" \t "`)}), "group #1 (id 1): groupName is empty"},
		{"group name too long", doc([]string{group("groupName", `"`+strings.Repeat("é", 101)+`"`)}), "groupName is too long (at most 100 characters)"},
		{"group name control", doc([]string{group("groupName", `"a\u0007b"`)}), "groupName contains control characters"},
		{"description control", doc([]string{group("groupDescription", `"a\rb"`)}), "groupDescription contains control characters other than line breaks and tabs"},
		{"description too long", doc([]string{group("groupDescription", `"`+strings.Repeat("x", 1001)+`"`)}), "groupDescription is too long"},
		{"empty host and account", one("host", `""`, "account", `""`), "metadata #1 (id 5): host and account are both empty"},
		{"host too long", one("host", `"`+strings.Repeat("h", 1025)+`"`), "host is too long (1025 bytes, at most 1024)"},
		{"account control", one("account", `"a\tb"`), "account contains control characters"},
		{"host bidi override", one("host", `"\u202emoc.knab"`), "host contains the invisible character U+202E"},
		{"group name zero width", doc([]string{group("groupName", `"Wo\u200brk"`)}), "groupName contains the invisible character U+200B"},
		{"host lone surrogate", one("host", `"a\ud800b"`), "host contains an undecodable character (U+FFFD)"},
		{"renewal lone surrogate", one("lastRenewal", `"\udc00"`), "lastRenewal contains an undecodable character"},
		{"renewal too long", one("lastRenewal", `"`+strings.Repeat("9", 1025)+`"`), "lastRenewal is too long"},
		{"complexity 0", one("complexity", "0"), "metadata #1 (id 5): complexity must be 1, 2 or 3 (got 0)"},
		{"complexity 4", one("complexity", "4"), "complexity must be 1, 2 or 3 (got 4)"},
		{"length 1", one("passwordLength", "1"), "passwordLength must be between 2 and 64 (got 1)"},
		{"length 65", one("passwordLength", "65"), "passwordLength must be between 2 and 64 (got 65)"},
		{"no class", one("optUppercase", "false", "optLowercase", "false", "optNumbers", "false", "optSymbols", "false"),
			"metadata #1 (id 5): no character class is chosen"},
		{"metadata id zero", one("id", "0"), "metadata #1 (id 0): id must be 1 or more"},

		// References.
		{"duplicate group id", doc([]string{group(), group("groupName", `"Other"`)}), "group #2 (id 1): id 1 is already used by group #1"},
		{"duplicate metadata id", doc([]string{group()}, metadata(), metadata("host", `"b.example"`)),
			"metadata #2 (id 5): id 5 is already used by metadata #1"},
		{"dangling parent", doc([]string{group("parentGroupId", "99")}), "group #1 (id 1): parentGroupId 99 matches no group in the file"},
		{"missing metadata group", one("metadataGroupId", "42"), "metadata #1 (id 5): metadataGroupId 42 matches no group in the file"},
		{"self parent", doc([]string{group("parentGroupId", "1")}), "group #1 (id 1): its chain of parent groups runs in a circle"},
		{"cycle", doc([]string{group(), group("id", "2", "parentGroupId", "3"), group("id", "3", "parentGroupId", "2")}),
			"group #2 (id 2): its chain of parent groups runs in a circle"},
		{"too deep", doc(groupChain(MaxDepth + 1)), "group #65 (id 65): groups are nested more than 64 levels deep"},

		// Sizes.
		{"too many groups", manyGroups(MaxGroups + 1), "Invalid backup: too many groups (100001, at most 100000)"},
		{"too large", strings.Repeat(" ", MaxInputSize+1), "This file is not a Forgiva backup (it is larger than 96 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.input))
			var formatErr *FormatError
			if !errors.As(err, &formatErr) {
				t.Fatalf("Decode = %+v, %v; want a *FormatError", got, err)
			}
			if !strings.Contains(formatErr.Message, tt.want) {
				t.Errorf("message %q\nlacks     %q", formatErr.Message, tt.want)
			}
		})
	}
}

func TestDecodeAcceptsEdgeValues(t *testing.T) {
	tests := []struct{ name, input string }{
		{"null lists", `{"groups":null,"metadatas":null}`},
		{"empty backup", `{"groups":[],"metadatas":[]}`},
		{"null description and userId", doc([]string{group("groupDescription", "null", "userId", "null")})},
		{"length bounds", doc([]string{group()}, metadata("passwordLength", "2"), metadata("id", "6", "passwordLength", "64"))},
		{"renewal with control characters", one("lastRenewal", `"\t2020\n"`)},
		{"depth limit", doc(groupChain(MaxDepth))},
		{"max groups", manyGroups(MaxGroups)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode([]byte(tt.input)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEncodeRefusesInvalidBackup(t *testing.T) {
	b := sample(2)
	b.Entries[1].Length = 65
	_, err := Encode(b)
	var formatErr *FormatError
	if !errors.As(err, &formatErr) || formatErr.Message != "Cannot export: metadata #2 (id 101): passwordLength must be between 2 and 64 (got 65)" {
		t.Errorf("Encode = %v", err)
	}
	b = sample(0)
	b.Groups[0].ParentID = 77 // an exported subtree whose root kept its parent
	if _, err := Encode(b); err == nil || !strings.Contains(err.Error(), "parentGroupId 77 matches no group") {
		t.Errorf("Encode = %v", err)
	}
}

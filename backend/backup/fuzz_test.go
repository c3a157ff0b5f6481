package backup

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

func FuzzDecode(f *testing.F) {
	f.Add(readTestdata(f, "forgiva-server.fgdump"))
	f.Add(readTestdata(f, "forgiva-server.json"))
	f.Add(readTestdata(f, "issue-example.json"))
	if encoded, err := Encode(sample(6)); err == nil {
		f.Add(encoded)
	}
	f.Add([]byte(one("lastRenewal", `"\ud800"`)))
	f.Add([]byte(doc([]string{group(), group("id", "2", "parentGroupId", "1")}, metadata("lastRenewal", `""`))))
	f.Add([]byte(`{"groups":null,"metadatas":null}`))
	f.Add(b64([]byte(one())))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Decode(data)
		if err != nil {
			var formatErr *FormatError
			if !errors.As(err, &formatErr) || formatErr.Message == "" {
				t.Fatalf("error %v is not a *FormatError with a message", err)
			}
			return
		}
		encoded, err := Encode(b)
		if err != nil {
			t.Fatalf("accepted backup does not encode: %v", err)
		}
		again, err := Decode(encoded)
		if err != nil {
			t.Fatalf("own output refused: %v", err)
		}
		if !reflect.DeepEqual(again, b) {
			t.Fatalf("round trip changed the backup\n got %+v\nwant %+v", again, b)
		}
		if twice, _ := Encode(again); !bytes.Equal(twice, encoded) {
			t.Fatal("encoding is not stable")
		}
	})
}

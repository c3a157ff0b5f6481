package autotype

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseSequence(t *testing.T) {
	cases := []struct {
		in   string
		want Sequence
	}{
		{"", nil},
		{DefaultSequence, Sequence{{Kind: StepUsername}, {Kind: StepTab}, {Kind: StepPassword}, {Kind: StepEnter}}},
		{"{password}{Enter}", Sequence{{Kind: StepPassword}, {Kind: StepEnter}}},
		{"{ PASSWORD }", Sequence{{Kind: StepPassword}}},
		{"login: {USERNAME}!", Sequence{{Kind: StepText, Text: "login: "}, {Kind: StepUsername}, {Kind: StepText, Text: "!"}}},
		{"{{USERNAME}}", Sequence{{Kind: StepText, Text: "{USERNAME}"}}},
		{"a{{b}}c{TAB}{{", Sequence{{Kind: StepText, Text: "a{b}c"}, {Kind: StepTab}, {Kind: StepText, Text: "{"}}},
		{"ü€{TAB}ß", Sequence{{Kind: StepText, Text: "ü€"}, {Kind: StepTab}, {Kind: StepText, Text: "ß"}}},
		{"{{{PASSWORD}}}", Sequence{{Kind: StepText, Text: "{"}, {Kind: StepPassword}, {Kind: StepText, Text: "}"}}},
	}
	for _, c := range cases {
		got, err := ParseSequence(c.in)
		if err != nil {
			t.Errorf("ParseSequence(%q): %v", c.in, err)
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("ParseSequence(%q) = %+v, want %+v", c.in, got, c.want)
		}
		again, err := ParseSequence(got.String())
		if err != nil || !slices.Equal(again, got) {
			t.Errorf("ParseSequence(%q).String() = %q does not read back: %+v, %v", c.in, got.String(), again, err)
		}
	}
}

func TestParseSequenceErrors(t *testing.T) {
	cases := map[string]string{
		"{USERNAME":           "never closed",
		"abc{":                "never closed",
		"}":                   "lone '}'",
		"a}b":                 "lone '}'",
		"{PASS}":              "unknown placeholder {PASS}",
		"{}":                  "unknown placeholder {}",
		"{USERNAME}{DELAY 5}": "unknown placeholder {DELAY 5}",
	}
	for in, want := range cases {
		_, err := ParseSequence(in)
		if !errors.Is(err, ErrSequence) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseSequence(%q) = %v, want ErrSequence saying %q", in, err, want)
		}
	}
}

func TestSequenceKeysyms(t *testing.T) {
	seq, err := ParseSequence("x{USERNAME}{TAB}{PASSWORD}{ENTER}{PASSWORD}")
	if err != nil {
		t.Fatal(err)
	}
	ks, err := seq.keysyms([]byte("ab"), []byte("ü€"))
	if err != nil {
		t.Fatal(err)
	}
	want := []uint32{'x', 'a', 'b', KeysymTab, 0xfc, 0x10020ac, KeysymReturn, 0xfc, 0x10020ac}
	if !slices.Equal(ks, want) {
		t.Fatalf("keysyms = %#x, want %#x", ks, want)
	}
	// The buffer was sized once: no outgrown copy of the password is left.
	if cap(ks) < len(ks) || cap(ks) != seq.capacity([]byte("ab"), []byte("ü€")) {
		t.Fatalf("cap %d, capacity %d", cap(ks), seq.capacity([]byte("ab"), []byte("ü€")))
	}
}

func TestSequenceKeysymsErrorsNameTheFieldNotTheText(t *testing.T) {
	seq, _ := ParseSequence(DefaultSequence)
	secret := "s3cr\x01t"
	_, err := seq.keysyms([]byte("user"), []byte(secret))
	if !errors.Is(err, ErrUntypable) || !strings.Contains(err.Error(), "the password") {
		t.Fatalf("bad password: %v", err)
	}
	if strings.Contains(err.Error(), "s3cr") {
		t.Fatalf("the error shows the password: %v", err)
	}
	_, err = seq.keysyms([]byte("us\xffer"), []byte("pw"))
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "the username") {
		t.Fatalf("bad username: %v", err)
	}
}

func TestOptionsDefaults(t *testing.T) {
	got := Options{}.withDefaults()
	if got.KeyDelay != DefaultKeyDelay || got.ReleaseWait != DefaultReleaseWait || got.SettleDelay != DefaultSettleDelay {
		t.Fatalf("zero Options = %+v", got)
	}
	got = Options{KeyDelay: -1, ReleaseWait: time.Millisecond, SettleDelay: -time.Second}.withDefaults()
	if got.KeyDelay != 0 || got.ReleaseWait != time.Millisecond || got.SettleDelay != 0 {
		t.Fatalf("explicit Options = %+v", got)
	}
}

package cli

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// noMoreReads fails the test if the reader is read past what was given: a
// pipe that stays open must not block a one-line read.
type noMoreReads struct{ t *testing.T }

func (r noMoreReads) Read([]byte) (int, error) {
	r.t.Error("read past the lines asked for")
	return 0, io.EOF
}

func TestReadLines(t *testing.T) {
	tests := []struct {
		name  string
		input string
		n     int
		want  []string
	}{
		{"empty", "", 1, nil},
		{"no newline", "key", 1, []string{"key"}},
		{"LF", "key\n", 1, []string{"key"}},
		{"CRLF", "key\r\n", 1, []string{"key"}},
		{"only the first line", "key\nrest\n", 1, []string{"key"}},
		{"empty first line", "\nkey\n", 1, []string{""}},
		{"inner CR kept", "a\rb\n", 1, []string{"a\rb"}},
		{"trailing spaces kept", " key \n", 1, []string{" key "}},
		{"two lines CRLF", "old\r\nnew\r\n", 2, []string{"old", "new"}},
		{"two lines, last bare", "old\nnew", 2, []string{"old", "new"}},
		{"two asked, one given", "old\n", 2, []string{"old"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, err := readLines(strings.NewReader(tt.input), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range lines {
				got = append(got, string(l))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readLines(%q, %d) = %q, want %q", tt.input, tt.n, got, tt.want)
			}
		})
	}
}

func TestReadLinesStopsAtTheLine(t *testing.T) {
	r := io.MultiReader(strings.NewReader("key\n"), noMoreReads{t})
	lines, err := readLines(r, 1)
	if err != nil || len(lines) != 1 || string(lines[0]) != "key" {
		t.Fatalf("readLines = %q, %v", lines, err)
	}
}

func TestReadLinesTooLong(t *testing.T) {
	_, err := readLines(strings.NewReader(strings.Repeat("x", maxSecretInput+1)), 1)
	var user *userError
	if !errors.As(err, &user) {
		t.Fatalf("err = %v, want a user error", err)
	}
}

func TestAppendWipingWipesTheOldArray(t *testing.T) {
	buf := make([]byte, 0, 4)
	buf = append(buf, "abcd"...)
	old := buf[:4]
	grown := appendWiping(buf, []byte("ef"))
	if string(grown) != "abcdef" {
		t.Fatalf("appended %q", grown)
	}
	if string(old) != "\x00\x00\x00\x00" {
		t.Errorf("old array not wiped: %q", old)
	}
}

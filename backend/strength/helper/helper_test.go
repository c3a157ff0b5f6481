package helper

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// The test binary is also the helper: with FORGIVA_TEST_HELPER set it serves
// requests with fakeEstimate ("serve"), or reads them and never answers
// ("hang").
func TestMain(m *testing.M) {
	switch os.Getenv("FORGIVA_TEST_HELPER") {
	case "serve":
		if err := Serve(os.Stdin, os.Stdout, fakeEstimate); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	case "hang":
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fakeEstimate rates by length and names the first word the password
// contains as its weakest part, so that answers show what was sent.
func fakeEstimate(password []byte, words []string) (float64, string) {
	for _, w := range words {
		if w != "" && bytes.Contains(password, []byte(w)) {
			return float64(len(password)), "dictionary"
		}
	}
	return float64(len(password)) + 0.5, ""
}

func TestProtocolRoundTrip(t *testing.T) {
	cases := []struct {
		password string
		words    []string
	}{
		{"", nil},
		{"correct horse", nil},
		{"pässwörd€{}\n\x00", []string{"", "example.org", "pässwörd"}},
		{strings.Repeat("x", maxPasswordBytes), []string{strings.Repeat("y", maxWordBytes)}},
	}
	var in bytes.Buffer
	for _, c := range cases {
		req, err := appendRequest(nil, []byte(c.password), c.words)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(req)
	}
	var out bytes.Buffer
	if err := Serve(&in, &out, fakeEstimate); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	lines := strings.SplitAfter(out.String(), "\n")
	for i, c := range cases {
		wantBits, wantWeakest := fakeEstimate([]byte(c.password), c.words)
		bits, weakest, err := parseAnswer(lines[i])
		if err != nil || bits != wantBits || weakest != wantWeakest {
			t.Errorf("%.20q: answer %q: %v %q %v, want %v %q", c.password, lines[i], bits, weakest, err, wantBits, wantWeakest)
		}
	}
}

func TestTooLongIsRefusedBeforeSending(t *testing.T) {
	if _, err := appendRequest(nil, make([]byte, maxPasswordBytes+1), nil); !errors.Is(err, ErrTooLong) {
		t.Errorf("got %v, want ErrTooLong", err)
	}
}

// A request cut short or over a bound ends the helper with an error; an
// input that ends between requests ends it cleanly.
func TestServeRefusesBadRequests(t *testing.T) {
	good, _ := appendRequest(nil, []byte("secret"), []string{"a"})
	cases := map[string][]byte{
		"cut in the password":  good[:len(good)-2],
		"cut in a word":        good[:3],
		"too many words":       binary.AppendUvarint(nil, maxWords+1),
		"word too long":        binary.AppendUvarint(binary.AppendUvarint(nil, 1), maxWordBytes+1),
		"password too long":    binary.AppendUvarint(binary.AppendUvarint(nil, 0), maxPasswordBytes+1),
		"count not a uvarint":  bytes.Repeat([]byte{0xff}, 11),
		"good then cut":        append(append([]byte{}, good...), good[:4]...),
		"good then cut at one": append(append([]byte{}, good...), 0x01),
	}
	for name, in := range cases {
		var out bytes.Buffer
		if err := Serve(bytes.NewReader(in), &out, fakeEstimate); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := Serve(bytes.NewReader(nil), io.Discard, fakeEstimate); err != nil {
		t.Errorf("empty input: %v", err)
	}
}

func TestParseAnswer(t *testing.T) {
	for _, bad := range []string{"", "\n", "12\n", "12 dictionary", "x dictionary\n", "-1 \n", "NaN \n", "+Inf \n", "12 Dictionary\n", "12 dic tionary\n", "12 dict1\n"} {
		if _, _, err := parseAnswer(bad); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
	bits, weakest, err := parseAnswer("49.25 repeat\n")
	if err != nil || bits != 49.25 || weakest != "repeat" {
		t.Errorf("got %v %q %v", bits, weakest, err)
	}
}

// newTestClient runs this test binary as the helper, in mode.
func newTestClient(t *testing.T, mode string) *Client {
	t.Helper()
	t.Setenv("FORGIVA_TEST_HELPER", mode)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c := NewClient(exe)
	t.Cleanup(c.Close)
	return c
}

func TestClient(t *testing.T) {
	c := newTestClient(t, "serve")
	var pid int
	for i, w := range []string{"alpha", "beta", "gamma"} {
		bits, weakest, err := c.Estimate([]byte("my "+w+" password"), []string{"nothing", w})
		if err != nil || bits != float64(len("my "+w+" password")) || weakest != "dictionary" {
			t.Fatalf("request %d: %v %q %v", i, bits, weakest, err)
		}
		switch {
		case i == 0:
			pid = c.proc.cmd.Process.Pid
		case c.proc.cmd.Process.Pid != pid:
			t.Errorf("request %d started a new helper", i)
		}
	}
}

// A helper that has ended (killed, or out of memory) is started again.
func TestClientRestartsAnEndedHelper(t *testing.T) {
	c := newTestClient(t, "serve")
	if _, _, err := c.Estimate([]byte("one"), nil); err != nil {
		t.Fatal(err)
	}
	p := c.proc
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-p.done
	if bits, _, err := c.Estimate([]byte("two"), nil); err != nil || bits != 3.5 {
		t.Fatalf("after the helper ended: %v %v", bits, err)
	}
	if c.proc == p {
		t.Error("the ended helper is still in use")
	}
}

// The helper ends when it has been idle, and a later request starts another.
func TestClientIdle(t *testing.T) {
	c := newTestClient(t, "serve")
	c.idle = time.Millisecond // no helper runs yet, so no timer reads it
	if _, _, err := c.Estimate([]byte("one"), nil); err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	p := c.proc
	c.mu.Unlock()
	<-p.done // no deadline: the test's own timeout catches a helper left running
	c.mu.Lock()
	left := c.proc
	c.mu.Unlock()
	if left != nil {
		t.Error("the client still holds the ended helper")
	}
	if _, _, err := c.Estimate([]byte("two"), nil); err != nil {
		t.Fatalf("after idling: %v", err)
	}
}

func TestClientFailures(t *testing.T) {
	const password = "do-not-print-me"
	t.Run("missing", func(t *testing.T) {
		c := NewClient(t.TempDir() + "/forgiva")
		_, _, err := c.Estimate([]byte(password), nil)
		if err == nil || strings.Contains(err.Error(), password) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("not installed", func(t *testing.T) {
		_, _, err := NewClient("").Estimate([]byte(password), nil)
		if err == nil || !strings.Contains(err.Error(), "not installed") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("hangs", func(t *testing.T) {
		c := newTestClient(t, "hang")
		c.timeout = 100 * time.Millisecond
		_, _, err := c.Estimate([]byte(password), nil)
		if err == nil || !strings.Contains(err.Error(), "no answer") || strings.Contains(err.Error(), password) {
			t.Fatalf("got %v", err)
		}
		if c.proc != nil {
			t.Error("the hanging helper is still in use")
		}
	})
	t.Run("too long", func(t *testing.T) {
		c := newTestClient(t, "serve")
		if _, _, err := c.Estimate(make([]byte, maxPasswordBytes+1), nil); !errors.Is(err, ErrTooLong) {
			t.Fatalf("got %v", err)
		}
	})
}

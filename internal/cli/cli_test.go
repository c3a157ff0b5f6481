package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// testEnv is an Env over buffers: stdin is not a terminal.
func testEnv(stdin string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	return &Env{
		Stdin:     strings.NewReader(stdin),
		Stdout:    &stdout,
		Stderr:    &stderr,
		LookupEnv: func(string) (string, bool) { return "", false },
		ReadSecret: func(context.Context, string) ([]byte, error) {
			return nil, errors.New("no terminal in tests")
		},
		Now: func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC) },
	}, &stdout, &stderr
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"no command", nil, exitUsage, "usage: forgiva"},
		{"unknown command", []string{"nope"}, exitUsage, `unknown command "nope"`},
		{"unknown flag", []string{"selftest", "--nope"}, exitUsage, "-nope"},
		{"stray argument", []string{"server-json", "x"}, exitUsage, `unexpected argument "x"`},
		{"help", []string{"help"}, exitOK, ""},
		{"command help", []string{"generate", "-h"}, exitOK, ""},
		{"missing host", []string{"generate", "--account", "a", "--animal", "Ape"}, exitUsage, "--host and --account are required"},
		{"animal and all", []string{"generate", "--host", "h", "--account", "a", "--animal", "Ape", "--all"}, exitUsage, "exactly one"},
		{"no key", []string{"generate", "--host", "h", "--account", "a", "--animal", "Ape"}, exitUser, "no master key"},
		{"bad server request", []string{"server-json"}, exitUser, "forgiva: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, stderr := testEnv("")
			code := Run(context.Background(), env, tt.args)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.wantStderr)
			}
		})
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args           []string
		wantPositional []string
		wantHost       string
	}{
		{[]string{"3", "--host", "h"}, []string{"3"}, "h"},
		{[]string{"--host", "h", "3"}, []string{"3"}, "h"},
		{[]string{"3", "--host=h", "4"}, []string{"3", "4"}, "h"},
		{[]string{"--", "--host", "h"}, []string{"--host", "h"}, ""},
		{[]string{"-", "--host", "h"}, []string{"-"}, "h"},
	}
	for _, tt := range tests {
		inv := &invocation{cmd: &command{name: "test"}}
		fs := inv.flagSet()
		host := fs.String("host", "", "")
		got, err := inv.parse(fs, tt.args, 0, -1)
		if err != nil {
			t.Fatalf("parse(%q): %v", tt.args, err)
		}
		if !reflect.DeepEqual(got, tt.wantPositional) || *host != tt.wantHost {
			t.Errorf("parse(%q) = %q, host %q; want %q, host %q", tt.args, got, *host, tt.wantPositional, tt.wantHost)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `q"uote`, `back\slash`, "tab\tnew\nline\x01", "´~£¢§^&±{}", "Ωμέγα", "bad\xffbyte"} {
		out := appendJSONString(nil, []byte(s))
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Errorf("%q encoded as %s, not JSON: %v", s, out, err)
			continue
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if back != want {
			t.Errorf("%q encoded as %s, decodes to %q", s, out, back)
		}
	}
}

func TestRunVectorsStatuses(t *testing.T) {
	fixed := func(b string, err error) func(context.Context) ([]byte, error) {
		return func(context.Context) ([]byte, error) { return []byte(b), err }
	}
	vectors := []vector{
		{name: "good", complexity: 1, want: []byte("abc"), run: fixed("abc", nil)},
		{name: "wrong", complexity: 2, want: []byte("abc"), run: fixed("abd", nil)},
		{name: "broken", complexity: 1, want: []byte("abc"), run: fixed("", errors.New("boom"))},
		{name: "slow", complexity: 3, want: []byte("abc"), run: fixed("abc", nil)},
	}
	var reported []string
	results := runVectors(context.Background(), vectors, false, func(r vectorResult) {
		reported = append(reported, r.Name+" "+string(r.Status))
	})
	want := []string{"good ok", "wrong FAIL", "broken FAIL", "slow skip"}
	if !reflect.DeepEqual(reported, want) {
		t.Errorf("reported %q, want %q", reported, want)
	}
	env, stdout, _ := testEnv("")
	inv := &invocation{env: env}
	err := inv.summarize(results, false)
	var user *userError
	if !errors.As(err, &user) || !strings.Contains(err.Error(), "2 of 4 vectors failed") {
		t.Errorf("summarize error = %v", err)
	}
	if !strings.Contains(stdout.String(), "4 vectors: 1 ok, 2 failed, 1 skipped") {
		t.Errorf("summary %q", stdout)
	}

	full := runVectors(context.Background(), vectors[3:], true, func(vectorResult) {})
	if full[0].Status != statusOK {
		t.Errorf("with --full the complexity 3 vector is %s", full[0].Status)
	}
}

func TestLoadVectors(t *testing.T) {
	vectors, err := loadVectors()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, v := range vectors {
		if names[v.name] {
			t.Errorf("duplicate vector name %q", v.name)
		}
		names[v.name] = true
		if len(v.want) == 0 || string(v.want) == "malformed expected_hex" {
			t.Errorf("%s: no expected value", v.name)
		}
	}
	// 9 published rows x 3 hardenings, 15 + 1 + 1 extra rows, 4 server
	// requests, 1 enterprise row.
	if len(vectors) != 49 {
		t.Errorf("%d vectors, want 49", len(vectors))
	}
}

// The reference server aborts on a stdin request of more than 8190 bytes;
// we refuse it with a message instead, and still answer one of 8190.
func TestServerJSONRequestSize(t *testing.T) {
	request := func(size int) string {
		base := `{"host":"h","account":"a","animal":"Ape","character_length":8,"is_lowercase":true,` +
			`"password_hash":"AB","renewal_date":"","legacy_mode":false}`
		return base + strings.Repeat(" ", size-len(base))
	}
	env, stdout, stderr := testEnv(request(8190))
	if code := Run(context.Background(), env, []string{"server-json"}); code != exitOK {
		t.Fatalf("8190 bytes: exit %d (%s)", code, stderr)
	}
	if !strings.Contains(stdout.String(), `"animal": "Ape"`) {
		t.Fatalf("8190 bytes: answer %q", stdout)
	}
	env, _, stderr = testEnv(request(8191))
	if code := Run(context.Background(), env, []string{"server-json"}); code != exitUser {
		t.Fatalf("8191 bytes: exit %d, want %d", code, exitUser)
	}
	if !strings.Contains(stderr.String(), "more than 8190 bytes") {
		t.Fatalf("8191 bytes: message %q", stderr)
	}
}

// The help lists every command with its summary starting in one column.
func TestUsageAligned(t *testing.T) {
	var out bytes.Buffer
	printUsage(&out)
	column := -1
	for _, c := range commands() {
		var line string
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(l, "  "+c.name+" ") {
				line = l
			}
		}
		at := strings.Index(line, c.summary)
		if line == "" || at < 0 {
			t.Fatalf("no line for %s in:\n%s", c.name, out.String())
		}
		if column >= 0 && at != column {
			t.Errorf("%s's summary starts at column %d, the others at %d:\n%s", c.name, at, column, out.String())
		}
		column = at
	}
}

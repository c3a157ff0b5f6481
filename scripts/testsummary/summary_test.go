package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	tests := []struct {
		name      string
		stream    string
		wantCode  int
		wantLast  string
		wantLines []string // each must appear somewhere in the report
		notLines  []string // none may appear
	}{
		{
			name: "all pass with a skip",
			stream: `{"Action":"start","Package":"p"}
{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: secret detail\n"}
{"Action":"pass","Package":"p","Test":"TestA","Elapsed":0.01}
{"Action":"run","Package":"p","Test":"TestB"}
{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:3: FORGIVA_X not set\n"}
{"Action":"output","Package":"p","Test":"TestB","Output":"--- SKIP: TestB (0.00s)\n"}
{"Action":"skip","Package":"p","Test":"TestB"}
{"Action":"pass","Package":"p","Elapsed":0.2}
`,
			wantCode:  0,
			wantLast:  "tests: 1 passed, 0 failed, 1 skipped",
			wantLines: []string{"ok   p (0.2s)", "SKIP p TestB: b_test.go:3: FORGIVA_X not set"},
			notLines:  []string{"secret detail"},
		},
		{
			name: "failed subtest shows its output and fails the run",
			stream: `{"Action":"run","Package":"p","Test":"TestV"}
{"Action":"run","Package":"p","Test":"TestV/one"}
{"Action":"output","Package":"p","Test":"TestV/one","Output":"    v_test.go:20: got 1, want 2\n"}
{"Action":"fail","Package":"p","Test":"TestV/one","Elapsed":0.5}
{"Action":"run","Package":"p","Test":"TestV/two"}
{"Action":"pass","Package":"p","Test":"TestV/two"}
{"Action":"fail","Package":"p","Test":"TestV","Elapsed":0.6}
{"Action":"output","Package":"p","Output":"FAIL\n"}
{"Action":"fail","Package":"p","Elapsed":0.7}
`,
			wantCode:  1,
			wantLast:  "tests: 1 passed, 2 failed, 0 skipped",
			wantLines: []string{"--- FAIL: p TestV/one (0.50s)", "got 1, want 2", "FAIL p (0.7s)"},
		},
		{
			name: "build failure counts as a failure",
			stream: `{"ImportPath":"q [q.test]","Action":"build-output","Output":"q/q.go:3:1: syntax error\n"}
{"ImportPath":"q [q.test]","Action":"build-fail"}
{"Action":"start","Package":"q"}
{"Action":"output","Package":"q","Output":"FAIL\tq [build failed]\n"}
{"Action":"fail","Package":"q","Elapsed":0,"FailedBuild":"q [q.test]"}
{"Action":"run","Package":"r","Test":"TestR"}
{"Action":"pass","Package":"r","Test":"TestR"}
{"Action":"pass","Package":"r"}
`,
			wantCode:  1,
			wantLast:  "tests: 1 passed, 1 failed, 0 skipped",
			wantLines: []string{"q/q.go:3:1: syntax error", "FAIL q (0.0s)", "ok   r (0.0s)"},
		},
		{
			name: "panic ends a package mid-test",
			stream: `{"Action":"run","Package":"p","Test":"TestP"}
{"Action":"output","Package":"p","Test":"TestP","Output":"panic: boom\n"}
{"Action":"output","Package":"p","Output":"FAIL\tp\t0.1s\n"}
{"Action":"fail","Package":"p","Elapsed":0.1}
`,
			wantCode:  1,
			wantLast:  "tests: 0 passed, 1 failed, 0 skipped",
			wantLines: []string{"FAIL p (0.1s)"},
			notLines:  []string{"unfinished"},
		},
		{
			name:      "stream cut short",
			stream:    "{\"Action\":\"run\",\"Package\":\"p\",\"Test\":\"TestCut\"}\n",
			wantCode:  1,
			wantLast:  "tests: 0 passed, 1 failed, 0 skipped",
			wantLines: []string{"unfinished: p TestCut"},
		},
		{
			name:      "no test ran is a failure",
			stream:    "go: cannot find main module\n",
			wantCode:  1,
			wantLast:  "tests: 0 passed, 0 failed, 0 skipped",
			wantLines: []string{"go: cannot find main module", "no test ran"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			s := newSummary(&out, false)
			if err := s.read(strings.NewReader(tt.stream)); err != nil {
				t.Fatalf("read: %v", err)
			}
			code := s.finish()
			report := out.String()
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\n%s", code, tt.wantCode, report)
			}
			lines := strings.Split(strings.TrimRight(report, "\n"), "\n")
			if last := lines[len(lines)-1]; last != tt.wantLast {
				t.Errorf("last line = %q, want %q", last, tt.wantLast)
			}
			for _, want := range tt.wantLines {
				if !strings.Contains(report, want) {
					t.Errorf("report lacks %q:\n%s", want, report)
				}
			}
			for _, bad := range tt.notLines {
				if strings.Contains(report, bad) {
					t.Errorf("report has %q:\n%s", bad, report)
				}
			}
		})
	}
}

func TestSummaryVerboseEchoesOutput(t *testing.T) {
	var out bytes.Buffer
	s := newSummary(&out, true)
	stream := `{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: detail\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
`
	if err := s.read(strings.NewReader(stream)); err != nil {
		t.Fatalf("read: %v", err)
	}
	if !strings.Contains(out.String(), "a_test.go:9: detail") {
		t.Errorf("verbose report lacks the test output:\n%s", out.String())
	}
}

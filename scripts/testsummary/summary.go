package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string // build-output and build-fail events
	FailedBuild string
}

type counts struct {
	passed, failed, skipped int
}

// summary accumulates events. Output is buffered per test and per package and
// printed only when it explains a failure or a skip.
type summary struct {
	out     io.Writer
	verbose bool
	counts  counts

	output      map[string][]string // key: package + "\x00" + test ("" for package level)
	buildOutput map[string][]string // key: import path
	started     map[string]bool     // tests started and not yet finished
	failedTests map[string]bool     // packages with at least one failed test
}

func newSummary(out io.Writer, verbose bool) *summary {
	return &summary{
		out:         out,
		verbose:     verbose,
		output:      map[string][]string{},
		buildOutput: map[string][]string{},
		started:     map[string]bool{},
		failedTests: map[string]bool{},
	}
}

func key(pkg, test string) string { return pkg + "\x00" + test }

// read consumes the whole stream.
func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	// A test's output line can be long (a dumped value); allow up to 16 MiB.
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("{")) || json.Unmarshal(line, &e) != nil {
			fmt.Fprintln(s.out, string(line))
			continue
		}
		s.handle(e)
	}
	return sc.Err()
}

func (s *summary) handle(e event) {
	switch e.Action {
	case "build-output":
		s.buildOutput[e.ImportPath] = append(s.buildOutput[e.ImportPath], e.Output)
	case "build-fail":
		s.printLines(s.buildOutput[e.ImportPath])
	case "run":
		s.started[key(e.Package, e.Test)] = true
	case "output":
		k := key(e.Package, e.Test)
		s.output[k] = append(s.output[k], e.Output)
		if s.verbose {
			fmt.Fprint(s.out, e.Output)
		}
	case "pass", "fail", "skip":
		if e.Test == "" {
			s.packageDone(e)
		} else {
			s.testDone(e)
		}
	}
}

func (s *summary) testDone(e event) {
	k := key(e.Package, e.Test)
	delete(s.started, k)
	lines := s.output[k]
	delete(s.output, k)
	switch e.Action {
	case "pass":
		s.counts.passed++
	case "skip":
		s.counts.skipped++
		// Subtests are often skipped by the hundred (slow vectors); their
		// parent's line is enough.
		if !strings.Contains(e.Test, "/") && !s.verbose {
			fmt.Fprintf(s.out, "SKIP %s %s: %s\n", e.Package, e.Test, skipReason(lines))
		}
	case "fail":
		s.counts.failed++
		s.failedTests[e.Package] = true
		if !s.verbose {
			fmt.Fprintf(s.out, "--- FAIL: %s %s (%.2fs)\n", e.Package, e.Test, e.Elapsed)
			s.printLines(lines)
		}
	}
}

func (s *summary) packageDone(e event) {
	k := key(e.Package, "")
	lines := s.output[k]
	delete(s.output, k)
	switch {
	case e.Action == "pass":
		fmt.Fprintf(s.out, "ok   %s (%.1fs)\n", e.Package, e.Elapsed)
	case e.Action == "skip":
		fmt.Fprintf(s.out, "?    %s [no test files]\n", e.Package)
	default:
		fmt.Fprintf(s.out, "FAIL %s (%.1fs)\n", e.Package, e.Elapsed)
		if !s.verbose {
			s.printLines(lines)
		}
		// A package that failed without a failed test (build error, panic
		// outside a test, timeout) counts as one failure so it cannot hide.
		if !s.failedTests[e.Package] {
			s.counts.failed++
		}
	}
	s.dropStarted(e.Package)
}

// dropStarted forgets tests of pkg that never finished (a panic or timeout
// ended the binary); the package failure already counts for them.
func (s *summary) dropStarted(pkg string) {
	for k := range s.started {
		if strings.HasPrefix(k, pkg+"\x00") {
			delete(s.started, k)
		}
	}
}

// unfinishedLines names tests that started but never reported, which happens
// only when the stream was cut short.
func (s *summary) unfinishedLines() []string {
	var lines []string
	for k := range s.started {
		pkg, test, _ := strings.Cut(k, "\x00")
		lines = append(lines, fmt.Sprintf("unfinished: %s %s", pkg, test))
	}
	sort.Strings(lines)
	s.counts.failed += len(lines)
	return lines
}

func (s *summary) printLines(lines []string) {
	for _, l := range lines {
		fmt.Fprint(s.out, l)
		if !strings.HasSuffix(l, "\n") {
			fmt.Fprintln(s.out)
		}
	}
}

// skipReason returns the last message the test logged before skipping.
func skipReason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		return l
	}
	return "no reason given"
}

// Command testsummary reads `go test -json` on standard input and prints a short
// report: one line per package, the output of every failed test, the reason of
// every skipped top-level test, and a closing line
//
//	tests: 12 passed, 0 failed, 3 skipped
//
// It exits 1 when any test or package failed, or when no test ran at all, so a
// CI script can pipe go test into it and trust its exit code. Lines that are
// not JSON (go command errors, for instance) are passed through unchanged.
//
// With -v every line of test output is echoed as it arrives.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verbose := flag.Bool("v", false, "echo all test output as it arrives")
	flag.Parse()

	s := newSummary(os.Stdout, *verbose)
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintf(os.Stderr, "testsummary: read go test output: %v\n", err)
		os.Exit(1)
	}
	os.Exit(s.finish())
}

// finish prints the closing lines and returns the exit code.
func (s *summary) finish() int {
	for _, line := range s.unfinishedLines() {
		fmt.Fprintln(s.out, line)
	}
	c := s.counts
	if c.failed == 0 && c.passed == 0 {
		fmt.Fprintln(s.out, "no test ran")
	}
	fmt.Fprintf(s.out, "tests: %d passed, %d failed, %d skipped\n", c.passed, c.failed, c.skipped)
	if c.failed > 0 || c.passed == 0 {
		return 1
	}
	return 0
}

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// vitestReport is the part of vitest's JSON reporter output we read.
type vitestReport struct {
	NumTotalTests int `json:"numTotalTests"`
	TestResults   []struct {
		Name             string `json:"name"`
		Status           string `json:"status"`
		Message          string `json:"message"`
		AssertionResults []struct {
			FullName        string   `json:"fullName"`
			Status          string   `json:"status"`
			FailureMessages []string `json:"failureMessages"`
		} `json:"assertionResults"`
	} `json:"testResults"`
}

// TestFrontendUnit runs the frontend's vitest suite (npm test) and reports
// each of its tests as a subtest, so that `make test` counts them with the
// Go tests. It runs when FORGIVA_FRONTEND_TESTS=1 (scripts/test.sh sets it).
func TestFrontendUnit(t *testing.T) {
	if os.Getenv("FORGIVA_FRONTEND_TESTS") != "1" {
		t.Skip("FORGIVA_FRONTEND_TESTS is not 1")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	frontend := filepath.Join(root, "frontend")
	if _, err := os.Stat(filepath.Join(frontend, "node_modules", "vitest")); err != nil {
		t.Fatalf("vitest is missing (make deps runs npm ci): %v", err)
	}
	reportPath := filepath.Join(t.TempDir(), "vitest.json")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "test", "--silent", "--", "--reporter=json", "--outputFile="+reportPath)
	cmd.Dir = frontend
	out, runErr := cmd.CombinedOutput()
	raw, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatalf("npm test wrote no report (%v): %v\n%s", runErr, err, out)
	}
	var report vitestReport
	if err := json.Unmarshal(raw, &report); err != nil {
		t.Fatalf("decode the vitest report: %v", err)
	}
	if report.NumTotalTests == 0 {
		t.Fatalf("vitest ran no test\n%s", out)
	}
	failures := 0
	for _, file := range report.TestResults {
		name := strings.TrimSuffix(filepath.Base(file.Name), ".test.js")
		if file.Status == "failed" && len(file.AssertionResults) == 0 {
			failures++
			t.Errorf("%s did not run: %s", file.Name, file.Message)
			continue
		}
		for _, a := range file.AssertionResults {
			t.Run(name+"/"+a.FullName, func(t *testing.T) {
				switch a.Status {
				case "passed":
				case "failed":
					failures++
					t.Error(strings.Join(a.FailureMessages, "\n"))
				default: // skipped, pending, todo
					t.Skipf("vitest: %s", a.Status)
				}
			})
		}
	}
	// A failing run must not pass here even if the report missed why.
	if runErr != nil && failures == 0 {
		t.Errorf("npm test failed but its report shows no failed test: %v\n%s", runErr, out)
	}
}

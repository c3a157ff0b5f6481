package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/test/testbin"
)

// TestParallelProcessesAgree runs the real CLI 4 × 250 times at once over
// 250 inputs (legacy mode among them) and checks that every output is the
// engine's own answer, computed in this process: a deterministic manager
// may not print one password once and another the next time, under load.
func TestParallelProcessesAgree(t *testing.T) {
	if os.Getenv("FORGIVA_CONFORMANCE") != "1" {
		t.Skip("1,000 CLI processes: set FORGIVA_CONFORMANCE=1 (make test does)")
	}
	const workers, perWorker = 4, 250
	cli := testbin.CLI(t)
	type job struct {
		args []string
		want string
	}
	jobs := make([]job, perWorker)
	letters := []string{"l", "u", "n", "s", "lu", "ln", "ls", "un", "us", "ns", "lun", "lus", "lns", "uns", "luns"}
	animals := forgiva.Animals()
	for i := range jobs {
		p := forgiva.Params{Host: fmt.Sprintf("host%d.example", i), Account: fmt.Sprintf("User.%d", i), Complexity: 1,
			Length: 2 + i%63, Classes: classesOf(letters[i%len(letters)]), Legacy: i%10 == 9}
		animal := animals[i%len(animals)]
		args := []string{"generate", "--host", p.Host, "--account", p.Account, "--length", fmt.Sprint(p.Length),
			"--classes", letters[i%len(letters)], "--animal", animal.String()}
		if p.Legacy {
			args = append(args, "--legacy")
		}
		pw, err := forgiva.Generate(context.Background(), forgiva.ForgivaInput(p, []byte(crashPassword), nil), animal, nil)
		if err != nil {
			t.Fatal(err)
		}
		jobs[i] = job{args: args, want: pw.String()}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	compared, differed := 0, 0
	for range workers {
		wg.Go(func() {
			for _, j := range jobs {
				cmd := exec.Command(cli, j.args...)
				cmd.Stdin = strings.NewReader(crashPassword + "\n")
				cmd.Env = crashEnv()
				out, err := cmd.Output()
				got := strings.TrimSuffix(string(out), "\n")
				mu.Lock()
				compared++
				if err != nil || got != j.want {
					differed++
					t.Errorf("forgiva %s: %q (%v), want %q", strings.Join(j.args, " "), got, err, j.want)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d outputs compared, %d differed", compared, differed)
}

func classesOf(letters string) forgiva.Classes {
	return forgiva.Classes{Lowercase: strings.Contains(letters, "l"), Uppercase: strings.Contains(letters, "u"),
		Numbers: strings.Contains(letters, "n"), Symbols: strings.Contains(letters, "s")}
}

package cli

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"
)

// maxSelftestWorkers bounds parallel vectors: each hardened one takes up to
// 128 MiB (scrypt).
const maxSelftestWorkers = 4

type vectorStatus string

const (
	statusOK      vectorStatus = "ok"
	statusFail    vectorStatus = "FAIL"
	statusSkipped vectorStatus = "skip"
)

type vectorResult struct {
	Name   string       `json:"name"`
	Status vectorStatus `json:"status"`
	Error  string       `json:"error,omitempty"`
}

func runSelftest(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	full := fs.Bool("full", false, "also run the complexity 3 vectors (about a minute each)")
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	vectors, err := loadVectors()
	if err != nil {
		return err
	}
	results := runVectors(ctx, vectors, *full, inv.lineWriter())
	if err := ctx.Err(); err != nil {
		return err
	}
	return inv.summarize(results, *full)
}

// lineWriter prints each result as it comes, unless the output is JSON.
func (inv *invocation) lineWriter() func(vectorResult) {
	if inv.json {
		return func(vectorResult) {}
	}
	return func(r vectorResult) {
		switch r.Status {
		case statusOK:
			fmt.Fprintf(inv.env.Stdout, "ok   %s\n", r.Name)
		case statusSkipped:
			fmt.Fprintf(inv.env.Stdout, "skip %s (complexity 3: run with --full)\n", r.Name)
		default:
			fmt.Fprintf(inv.env.Stdout, "FAIL %s: %s\n", r.Name, r.Error)
		}
	}
}

// runVectors runs the vectors on a few workers and hands the results to
// report in the vectors' order.
func runVectors(ctx context.Context, vectors []vector, full bool, report func(vectorResult)) []vectorResult {
	results := make([]vectorResult, len(vectors))
	done := make([]chan struct{}, len(vectors))
	for i := range done {
		done[i] = make(chan struct{})
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), maxSelftestWorkers) {
		wg.Go(func() {
			for i := range jobs {
				results[i] = runVector(ctx, vectors[i], full)
				close(done[i])
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range vectors {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range vectors {
		select {
		case <-done[i]:
			report(results[i])
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	wg.Wait()
	return results
}

func runVector(ctx context.Context, v vector, full bool) vectorResult {
	if v.complexity >= 3 && !full {
		return vectorResult{Name: v.name, Status: statusSkipped}
	}
	got, err := v.run(ctx)
	defer wipe(got)
	switch {
	case err != nil:
		return vectorResult{Name: v.name, Status: statusFail, Error: message(err)}
	case !bytes.Equal(got, v.want):
		return vectorResult{Name: v.name, Status: statusFail, Error: "output differs from the reference"}
	}
	return vectorResult{Name: v.name, Status: statusOK}
}

func (inv *invocation) summarize(results []vectorResult, full bool) error {
	counts := map[vectorStatus]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	if inv.json {
		err := inv.writeJSON(map[string]any{
			"vectors": results, "ok": counts[statusOK], "failed": counts[statusFail], "skipped": counts[statusSkipped],
		})
		if err != nil {
			return err
		}
	} else {
		fmt.Fprintf(inv.env.Stdout, "%d vectors: %d ok, %d failed, %d skipped", len(results),
			counts[statusOK], counts[statusFail], counts[statusSkipped])
		if counts[statusSkipped] > 0 && !full {
			fmt.Fprint(inv.env.Stdout, " (complexity 3 vectors skipped: run with --full)")
		}
		fmt.Fprintln(inv.env.Stdout)
	}
	if counts[statusFail] > 0 {
		return userErrorf("%d of %d vectors failed", counts[statusFail], len(results))
	}
	return nil
}

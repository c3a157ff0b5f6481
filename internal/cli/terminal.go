package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"golang.org/x/term"
)

// processEnv is the Env of the running process.
func processEnv() *Env {
	stdinFd := int(os.Stdin.Fd())
	return &Env{
		Stdin:          os.Stdin,
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		LookupEnv:      os.LookupEnv,
		StdinTerminal:  term.IsTerminal(stdinFd),
		StderrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		ReadSecret: func(ctx context.Context, prompt string) ([]byte, error) {
			return readTerminalSecret(ctx, stdinFd, prompt)
		},
		Now: time.Now,
	}
}

// readTerminalSecret prompts on stderr and reads a line without echo from the
// terminal fd. Ctrl+C is caught by the signal context, which would leave
// term.ReadPassword blocked until Enter with echo off; so the read runs aside
// and a cancel restores the terminal and returns at once.
func readTerminalSecret(ctx context.Context, fd int, prompt string) ([]byte, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return nil, fmt.Errorf("read terminal state: %w", err)
	}
	fmt.Fprint(os.Stderr, prompt)
	type result struct {
		secret []byte
		err    error
	}
	done := make(chan result, 1)
	go func() {
		secret, err := term.ReadPassword(fd)
		done <- result{secret, err}
	}()
	select {
	case r := <-done:
		fmt.Fprintln(os.Stderr)
		if r.err != nil {
			return nil, fmt.Errorf("read from terminal: %w", r.err)
		}
		return r.secret, nil
	case <-ctx.Done():
		_ = term.Restore(fd, state)
		fmt.Fprintln(os.Stderr)
		return nil, ctx.Err()
	}
}

package cli

import (
	"context"
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// maxServerRequest is the largest stdin request the reference server reads:
// it aborts on a longer one, where we give a clear error instead.
const maxServerRequest = 8190

func runServerJSON(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	// The request holds the master key's hash: read it into one buffer and
	// wipe it when done.
	request, err := readWiping(inv.env.Stdin, maxServerRequest, func([]byte) bool { return false })
	defer wipe(request)
	if err != nil {
		return err
	}
	answer, err := forgiva.ServerJSON(ctx, request)
	defer wipe(answer)
	if err != nil {
		return err
	}
	if _, err := inv.env.Stdout.Write(answer); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

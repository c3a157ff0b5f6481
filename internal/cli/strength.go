package cli

import (
	"context"

	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/backend/strength/helper"
)

// runStrengthHelper rates passwords for the desktop app, which keeps
// zxcvbn's lists out of its own long-lived process (package helper has the
// protocol). It ends when its input does.
func runStrengthHelper(ctx context.Context, inv *invocation, args []string) error {
	if _, err := inv.parse(inv.flagSet(), args, 0, 0); err != nil {
		return err
	}
	return helper.Serve(inv.env.Stdin, inv.env.Stdout, strength.Estimate)
}

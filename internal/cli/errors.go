package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// usageError is a command line that does not fit the command's synopsis:
// exit code 2 and the usage line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// helpRequest is -h or --help on a command: its usage on stdout, exit 0.
type helpRequest struct {
	cmd   *command
	flags *flag.FlagSet
}

func (h *helpRequest) Error() string { return "help requested" }

// userError is a mistake the user can fix (exit code 1). Its message never
// holds a secret.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

// report prints err the way the contract wants and returns the exit code.
func (inv *invocation) report(err error) int {
	if err == nil {
		return exitOK
	}
	var usage *usageError
	var help *helpRequest
	switch {
	case errors.As(err, &help):
		fmt.Fprintf(inv.env.Stdout, "usage: %s\n\n%s\n\nOptions:\n", help.cmd.usageLine(), help.cmd.summary)
		help.flags.SetOutput(inv.env.Stdout)
		help.flags.PrintDefaults()
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(inv.env.Stderr, "forgiva: %s\n", usage.msg)
		if inv.cmd != nil {
			fmt.Fprintf(inv.env.Stderr, "usage: %s\n", inv.cmd.usageLine())
		}
		fmt.Fprintln(inv.env.Stderr, "Run 'forgiva help' for all commands.")
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(inv.env.Stderr, "forgiva: canceled")
		return exitUser
	default:
		fmt.Fprintf(inv.env.Stderr, "forgiva: %s\n", message(err))
		return exitUser
	}
}

// message is the text shown for a user error: the engine's and the vault's
// errors carry their own words for people; other errors are this package's
// own, wrapped with context and free of secrets.
func message(err error) string {
	var input *forgiva.InputError
	if errors.As(err, &input) {
		return input.Error()
	}
	if msg, ok := vaultMessage(err); ok {
		return msg
	}
	return err.Error()
}

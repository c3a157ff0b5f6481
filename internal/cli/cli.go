// Package cli is the command-line twin of Forgiva Desktop: the stateless
// generator commands and the vault commands, over the same engine and vault as
// the app. cmd/forgiva only calls Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/forgiva/forgiva-desktop/internal/buildinfo"
)

// Exit codes of the command-line contract (README, "Command line"; forgiva(1)).
const (
	exitOK    = 0
	exitUser  = 1
	exitUsage = 2
)

// Env is everything a command touches outside its arguments, so that tests
// can run commands without a process or a terminal.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// LookupEnv reads an environment variable (os.LookupEnv in a process).
	LookupEnv func(key string) (string, bool)

	// StdinTerminal and StderrTerminal say whether those streams are
	// terminals: secrets are prompted for only on a terminal and progress is
	// drawn only on one.
	StdinTerminal  bool
	StderrTerminal bool

	// ReadSecret prints prompt on the terminal and reads one line without
	// echo. Only called when StdinTerminal is true.
	ReadSecret func(ctx context.Context, prompt string) ([]byte, error)

	// Now is the clock (today's date for "gen --renew").
	Now func() time.Time
}

// Main runs the command line of the current process and returns its exit
// code. Ctrl+C (or SIGTERM) cancels the running command.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, processEnv(), os.Args[1:])
}

// command is one verb of the command line.
type command struct {
	name     string
	synopsis string // arguments after the name, as help and forgiva(1) show them
	summary  string
	run      func(ctx context.Context, inv *invocation, args []string) error
}

// invocation is one run of one command: the environment plus the options
// every command accepts.
type invocation struct {
	env     *Env
	cmd     *command
	dataDir string
	json    bool
}

func commands() []*command {
	cmds := []*command{
		{name: "generate", synopsis: generateSynopsis, summary: "generate a password from metadata (no vault)", run: runGenerate},
		{name: "server-json", synopsis: "", summary: "answer one reference-server JSON request read on stdin", run: runServerJSON},
		{name: "selftest", synopsis: "[--full]", summary: "check the engine against the published vectors", run: runSelftest},
		{name: "strength-helper", synopsis: "", summary: "rate passwords for the desktop app (its protocol on stdin and stdout)", run: runStrengthHelper},
	}
	cmds = append(cmds, vaultCommands()...)
	return cmds
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// Run parses args (without the program name), runs the command and returns
// the exit code. Messages go to env.Stderr, results to env.Stdout.
func Run(ctx context.Context, env *Env, args []string) int {
	inv := &invocation{env: env}
	global := flag.NewFlagSet("forgiva", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	inv.addCommonFlags(global)
	showVersion := global.Bool("version", false, "print the version and exit")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(env.Stdout)
			return exitOK
		}
		return inv.report(usageErrorf("%v", err))
	}
	rest := global.Args()
	if *showVersion {
		fmt.Fprintf(env.Stdout, "forgiva %s\n", buildinfo.Version())
		return exitOK
	}
	if len(rest) == 0 {
		printUsage(env.Stderr)
		return exitUsage
	}
	name := rest[0]
	if name == "help" {
		return runHelp(env, rest[1:])
	}
	inv.cmd = findCommand(name)
	if inv.cmd == nil {
		return inv.report(usageErrorf("unknown command %q", name))
	}
	return inv.report(inv.cmd.run(ctx, inv, rest[1:]))
}

func runHelp(env *Env, args []string) int {
	if len(args) == 0 {
		printUsage(env.Stdout)
		return exitOK
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(env.Stderr, "forgiva help: unknown command %q\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(env.Stdout, "usage: %s\n\n%s\n", c.usageLine(), c.summary)
	return exitOK
}

func (c *command) usageLine() string {
	return strings.TrimSpace("forgiva " + c.name + " " + c.synopsis)
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: forgiva [--data-dir DIR] [--json] COMMAND [ARGS] | forgiva --version")
	fmt.Fprintln(w, "\nCommands:")
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0) // summaries in one column, however long a name
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nEvery command accepts --data-dir DIR and --json. Run 'forgiva help COMMAND' for its arguments.")
}

// addCommonFlags declares the options every command accepts, so that they
// work both before and after the command name.
func (inv *invocation) addCommonFlags(fs *flag.FlagSet) {
	fs.StringVar(&inv.dataDir, "data-dir", inv.dataDir, "vault `directory` (default $FORGIVA_DATA_DIR or the user config dir)")
	fs.BoolVar(&inv.json, "json", inv.json, "machine-readable output")
}

// flagSet returns a flag set for the command that already holds the common
// options. Errors are reported by report, not by the flag package.
func (inv *invocation) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(inv.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	inv.addCommonFlags(fs)
	return fs
}

// parse parses flags that may come before, between or after the positional
// arguments ("forgiva edit 3 --host h"); "--" ends the flags. It checks the
// number of positional arguments and returns them.
func (inv *invocation) parse(fs *flag.FlagSet, args []string, minArgs, maxArgs int) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{cmd: inv.cmd, flags: fs}
			}
			return nil, usageErrorf("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	switch {
	case len(positional) < minArgs:
		return nil, usageErrorf("missing argument")
	case maxArgs >= 0 && len(positional) > maxArgs:
		return nil, usageErrorf("unexpected argument %q", positional[maxArgs])
	}
	return positional, nil
}

// flagsGiven returns the names of the flags set on the command line.
func flagsGiven(fs *flag.FlagSet) map[string]bool {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return given
}

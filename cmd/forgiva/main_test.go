package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes the test binary double as the forgiva program, so the
// scripts run the real command line in its own process with its real exit
// codes and streams; with the test cost for new vault passwords
// (vault.UseTestKDF), which only a test binary can set.
func TestMain(m *testing.M) {
	vault.UseTestKDF()
	testscript.Main(m, map[string]func(){
		"forgiva": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar. Each script gets its own data
// dir and HOME in its work dir, and an unusable session bus, so nothing
// reaches the user's vault or OS keyring.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("FORGIVA_DATA_DIR", filepath.Join(env.WorkDir, "data"))
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(env.WorkDir, "home", ".config"))
			env.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
			return nil
		},
		// [conformance]: the engine at full cost (complexity 2, every
		// vector), only when FORGIVA_CONFORMANCE=1 (make test).
		Condition: func(cond string) (bool, error) {
			if cond == "conformance" {
				return os.Getenv("FORGIVA_CONFORMANCE") == "1", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":     cmdExits,
			"writefile": cmdWritefile,
			"capture":   cmdCapture,
			"sleep":     cmdSleep,
		},
	})
}

// cmdExits runs a program like exec and checks its exact exit code:
//
//	exits CODE program [args...]
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		got = exitErr.ExitCode()
	case err != nil:
		ts.Fatalf("run %s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdWritefile writes exact bytes, given as a Go string literal, for inputs
// a txtar file cannot hold (no final newline, CR):
//
//	writefile NAME "text\r\n"
func cmdWritefile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writefile NAME QUOTED")
	}
	text, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o600))
}

// cmdCapture sets an environment variable to the last command's stdout
// without surrounding space, for IDs printed by "add" and "group add":
//
//	capture NAME
func cmdCapture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: capture NAME")
	}
	ts.Setenv(args[0], strings.TrimSpace(ts.ReadFile("stdout")))
}

// cmdSleep pauses the script, to let a background command get going:
//
//	sleep DURATION
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

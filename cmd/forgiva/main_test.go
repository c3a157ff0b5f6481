package main

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/cli"
)

// TestMain makes the test binary double as the forgiva program, so the
// scripts run the real command line in its own process with its real exit
// codes and streams; with the test cost for new vault passwords
// (vault.UseTestKDF) and for encrypted backups (backup.UseTestWorkFactor),
// which only a test binary can set.
func TestMain(m *testing.M) {
	if os.Getenv(runAsCLI) == "1" { // the program itself, for a test that runs it directly
		os.Exit(cli.Main())
	}
	vault.UseTestKDF()
	backup.UseTestWorkFactor()
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
			"computing": cmdComputing,
			"sqlexec":   cmdSQLExec,
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

// cmdSQLExec changes a vault file behind Forgiva's back, as anything with
// write access to it could (plain SQLite, no checks of ours):
//
//	sqlexec FILE STATEMENT
func cmdSQLExec(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sqlexec FILE STATEMENT")
	}
	db, err := sql.Open("sqlite", ts.MkAbs(args[0]))
	ts.Check(err)
	defer db.Close()
	_, err = db.Exec(args[1])
	ts.Check(err)
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

// cmdComputing waits until every background command has spent a fifth of a
// second of CPU time (Linux: /proc/PID/stat), which it does only once its
// generation is under way, long after it set up its SIGINT handling; so a
// kill -INT then tests that handling, whatever the machine's load:
//
//	computing
func cmdComputing(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: computing")
	}
	const busyTicks = 20 // clock ticks (USER_HZ, 100 a second on Linux)
	for _, cmd := range ts.BackgroundCmds() {
		stat := fmt.Sprintf("/proc/%d/stat", cmd.Process.Pid)
		for {
			ticks, err := cpuTicks(stat)
			if err != nil {
				ts.Fatalf("read %s: %v (did the command exit?)", stat, err)
			}
			if ticks >= busyTicks {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// cpuTicks reads utime + stime from a /proc/PID/stat file (fields 14 and 15,
// counted after the command name, which may hold spaces).
func cpuTicks(stat string) (uint64, error) {
	data, err := os.ReadFile(stat)
	if err != nil {
		return 0, err
	}
	end := strings.LastIndexByte(string(data), ')')
	fields := strings.Fields(string(data[end+1:]))
	if end < 0 || len(fields) < 13 {
		return 0, errors.New("unexpected format")
	}
	utime, err := strconv.ParseUint(fields[11], 10, 64)
	if err != nil {
		return 0, err
	}
	stime, err := strconv.ParseUint(fields[12], 10, 64)
	return utime + stime, err
}

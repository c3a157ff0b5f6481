package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

// WriteManPage renders forgiva(1) in roff from the command line's own help:
// each command's usage line, summary and flags, so the page cannot drift from
// what `forgiva help` and `forgiva COMMAND -h` print. date is the release date
// (YYYY-MM-DD).
func WriteManPage(w io.Writer, version, date string) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH FORGIVA 1 %s %s \"User Commands\"\n", roffQuote(date), roffQuote("forgiva "+version))
	b.WriteString(".SH NAME\nforgiva \\- regenerate passwords from metadata, the command-line twin of Forgiva Desktop\n")
	b.WriteString(".SH SYNOPSIS\n.B forgiva\n[\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR] [\\fB\\-\\-json\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n")
	b.WriteString(".br\n.B forgiva \\-\\-version\n")
	b.WriteString(".SH DESCRIPTION\n" + roffText(manDescription) + "\n")
	b.WriteString(".SH COMMANDS\n")
	for _, c := range commands() {
		fs, err := commandFlags(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", roffText(c.usageLine()), roffText(c.summary))
		writeManFlags(&b, fs)
	}
	b.WriteString(".SH ENVIRONMENT\n")
	for _, e := range manEnvironment {
		fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", e[0], roffText(e[1]))
	}
	b.WriteString(".SH EXIT STATUS\n.TP\n.B 0\nsuccess\n.TP\n.B 1\na user error; the message is on standard error\n.TP\n.B 2\na usage error\n")
	b.WriteString(".SH SEE ALSO\n.BR forgiva\\-desktop (1)\n")
	_, err := io.WriteString(w, b.String())
	return err
}

const manDescription = "forgiva works on the same vault as the Forgiva Desktop app. The vault holds " +
	"only the metadata of each login (host, account, renewal date, complexity, length, character " +
	"classes); each password is regenerated from that metadata, the master key and the animal " +
	"picked, with the Forgiva algorithm. Secrets never go on the command line: the master key is " +
	"the first line of standard input when it is not a terminal, or is prompted for without echo."

var manEnvironment = [][2]string{
	{vault.DataDirEnv, "the vault directory, instead of the user configuration directory"},
	{passwordEnv, "the vault password, for scripts; otherwise a session remembered with " +
		"'forgiva unlock --remember HOURS', or a prompt"},
}

// commandFlags returns the flags c declares, by asking it for its help the
// way "forgiva COMMAND -h" does.
func commandFlags(c *command) (*flag.FlagSet, error) {
	inv := &invocation{env: &Env{Stdout: io.Discard, Stderr: io.Discard}, cmd: c}
	err := c.run(context.Background(), inv, []string{"-h"})
	var help *helpRequest
	if !errors.As(err, &help) {
		return nil, fmt.Errorf("man page: %s -h gave no help: %v", c.name, err)
	}
	return help.flags, nil
}

// writeManFlags lists a command's own flags; the options every command takes
// are in the synopsis.
func writeManFlags(b *strings.Builder, fs *flag.FlagSet) {
	opened := false
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "data-dir" || f.Name == "json" {
			return
		}
		if !opened {
			b.WriteString(".RS\n")
			opened = true
		}
		name, usage := flag.UnquoteUsage(f)
		b.WriteString(".TP\n\\fB" + roffText("--"+f.Name) + "\\fR")
		if name != "" {
			b.WriteString(" \\fI" + roffText(name) + "\\fR")
		}
		b.WriteString("\n" + roffText(usage) + "\n")
	})
	if opened {
		b.WriteString(".RE\n")
	}
}

// roffText escapes s for a roff text line: backslashes, hyphens (so they
// stay minus signs to copy) and a leading control character.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"`
}

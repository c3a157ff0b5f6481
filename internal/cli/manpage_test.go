package cli

import (
	"bytes"
	"context"
	"flag"
	"os/exec"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	env, stdout, stderr := testEnv("")
	if code := Run(context.Background(), env, []string{"--version"}); code != exitOK {
		t.Fatalf("--version: exit code %d (stderr %q)", code, stderr)
	}
	if got := stdout.String(); got != "forgiva dev\n" {
		t.Errorf("--version printed %q, want %q (an unstamped test binary)", got, "forgiva dev\n")
	}
}

// The man page is made from the help, so every command and each of its own
// flags must be in it.
func TestManPageCoversEveryCommand(t *testing.T) {
	var page bytes.Buffer
	if err := WriteManPage(&page, "1.2.0", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	text := page.String()
	if !strings.HasPrefix(text, `.TH FORGIVA 1 "2026\-12\-01" "forgiva 1.2.0"`) {
		t.Errorf("man page header: %q", strings.SplitN(text, "\n", 2)[0])
	}
	for _, c := range commands() {
		if !strings.Contains(text, ".B "+roffText(c.usageLine())+"\n"+roffText(c.summary)+"\n") {
			t.Errorf("man page lacks command %q", c.name)
		}
		fs, err := commandFlags(c)
		if err != nil {
			t.Fatal(err)
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(text, `\fB`+roffText("--"+f.Name)+`\fR`) {
				t.Errorf("man page lacks %s --%s", c.name, f.Name)
			}
		})
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "'") {
			t.Errorf("line would be read as a roff request: %q", line)
		}
	}
}

// groff, where it is installed, must render the page without a warning.
func TestManPageRendersCleanly(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed")
	}
	var page bytes.Buffer
	if err := WriteManPage(&page, "1.2.0", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = &page
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}

func TestRoffText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"--host H", `\-\-host H`},
		{`a\b`, `a\eb`},
		{".hidden", `\&.hidden`},
		{"'quoted", `\&'quoted`},
	} {
		if got := roffText(tc.in); got != tc.want {
			t.Errorf("roffText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

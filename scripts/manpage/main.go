// Command manpage writes forgiva(1), rendered from the command line's own
// help, for the package: go run ./scripts/manpage VERSION DATE > forgiva.1
package main

import (
	"fmt"
	"os"

	"github.com/forgiva/forgiva-desktop/internal/cli"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: manpage VERSION YYYY-MM-DD")
		os.Exit(2)
	}
	if err := cli.WriteManPage(os.Stdout, os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

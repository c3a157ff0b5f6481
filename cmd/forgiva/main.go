// Command forgiva is the command-line twin of Forgiva Desktop: it generates
// passwords from metadata and manages the same vault as the app.
package main

import (
	"os"

	"github.com/forgiva/forgiva-desktop/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}

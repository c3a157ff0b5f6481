// Command memfloor is the memory floor that scripts/bench-memory.sh measures
// beside Forgiva Desktop: an empty Wails window, built and run the way the
// app is (scripts/build.sh floor; internal/webkitenv), with a page that only
// says what it is. What it uses is the least any app on Wails and WebKitGTK
// uses on this machine; Forgiva's figure above it is the app's own.
package main

import (
	"embed"
	"log"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"github.com/forgiva/forgiva-desktop/internal/webkitenv"
)

//go:embed index.html
var assets embed.FS

// Title is what bench-memory.sh waits for.
const title = "Wails memory floor"

func main() {
	webkitenv.Set()
	err := wails.Run(&options.App{
		Title:  title,
		Width:  1100, // the app's window (main.go)
		Height: 720,
		// The same colour as the app's, so the window is painted the same.
		BackgroundColour: &options.RGBA{R: 247, G: 248, B: 250, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		Linux:            &linux.Options{ProgramName: "memfloor", WebviewGpuPolicy: webkitenv.GPUPolicy},
	})
	if err != nil {
		log.Fatalf("memfloor: %v", err)
	}
}

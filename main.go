// Command forgiva-desktop is the Forgiva Desktop application: a deterministic
// password manager that stores only the metadata of each login and regenerates
// the password on demand.
package main

import (
	_ "embed" // the icon
	"log"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"github.com/forgiva/forgiva-desktop/internal/singleinstance"
	"github.com/forgiva/forgiva-desktop/internal/tray"
	"github.com/forgiva/forgiva-desktop/internal/webkitenv"
)

// icon is the window's and the tray's: the 256-pixel one that
// scripts/make-icon.sh draws from build/appicon.png. GTK keeps the window's
// icon decoded for as long as the window lives; the 1024-pixel original
// held 4 MiB of pixels there, for window lists that draw 16 to 256
// (README, Memory).
//
//go:embed build/linux/icons/hicolor/256x256/apps/forgiva-desktop.png
var icon []byte

// windowTitle is also what the window smoke test searches for.
const windowTitle = "Forgiva Desktop"

// programName is the binary's name and the X11 WM_CLASS, which desktop files
// (build/linux) match windows by.
const programName = "forgiva-desktop"

// singleInstanceID names the lock (a D-Bus name on Linux) that makes a second
// launch hand over to the running window instead of opening another one.
const singleInstanceID = "forgiva-desktop-7c4e1a52"

func main() {
	webkitenv.Set() // before GTK starts, in wails.Run
	handOverToRunningInstance()
	app := NewApp(icon)
	err := wails.Run(&options.App{
		Title:            windowTitle,
		Width:            1100,
		Height:           720,
		MinWidth:         800,
		MinHeight:        560,
		BackgroundColour: &options.RGBA{R: 247, G: 248, B: 250, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		OnStartup:        app.startup,
		OnShutdown:       app.shutdown,
		OnDomReady:       releaseStartupMemory,
		OnBeforeClose:    app.beforeClose,
		// With a tray, closing the window hides it there. This is Wails'
		// own switch rather than a veto in OnBeforeClose, which also runs
		// for SIGTERM and would keep the app alive through a logout.
		HideWindowOnClose: tray.Available(),
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               singleInstanceID,
			OnSecondInstanceLaunch: app.onSecondInstanceLaunch,
		},
		Bind:           []any{app},
		ErrorFormatter: formatError,
		Linux: &linux.Options{
			Icon:             icon,
			ProgramName:      programName,
			WebviewGpuPolicy: webkitenv.GPUPolicy,
		},
	})
	if err != nil {
		log.Fatalf("%s: %v", programName, err)
	}
}

// handOverToRunningInstance ends this launch with status 0 when a running
// instance takes it over. Wails' lock would hand over too, but on Linux it
// then exits 1, which launchers and scripts report as a failed start.
// Anything short of a completed hand-over goes on to wails.Run, whose own
// lock then has the last word.
func handOverToRunningInstance() {
	// The directory is only information for the running instance: a launch
	// without one still hands over.
	dir, _ := os.Getwd()
	handed, err := singleinstance.HandOver(singleInstanceID, os.Args[1:], dir)
	if err != nil {
		log.Printf("%s: %v", programName, err)
		return
	}
	if handed {
		log.Printf("%s: handed over to the running window", programName)
		os.Exit(0)
	}
}

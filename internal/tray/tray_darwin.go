package tray

// start keeps the tray out on macOS: the tray library's AppDelegate clashes
// with Wails' own at link time. Closing the window quits there.
func start([]byte, Menu) (func(), bool) { return nil, false }

// available is false: there is no tray on macOS (see start).
func available() bool { return false }

func setQuickLabel(string) {}

package tray

// available is true: the Windows tray needs no bus.
func available() bool { return true }

package tray

// sessionBusAvailable is true: the Windows tray needs no bus.
func sessionBusAvailable() bool { return true }

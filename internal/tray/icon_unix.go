//go:build !darwin && !windows

package tray

// trayIcon is the tray's picture: Linux trays take PNG.
func trayIcon(appIcon []byte) ([]byte, error) { return smallPNG(appIcon) }

// Package tray puts Forgiva Desktop in the system tray (the notification
// area): an icon with a menu to generate a password quickly, lock the
// vault, show the window or quit. On Linux the tray speaks the
// StatusNotifierItem D-Bus protocol and needs a session bus; on macOS it is
// left out, since the tray library clashes with Wails' app delegate there.
package tray

// Labels of the menu items, in menu order.
const (
	LabelQuick = "Quick generate…"
	LabelLock  = "Lock"
	LabelShow  = "Show"
	LabelQuit  = "Quit"
)

// Menu holds what the menu items do. Each runs on its own goroutine.
// QuickShortcut, the global shortcut of Quick, is shown in its label.
type Menu struct {
	Quick, Lock, Show, Quit func()
	QuickShortcut           string
}

// QuickLabel is the Quick item's label with its shortcut ("" for none).
func QuickLabel(shortcut string) string {
	if shortcut == "" {
		return LabelQuick
	}
	return LabelQuick + " (" + shortcut + ")"
}

// SetQuickShortcut shows a new shortcut in the Quick item's label.
func SetQuickShortcut(shortcut string) { setQuickLabel(QuickLabel(shortcut)) }

// Tooltip is the tray icon's title and tooltip.
const Tooltip = "Forgiva Desktop"

// Available reports whether Start would find a tray to use: a D-Bus
// session on Linux, always on Windows, never on macOS. main decides with
// it whether closing the window hides it or quits.
func Available() bool { return available() }

// Start puts the icon (a PNG) and menu in the tray and returns a function
// that removes them, or ok=false when this system has no tray to use (no
// D-Bus session on Linux, macOS, or a tray already started: the tray
// library keeps one per process).
func Start(iconPNG []byte, menu Menu) (stop func(), ok bool) {
	return start(iconPNG, menu)
}

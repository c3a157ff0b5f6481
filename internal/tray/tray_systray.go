//go:build !darwin

package tray

import (
	"log"
	"sync"
	"sync/atomic"

	"fyne.io/systray"
)

// started makes Start work once: the tray library's state is global and
// its end closes the process's shared D-Bus connection.
var started atomic.Bool

func start(iconPNG []byte, menu Menu) (func(), bool) {
	if !available() || !started.CompareAndSwap(false, true) {
		return nil, false
	}
	icon, err := trayIcon(iconPNG)
	if err != nil {
		log.Printf("tray: icon: %v", err) // the tray still works, without a picture
	}
	quit := make(chan struct{})
	onReady := func() {
		if icon != nil {
			systray.SetIcon(icon)
		}
		systray.SetTitle(Tooltip)
		systray.SetTooltip(Tooltip)
		items := []struct {
			item *systray.MenuItem
			do   func()
		}{
			{quickItem(systray.AddMenuItem(QuickLabel(menu.QuickShortcut), "Generate a password for an entry")), menu.Quick},
			{systray.AddMenuItem(LabelLock, "Lock the vault"), menu.Lock},
			{systray.AddMenuItem(LabelShow, "Show the window"), menu.Show},
			{systray.AddMenuItem(LabelQuit, "Quit Forgiva Desktop"), menu.Quit},
		}
		for _, it := range items {
			go dispatch(it.item.ClickedCh, it.do, quit)
		}
	}
	startLoop, endLoop := systray.RunWithExternalLoop(onReady, nil)
	startLoop()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(quit)
			endLoop()
		})
	}, true
}

// dispatch runs do for every click until quit closes. The tray library
// drops a click nobody is waiting for, so each item has its own listener.
func dispatch(clicked <-chan struct{}, do func(), quit <-chan struct{}) {
	for {
		select {
		case _, ok := <-clicked:
			if !ok {
				return
			}
			if do != nil {
				go do()
			}
		case <-quit:
			return
		}
	}
}

// quick is the Quick item, once the tray is up, for SetQuickShortcut.
var quick atomic.Pointer[systray.MenuItem]

func quickItem(item *systray.MenuItem) *systray.MenuItem {
	quick.Store(item)
	return item
}

func setQuickLabel(label string) {
	if item := quick.Load(); item != nil {
		item.SetTitle(label)
	}
}

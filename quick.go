package main

import (
	"errors"
	"log"
	"os"
	"slices"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/autotype"
	"github.com/forgiva/forgiva-desktop/internal/portal"
	"github.com/forgiva/forgiva-desktop/internal/quicktype"
	"github.com/forgiva/forgiva-desktop/internal/tray"
)

// The quick flow from the global shortcut (or `forgiva-desktop --quick`, or
// the tray) to the login form: remember the window the user was in, show
// Quick ranked by its title, generate, then type the password back into
// that window (quick_action "type") or copy it.

// quickFlag on the command line opens Quick generate for the focused
// window: what a desktop without global shortcuts for applications
// (Wayland) binds to a key in its own keyboard settings.
const quickFlag = "--quick"

// QuickTarget is what the Quick window shows of where the password goes.
type QuickTarget struct {
	Title   string `json:"title"`   // the remembered window's title, "" for none
	Type    bool   `json:"type"`    // the password will be typed (else copied)
	Notice  string `json:"notice"`  // why it will be copied instead, if it will
	Hotkey  string `json:"hotkey"`  // the global shortcut held, "" for none
	Refused string `json:"refused"` // why the shortcut could not be held, if so
}

// TypeResult is the outcome of TypePassword.
type TypeResult struct {
	Typed             bool   `json:"typed"`
	Confirm           bool   `json:"confirm"` // the entry asks: type into the window named in Message?
	Copied            bool   `json:"copied"`
	Message           string `json:"message"`
	ClearAfterSeconds int    `json:"clearAfterSeconds"`
}

// startShortcut grabs the quick_shortcut setting (the default before any
// vault exists) when the app starts.
func (a *App) startShortcut() {
	text := vault.SettingDefault("quick_shortcut")
	if s, err := a.Settings(); err == nil {
		text = s.QuickShortcut
	}
	a.setShortcut(text)
}

// openQuickIfAsked opens Quick when the app was started with --quick.
func (a *App) openQuickIfAsked() {
	if slices.Contains(os.Args[1:], quickFlag) {
		a.onQuick()
	}
}

// setShortcut grabs text and remembers why the desktop refused it, if it did.
func (a *App) setShortcut(text string) error {
	err := a.shortcut.Set(text, a.onQuick)
	tray.SetQuickShortcut(a.shortcut.Current())
	a.mu.Lock()
	a.shortcutRefused, a.noShortcuts = "", errors.Is(err, portal.ErrUnavailable)
	if err != nil {
		a.shortcutRefused = err.Error()
	}
	a.mu.Unlock()
	if err != nil {
		log.Printf("forgiva-desktop: global shortcut: %v", err)
	}
	return err
}

// setQuickShortcut saves the quick_shortcut setting and grabs it; when the
// desktop refuses it, the setting goes back to the one before, which stays
// held.
func (a *App) setQuickShortcut(v *vault.Vault, value string) (vault.Settings, error) {
	before, err := v.Settings(background)
	if err != nil {
		return vault.Settings{}, err
	}
	if err := v.SetSetting(background, "quick_shortcut", value); err != nil {
		return vault.Settings{}, err
	}
	after, err := v.Settings(background)
	if err != nil {
		return vault.Settings{}, err
	}
	if err := a.setShortcut(after.QuickShortcut); err != nil {
		if rerr := v.SetSetting(background, "quick_shortcut", before.QuickShortcut); rerr != nil {
			log.Printf("forgiva-desktop: put the shortcut setting back: %v", rerr)
		}
		return vault.Settings{}, &vault.Error{Code: vault.Invalid, Message: err.Error(), Field: "quick_shortcut", Err: err}
	}
	return after, nil
}

// noShortcutHelp is what a desktop without global shortcuts for
// applications (Wayland, or no X display) is told.
const noShortcutHelp = "This desktop offers applications no global shortcut. Bind the command " +
	"`forgiva-desktop --quick` to a key in your desktop's keyboard settings instead: it opens Quick generate the same way."

// settingNotices says what the desktop made of the quick shortcut.
func (a *App) settingNotices() map[string]string {
	a.mu.Lock()
	refused, unavailable := a.shortcutRefused, a.noShortcuts
	a.mu.Unlock()
	switch {
	case unavailable:
		return map[string]string{"quick_shortcut": noShortcutHelp}
	case refused != "":
		return map[string]string{"quick_shortcut": refused}
	}
	return map[string]string{}
}

// onQuick runs on the shortcut (or --quick): the focused window is the
// target, then the app comes up on Quick generate.
func (a *App) onQuick() {
	if _, err := a.typist.Remember(); err != nil && !errors.Is(err, quicktype.ErrOwnWindow) && !errors.Is(err, quicktype.ErrUnsupported) {
		log.Printf("forgiva-desktop: quick: %v", err)
	}
	a.rt.ShowWindow()
	a.rt.Emit(events.Quick, struct{}{})
}

// QuickTarget says where a quick generation's password goes.
func (a *App) QuickTarget() QuickTarget {
	t := QuickTarget{Hotkey: a.shortcut.Current()}
	a.mu.Lock()
	t.Refused = a.shortcutRefused
	a.mu.Unlock()
	copyWanted := false
	if s, err := a.Settings(); err == nil {
		copyWanted = s.QuickAction == vault.QuickCopy
	}
	w, ok := a.typist.Target()
	switch {
	case copyWanted:
		t.Notice = "The password will be copied (Settings: After a quick generation)."
	case !a.typist.CanType():
		t.Notice = "This desktop does not let applications type into other windows: the password will be copied."
	case !ok:
		t.Notice = "No window to type into (Quick was not opened with the shortcut): the password will be copied."
	default:
		t.Title, t.Type = w.Title, true
	}
	return t
}

// QuickSuggestions lists the entries the remembered window's title names,
// best first: Enter in Quick takes the first.
func (a *App) QuickSuggestions(count int) (vault.Page, error) {
	w, ok := a.typist.Target()
	if !ok {
		return vault.Page{Entries: []vault.EntryView{}}, nil
	}
	return withVault(a, "quick suggestions", func(v *vault.Vault) (vault.Page, error) {
		hits, err := v.MatchTitle(background, w.Title, count)
		if err != nil {
			return vault.Page{}, err
		}
		return v.PageOf(background, hits, len(hits))
	})
}

// PickAndType is PickAnimal for Quick: the password is never shown nor
// handed to the page. It hides the window, gives the focus back to the
// remembered window and types the entry's sequence there (the password
// alone by default). Where it cannot (no target, a changed title, a desktop
// that does not allow it, copy chosen), it copies the password instead and
// says why. An entry that asks to confirm the window gets Confirm, and
// ConfirmType does the rest.
func (a *App) PickAndType(genID string, animalIndex int, entryID int64) (TypeResult, error) {
	if err := a.gens.Pick(background, genID, forgiva.Animal(animalIndex)); err != nil {
		return TypeResult{}, userError("pick animal", err)
	}
	return a.deliver(genID, entryID, false)
}

// ConfirmType answers an entry's "type into this window?": typeIt types as
// PickAndType would, otherwise the password is copied.
func (a *App) ConfirmType(genID string, entryID int64, typeIt bool) (TypeResult, error) {
	if !typeIt {
		a.typist.Forget()
		return a.copyInstead(genID, "Not typed, as you chose.")
	}
	return a.deliver(genID, entryID, true)
}

// deliver types the picked password of genID into the remembered window,
// or copies it and says why.
func (a *App) deliver(genID string, entryID int64, confirmed bool) (TypeResult, error) {
	t := a.QuickTarget()
	if !t.Type {
		return a.copyInstead(genID, t.Notice)
	}
	e, err := a.Entry(entryID)
	if err != nil {
		return TypeResult{}, err
	}
	if e.TypeConfirm && !confirmed {
		return TypeResult{Confirm: true, Message: "Type into “" + t.Title + "”?"}, nil
	}
	seq, err := sequenceOf(e.Entry)
	if err != nil {
		return TypeResult{}, userError("type password", err)
	}
	a.rt.HideWindow()
	account := []byte(e.Account)
	err = a.gens.Use(genID, func(password []byte) error { return a.typist.Type(seq, account, password) })
	if err == nil {
		return TypeResult{Typed: true, Message: "Typed into “" + t.Title + "”"}, nil
	}
	if vault.ErrorCode(err) == vault.NotFound {
		return TypeResult{}, userError("type password", err)
	}
	a.rt.ShowWindow()
	return a.copyInstead(genID, "Not typed: "+err.Error()+".")
}

// sequenceOf is what Quick types for e: its own sequence, else the
// password alone.
func sequenceOf(e vault.Entry) (autotype.Sequence, error) {
	text := e.TypeSequence
	if text == "" {
		text = "{PASSWORD}"
	}
	return autotype.ParseSequence(text)
}

// copyInstead copies the password of genID and says why it was not typed.
func (a *App) copyInstead(genID, why string) (TypeResult, error) {
	copied, err := a.CopyPassword(genID)
	if err != nil {
		return TypeResult{}, err
	}
	return TypeResult{Copied: true, Message: why, ClearAfterSeconds: copied.ClearAfterSeconds}, nil
}

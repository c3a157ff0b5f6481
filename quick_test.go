package main

import (
	"strings"
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/autotype"
	"github.com/forgiva/forgiva-desktop/internal/quicktype"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

// fakeDesk is a desktop with one focused window that records what it is
// typed.
type fakeDesk struct {
	title string
	typed string
}

func (d *fakeDesk) Active() (quicktype.Window, error) {
	return quicktype.Window{ID: 7, Title: d.title}, nil
}
func (d *fakeDesk) Title(uint32) (string, error) { return d.title, nil }
func (d *fakeDesk) Focus(uint32) error           { return nil }
func (d *fakeDesk) Type(seq autotype.Sequence, username, password []byte) error {
	for _, step := range seq {
		switch step.Kind {
		case autotype.StepUsername:
			d.typed += string(username)
		case autotype.StepPassword:
			d.typed += string(password)
		case autotype.StepTab:
			d.typed += "<TAB>"
		case autotype.StepEnter:
			d.typed += "<ENTER>"
		default:
			d.typed += step.Text
		}
	}
	return nil
}

// The quick flow at the App: the shortcut remembers the focused window,
// Quick suggests what its title names, and the pick types the password
// there (the page never sees it); a changed title gets nothing and the
// password is copied instead.
func TestQuickTypesIntoTheRememberedWindow(t *testing.T) {
	a, e := newUnlockedApp(t)
	desk := &fakeDesk{title: "Inbox - mail.example - Browser"}
	a.typist = quicktype.New(desk, windowTitle)

	a.onQuick()
	target := a.QuickTarget()
	if !target.Type || target.Title != desk.title {
		t.Fatalf("QuickTarget = %+v", target)
	}
	page := testkit.Must(a.QuickSuggestions(8))(t)
	if len(page.Entries) != 1 || page.Entries[0].ID != e.ID {
		t.Fatalf("suggestions for %q: %+v", desk.title, page.Entries)
	}
	id := testkit.Must(a.StartGeneration(e.ID, "mk", nil))(t)
	r := testkit.Must(a.PickAndType(id, 3, e.ID))(t)
	want := engine(t, e, "mk", forgiva.Animal(3))
	if !r.Typed || desk.typed != want {
		t.Fatalf("PickAndType = %+v, typed %q, want %q", r, desk.typed, want)
	}
	if a.rt.hidden != 1 {
		t.Fatal("the window should get out of the way before typing")
	}
	if a.rt.clipboard != "" {
		t.Fatal("a typed password must not also be copied")
	}

	desk.typed = ""
	a.onQuick()
	desk.title = "Another page"
	id = testkit.Must(a.StartGeneration(e.ID, "mk", nil))(t)
	r = testkit.Must(a.PickAndType(id, 3, e.ID))(t)
	if r.Typed || !r.Copied || desk.typed != "" || !strings.Contains(r.Message, "changed") {
		t.Fatalf("after a title change: %+v, typed %q", r, desk.typed)
	}
	if a.rt.clipboard != want {
		t.Fatal("the refused password should be on the clipboard instead")
	}
}

// An entry's own sequence is typed with its account, and an entry that
// asks to confirm the window types only once the user says yes (no: the
// password is copied).
func TestQuickTypesTheEntrysSequenceAndConfirms(t *testing.T) {
	a, e := newUnlockedApp(t)
	desk := &fakeDesk{title: "Login - mail.example"}
	a.typist = quicktype.New(desk, windowTitle)
	in := vault.EntryInput{GroupID: e.GroupID, Host: e.Host, Account: e.Account, Complexity: e.Complexity, Length: e.Length,
		Classes: e.Classes, Typing: vault.Typing{TypeSequence: "{USERNAME}{TAB}{PASSWORD}{ENTER}", TypeConfirm: true}}
	testkit.Must(a.UpdateEntry(e.ID, in))(t)
	want := "ann<TAB>" + engine(t, e, "mk", 5) + "<ENTER>"

	a.onQuick()
	id := testkit.Must(a.StartGeneration(e.ID, "mk", nil))(t)
	r := testkit.Must(a.PickAndType(id, 5, e.ID))(t)
	if !r.Confirm || desk.typed != "" || !strings.Contains(r.Message, desk.title) {
		t.Fatalf("an entry that asks to confirm: %+v, typed %q", r, desk.typed)
	}
	r = testkit.Must(a.ConfirmType(id, e.ID, true))(t)
	if !r.Typed || desk.typed != want {
		t.Fatalf("confirmed: %+v, typed %q, want %q", r, desk.typed, want)
	}

	desk.typed = ""
	a.onQuick()
	id = testkit.Must(a.StartGeneration(e.ID, "mk", nil))(t)
	testkit.Must(a.PickAndType(id, 5, e.ID))(t)
	r = testkit.Must(a.ConfirmType(id, e.ID, false))(t)
	if r.Typed || !r.Copied || desk.typed != "" || a.rt.clipboard != engine(t, e, "mk", 5) {
		t.Fatalf("declined: %+v, typed %q", r, desk.typed)
	}
}

// The groups panel's width outlives the app, in ui.json beside the vault.
func TestSidebarWidthIsRemembered(t *testing.T) {
	a := newTestApp(t)
	if got := a.WindowState().SidebarWidth; got != 0 {
		t.Fatalf("a new data dir remembers width %d", got)
	}
	if err := a.SetSidebarWidth(333); err != nil {
		t.Fatal(err)
	}
	again := newApp(appConfig{runtime: &fakeRuntime{}, vault: a.opts})
	if got := again.WindowState().SidebarWidth; got != 333 {
		t.Fatalf("after a restart the width is %d, want 333", got)
	}
}

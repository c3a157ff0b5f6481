package vault

import (
	"context"
	"slices"
	"testing"

	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func TestViewsNameTheGroupPath(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	top := firstGroup(t, v)
	work := testkit.Must(v.AddGroup(ctx, 0, "Work", ""))(t)
	mail := testkit.Must(v.AddGroup(ctx, work.ID, "Mail", ""))(t)
	deep := testkit.Must(v.AddEntry(ctx, entryInput(mail.ID, "mx.example", "root")))(t)
	flat := testkit.Must(v.AddEntry(ctx, entryInput(top.ID, "a.example", "ann")))(t)

	views := testkit.Must(v.Views(ctx, []Entry{deep, flat}))(t)
	cases := []struct {
		view EntryView
		name string
		path []string
	}{
		{views[0], "Mail", []string{"Work", "Mail"}},
		{views[1], top.Name, []string{top.Name}},
	}
	for _, c := range cases {
		if c.view.GroupName != c.name || !slices.Equal(c.view.GroupPath, c.path) {
			t.Errorf("entry %d: group %q path %q, want %q %q", c.view.ID, c.view.GroupName, c.view.GroupPath, c.name, c.path)
		}
	}

	// A rename shows in the next view.
	testkit.Must(v.UpdateGroup(ctx, work.ID, "Office", ""))(t)
	if got := testkit.Must(v.View(ctx, deep))(t); !slices.Equal(got.GroupPath, []string{"Office", "Mail"}) {
		t.Fatalf("after rename, path %q", got.GroupPath)
	}
	if got := testkit.Must(v.Views(ctx, nil))(t); got == nil {
		t.Fatal("no entries gave nil, want an empty list")
	}
	v.Lock(ctx)
	_, err := v.Views(ctx, []Entry{deep})
	wantCode(t, err, Locked)
}

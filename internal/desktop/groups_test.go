package desktop

import (
	"testing"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

func TestSubtreeCounts(t *testing.T) {
	groups := []vault.Group{
		{ID: 1, Name: "Accounts", EntryCount: 2},
		{ID: 2, Name: "Work", EntryCount: 1},
		{ID: 3, ParentID: 2, Name: "Servers", EntryCount: 4},
		{ID: 4, ParentID: 3, Name: "Old", EntryCount: 0},
		{ID: 5, ParentID: 1, Name: "Mail", EntryCount: 3},
	}
	cases := []struct {
		id     int64
		want   vault.RemovedCounts
		wantOK bool
	}{
		{2, vault.RemovedCounts{Groups: 3, Entries: 5}, true},
		{1, vault.RemovedCounts{Groups: 2, Entries: 5}, true},
		{4, vault.RemovedCounts{Groups: 1, Entries: 0}, true},
		{9, vault.RemovedCounts{}, false},
		{0, vault.RemovedCounts{}, false}, // the top level is not a group
	}
	for _, c := range cases {
		got, ok := SubtreeCounts(groups, c.id)
		if got != c.want || ok != c.wantOK {
			t.Errorf("SubtreeCounts(%d) = %+v, %v; want %+v, %v", c.id, got, ok, c.want, c.wantOK)
		}
	}
}

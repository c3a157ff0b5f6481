package vault

import (
	"context"
	"slices"
)

// EntryView is an entry as people are shown it, in the app and in the CLI's
// --json output: the entry with the name of its group and the path to it.
type EntryView struct {
	Entry
	GroupName string `json:"groupName"`
	// GroupPath names the groups from the top level down to the entry's
	// own (its last element is GroupName).
	GroupPath []string `json:"groupPath"`
}

// Page is one page of a list of entries and the list's total length.
type Page struct {
	Entries []EntryView `json:"entries"`
	Total   int         `json:"total"`
}

// Views gives each entry its group's name and path, as the vault's group
// tree has them now. It never returns nil, so JSON gets [] rather than null.
func (v *Vault) Views(ctx context.Context, entries []Entry) ([]EntryView, error) {
	out := make([]EntryView, len(entries))
	err := v.read(ctx, func(_ *keys, ix *index) error {
		paths := map[int64][]string{}
		for i, e := range entries {
			path, ok := paths[e.GroupID]
			if !ok {
				path = ix.path(e.GroupID)
				paths[e.GroupID] = path
			}
			out[i] = EntryView{Entry: e, GroupPath: path}
			if len(path) > 0 {
				out[i].GroupName = path[len(path)-1]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PageOf makes a Page of entries (one page of a list of total).
func (v *Vault) PageOf(ctx context.Context, entries []Entry, total int) (Page, error) {
	views, err := v.Views(ctx, entries)
	if err != nil {
		return Page{}, err
	}
	return Page{Entries: views, Total: total}, nil
}

// View is Views for one entry.
func (v *Vault) View(ctx context.Context, e Entry) (EntryView, error) {
	views, err := v.Views(ctx, []Entry{e})
	if err != nil {
		return EntryView{}, err
	}
	return views[0], nil
}

// path names the groups from the top level down to id; a group missing from
// the index ends the walk, and the depth bound guards against a cycle.
func (ix *index) path(id int64) []string {
	var names []string
	for id != 0 && len(names) <= len(ix.groups) {
		g, ok := ix.groups[id]
		if !ok {
			break
		}
		names = append(names, g.group.Name)
		id = g.group.ParentID
	}
	slices.Reverse(names)
	return names
}

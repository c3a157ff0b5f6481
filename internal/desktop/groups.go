package desktop

import "github.com/forgiva/forgiva-desktop/backend/vault"

// SubtreeCounts counts the group id, its subgroups at any depth and all
// their entries: what removing id takes away. ok is false when id is not
// among groups.
func SubtreeCounts(groups []vault.Group, id int64) (counts vault.RemovedCounts, ok bool) {
	children := map[int64][]vault.Group{}
	var root vault.Group
	for _, g := range groups {
		children[g.ParentID] = append(children[g.ParentID], g)
		if g.ID == id {
			root, ok = g, true
		}
	}
	if !ok {
		return vault.RemovedCounts{}, false
	}
	stack := []vault.Group{root}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		counts.Groups++
		counts.Entries += g.EntryCount
		stack = append(stack, children[g.ID]...)
	}
	return counts, true
}

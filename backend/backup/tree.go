package backup

import "fmt"

// parentsFirst returns the groups in depth-first order, parents before
// children, roots and siblings in their given order. Given groups already in
// that order it returns them unchanged, so the order is canonical. It refuses
// cycles and trees deeper than MaxDepth. Ids must be unique and parents
// present (checkContent).
func parentsFirst(groups []Group) ([]Group, error) {
	children := make(map[int64][]int, len(groups))
	for i, g := range groups {
		children[g.ParentID] = append(children[g.ParentID], i)
	}
	ordered := make([]Group, 0, len(groups))
	visited := make([]bool, len(groups))
	stack := pushReversed(nil, children[0], 1)
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		g := groups[top.index]
		if top.depth > MaxDepth {
			return nil, fmt.Errorf("%s: groups are nested more than %d levels deep", groupLabel(top.index, g.ID), MaxDepth)
		}
		visited[top.index] = true
		ordered = append(ordered, g)
		stack = pushReversed(stack, children[g.ID], top.depth+1)
	}
	// Every parent exists, so a group not reached from the top level sits on
	// (or below) a loop of parentGroupId references.
	for i, seen := range visited {
		if !seen {
			return nil, fmt.Errorf("%s: its chain of parent groups runs in a circle (parentGroupId references form a cycle)", groupLabel(i, groups[i].ID))
		}
	}
	return ordered, nil
}

// stackItem is a group (by index) waiting to be visited, at its depth.
type stackItem struct{ index, depth int }

// pushReversed pushes indices so that the first one is popped first.
func pushReversed(stack []stackItem, indices []int, depth int) []stackItem {
	for k := len(indices) - 1; k >= 0; k-- {
		stack = append(stack, stackItem{indices[k], depth})
	}
	return stack
}

// Paths returns, for each group of b.Groups at the same index, the names
// from the top level down to that group. It expects b.Groups parents first,
// as Decode returns them, so an importer can walk b.Groups in order, match
// each group by name under its already matched parent, and use the path in
// messages ("Work / Mail"). A group whose parent does not come earlier gets
// a path as if it were at the top level.
func (b Backup) Paths() [][]string {
	paths := make([][]string, len(b.Groups))
	byID := make(map[int64][]string, len(b.Groups))
	for i, g := range b.Groups {
		parent := byID[g.ParentID]
		path := make([]string, len(parent)+1)
		copy(path, parent)
		path[len(parent)] = g.Name
		paths[i] = path
		byID[g.ID] = path
	}
	return paths
}

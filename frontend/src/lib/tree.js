// Builds the group tree from the flat Group[] list the backend returns.

/**
 * buildTree returns the root nodes {group, children}. Siblings keep the order
 * of the list: the vault orders groups once (backend/vault, siblingOrder) and
 * every view shows them as given.
 * A group whose parent is missing (or that sits in a parent cycle) becomes a
 * root, so no group ever disappears from the sidebar.
 */
export function buildTree(groups) {
  const nodes = new Map(groups.map((g) => [g.id, { group: g, children: [] }]));
  const roots = [];
  for (const node of nodes.values()) {
    const parentId = node.group.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !reachesItself(node.group.id, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function reachesItself(id, nodes) {
  const seen = new Set();
  let cur = nodes.get(id)?.group.parentId;
  while (cur && nodes.has(cur)) {
    if (cur === id) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
    cur = nodes.get(cur).group.parentId;
  }
  return false;
}

/**
 * visibleRows flattens the tree in display order, skipping the children of
 * collapsed nodes: [{group, depth, hasChildren, expanded}].
 */
export function visibleRows(roots, expanded, depth = 0, out = []) {
  for (const node of roots) {
    const hasChildren = node.children.length > 0;
    const open = hasChildren && expanded.has(node.group.id);
    out.push({ group: node.group, depth, hasChildren, expanded: open });
    if (open) visibleRows(node.children, expanded, depth + 1, out);
  }
  return out;
}

/** allRows flattens every node, e.g. for a "move to group" select. */
export function allRows(roots) {
  const everything = { has: () => true };
  return visibleRows(roots, everything);
}

/** ancestorIds returns the ids above id, nearest first (to expand them). */
export function ancestorIds(groups, id) {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const out = [];
  let cur = byId.get(id)?.parentId;
  while (cur && byId.has(cur) && !out.includes(cur) && cur !== id) {
    out.push(cur);
    cur = byId.get(cur).parentId;
  }
  return out;
}

/** groupPath spells a group's place as "Work / Mail". */
export function groupPath(groups, id) {
  const byId = new Map(groups.map((g) => [g.id, g]));
  if (!byId.has(id)) return '';
  const names = [byId.get(id).name];
  for (const a of ancestorIds(groups, id)) names.unshift(byId.get(a).name);
  return names.join(' / ');
}

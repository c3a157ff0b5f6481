import { describe, expect, it } from 'vitest';
import { buildTree, visibleRows, allRows, ancestorIds, groupPath } from '../src/lib/tree.js';

const g = (id, parentId, name) => ({ id, parentId, name, description: '', entryCount: 0 });
// In the vault's order (depth first, siblings by name), as Groups returns it.
const groups = [
  g(3, 0, 'banking'),
  g(6, 99, 'Lost parent'),
  g(1, 0, 'Work'),
  g(5, 1, 'Cloud'),
  g(2, 1, 'Mail'),
  g(4, 2, 'Archive'),
];
const names = (nodes) => nodes.map((n) => n.group.name);

describe('buildTree', () => {
  it('nests children under their parents, in the order given', () => {
    const roots = buildTree(groups);
    expect(names(roots)).toEqual(['banking', 'Lost parent', 'Work']);
    const work = roots[2];
    expect(names(work.children)).toEqual(['Cloud', 'Mail']);
    expect(names(work.children[1].children)).toEqual(['Archive']);
  });
  it('does not reorder what the vault ordered', () => {
    expect(names(buildTree([g(2, 0, 'Item 9'), g(1, 0, 'Item 10')]))).toEqual(['Item 9', 'Item 10']);
    expect(names(buildTree([g(1, 0, 'b'), g(2, 0, 'A')]))).toEqual(['b', 'A']);
  });
  it('keeps groups of a parent cycle visible as roots', () => {
    const roots = buildTree([g(1, 2, 'A'), g(2, 1, 'B')]);
    expect(names(roots).sort()).toEqual(['A', 'B']);
  });
  it('accepts an empty list', () => {
    expect(buildTree([])).toEqual([]);
  });
});

describe('visibleRows', () => {
  const roots = buildTree(groups);
  it('hides the children of collapsed groups', () => {
    const rows = visibleRows(roots, new Set());
    expect(rows.map((r) => r.group.id)).toEqual([3, 6, 1]);
    expect(rows[2]).toMatchObject({ depth: 0, hasChildren: true, expanded: false });
  });
  it('shows expanded groups with depth', () => {
    const rows = visibleRows(roots, new Set([1, 2]));
    expect(rows.map((r) => [r.group.id, r.depth])).toEqual([[3, 0], [6, 0], [1, 0], [5, 1], [2, 1], [4, 2]]);
    expect(rows.find((r) => r.group.id === 5)).toMatchObject({ hasChildren: false, expanded: false });
  });
  it('allRows lists every group', () => {
    expect(allRows(roots).map((r) => r.group.id)).toEqual([3, 6, 1, 5, 2, 4]);
  });
});

describe('paths', () => {
  it('lists ancestors nearest first', () => {
    expect(ancestorIds(groups, 4)).toEqual([2, 1]);
    expect(ancestorIds(groups, 1)).toEqual([]);
    expect(ancestorIds(groups, 6)).toEqual([]);
  });
  it('spells the path of a group', () => {
    expect(groupPath(groups, 4)).toBe('Work / Mail / Archive');
    expect(groupPath(groups, 42)).toBe('');
  });
  it('survives a parent cycle', () => {
    expect(ancestorIds([g(1, 2, 'A'), g(2, 1, 'B')], 1)).toEqual([2]);
  });
});

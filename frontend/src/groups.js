// The sidebar: the group tree (any depth, collapsible) and its actions.
import { api } from './api.js';
import { button, cancelButton, checkbox, clear, confirmDialog, field, h, modal, setFormError, showError, toast } from './dom.js';
import { removedToast } from './trash.js';
import { fieldOf, messageOf } from './lib/errors.js';
import { ancestorIds, buildTree, groupPath, visibleRows } from './lib/tree.js';
import { emit, on, selectedGroup, state } from './state.js';

let tree;

/** mountGroups builds the sidebar inside root. */
export function mountGroups(root) {
  tree = h('ul', { id: 'group-tree', role: 'tree', 'aria-label': 'Groups' });
  tree.addEventListener('keydown', onTreeKey);
  const actions = h('div', { class: 'sidebar-actions' },
    button('New group', { id: 'add-group', title: 'Add a group (inside the selected one if you choose)', on: { click: () => openGroupDialog(null) } }),
    button('Rename', { id: 'rename-group', on: { click: () => selectedGroup() && openGroupDialog(selectedGroup()) } }),
    button('Remove', { id: 'remove-group', class: 'danger-text', on: { click: removeSelected } }),
  );
  clear(root).append(h('h2', { class: 'sidebar-title', text: 'Groups' }), tree, actions);
  on('groups', renderTree);
  on('selection', renderTree);
}

/** loadGroups fetches the groups and keeps a valid selection. */
export async function loadGroups(selectId) {
  state.groups = await api.groups();
  const wanted = selectId ?? state.selectedGroupId;
  const exists = state.groups.some((g) => g.id === wanted);
  const first = buildTree(state.groups)[0]?.group.id ?? 0;
  const before = state.selectedGroupId;
  select(exists ? wanted : first, { quiet: true });
  emit('groups');
  if (state.selectedGroupId !== before) emit('selection');
}

function select(id, { quiet = false, focus = false } = {}) {
  state.selectedGroupId = id;
  for (const a of ancestorIds(state.groups, id)) state.expanded.add(a);
  if (quiet) return;
  emit('selection');
  if (focus) tree.querySelector(`[data-group-id="${id}"]`)?.focus();
}

function renderTree() {
  if (!tree) return;
  const hadFocus = tree.contains(document.activeElement);
  const rows = visibleRows(buildTree(state.groups), state.expanded);
  clear(tree);
  if (rows.length === 0) tree.append(h('li', { class: 'empty', text: 'No groups yet' }));
  for (const row of rows) tree.append(treeItem(row));
  const sel = tree.querySelector('[aria-selected="true"]') ?? tree.querySelector('[role="treeitem"]');
  if (sel) sel.tabIndex = 0;
  if (hadFocus) sel?.focus();
  const none = !selectedGroup();
  document.getElementById('rename-group').disabled = none;
  document.getElementById('remove-group').disabled = none;
}

function treeItem({ group, depth, hasChildren, expanded }) {
  const selected = group.id === state.selectedGroupId;
  const twisty = h('span', {
    class: `twisty ${hasChildren ? (expanded ? 'open' : 'closed') : 'leaf'}`, 'aria-hidden': 'true',
    on: { click: (e) => { e.stopPropagation(); toggle(group.id); } },
  });
  const item = h('li', {
    role: 'treeitem', tabIndex: -1, class: selected ? 'selected' : '',
    dataset: { groupId: String(group.id), depth: String(depth) },
    'aria-selected': selected ? 'true' : 'false', 'aria-level': String(depth + 1),
    'aria-expanded': hasChildren ? String(expanded) : null,
    title: group.description || '',
    on: { click: () => select(group.id, { focus: true }) },
  }, twisty, h('span', { class: 'group-name', text: group.name }), h('span', { class: 'count', text: String(group.entryCount ?? '') }));
  item.classList.add(`depth-${Math.min(depth, 8)}`);
  return item;
}

function toggle(id) {
  if (state.expanded.has(id)) state.expanded.delete(id);
  else state.expanded.add(id);
  renderTree();
}

// Tree keyboard: arrows move and fold (WAI-ARIA tree pattern), Enter selects.
function onTreeKey(event) {
  const items = [...tree.querySelectorAll('[role="treeitem"]')];
  const current = document.activeElement.closest?.('[role="treeitem"]');
  const i = items.indexOf(current);
  if (i < 0) return;
  const id = Number(current.dataset.groupId);
  const moveTo = (el) => { if (el) { items.forEach((it) => (it.tabIndex = -1)); el.tabIndex = 0; el.focus(); } };
  const keys = {
    ArrowDown: () => moveTo(items[i + 1]),
    ArrowUp: () => moveTo(items[i - 1]),
    Home: () => moveTo(items[0]),
    End: () => moveTo(items[items.length - 1]),
    ArrowRight: () => {
      if (current.getAttribute('aria-expanded') === 'false') toggle(id), focusGroup(id);
      else if (current.getAttribute('aria-expanded') === 'true') moveTo(items[i + 1]);
    },
    ArrowLeft: () => {
      if (current.getAttribute('aria-expanded') === 'true') toggle(id), focusGroup(id);
      else focusGroup(state.groups.find((g) => g.id === id)?.parentId);
    },
    Enter: () => select(id, { focus: true }),
    ' ': () => select(id, { focus: true }),
  };
  if (keys[event.key]) {
    event.preventDefault();
    keys[event.key]();
  }
}

function focusGroup(id) {
  const el = id && tree.querySelector(`[data-group-id="${id}"]`);
  if (el) {
    tree.querySelectorAll('[role="treeitem"]').forEach((it) => (it.tabIndex = -1));
    el.tabIndex = 0;
    el.focus();
  }
}

// Add (existing = null) or rename a group.
function openGroupDialog(existing) {
  const parent = selectedGroup();
  const name = h('input', { type: 'text', id: 'group-name', value: existing?.name ?? '', required: true, autocomplete: 'off' });
  const description = h('input', { type: 'text', id: 'group-description', value: existing?.description ?? '', autocomplete: 'off' });
  const under = !existing && parent ? checkbox('group-under-selected', `Inside “${groupPath(state.groups, parent.id)}”`, true) : null;
  const submit = h('button', { type: 'submit', class: 'primary', id: 'group-submit', text: existing ? 'Rename' : 'Add group' });
  const { dialog, formError } = modal({
    id: 'group-dialog',
    title: existing ? 'Rename group' : 'New group',
    body: [field('Name', name), field('Description (optional)', description), under?.label],
    buttons: [cancelButton(), submit],
    onSubmit: async () => {
      showError(name, '');
      setFormError(formError, '');
      submit.disabled = true;
      try {
        const saved = existing
          ? await api.updateGroup(existing.id, name.value, description.value)
          : await api.addGroup(under?.input.checked ? parent.id : 0, name.value, description.value);
        dialog.close();
        await loadGroups(saved.id);
        toast(existing ? 'Group renamed' : 'Group added');
      } catch (err) {
        const msg = messageOf(err);
        if (fieldOf(err) === 'name') showError(name, msg);
        else setFormError(formError, msg);
      } finally {
        submit.disabled = false;
      }
    },
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  name.focus();
}

async function removeSelected() {
  const group = selectedGroup();
  if (!group) return;
  try {
    const n = await api.countGroupSubtree(group.id);
    const inner = n.groups - 1;
    const details = [
      `${n.groups} ${n.groups === 1 ? 'group' : 'groups'}${inner > 0 ? ` (this one and ${inner} inside it)` : ''} and ` +
        `${n.entries} ${n.entries === 1 ? 'entry' : 'entries'} will move to the Trash, where you can restore them.`,
    ];
    const ok = await confirmDialog({
      title: 'Remove group', message: `Remove “${groupPath(state.groups, group.id)}”?`,
      details, confirmText: 'Remove', danger: true,
    });
    if (!ok) return;
    const item = await api.removeGroup(group.id);
    await loadGroups(group.parentId || undefined);
    removedToast(item);
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

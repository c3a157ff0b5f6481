// The Trash: removed groups and entries wait there (30 days) to be restored
// or deleted for good. The sidebar shows "Trash (N)" below the groups; a
// removal's toast offers Undo.
import { api } from './api.js';
import { button, cancelButton, clear, confirmDialog, h, modal, toast } from './dom.js';
import { messageOf } from './lib/errors.js';
import { emit, on } from './state.js';

let opener = null;
let list = null; // the open Trash dialog's list, null when closed

/** mountTrash puts the "Trash (N)" item at the end of the sidebar. */
export function mountTrash(sidebar) {
  opener = button('Trash', { id: 'trash-open', class: 'trash-open', title: 'Removed groups and entries', on: { click: openTrash } });
  sidebar.append(opener);
  // Every removal and restore reloads the groups: count again then.
  on('groups', () => refreshCount());
}

async function refreshCount(items) {
  if (!opener) return;
  try {
    const n = (items ?? await api.trash()).length;
    opener.textContent = `Trash (${n})`;
  } catch {
    opener.textContent = 'Trash'; // locked meanwhile: nothing to count
  }
}

/** describe names an item as people know it. */
function describe(item) {
  return item.kind === 'group' ? `group “${item.name}”` : `entry ${item.account} at ${item.host}`;
}

function placeOf(item) {
  return item.place?.length ? item.place.join(' / ') : 'the top level';
}

function contents(item) {
  if (item.kind !== 'group') return '';
  const inner = item.groups - 1;
  return `${item.entries} ${item.entries === 1 ? 'entry' : 'entries'}` +
    (inner > 0 ? `, ${inner} ${inner === 1 ? 'subgroup' : 'subgroups'}` : '');
}

/** removedToast says what went to the Trash, with an Undo that restores it. */
export function removedToast(item) {
  const what = item.kind === 'group' ? `Group “${item.name}”${item.entries ? ` and ${item.entries} ${item.entries === 1 ? 'entry' : 'entries'}` : ''}` : 'Entry';
  toast(`${what} moved to the Trash`, '', { label: 'Undo', run: () => restore(item) });
}

async function restore(item) {
  try {
    await api.restoreFromTrash(item.ref);
    toast(`Restored the ${describe(item)} to ${placeOf(item)}`);
    emit('entries');
    emit('counts');
    if (list) await renderList();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

async function deleteForGood(item) {
  const ok = await confirmDialog({
    title: 'Delete for good', message: `Delete the ${describe(item)} for good?`,
    details: [`${item.kind === 'group' ? `It holds ${contents(item) || 'no entries'}. ` : ''}` +
      'Its renewal dates go with it: the passwords it gave cannot be regenerated afterwards.'],
    confirmText: 'Delete for good', danger: true,
  });
  if (!ok) return;
  try {
    await api.deleteFromTrash(item.ref);
    toast('Deleted for good');
    await renderList();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

async function emptyTrash() {
  const ok = await confirmDialog({
    title: 'Empty Trash', message: 'Delete everything in the Trash for good?',
    details: ['Their renewal dates go with them: the passwords they gave cannot be regenerated afterwards.'],
    confirmText: 'Empty Trash', danger: true,
  });
  if (!ok) return;
  try {
    const n = await api.emptyTrash();
    toast(`Deleted ${n.groups} ${n.groups === 1 ? 'group' : 'groups'} and ${n.entries} ${n.entries === 1 ? 'entry' : 'entries'} for good`);
    await renderList();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

async function renderList() {
  let items;
  try {
    items = await api.trash();
  } catch (err) {
    toast(messageOf(err), 'error');
    return;
  }
  refreshCount(items);
  if (!list) return;
  const emptyButton = document.getElementById('trash-empty');
  if (emptyButton) emptyButton.disabled = items.length === 0;
  clear(list);
  if (!items.length) {
    list.append(h('li', { class: 'muted trash-none', text: 'The Trash is empty.' }));
    return;
  }
  for (const item of items) {
    const name = item.kind === 'group' ? item.name : `${item.host} — ${item.account}`;
    const removed = new Date(item.trashedAt).toLocaleString();
    list.append(h('li', { class: 'trash-item', dataset: { ref: item.ref } },
      h('div', { class: 'trash-what' },
        h('strong', { text: name }),
        h('span', { class: 'muted', text: ` ${item.kind}${contents(item) ? ` (${contents(item)})` : ''}` }),
        h('div', { class: 'muted small', text: `From ${placeOf(item)}, removed ${removed}` })),
      h('div', { class: 'trash-buttons' },
        button('Restore', { class: 'trash-restore', on: { click: () => restore(item) } }),
        button('Delete for good', { class: 'trash-delete danger-text', on: { click: () => deleteForGood(item) } }))));
  }
}

/** openTrash shows the Trash. */
export async function openTrash() {
  const ul = h('ul', { id: 'trash-list', class: 'trash-list', 'aria-label': 'Trash' });
  const { dialog } = modal({
    id: 'trash-dialog', title: 'Trash', wide: true,
    body: [h('p', { class: 'muted', text: 'Removed groups and entries stay here for 30 days, then they are deleted for good.' }), ul],
    buttons: [
      button('Empty Trash', { id: 'trash-empty', class: 'danger-text', on: { click: emptyTrash } }),
      cancelButton('Close', { id: 'trash-close' }),
    ],
  });
  list = ul;
  dialog.addEventListener('close', () => {
    list = null;
    dialog.remove();
  });
  dialog.showModal();
  await renderList();
  dialog.querySelector('#trash-close')?.focus();
}

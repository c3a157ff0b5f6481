// The main panel: the selected group's entries (paged) or search results.
import { api } from './api.js';
import { button, clear, confirmDialog, h, toast } from './dom.js';
import { removedToast } from './trash.js';
import { openHistory, openPrevious } from './history.js';
import { openMenu } from './menu.js';
import { openEntryForm } from './entry-form.js';
import { openGenerate, openRenew } from './generate.js';
import { renewalLabel } from './lib/dates.js';
import { messageOf } from './lib/errors.js';
import { clampStart, nextStart, pageView, prevStart, PAGE_SIZE } from './lib/paging.js';
import { debounce } from './lib/timing.js';
import { groupPath } from './lib/tree.js';
import { emit, on, selectedGroup, state } from './state.js';

let view = { start: 0, total: 0, query: '', activeId: null };
let els;
let loadSeq = 0;

/** mountEntries builds the entry panel inside root and wires the search box. */
export function mountEntries(root, searchInput) {
  els = {
    title: h('h2', { id: 'entries-title' }),
    description: h('p', { class: 'muted', id: 'group-description-text' }),
    add: button('Add entry', { id: 'add-entry', class: 'primary', title: 'Add an entry (Ctrl+N)', on: { click: addEntry } }),
    list: h('table', { id: 'entry-list', class: 'entries', 'aria-label': 'Entries', on: { keydown: onListKey } }),
    empty: h('p', { class: 'empty', id: 'entry-empty', hidden: true }),
    error: h('p', { class: 'form-error', id: 'entry-error', hidden: true, role: 'alert' }),
    prev: button('‹ Previous', { id: 'page-prev', on: { click: () => page(prevStart(view.start)) } }),
    info: h('span', { id: 'page-info', 'aria-live': 'polite' }),
    next: button('Next ›', { id: 'page-next', on: { click: () => page(nextStart(view.start, view.total)) } }),
    search: searchInput,
  };
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, els.prev, els.info, els.next);
  clear(root).append(
    h('div', { class: 'entries-head' }, h('div', {}, els.title, els.description), els.add),
    els.error, els.list, els.empty, pager,
  );
  const runSearch = debounce(() => setQuery(searchInput.value), 150);
  searchInput.addEventListener('input', runSearch);
  searchInput.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && rows().length) {
      e.preventDefault();
      focusEntries();
    } else if (e.key === 'Escape' && searchInput.value) {
      e.preventDefault();
      runSearch.cancel();
      searchInput.value = '';
      setQuery('');
    }
  });
  on('selection', () => {
    if (view.query) {
      searchInput.value = '';
      view.query = '';
    }
    view.start = 0;
    reloadEntries();
  });
  on('entries', reloadEntries);
  on('groups', reloadEntries); // a renamed group: its heading and the group column
}

/** addEntry opens the new-entry form in the selected group. */
export function addEntry() {
  if (!selectedGroup()) {
    toast('Create a group first: entries live in groups', 'error');
    return;
  }
  openEntryForm(null);
}

function setQuery(text) {
  view.query = text.trim();
  view.start = 0;
  reloadEntries();
}

function page(start) {
  view.start = start;
  reloadEntries().then(() => els.list.closest('main')?.scrollTo(0, 0));
}

/** reloadEntries fetches what the panel shows now (group page or search). */
export async function reloadEntries() {
  if (!els) return;
  const seq = ++loadSeq;
  const group = selectedGroup();
  try {
    let entries;
    if (view.query || group) {
      // A search pages through every match as a group pages its entries.
      const load = (start) => (view.query ? api.search(view.query, start, PAGE_SIZE) : api.entries(group.id, start, PAGE_SIZE));
      let result = await load(view.start);
      const clamped = clampStart(view.start, result.total);
      if (clamped !== view.start) {
        view.start = clamped;
        result = await load(view.start);
      }
      entries = result.entries;
      view.total = result.total;
    } else {
      entries = [];
      view.total = 0;
    }
    if (seq !== loadSeq) return; // a newer load is under way
    els.error.hidden = true;
    render(entries, group);
  } catch (err) {
    if (seq !== loadSeq) return;
    els.error.textContent = messageOf(err);
    els.error.hidden = false;
  }
}

function render(entries, group) {
  const searching = Boolean(view.query);
  els.title.textContent = searching ? `Search: “${view.query}”` : group ? groupPath(state.groups, group.id) : 'No group';
  els.description.textContent = searching ? `${view.total} ${view.total === 1 ? 'match' : 'matches'} in all groups` : group?.description ?? '';
  els.add.disabled = !group;
  clear(els.list);
  els.list.append(h('thead', {}, h('tr', {},
    h('th', { text: 'Host and account' }), searching ? h('th', { text: 'Group' }) : null,
    h('th', { text: 'Renewed' }), h('th', { class: 'shape', text: 'Password' }), h('th', { class: 'actions-col' }, h('span', { class: 'visually-hidden', text: 'Actions' })))));
  // A reload replaces the rows: the focus, if it was in the list (or lost
  // with a closed dialog), comes back to the same entry.
  const hadFocus = els.list.contains(document.activeElement) || document.activeElement === document.body || !document.activeElement;
  els.list.append(h('tbody', {}, entries.map((e) => row(e, searching))));
  const active = entries.find((e) => e.id === view.activeId) ?? entries[0];
  if (active) {
    setActive(active.id);
    if (hadFocus && !document.querySelector('dialog[open]')) focusEntries();
  }
  els.list.hidden = entries.length === 0;
  els.empty.hidden = entries.length > 0;
  els.empty.textContent = searching ? 'Nothing matches.' : group ? 'No entries in this group yet. Add one to generate its password.' : 'Create a group to start.';
  const pv = pageView(view.start, view.total);
  const showPager = view.total > PAGE_SIZE;
  els.prev.parentElement.hidden = !showPager;
  els.info.textContent = pv.text;
  els.prev.disabled = !pv.hasPrev;
  els.next.disabled = !pv.hasNext;
}

function classesLabel(e) {
  return [e.lowercase && 'a-z', e.uppercase && 'A-Z', e.numbers && '0-9', e.symbols && '#$%'].filter(Boolean).join(' ');
}

function row(entry, searching) {
  const generate = () => openGenerate(entry, {});
  const more = button('⋯', {
    class: 'small icon', tabIndex: -1, dataset: { action: 'more' }, title: 'More actions (Shift+F10)',
    'aria-label': `More actions for ${entry.account} at ${entry.host}`, 'aria-haspopup': 'menu',
    on: { click: (e) => { e.stopPropagation(); openRowMenu(entry, more); } },
  });
  const tr = h('tr', {
    tabIndex: -1, dataset: { entryId: String(entry.id) },
    'aria-label': `${entry.account} at ${entry.host}, renewed ${renewalLabel(entry.lastRenewal)}`,
    on: { dblclick: generate, focus: () => setActive(entry.id) },
  },
    h('td', { class: 'who' },
      h('div', { class: 'host', text: entry.host, title: entry.host }),
      h('div', { class: 'account', text: entry.account, title: entry.account })),
    searching ? h('td', { class: 'group', text: entry.groupName, title: entry.groupPath.join(' / ') }) : null,
    h('td', { class: 'renewed', text: renewalLabel(entry.lastRenewal) }),
    h('td', { class: 'shape muted', text: `${entry.length} chars, level ${entry.complexity}`, title: classesLabel(entry) }),
    h('td', { class: 'actions' },
      button('Generate', { class: 'primary small', tabIndex: -1, dataset: { action: 'generate' }, 'aria-label': `Generate password for ${entry.account} at ${entry.host}`, on: { click: generate } }),
      more),
  );
  tr.entry = entry;
  return tr;
}

// rowActions are what a row offers, in its menu and by key.
function rowActions(entry) {
  return [
    { action: 'generate', label: 'Generate password', shortcut: 'Enter', run: () => openGenerate(entry, {}) },
    { action: 'copy-account', label: 'Copy account', shortcut: 'Ctrl+C', run: () => copyAccount(entry) },
    { action: 'edit', label: 'Edit…', shortcut: 'Ctrl+E', run: () => openEntryForm(entry) },
    { action: 'renew', label: 'Renew password…', run: () => openRenew(entry) },
    entry.lastRenewal ? { action: 'previous', label: 'Previous password…', run: () => openPrevious(entry) } : null,
    { action: 'history', label: 'Password history…', run: () => openHistory(entry) },
    { action: 'remove', label: 'Remove…', shortcut: 'Delete', danger: true, run: () => removeEntry(entry) },
  ].filter(Boolean);
}

function openRowMenu(entry, anchor) {
  const tr = els.list.querySelector(`tr[data-entry-id="${entry.id}"]`);
  setActive(entry.id);
  openMenu(anchor, rowActions(entry), { label: `Actions for ${entry.account} at ${entry.host}`, returnFocus: tr });
}

// The list is one tab stop: the active row holds it, arrows move it.
function setActive(id) {
  view.activeId = id;
  for (const tr of els.list.querySelectorAll('tbody tr')) tr.tabIndex = tr.entry.id === id ? 0 : -1;
}

function rows() {
  return [...els.list.querySelectorAll('tbody tr')];
}

/** focusEntries moves the keyboard focus into the list (its active row). */
export function focusEntries() {
  const all = rows();
  (all.find((tr) => tr.tabIndex === 0) ?? all[0])?.focus();
}

function onListKey(event) {
  const tr = event.target.closest?.('tbody tr');
  if (!tr || event.target !== tr) return;
  const all = rows();
  const i = all.indexOf(tr);
  const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1, PageDown: i + 10, PageUp: i - 10 }[event.key];
  const ctrl = event.ctrlKey || event.metaKey;
  let handled = true;
  if (to !== undefined) all[Math.max(0, Math.min(all.length - 1, to))].focus();
  else if (event.key === 'Enter') openGenerate(tr.entry, {});
  else if (ctrl && event.key.toLowerCase() === 'c') copyAccount(tr.entry);
  else if (ctrl && event.key.toLowerCase() === 'e') openEntryForm(tr.entry);
  else if (event.key === 'Delete') removeEntry(tr.entry);
  else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) openRowMenu(tr.entry, tr.querySelector('[data-action="more"]'));
  else handled = false;
  if (handled) event.preventDefault();
}

async function copyAccount(entry) {
  try {
    await api.copyAccount(entry.id);
    toast(`Account “${entry.account}” copied`);
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

async function removeEntry(entry) {
  const ok = await confirmDialog({
    title: 'Remove entry',
    message: `Remove the entry for ${entry.account} at ${entry.host}?`,
    details: ['It moves to the Trash, where you can restore it with its renewal dates.'],
    confirmText: 'Remove', danger: true,
  });
  if (!ok) return;
  try {
    removedToast(await api.removeEntry(entry.id));
    emit('entries');
    emit('counts');
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

/** resetEntries forgets the panel's content (on lock). */
export function resetEntries() {
  view = { start: 0, total: 0, query: '', activeId: null };
  if (els) {
    clear(els.list);
    els.search.value = '';
  }
}

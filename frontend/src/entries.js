// The main panel: the selected group's entries (paged) or search results.
import { api } from './api.js';
import { button, clear, confirmDialog, h, toast } from './dom.js';
import { removedToast } from './trash.js';
import { openEntryForm } from './entry-form.js';
import { openGenerate, openRenew } from './generate.js';
import { renewalLabel } from './lib/dates.js';
import { messageOf } from './lib/errors.js';
import { clampStart, nextStart, pageView, prevStart, PAGE_SIZE } from './lib/paging.js';
import { debounce } from './lib/timing.js';
import { groupPath } from './lib/tree.js';
import { emit, on, selectedGroup, state } from './state.js';

let view = { start: 0, total: 0, query: '' };
let els;
let loadSeq = 0;

/** mountEntries builds the entry panel inside root and wires the search box. */
export function mountEntries(root, searchInput) {
  els = {
    title: h('h2', { id: 'entries-title' }),
    description: h('p', { class: 'muted', id: 'group-description-text' }),
    add: button('Add entry', { id: 'add-entry', class: 'primary', title: 'Add an entry (Ctrl+N)', on: { click: addEntry } }),
    list: h('table', { id: 'entry-list', class: 'entries' }),
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
    if (e.key === 'Escape' && searchInput.value) {
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
    h('th', { text: 'Renewed' }), h('th', { text: 'Password' }), h('th', { class: 'actions-col' }, h('span', { class: 'visually-hidden', text: 'Actions' })))));
  els.list.append(h('tbody', {}, entries.map((e) => row(e, searching))));
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
  return h('tr', { dataset: { entryId: String(entry.id) }, on: { dblclick: generate } },
    h('td', { class: 'who' },
      h('div', { class: 'host', text: entry.host, title: entry.host }),
      h('div', { class: 'account', text: entry.account, title: entry.account })),
    searching ? h('td', { class: 'group', text: entry.groupName, title: entry.groupPath.join(' / ') }) : null,
    h('td', { class: 'renewed', text: renewalLabel(entry.lastRenewal) }),
    h('td', { class: 'shape muted', text: `${entry.length} chars, level ${entry.complexity}`, title: classesLabel(entry) }),
    h('td', { class: 'actions' },
      button('Generate', { class: 'primary small', dataset: { action: 'generate' }, 'aria-label': `Generate password for ${entry.account} at ${entry.host}`, on: { click: generate } }),
      button('Edit', { class: 'small', dataset: { action: 'edit' }, on: { click: () => openEntryForm(entry) } }),
      button('Renew…', { class: 'small', dataset: { action: 'renew' }, title: 'Renew password…', on: { click: () => openRenew(entry) } }),
      button('Remove', { class: 'small danger-text', dataset: { action: 'remove' }, on: { click: () => removeEntry(entry) } }),
    ),
  );
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
  view = { start: 0, total: 0, query: '' };
  if (els) {
    clear(els.list);
    els.search.value = '';
  }
}

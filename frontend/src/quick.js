// Quick generate: find an entry by typing, Enter, master key, animal, copied.
import { api } from './api.js';
import { cancelButton, clear, h, modal } from './dom.js';
import { messageOf } from './lib/errors.js';
import { debounce } from './lib/timing.js';
import { openGenerate } from './generate.js';

const MAX_RESULTS = 8;

/** openQuick shows the compact finder; picking an entry starts a copy-only generation. */
export function openQuick() {
  if (document.getElementById('quick-dialog')) return;
  document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  const input = h('input', { type: 'search', id: 'quick-search', placeholder: 'Host or account…', autocomplete: 'off', spellcheck: false,
    role: 'combobox', 'aria-controls': 'quick-results', 'aria-expanded': 'false' });
  const results = h('ul', { id: 'quick-results', role: 'listbox', 'aria-label': 'Matching entries' });
  const status = h('p', { class: 'muted', id: 'quick-status', text: 'Type to find an entry, then press Enter.' });
  const target = h('p', { class: 'notice', id: 'quick-target', hidden: true });
  let found = [];
  let suggested = []; // the entries the target window's title names
  let active = 0;

  const render = () => {
    clear(results);
    found.forEach((e, i) => results.append(h('li', {
      role: 'option', id: `quick-option-${e.id}`, dataset: { entryId: String(e.id) }, 'aria-selected': i === active ? 'true' : 'false',
      class: i === active ? 'active' : '', on: { click: () => choose(e) },
    }, h('span', { class: 'host', text: e.host }), h('span', { class: 'account', text: e.account }), h('span', { class: 'group muted', text: e.groupName, title: e.groupPath.join(' / ') }))));
    input.setAttribute('aria-expanded', found.length ? 'true' : 'false');
    if (found[active]) input.setAttribute('aria-activedescendant', `quick-option-${found[active].id}`);
    else input.removeAttribute('aria-activedescendant');
  };

  let searched = '';
  async function search() {
    const text = input.value.trim();
    searched = text;
    if (!text) {
      found = suggested;
      active = 0;
      status.textContent = suggested.length ? 'Suggested for this window: Enter takes the first.' : 'Type to find an entry, then press Enter.';
      return render();
    }
    try {
      const matches = (await api.search(text, 0, MAX_RESULTS)).entries;
      if (searched !== text) return; // a newer search is under way
      found = matches;
      active = 0;
      status.textContent = found.length ? '' : 'Nothing matches.';
    } catch (err) {
      found = [];
      status.textContent = messageOf(err);
    }
    render();
  }
  const find = debounce(search, 120);

  const { dialog } = modal({
    id: 'quick-dialog', title: 'Quick generate', body: [target, input, results, status],
    buttons: [cancelButton('Close')],
  });
  dialog.classList.add('quick');

  function choose(entry) {
    dialog.close();
    openGenerate(entry, { quick: true });
  }

  input.addEventListener('input', find);
  input.addEventListener('keydown', (e) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (e.key === 'Escape') {
      // A search field's own Esc only empties it: one Esc closes Quick.
      e.preventDefault();
      dialog.close();
    } else if (move && found.length) {
      e.preventDefault();
      active = (active + move + found.length) % found.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      find.cancel();
      // Enter right after typing: search now rather than wait for the debounce.
      const ready = searched === input.value.trim() ? Promise.resolve() : search();
      ready.then(() => found[active] && choose(found[active]));
    }
  });
  dialog.addEventListener('close', () => {
    find.cancel();
    dialog.remove();
  });
  dialog.showModal();
  input.focus();
  showTarget();

  // Where the password goes, and the entries the window's title names.
  async function showTarget() {
    try {
      const [where, page] = await Promise.all([api.quickTarget(), api.quickSuggestions(MAX_RESULTS)]);
      target.hidden = false;
      target.textContent = where.type ? `Types into “${where.title}”` : where.notice;
      suggested = page.entries;
      if (!input.value.trim()) search();
    } catch {
      // Suggestions are a convenience; typing a search works without them.
    }
  }
}

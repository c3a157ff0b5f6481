// Add or edit an entry: the details the password is regenerated from.
import { api } from './api.js';
import { cancelButton, checkbox, confirmDialog, field, fieldError, h, modal, setFormError, showError, toast } from './dom.js';
import { openGenerate } from './generate.js';
import { CLASSES, changedPasswordFields, defaultEntryInput, entryInputProblem, hostOfURL } from './lib/entry.js';
import { fieldOf, messageOf } from './lib/errors.js';
import { settingDef } from './lib/settings.js';
import { debounce } from './lib/timing.js';
import { allRows, buildTree } from './lib/tree.js';
import { emit, state } from './state.js';

const CLASS_LABELS = { lowercase: 'Lower case (a-z)', uppercase: 'Upper case (A-Z)', numbers: 'Numbers (0-9)', symbols: 'Symbols (#$%…)' };

/** openEntryForm opens the form for entry (null: a new entry in the selected group). */
export function openEntryForm(entry) {
  const start = entry ? { ...entry } : defaultEntryInput(state.selectedGroupId, state.settings);
  const c = controls(start);
  const warning = h('p', { class: 'warning', id: 'entry-warning', hidden: true, role: 'status' });
  const save = h('button', { type: 'submit', value: 'save', class: 'primary', id: 'entry-save', text: 'Save' });
  const saveGenerate = h('button', { type: 'submit', value: 'generate', id: 'entry-save-generate', text: 'Save & generate' });

  const classes = h('fieldset', { class: 'classes', id: 'entry-classes' },
    h('legend', { text: 'Characters to use' }), ...CLASSES.map((k) => c.classes[k].label), fieldError('entry-classes'));
  const { dialog, formError } = modal({
    id: 'entry-dialog',
    title: entry ? 'Edit entry' : 'New entry',
    wide: true,
    body: [
      field('Host', c.host, 'The site or service, e.g. mail.example.com'),
      h('datalist', { id: 'host-suggestions' }),
      field('Account', c.account, 'Your user name or e-mail address there'),
      h('div', { class: 'row' },
        field('Complexity', c.complexity),
        field('Length', c.length)),
      classes,
      field('Group', c.group),
      h('details', { class: 'typing', open: Boolean(start.typeSequence || start.typeConfirm) },
        h('summary', { text: 'Quick generate typing' }),
        field('Keys to type', c.typeSequence, 'Empty: the password alone. Placeholders: {USERNAME} {PASSWORD} {TAB} {ENTER}, e.g. {USERNAME}{TAB}{PASSWORD}{ENTER}'),
        c.typeConfirm.label),
      warning,
    ],
    // Save comes first: it is the default button that Enter presses.
    buttons: [cancelButton(), save, saveGenerate],
    onSubmit: (action) => submit(action === 'generate'),
  });

  const suggestHosts = debounce(async () => {
    try {
      const hosts = await api.hosts(c.host.value);
      const list = dialog.querySelector('#host-suggestions');
      list.replaceChildren(...hosts.slice(0, 50).map((host) => h('option', { value: host })));
    } catch {
      // Suggestions are a convenience; the field works without them.
    }
  }, 150);
  c.host.addEventListener('input', suggestHosts);
  suggestHosts();

  const updateWarning = () => {
    const changed = changedPasswordFields(entry, read(c));
    warning.hidden = changed.length === 0;
    warning.textContent = changed.length
      ? `Changing the ${changed.join(', ')} changes this entry’s password. Update it on the site too.`
      : '';
  };
  if (entry) dialog.addEventListener('input', updateWarning);

  async function submit(thenGenerate) {
    const input = read(c);
    [c.host, c.account, c.length, c.complexity, c.group, classes, c.typeSequence].forEach((el) => showError(el, ''));
    setFormError(formError, '');
    const problem = entryInputProblem(input);
    if (problem) { showFieldError(problem.field, problem.message); return; }
    save.disabled = saveGenerate.disabled = true;
    try {
      const saved = entry ? await api.updateEntry(entry.id, input) : await api.addEntry(input);
      dialog.close();
      const trimmed = ['host', 'account'].filter((f) => saved[f] !== input[f]);
      toast(`${entry ? 'Entry saved' : 'Entry added'}${trimmed.length ? ` (spaces around the ${trimmed.join(' and ')} removed)` : ''}`);
      emit('entries');
      emit('counts');
      if (thenGenerate) openGenerate(saved, {});
    } catch (err) {
      const msg = messageOf(err);
      if (!showFieldError(fieldOf(err), msg)) setFormError(formError, msg);
    } finally {
      save.disabled = saveGenerate.disabled = false;
    }
  }

  /** showFieldError shows message at the field named as the backend names it; false if the form has no such field. */
  function showFieldError(name, message) {
    const target = { host: c.host, account: c.account, length: c.length, complexity: c.complexity, groupId: c.group, classes, typeSequence: c.typeSequence }[name];
    if (!target) return false;
    showError(target, message);
    (name === 'classes' ? c.classes.lowercase.input : target).focus();
    return true;
  }

  // Esc (or Cancel) on a changed form asks before throwing the changes away.
  const initial = JSON.stringify(read(c));
  const changed = () => JSON.stringify(read(c)) !== initial;
  let discard = false;
  const askDiscard = async (event) => {
    if (discard || !changed()) return;
    event.preventDefault();
    event.stopImmediatePropagation(); // the Cancel button's own close
    const ok = await confirmDialog({
      title: 'Discard changes?', message: entry ? 'Your changes to this entry are not saved.' : 'This new entry is not saved.',
      confirmText: 'Discard', danger: true,
    });
    if (ok) {
      discard = true;
      dialog.close();
    }
  };
  dialog.addEventListener('cancel', askDiscard);
  dialog.querySelector('.buttons button[type="button"]').addEventListener('click', askDiscard, { capture: true });

  // A pasted address (https://github.com/login) offers its host.
  const hostOffer = h('p', { class: 'notice', id: 'entry-host-offer', hidden: true });
  c.host.closest('.field').append(hostOffer);
  c.host.addEventListener('input', () => {
    const host = hostOfURL(c.host.value);
    hostOffer.hidden = !host;
    if (!host) return;
    hostOffer.replaceChildren('That is an address: ', h('button', {
      type: 'button', class: 'small', id: 'entry-use-host', text: `Use ${host}`,
      on: { click: () => { c.host.value = host; hostOffer.hidden = true; c.host.dispatchEvent(new Event('input', { bubbles: true })); c.host.focus(); } },
    }));
  });

  dialog.addEventListener('close', () => {
    suggestHosts.cancel();
    dialog.remove();
  });
  dialog.showModal();
  c.host.focus();
}

function controls(start) {
  // The ranges are the vault's, given with the defaults' definitions.
  const lengthDef = settingDef(state.schema, 'password_default_length');
  const complexity = h('select', { id: 'entry-complexity' },
    settingDef(state.schema, 'password_default_complexity').choices.map((c) => h('option', { value: c.value, text: c.label })));
  complexity.value = String(start.complexity);
  const group = h('select', { id: 'entry-group' },
    allRows(buildTree(state.groups)).map(({ group: g, depth }) =>
      h('option', { value: String(g.id), text: `${'\u2003'.repeat(depth)}${g.name}` })));
  group.value = String(start.groupId);
  const classes = {};
  for (const k of CLASSES) classes[k] = checkbox(`entry-${k}`, CLASS_LABELS[k], Boolean(start[k]));
  return {
    host: h('input', { type: 'text', id: 'entry-host', value: start.host, list: 'host-suggestions', autocomplete: 'off', spellcheck: false, required: true }),
    account: h('input', { type: 'text', id: 'entry-account', value: start.account, autocomplete: 'off', spellcheck: false, required: true }),
    complexity,
    length: h('input', { type: 'number', id: 'entry-length', value: String(start.length), min: lengthDef.min, max: lengthDef.max, step: 1 }),
    group,
    classes,
    typeSequence: h('input', { type: 'text', id: 'entry-type-sequence', value: start.typeSequence ?? '', class: 'mono', autocomplete: 'off', spellcheck: false }),
    typeConfirm: checkbox('entry-type-confirm', 'Always ask before typing into the window', Boolean(start.typeConfirm)),
  };
}

function read(c) {
  const input = {
    groupId: Number(c.group.value),
    // Not trimmed: host and account feed the password exactly as stored.
    host: c.host.value,
    account: c.account.value,
    complexity: Number(c.complexity.value),
    length: c.length.value === '' ? NaN : Number(c.length.value),
  };
  for (const k of CLASSES) input[k] = c.classes[k].input.checked;
  input.typeSequence = c.typeSequence.value;
  input.typeConfirm = c.typeConfirm.input.checked;
  return input;
}

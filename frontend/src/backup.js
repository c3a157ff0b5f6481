// Backup export (whole vault or the selected group) and import.
import { api } from './api.js';
import { cancelButton, field, h, modal, setFormError, showError } from './dom.js';
import { codeOf, fieldOf, messageOf } from './lib/errors.js';
import { newPasswordProblem } from './lib/strength.js';
import { strengthMeter } from './strength-meter.js';
import { renewalLabel } from './lib/dates.js';
import { groupPath } from './lib/tree.js';
import { emit, selectedGroup, state } from './state.js';

/** openExport asks what to export, then lets the native Save dialog pick the file. */
export function openExport() {
  const group = selectedGroup();
  const all = h('input', { type: 'radio', name: 'export-scope', id: 'export-all', value: '0', checked: true });
  const one = h('input', { type: 'radio', name: 'export-scope', id: 'export-group', value: String(group?.id ?? 0), disabled: !group });
  const encrypted = h('input', { type: 'radio', name: 'export-format', id: 'export-encrypted', value: 'age', checked: true });
  const plain = h('input', { type: 'radio', name: 'export-format', id: 'export-plain', value: 'fgdump' });
  const pass = h('input', { type: 'password', id: 'export-passphrase', autocomplete: 'new-password' });
  const again = h('input', { type: 'password', id: 'export-passphrase-again', autocomplete: 'new-password' });
  const meter = strengthMeter(pass, 'export-strength');
  const secretFields = h('div', { id: 'export-passphrase-fields' },
    field('Passphrase', pass, 'Needed to import the file again; it cannot be recovered.'), meter.el, field('Passphrase again', again));
  const showFormat = () => { secretFields.hidden = !encrypted.checked; };
  encrypted.addEventListener('change', showFormat);
  plain.addEventListener('change', showFormat);
  const result = h('p', { id: 'export-result', class: 'success', hidden: true, role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'export-submit', text: 'Export…' });
  const { dialog, formError } = modal({
    id: 'export-dialog',
    title: 'Export a backup',
    body: [
      h('p', { class: 'muted', text: 'A backup holds the details of your entries and groups, no passwords. Keep it anyway: it shows where you have accounts.' }),
      h('fieldset', { class: 'choices' }, h('legend', { text: 'What to export' }),
        h('label', { class: 'check', for: 'export-all' }, all, h('span', { text: 'The whole vault' })),
        h('label', { class: 'check', for: 'export-group' }, one,
          h('span', { text: group ? `The group “${groupPath(state.groups, group.id)}” and what is inside it` : 'The selected group (none selected)' }))),
      h('fieldset', { class: 'choices' }, h('legend', { text: 'Format' }),
        h('label', { class: 'check', for: 'export-encrypted' }, encrypted,
          h('span', { text: 'Encrypted (recommended): only the passphrase opens it; the age tool can too' })),
        h('label', { class: 'check', for: 'export-plain' }, plain,
          h('span', { text: 'Forgiva-compatible (plain): other Forgiva installations read it, and so does anyone who finds it' }))),
      secretFields,
      result,
    ],
    buttons: [cancelButton('Close', { id: 'export-close' }), submit],
    onSubmit: async () => {
      setFormError(formError, '');
      [pass, again].forEach((el) => showError(el, ''));
      result.hidden = true;
      if (encrypted.checked) {
        const problem = newPasswordProblem(pass.value, again.value, await meter.check());
        if (problem) return showError(problem.field === 'confirm' ? again : pass, problem.message);
      }
      submit.disabled = true;
      try {
        const path = await api.exportBackup(one.checked ? Number(one.value) : 0, encrypted.checked ? pass.value : '');
        if (path) {
          result.textContent = `Backup written to ${path}`;
          result.hidden = false;
          [pass, again].forEach((el) => (el.value = ''));
          meter.reset();
        }
      } catch (err) {
        if (fieldOf(err) === 'passphrase') showError(pass, messageOf(err));
        else setFormError(formError, messageOf(err));
      } finally {
        submit.disabled = false;
      }
    },
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  submit.focus();
}

/** runImport lets the native Open dialog pick a backup and shows what it did. */
export async function runImport() {
  let report;
  try {
    report = await api.importBackup();
  } catch (err) {
    if (codeOf(err) === 'needs_passphrase') askPassphrase();
    else showImport('Import failed', [h('p', { class: 'form-error', id: 'import-error', text: messageOf(err) })]);
    return;
  }
  if (report) showReport(report); // null: cancelled in the native dialog
}

/** askPassphrase asks for an encrypted backup's passphrase until it opens or the user gives up. */
function askPassphrase() {
  const pass = h('input', { type: 'password', id: 'import-passphrase', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'import-passphrase-submit', text: 'Import' });
  const { dialog } = modal({
    id: 'import-passphrase-dialog',
    title: 'Encrypted backup',
    body: [h('p', { class: 'muted', text: 'This backup is encrypted. Nothing is imported until its passphrase opens it.' }),
      field('Passphrase', pass)],
    buttons: [cancelButton('Cancel', { id: 'import-passphrase-cancel' }), submit],
    onSubmit: async () => {
      showError(pass, '');
      submit.disabled = true;
      try {
        const report = await api.importEncryptedBackup(pass.value);
        pass.value = '';
        dialog.close();
        showReport(report);
      } catch (err) {
        showError(pass, messageOf(err));
        pass.select();
      } finally {
        submit.disabled = false;
      }
    },
  });
  dialog.addEventListener('close', () => {
    pass.value = '';
    dialog.remove();
  });
  dialog.showModal();
  pass.focus();
}

function showReport(report) {
  emit('imported');
  const conflicts = report.conflicts ?? [];
  const body = [
    h('ul', { id: 'import-summary', class: 'summary' },
      h('li', { text: `${report.groupsCreated} ${report.groupsCreated === 1 ? 'group' : 'groups'} created` }),
      h('li', { text: `${report.entriesAdded} ${report.entriesAdded === 1 ? 'entry' : 'entries'} added` }),
      h('li', { text: `${report.duplicatesSkipped} ${report.duplicatesSkipped === 1 ? 'duplicate' : 'duplicates'} skipped` }),
      h('li', { text: `${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicts'}` })),
  ];
  if (conflicts.length) {
    body.push(
      h('p', { class: 'muted', text: 'These entries exist in both but would give other passwords; yours were kept:' }),
      h('table', { id: 'import-conflicts', class: 'entries compact' },
        h('thead', {}, h('tr', {}, ['Group', 'Host', 'Account', 'Differs in', 'Your renewal', 'In the backup'].map((t) => h('th', { text: t })))),
        h('tbody', {}, conflicts.map((c) => h('tr', {},
          [c.groupPath, c.host, c.account].map((t) => h('td', { class: 'user-text', text: t })),
          h('td', { class: 'differs', text: (c.differs ?? []).join(', ') }),
          [c.existingRenewal, c.importedRenewal].map((r) => h('td', { text: renewalLabel(r), title: r ?? '' })))))),
    );
  }
  showImport('Backup imported', body);
}

function showImport(title, body) {
  const { dialog } = modal({ id: 'import-dialog', title, body, wide: true, buttons: [cancelButton('Close', { id: 'import-close' })] });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  dialog.querySelector('#import-close').focus();
}

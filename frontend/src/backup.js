// Backup export (whole vault or the selected group) and import.
import { api } from './api.js';
import { cancelButton, h, modal, setFormError } from './dom.js';
import { messageOf } from './lib/errors.js';
import { groupPath } from './lib/tree.js';
import { emit, selectedGroup, state } from './state.js';

/** openExport asks what to export, then lets the native Save dialog pick the file. */
export function openExport() {
  const group = selectedGroup();
  const all = h('input', { type: 'radio', name: 'export-scope', id: 'export-all', value: '0', checked: true });
  const one = h('input', { type: 'radio', name: 'export-scope', id: 'export-group', value: String(group?.id ?? 0), disabled: !group });
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
      result,
    ],
    buttons: [cancelButton('Close', { id: 'export-close' }), submit],
    onSubmit: async () => {
      setFormError(formError, '');
      result.hidden = true;
      submit.disabled = true;
      try {
        const path = await api.exportBackup(one.checked ? Number(one.value) : 0);
        if (path) {
          result.textContent = `Backup written to ${path}`;
          result.hidden = false;
        }
      } catch (err) {
        setFormError(formError, messageOf(err));
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
    showImport('Import failed', [h('p', { class: 'form-error', id: 'import-error', text: messageOf(err) })]);
    return;
  }
  if (!report) return; // cancelled in the native dialog
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
      h('p', { class: 'muted', text: 'These entries exist in both, with different renewal dates:' }),
      h('table', { id: 'import-conflicts', class: 'entries compact' },
        h('thead', {}, h('tr', {}, ['Group', 'Host', 'Account', 'Yours', 'In the backup'].map((t) => h('th', { text: t })))),
        h('tbody', {}, conflicts.map((c) => h('tr', {},
          [c.groupPath, c.host, c.account, c.existingRenewal || 'never', c.importedRenewal || 'never'].map((t) => h('td', { class: 'user-text', text: t })))))),
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

// The Settings dialog: every setting, saved as soon as it changes, and the
// vault password change.
import { api } from './api.js';
import { button, cancelButton, checkbox, confirmDialog, field, fieldError, h, modal, setFormError, showError, toast } from './dom.js';
import { fieldOf, messageOf } from './lib/errors.js';
import { settingProblem, settingValue } from './lib/settings.js';
import { newPasswordProblem } from './lib/strength.js';
import { state } from './state.js';
import { strengthMeter } from './strength-meter.js';

/** openSettings shows the settings dialog, drawn from the vault's schema. */
export async function openSettings() {
  let form;
  try {
    [form, state.settings] = await Promise.all([api.settingsForm(), api.settings()]);
    state.settingsValues = { ...form.values };
  } catch (err) {
    toast(messageOf(err), 'error');
    return;
  }
  const rows = form.schema.map((def) => {
    const row = settingRow(def, form.values[def.key]);
    // What this desktop says of the setting (a refused shortcut, none at all).
    const notice = form.notices?.[def.key];
    if (notice) row.append(h('p', { class: 'notice', id: `${controlId(def)}-notice`, text: notice }));
    return row;
  });
  const { dialog } = modal({
    id: 'settings-dialog',
    title: 'Settings',
    wide: true,
    body: [
      h('div', { class: 'settings-list' }, rows),
      passwordSection(),
    ],
    buttons: [cancelButton('Close', { id: 'settings-close' })],
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  dialog.querySelector('input, select')?.focus();
}

function controlId(def) {
  return `setting-${def.key}`;
}

// save sends one setting; the answer is the full new Settings. A setting
// that changes every password is confirmed first; declined, the control
// goes back to the saved value.
async function save(def, value, control) {
  showError(control, '');
  const problem = settingProblem(def, value);
  if (problem) {
    showError(control, problem);
    return false;
  }
  if (def.changesPasswords && !(await confirmPasswordsChange(def))) {
    revert(def, control);
    return false;
  }
  try {
    state.settings = await api.setSetting(def.key, value);
    if (state.settingsValues && def.kind !== 'secret') state.settingsValues[def.key] = value;
    flashSaved(control);
    return true;
  } catch (err) {
    showError(control, messageOf(err));
    return false;
  }
}

async function confirmPasswordsChange(def) {
  const total = state.groups.reduce((n, g) => n + (g.entryCount ?? 0), 0);
  const all = total === 1 ? 'The password of your 1 entry' : `All ${total} passwords`;
  return confirmDialog({
    title: `Change “${def.label}”?`,
    message: `${all} will change.`,
    details: ['Every site would then need its new password: change it back to get the old ones again.'],
    confirmText: 'Change every password', danger: true,
  });
}

// revert shows the saved value again in control.
function revert(def, control) {
  const saved = state.settingsValues?.[def.key];
  if (saved === undefined || def.kind === 'secret') return;
  if (control.type === 'checkbox') control.checked = saved === 'true';
  else control.value = saved;
}

function flashSaved(control) {
  const mark = control.closest('.setting')?.querySelector('.saved');
  if (!mark) return;
  mark.hidden = false;
  clearTimeout(mark.timer);
  mark.timer = setTimeout(() => (mark.hidden = true), 1500);
}

function settingRow(def, value) {
  const id = controlId(def);
  const saved = h('span', { class: 'saved', text: 'Saved', hidden: true, 'aria-live': 'polite' });
  if (def.kind === 'bool') {
    const { input, label } = checkbox(id, def.label, value === 'true');
    input.addEventListener('change', () => save(def, settingValue(def, input), input));
    return h('div', { class: 'setting', dataset: { setting: def.key } }, label, saved, h('p', { class: 'help', text: def.help }), fieldError(id));
  }
  if (def.kind === 'secret') return signatureRow(def, value === '(set)', saved);
  let control;
  if (def.choices?.length) {
    control = h('select', { id }, def.choices.map((c) => h('option', { value: c.value, text: c.label })));
    control.value = value;
  } else {
    const numeric = def.kind === 'int';
    control = h('input', {
      id, type: numeric ? 'number' : 'text', value: value ?? '',
      min: numeric ? def.min : null, max: numeric ? def.max : null, spellcheck: false, autocomplete: 'off',
      class: numeric ? 'short' : 'mono',
    });
  }
  control.addEventListener('change', () => save(def, settingValue(def, control), control));
  control.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // Enter saves this field; it does not close the dialog
      save(def, settingValue(def, control), control);
    }
  });
  return h('div', { class: 'setting', dataset: { setting: def.key } }, field(def.label, control, def.help), saved);
}

// A secret setting is write-only: it shows whether one is set, never its value.
function signatureRow(def, isSet, saved) {
  const id = controlId(def);
  const status = h('strong', { id: 'signature-status', text: isSet ? 'set' : 'not set' });
  const input = h('input', { id, type: 'password', autocomplete: 'off', placeholder: 'New signature' });
  const clearButton = button('Clear', { id: 'signature-clear', disabled: !isSet });
  const update = async (value) => {
    if (await save(def, value, input)) {
      input.value = '';
      status.textContent = state.settings.hasSignature ? 'set' : 'not set';
      clearButton.disabled = !state.settings.hasSignature;
    }
  };
  const setButton = button('Set', { id: 'signature-set', on: { click: () => input.value && update(input.value) } });
  clearButton.addEventListener('click', () => update(''));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (input.value) update(input.value);
    }
  });
  return h('div', { class: 'setting', dataset: { setting: def.key } },
    h('label', { for: id }, `${def.label}: `, status),
    h('div', { class: 'inline' }, input, setButton, clearButton), saved,
    h('p', { class: 'help', text: def.help }), fieldError(id));
}

// Change the vault password: old once, new twice, with the strength meter.
function passwordSection() {
  const old = h('input', { type: 'password', id: 'old-password', autocomplete: 'current-password' });
  const next = h('input', { type: 'password', id: 'new-password', autocomplete: 'new-password' });
  const again = h('input', { type: 'password', id: 'new-password-confirm', autocomplete: 'new-password' });
  const meter = strengthMeter(next, 'new-password-strength');
  const submit = button('Change password', { id: 'change-password' });
  const result = h('p', { class: 'form-error', id: 'change-password-result', hidden: true, role: 'status' });
  const run = async () => {
    [old, next, again].forEach((el) => showError(el, ''));
    setFormError(result, '');
    if (!old.value) return showError(old, 'Enter your current password');
    const problem = newPasswordProblem(next.value, again.value, await meter.check());
    if (problem) return showError(problem.field === 'confirm' ? again : next, problem.message);
    submit.disabled = true;
    try {
      await api.changePassword(old.value, next.value);
      [old, next, again].forEach((el) => (el.value = ''));
      meter.reset();
      toast('Vault password changed');
    } catch (err) {
      const msg = messageOf(err);
      showError(fieldOf(err) === 'oldPassword' ? old : next, msg);
    } finally {
      submit.disabled = false;
    }
  };
  submit.addEventListener('click', run);
  for (const el of [old, next, again]) {
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        run();
      }
    });
  }
  return h('section', { class: 'password-change', id: 'change-password-section' },
    h('h3', { text: 'Vault password' }),
    field('Current password', old), field('New password', next), meter.el, field('New password again', again),
    h('div', { class: 'buttons' }, submit), result);
}

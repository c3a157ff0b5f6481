// First start (create the vault) and later starts (unlock it).
import { api } from './api.js';
import { checkbox, clear, field, h, showError } from './dom.js';
import { messageOf } from './lib/errors.js';
import { newPasswordProblem } from './lib/strength.js';
import { strengthMeter } from './strength-meter.js';

/**
 * showUnlock fills root with the create or unlock form for vaultState and
 * calls onOpen(state) once the vault is open. rememberHours may be 0 (unknown).
 */
export function showUnlock(root, vaultState, rememberHours, onOpen) {
  const creating = !vaultState.exists;
  const password = h('input', {
    type: 'password', id: 'vault-password', required: true,
    autocomplete: creating ? 'new-password' : 'current-password',
  });
  const confirm = creating ? h('input', { type: 'password', id: 'vault-password-confirm', autocomplete: 'new-password' }) : null;
  const meter = creating ? strengthMeter(password, 'password-strength') : null;
  const hours = rememberHours > 0 ? ` for ${rememberHours} hours` : '';
  const remember = checkbox('remember', `Remember me on this computer${hours}`);
  const submit = h('button', { type: 'submit', id: 'unlock-submit', class: 'primary', text: creating ? 'Create vault' : 'Unlock' });

  const form = h('form', { class: 'unlock-card', id: 'unlock-form', noValidate: true },
    h('h1', { text: 'Forgiva Desktop' }),
    h('p', { class: 'lead', text: creating
      ? 'Create your vault. It keeps the details of your logins, never the passwords themselves. Choose a password to protect it.'
      : 'Enter your vault password.' }),
    field(creating ? 'Vault password' : 'Password', password),
    meter?.el,
    confirm && field('Vault password again', confirm),
    remember.label,
    vaultState.keyringNotice ? h('p', { class: 'notice', id: 'keyring-notice', text: vaultState.keyringNotice }) : null,
    h('div', { class: 'buttons' }, submit),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(password, '');
    if (confirm) showError(confirm, '');
    const pw = password.value;
    if (creating) {
      const problem = newPasswordProblem(pw, confirm.value, await meter.check());
      if (problem) {
        showError(problem.field === 'confirm' ? confirm : password, problem.message);
        (problem.field === 'confirm' ? confirm : password).focus();
        return;
      }
    } else if (!pw) {
      showError(password, 'Enter your password');
      return;
    }
    submit.disabled = true;
    try {
      const opened = creating ? await api.createVault(pw, remember.input.checked) : await api.unlock(pw, remember.input.checked);
      password.value = '';
      if (confirm) confirm.value = '';
      clear(root);
      onOpen(opened);
    } catch (err) {
      showError(password, messageOf(err));
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  clear(root).append(form);
  password.focus();
}

// Small DOM helpers: element building without innerHTML (user data is always
// text), field errors, and <dialog> plumbing.

/**
 * h builds an element. props: class, text, dataset {..}, on {event: fn},
 * anything else is set as a property (id, type, value, hidden...) or, for
 * aria-*, role and for, as an attribute.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key.startsWith('aria-') || key === 'role' || key === 'for' || key === 'list' || key === 'autocomplete') {
      el.setAttribute(key, value === true ? 'true' : value);
    } else el[key] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** clear removes every child of el. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** fieldError makes the error line shown under a field, tied to it for screen readers. */
export function fieldError(forId) {
  return h('p', { class: 'field-error', id: `${forId}-error`, hidden: true, role: 'alert' });
}

/** showError writes message into the error line of input (or hides it when empty). */
export function showError(input, message) {
  const line = document.getElementById(`${input.id}-error`);
  if (!line) return;
  line.textContent = message || '';
  line.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', line.id);
}

/** field wraps a labelled control with its help line and error line. */
export function field(labelText, control, help) {
  const helpLine = help ? h('p', { class: 'help', text: help }) : null;
  return h('div', { class: 'field' }, h('label', { for: control.id, text: labelText }), control, helpLine, fieldError(control.id));
}

/** checkbox returns a label wrapping a checkbox, for a one-line option. */
export function checkbox(id, labelText, checked = false) {
  const input = h('input', { type: 'checkbox', id, checked });
  return { input, label: h('label', { class: 'check', for: id }, input, h('span', { text: labelText })) };
}

/**
 * modal builds a <dialog> with a title, a body and a button row; Esc closes
 * it (native), the form's submit is the primary action.
 */
export function modal({ id, title, body, buttons, onSubmit, wide = false }) {
  const form = h('form', { method: 'dialog', class: 'dialog-form', noValidate: true });
  const titleEl = h('h2', { text: title, id: `${id}-title` });
  const formError = h('p', { class: 'form-error', id: `${id}-form-error`, hidden: true, role: 'alert' });
  form.append(titleEl, ...[body].flat(), formError, h('div', { class: 'buttons' }, ...buttons));
  const dialog = h('dialog', { id, class: wide ? 'wide' : '', 'aria-labelledby': titleEl.id }, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit?.(event.submitter?.value ?? '');
  });
  document.body.append(dialog);
  return { dialog, form, titleEl, formError };
}

/** button shortcut; kind is 'primary', 'danger' or '' */
export function button(text, props = {}, kind = '') {
  return h('button', { type: 'button', class: kind, text, ...props });
}

/**
 * cancelButton closes its dialog. It is not a submit button, so Enter in a
 * field submits the dialog's primary action instead.
 */
export function cancelButton(text = 'Cancel', props = {}) {
  return h('button', { type: 'button', text, ...props, on: { click: (e) => e.currentTarget.closest('dialog')?.close() } });
}

/** setFormError shows a message in a dialog's form-level error line. */
export function setFormError(line, message) {
  line.textContent = message || '';
  line.hidden = !message;
}

/**
 * confirmDialog asks a yes/no question in a modal <dialog>; resolves true
 * only when the confirm button was chosen.
 */
export function confirmDialog({ title, message, confirmText = 'OK', danger = false, details = [] }) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'submit', value: 'ok', class: danger ? 'danger' : 'primary', id: 'confirm-ok', text: confirmText });
    const cancel = cancelButton('Cancel', { id: 'confirm-cancel' });
    const body = [h('p', { text: message, id: 'confirm-message' }), ...details.map((d) => h('p', { class: 'muted', text: d }))];
    const { dialog } = modal({ id: 'confirm-dialog', title, body, buttons: [cancel, ok] });
    let answer = false;
    dialog.querySelector('form').addEventListener('submit', (e) => {
      answer = e.submitter?.value === 'ok';
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    ok.focus();
  });
}

const TOAST_MS = 5000;
const TOAST_ACTION_MS = 10000; // long enough to reach for Undo
let toastTimer = 0;

/**
 * toast shows a short status line at the bottom of the window, one at a
 * time: a new one replaces the last. It is drawn above any open dialog
 * (the top layer, where dialogs live). action ({ label, run }) adds a
 * button, such as Undo.
 */
export function toast(message, kind = '', action = null) {
  const host = document.getElementById('toasts');
  if (!host) return;
  clearTimeout(toastTimer);
  const note = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, h('span', { text: message }),
    action && button(action.label, { class: 'small toast-action', on: { click: () => { dismissToast(); action.run(); } } }));
  clear(host).append(note);
  raise(host);
  toastTimer = setTimeout(dismissToast, action ? TOAST_ACTION_MS : TOAST_MS);
}

/** dismissToast takes the toast away. */
export function dismissToast() {
  const host = document.getElementById('toasts');
  if (!host) return;
  clearTimeout(toastTimer);
  clear(host);
  if (host.matches?.(':popover-open')) host.hidePopover();
}

// raise puts the toasts above every open dialog: shown again as a popover,
// the host is the newest element of the top layer.
function raise(host) {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  if (host.matches(':popover-open')) host.hidePopover();
  host.showPopover();
}

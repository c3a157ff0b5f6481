// The generate dialog: master key, then the visual confirmation (the user's
// animal), then the password. Secrets live only as long as the dialog.
import { pictureOf, STAND_INS } from './animals.js';
import { api, events, onEvent } from './api.js';
import { button, cancelButton, clear, field, h, modal, showError } from './dom.js';
import { classRuns } from './lib/charclass.js';
import { isISODate, todayISO } from './lib/dates.js';
import { messageOf } from './lib/errors.js';
import { masterKeyProblem, needsConfirm } from './lib/masterkey.js';
import { shuffle } from './lib/shuffle.js';
import { emit, state } from './state.js';

const GRID_COLUMNS = 5;
// Short work finishes before a progress bar would be readable; only show it
// when the work lasts longer than this.
const PROGRESS_DELAY_MS = 400;

let animalList = null;

async function animals() {
  animalList ??= await api.animals();
  return animalList;
}

async function settings() {
  state.settings ??= await api.settings();
  return state.settings;
}

/**
 * openGenerate runs the generate flow for entry. renewal is a new renewal
 * date (YYYY-MM-DD) or null; quick makes the compact, always-copy variant.
 */
export async function openGenerate(entry, { renewal = null, quick = false } = {}) {
  document.getElementById('generate-dialog')?.close();
  let cfg;
  let list;
  try {
    [cfg, list] = await Promise.all([settings(), animals()]);
  } catch (err) {
    const { dialog } = modal({ id: 'generate-dialog', title: 'Generate password', body: [h('p', { class: 'form-error', text: messageOf(err) })], buttons: [cancelButton('Close')] });
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    return;
  }
  new Generation(entry, { renewal, quick, cfg, list }).open();
}

class Generation {
  constructor(entry, { renewal, quick, cfg, list }) {
    Object.assign(this, { entry, renewal, quick, cfg, list });
    this.genPromise = null; // resolves to the generation id
    this.finished = false; // the backend's work is done (or failed)
    this.closed = false;
    this.latest = new Map(); // generation id -> last progress event
    this.timers = [];
    this.stopProgress = onEvent(events.progress, (ev) => this.onProgress(ev));
    this.build();
  }

  build() {
    const askConfirm = needsConfirm(this.entry, this.cfg);
    const allowEmpty = this.cfg.masterkeyUseIgnored;
    this.key = h('input', { type: 'password', id: 'master-key', autocomplete: 'off', spellcheck: false });
    this.confirm = askConfirm ? h('input', { type: 'password', id: 'master-key-confirm', autocomplete: 'off', spellcheck: false }) : null;
    const why = !this.entry.generatedBefore
      ? 'First password for this entry: type the master key twice, so a typo cannot slip in.'
      : 'Type the master key twice.';
    this.keyForm = h('form', { class: 'step', id: 'master-key-form', noValidate: true },
      field('Master key', this.key, allowEmpty ? 'Leave empty to use the key kept in the vault.' : null),
      this.confirm && field('Master key again', this.confirm, why),
      h('div', { class: 'buttons' }, cancelButton(), h('button', { type: 'submit', class: 'primary', id: 'generate-start', text: 'Continue' })));
    this.keyForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.start(askConfirm, allowEmpty);
    });

    const order = this.cfg.animalsDoNotScramble ? this.list : shuffle(this.list);
    this.grid = h('div', { id: 'animal-grid', role: 'group', 'aria-label': 'Animals' }, order.map((a) => this.animalButton(a)));
    this.grid.addEventListener('keydown', (e) => this.onGridKey(e));
    this.progress = h('progress', { id: 'generate-progress', max: 1, value: 0 });
    this.progressText = h('span', { id: 'generate-progress-text', class: 'muted' });
    this.progressRow = h('div', { class: 'progress-row', id: 'generate-progress-row', hidden: true },
      this.progress, this.progressText, button('Cancel', { id: 'generate-cancel', on: { click: () => this.cancel() } }));
    this.pickError = h('p', { class: 'form-error', id: 'animal-error', hidden: true, role: 'alert' });
    this.animalStep = h('section', { class: 'step', id: 'animal-step', hidden: true },
      h('p', { class: 'prompt', text: 'Pick your animal' }), this.grid,
      h('p', { class: 'help muted', id: 'animal-stand-ins', text: STAND_INS }), this.pickError);
    this.pickedNote = h('p', { class: 'muted', id: 'animal-picked', hidden: true, text: 'Animal picked.' });
    this.animalStep.append(this.pickedNote);

    this.output = h('output', { id: 'password-output', class: 'password', 'aria-label': 'Generated password' });
    this.copyButton = button('Copy', { id: 'copy-password', class: 'primary', on: { click: () => this.copy() } });
    this.hideButton = button('Hide', { id: 'toggle-password', 'aria-controls': 'password-output', on: { click: () => this.toggleShown() } });
    this.copyStatus = h('p', { id: 'copy-status', role: 'status' });
    this.resultStep = h('section', { class: 'step', id: 'result-step', hidden: true },
      this.output, h('p', { class: 'legend muted', id: 'password-legend', hidden: true },
        'Digits ', h('span', { class: 'pw-digit', text: '0-9' }), ', upper case ', h('span', { class: 'pw-upper', text: 'A-Z' }),
        ', lower case ', h('span', { class: 'pw-lower', text: 'a-z' }), ' and symbols ', h('span', { class: 'pw-symbol', text: '#$%' }),
        ' are coloured differently.'),
      this.copyStatus,
      h('div', { class: 'buttons' }, this.copyButton, this.hideButton, button('Done', { id: 'generate-close', on: { click: () => this.dialog.close() } })));

    const subtitle = h('p', { class: 'muted', id: 'generate-subtitle' },
      h('strong', { text: this.entry.account }), ' at ', h('strong', { text: this.entry.host }),
      this.renewal ? ` — new renewal date ${this.renewal}` : '');
    this.dialog = h('dialog', { id: 'generate-dialog', class: this.quick ? 'quick' : 'wide', 'aria-labelledby': 'generate-title' },
      h('h2', { id: 'generate-title', text: this.renewal ? 'Renew password' : 'Generate password' }),
      subtitle, this.keyForm, this.animalStep, this.progressRow, this.resultStep);
    this.dialog.addEventListener('close', () => this.cleanup());
    document.body.append(this.dialog);
  }

  open() {
    this.dialog.showModal();
    this.key.focus();
  }

  animalButton({ index, name }) {
    return h('button', { type: 'button', class: 'animal', dataset: { animal: name, index: String(index) }, on: { click: () => this.pick(index, name) } },
      h('img', { src: pictureOf(name), alt: name, width: 56, height: 56, draggable: false }),
      h('span', { text: name, 'aria-hidden': 'true' }));
  }

  start(askConfirm, allowEmpty) {
    showError(this.key, '');
    if (this.confirm) showError(this.confirm, '');
    const problem = masterKeyProblem({ key: this.key.value, confirm: this.confirm?.value ?? '', askConfirm, allowEmpty });
    if (problem) {
      const target = problem.field === 'confirm' ? this.confirm : this.key;
      showError(target, problem.message);
      target.select();
      target.focus();
      return;
    }
    this.finished = false;
    this.picking = false;
    this.genId = undefined;
    this.latest.clear();
    for (const b of this.grid.querySelectorAll('button')) {
      b.disabled = false;
      b.removeAttribute('aria-pressed');
    }
    // Start now so the engine works while the user looks for the animal.
    this.genPromise = api.startGeneration(this.entry.id, this.key.value, this.renewal);
    this.wipeKey();
    this.keyForm.hidden = true;
    this.animalStep.hidden = false;
    this.startedAt = Date.now();
    this.grid.querySelector('button').focus();
    this.timers.push(setTimeout(() => this.renderProgress(), PROGRESS_DELAY_MS));
    this.genPromise.catch((err) => this.backToKey(messageOf(err)));
  }

  wipeKey() {
    this.key.value = '';
    if (this.confirm) this.confirm.value = '';
  }

  // A failed start (e.g. the vault locked) returns to the key step with the reason.
  backToKey(message) {
    if (this.closed) return;
    this.finished = true;
    this.genPromise = null;
    this.animalStep.hidden = true;
    this.progressRow.hidden = true;
    this.keyForm.hidden = false;
    showError(this.key, message);
    this.key.focus();
  }

  onProgress(ev) {
    if (!ev) return;
    this.latest.set(ev.id, ev);
    this.renderProgress();
  }

  renderProgress() {
    if (this.closed || !this.genPromise) return;
    const ev = this.genId !== undefined ? this.latest.get(this.genId) : [...this.latest.values()].pop();
    if (ev && ev.total > 0) {
      this.progress.max = ev.total;
      this.progress.value = ev.done;
      this.progressText.textContent = `${Math.floor((100 * ev.done) / ev.total)}%`;
      if (ev.done >= ev.total) this.finished = true;
    } else {
      this.progress.removeAttribute('value'); // indeterminate until the first event
      this.progressText.textContent = 'Working…';
    }
    const slow = Date.now() - this.startedAt >= PROGRESS_DELAY_MS;
    this.progressRow.hidden = this.finished || !(slow || this.picking);
  }

  async pick(index, name) {
    if (this.picking || !this.genPromise) return;
    this.picking = true;
    this.pickError.hidden = true;
    // The pick is a secret: the grid goes away at once rather than showing
    // the chosen picture for as long as the work runs (a minute at
    // complexity 3).
    for (const b of this.grid.querySelectorAll('button')) b.disabled = true;
    this.grid.hidden = true;
    this.pickedNote.hidden = false;
    this.renderProgress();
    try {
      this.genId = await this.genPromise;
      this.renderProgress();
      const result = await api.pickAnimal(this.genId, index);
      this.finished = true;
      if (this.closed) return;
      await this.showResult(result);
    } catch (err) {
      if (this.closed) return;
      this.finished = true;
      this.progressRow.hidden = true;
      this.pickError.textContent = messageOf(err);
      this.pickError.hidden = false;
    }
  }

  async showResult(result) {
    this.generated = true;
    this.animalStep.hidden = true;
    this.progressRow.hidden = true;
    this.resultStep.hidden = false;
    let { password, copied, clearAfterSeconds } = result;
    if (this.quick && password) {
      // The quick view always copies and never shows the password.
      password = null;
      ({ clearAfterSeconds } = await api.copyPassword(this.genId));
      copied = true;
    }
    if (password) {
      for (const run of classRuns(password)) this.output.append(h('span', { class: `pw-${run.cls}`, text: run.text }));
      password = null;
      this.output.hidden = false;
      this.dialog.querySelector('#password-legend').hidden = false;
      this.copyButton.hidden = false;
      this.hideButton.hidden = false;
      this.copyButton.focus();
    } else {
      this.output.hidden = true;
      this.hideButton.hidden = true;
      // Copy mode: the password can go to the clipboard again while the
      // dialog is open (after the timed clear, or over another copy).
      this.copyButton.hidden = Boolean(this.quick);
      this.copyButton.textContent = 'Copy again';
      this.dialog.querySelector('#generate-close').focus();
    }
    if (copied) this.showCopied(clearAfterSeconds);
  }

  /** toggleShown hides the shown password from onlookers, and shows it again. */
  toggleShown() {
    const hide = !this.output.classList.contains('concealed');
    this.output.classList.toggle('concealed', hide);
    this.output.setAttribute('aria-hidden', String(hide)); // a screen reader does not read it either
    this.hideButton.textContent = hide ? 'Show' : 'Hide';
    this.hideButton.setAttribute('aria-pressed', String(hide));
  }

  async copy() {
    try {
      const { clearAfterSeconds } = await api.copyPassword(this.genId);
      this.showCopied(clearAfterSeconds);
    } catch (err) {
      this.copyStatus.textContent = messageOf(err);
      this.copyStatus.className = 'form-error';
    }
  }

  showCopied(seconds) {
    this.copyStatus.className = 'copied';
    clearInterval(this.countdown);
    if (!(seconds > 0)) {
      this.copyStatus.textContent = 'Copied to the clipboard';
      return;
    }
    let left = seconds;
    const tick = () => {
      this.copyStatus.textContent = left > 0 ? `Copied — clipboard clears in ${left} s` : 'Clipboard cleared';
      if (left-- <= 0) clearInterval(this.countdown);
    };
    tick();
    this.countdown = setInterval(tick, 1000);
  }

  async cancel() {
    const pending = this.genPromise;
    this.dialog.close();
    if (!pending) return;
    try {
      await api.cancelGeneration(await pending);
    } catch {
      // Already finished or forgotten: nothing left to cancel.
    }
  }

  // Roving arrow keys over the 5-column animal grid.
  onGridKey(event) {
    const buttons = [...this.grid.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: GRID_COLUMNS, ArrowUp: -GRID_COLUMNS }[event.key];
    if (i < 0 || !step) return;
    event.preventDefault();
    buttons[(i + step + buttons.length) % buttons.length].focus();
  }

  // The dialog is gone: wipe the password and key from the page and Go.
  cleanup() {
    this.closed = true;
    this.stopProgress();
    this.timers.forEach(clearTimeout);
    clearInterval(this.countdown);
    this.wipeKey();
    clear(this.output);
    const pending = this.genPromise;
    const finished = this.finished;
    this.genPromise = null;
    this.dialog.remove();
    if (pending) {
      pending
        .then(async (id) => {
          if (!finished) await api.cancelGeneration(id).catch(() => {});
          await api.forgetGeneration(id);
        })
        .catch(() => {});
      emit('entries');
    }
  }
}

/** openRenew asks for the new renewal date, then runs the generate flow with it. */
export function openRenew(entry) {
  const date = h('input', { type: 'date', id: 'renew-date', value: todayISO(), required: true });
  const { dialog } = modal({
    id: 'renew-dialog',
    title: 'Renew password',
    body: [
      h('p', {}, 'Renew the password for ', h('strong', { text: entry.account }), ' at ', h('strong', { text: entry.host }), '.'),
      field('New renewal date', date, 'The date is part of the password: today, unless you renew for another day.'),
      h('p', { class: 'warning', id: 'renew-warning', text: 'The password for this entry will change. Set the new one on the site as well.' }),
    ],
    buttons: [cancelButton(), h('button', { type: 'submit', class: 'primary', id: 'renew-confirm', text: 'Change password…' })],
    onSubmit: () => {
      if (!isISODate(date.value)) {
        showError(date, 'Pick a date');
        return;
      }
      const renewal = date.value;
      dialog.close();
      openGenerate(entry, { renewal });
    },
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  date.focus();
}

// The generate dialog: master key, then the visual confirmation (the user's
// animal), then the password. Secrets live only as long as the dialog.
import { pictureOf, STAND_INS } from './animals.js';
import { api, events, onEvent } from './api.js';
import { button, cancelButton, clear, field, h, modal, showError } from './dom.js';
import { classRuns } from './lib/charclass.js';
import { isISODate, renewalLabel, todayISO } from './lib/dates.js';
import { messageOf } from './lib/errors.js';
import { masterKeyProblem, needsConfirm } from './lib/masterkey.js';
import { animalMatching } from './lib/typeahead.js';
import { shuffle } from './lib/shuffle.js';
import { emit, state } from './state.js';

const GRID_COLUMNS = 5;
const TYPE_AHEAD_MS = 1000;
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
 * date (YYYY-MM-DD) or null: the dialog then gives the previous password
 * and the new one side by side. asOf (a state of the entry's history, ""
 * for before its first renewal) asks for an earlier password instead.
 * quick makes the compact, always-copy variant.
 */
export async function openGenerate(entry, { renewal = null, asOf = null, quick = false } = {}) {
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
  new Generation(entry, { renewal, asOf, quick, cfg, list }).open();
}

/** stateLabel names a state of an entry's history. */
export function stateLabel(date) {
  return date ? `renewal ${renewalLabel(date)}` : 'before any renewal';
}

class Generation {
  constructor(entry, { renewal, asOf, quick, cfg, list }) {
    Object.assign(this, { entry, renewal, asOf, quick, cfg, list });
    this.jobs = []; // the generations this dialog runs: { label, slot, promise }
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

    this.copyStatus = h('p', { id: 'copy-status', role: 'status' });
    this.hideButton = button('Hide', { id: 'toggle-password', on: { click: () => this.toggleShown() } });
    this.slots = h('div', { class: 'password-slots' });
    this.resultStep = h('section', { class: 'step', id: 'result-step', hidden: true },
      this.slots, h('p', { class: 'legend muted', id: 'password-legend', hidden: true },
        'Digits ', h('span', { class: 'pw-digit', text: '0-9' }), ', upper case ', h('span', { class: 'pw-upper', text: 'A-Z' }),
        ', lower case ', h('span', { class: 'pw-lower', text: 'a-z' }), ' and symbols ', h('span', { class: 'pw-symbol', text: '#$%' }),
        ' are coloured differently.'),
      this.copyStatus,
      h('div', { class: 'buttons' }, this.hideButton, button('Done', { id: 'generate-close', on: { click: () => this.dialog.close() } })));

    const subtitle = h('p', { class: 'muted', id: 'generate-subtitle' },
      h('strong', { text: this.entry.account }), ' at ', h('strong', { text: this.entry.host }),
      this.renewal ? ` — new renewal date ${this.renewal}` : '',
      this.asOf !== null ? ` — the password of ${stateLabel(this.asOf)}` : '');
    const title = this.renewal ? 'Renew password' : this.asOf !== null ? 'Earlier password' : 'Generate password';
    this.dialog = h('dialog', { id: 'generate-dialog', class: this.quick ? 'quick' : 'wide', 'aria-labelledby': 'generate-title' },
      h('h2', { id: 'generate-title', text: title }),
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
    this.jobs = this.plan().map((job) => ({ ...job, promise: job.start(this.key.value) }));
    this.wipeKey();
    this.genPromise = this.jobs.at(-1).promise; // the one whose progress is shown
    this.keyForm.hidden = true;
    this.animalStep.hidden = false;
    this.startedAt = Date.now();
    this.grid.querySelector('button').focus();
    this.timers.push(setTimeout(() => this.renderProgress(), PROGRESS_DELAY_MS));
    for (const job of this.jobs) job.promise.catch((err) => this.backToKey(messageOf(err)));
  }

  // plan lists the generations to run: a renewal gives the password before
  // it (what a change-password form calls the current one) and the new one.
  plan() {
    const id = this.entry.id;
    if (this.asOf !== null) return [{ slot: 'main', start: (key) => api.startEarlierGeneration(id, key, this.asOf) }];
    if (!this.renewal) return [{ slot: 'main', start: (key) => api.startGeneration(id, key, null) }];
    const before = this.entry.lastRenewal ?? '';
    return [
      { slot: 'previous', label: `Previous password (${stateLabel(before)})`, start: (key) => api.startEarlierGeneration(id, key, before) },
      { slot: 'main', label: `New password (renewal ${this.renewal})`, start: (key) => api.startGeneration(id, key, this.renewal) },
    ];
  }

  wipeKey() {
    this.key.value = '';
    if (this.confirm) this.confirm.value = '';
  }

  // A failed start (e.g. the vault locked) returns to the key step with the reason.
  backToKey(message) {
    if (this.closed || !this.genPromise) return;
    this.forgetJobs();
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
      // In order: in copy mode the last one picked (the new password) is
      // the one left on the clipboard.
      const results = [];
      for (const job of this.jobs) {
        job.id = await job.promise;
        // Quick never lets the password into the page: Go types or copies it.
        let result = this.quick ? await api.pickAndType(job.id, index, this.entry.id) : await api.pickAnimal(job.id, index);
        if (result.confirm) result = await this.confirmTarget(job.id, result.message);
        results.push({ job, result });
      }
      this.finished = true;
      if (this.closed) return;
      await this.showResults(results);
    } catch (err) {
      if (this.closed) return;
      this.finished = true;
      this.progressRow.hidden = true;
      this.pickError.textContent = messageOf(err);
      this.pickError.hidden = false;
    }
  }

  async showResults(results) {
    this.generated = true;
    this.animalStep.hidden = true;
    this.progressRow.hidden = true;
    this.resultStep.hidden = false;
    let focus = null;
    let shownAny = false;
    let copiedFor = 0;
    for (const { job, result } of results) {
      let { password, copied, clearAfterSeconds } = result;
      if (this.quick) {
        // Typed into the window the user came from: nothing left to show.
        if (result.typed) {
          this.dialog.close();
          return;
        }
        this.typeNotice = result.message;
      }
      const slot = this.slot(job, password);
      password = null;
      shownAny ||= slot.shown;
      if (copied) copiedFor = clearAfterSeconds;
      focus = slot.copy.hidden ? focus : slot.copy;
    }
    this.dialog.querySelector('#password-legend').hidden = !shownAny;
    this.hideButton.hidden = !shownAny;
    if (!shownAny) this.hideButton.remove(); // nothing to hide: one tab stop less
    (focus ?? this.dialog.querySelector('#generate-close')).focus();
    if (copiedFor !== 0 || results.some((r) => r.result.copied) || this.typeNotice) this.showCopied(copiedFor);
  }

  // slot draws one password of the dialog: shown (coloured by class) with
  // its Copy button, or, in copy mode, a button to copy it (again).
  slot(job, password) {
    const suffix = job.slot === 'main' ? '' : `-${job.slot}`;
    const labelId = `password-label${suffix}`;
    // <output> is a live region by default: off, so a screen reader reads the
    // password only when the user moves to it.
    const output = h('output', { id: `password-output${suffix}`, class: 'password', 'aria-labelledby': labelId, 'aria-live': 'off' });
    const label = h('h3', { class: 'slot-label', id: labelId, text: job.label ?? 'Generated password', hidden: !job.label });
    const shown = Boolean(password);
    const which = job.slot === 'main' ? 'new' : 'previous';
    const copyText = job.label ? `Copy ${which}${shown ? '' : ' password'}` : shown ? 'Copy' : 'Copy again';
    const copy = button(copyText, { id: `copy-password${suffix}`, class: job.slot === 'main' ? 'primary' : '', on: { click: () => this.copy(job.id) } });
    if (shown) for (const run of classRuns(password)) output.append(h('span', { class: `pw-${run.cls}`, text: run.text }));
    output.hidden = !shown;
    copy.hidden = !shown && Boolean(this.quick);
    this.slots.append(h('div', { class: 'password-slot', dataset: { slot: job.slot } }, label, output, h('div', { class: 'buttons slot-buttons' }, copy)));
    return { shown, copy };
  }

  // confirmTarget asks, for an entry that wants it, whether to type into
  // the window the shortcut came from; no copies the password instead.
  confirmTarget(genId, question) {
    this.animalStep.hidden = true;
    this.progressRow.hidden = true;
    return new Promise((resolve, reject) => {
      const answer = (typeIt) => {
        step.remove();
        api.confirmType(genId, this.entry.id, typeIt).then(resolve, reject);
      };
      const yes = button('Type it', { id: 'type-confirm', class: 'primary', on: { click: () => answer(true) } });
      const step = h('section', { class: 'step', id: 'type-confirm-step' },
        h('p', { class: 'prompt', text: question }),
        h('div', { class: 'buttons' }, button('Copy instead', { id: 'type-decline', on: { click: () => answer(false) } }), yes));
      this.resultStep.before(step);
      yes.focus();
    });
  }

  /** toggleShown hides the shown password from onlookers, and shows it again. */
  toggleShown() {
    const outputs = [...this.slots.querySelectorAll('output')];
    const hide = !outputs[0].classList.contains('concealed');
    for (const output of outputs) {
      output.classList.toggle('concealed', hide);
      output.setAttribute('aria-hidden', String(hide)); // a screen reader does not read it either
    }
    this.hideButton.textContent = hide ? 'Show' : 'Hide';
    this.hideButton.setAttribute('aria-pressed', String(hide));
  }

  async copy(genId) {
    try {
      const { clearAfterSeconds } = await api.copyPassword(genId);
      this.showCopied(clearAfterSeconds);
    } catch (err) {
      this.copyStatus.textContent = messageOf(err);
      this.copyStatus.className = 'form-error';
    }
  }

  showCopied(seconds) {
    this.copyStatus.className = 'copied';
    clearInterval(this.countdown);
    const why = this.typeNotice ? `${this.typeNotice} ` : '';
    if (!(seconds > 0)) {
      this.copyStatus.textContent = `${why}Copied to the clipboard`;
      return;
    }
    let left = seconds;
    const tick = () => {
      this.copyStatus.textContent = left > 0 ? `${why}Copied — clipboard clears in ${left} s` : 'Clipboard cleared';
      if (left-- <= 0) clearInterval(this.countdown);
    };
    tick();
    this.countdown = setInterval(tick, 1000);
  }

  // cancel closes the dialog; its cleanup stops the work in Go.
  cancel() {
    this.dialog.close();
  }

  // Roving arrow keys over the 5-column animal grid, and type-ahead: the
  // first letters of an animal's name move to it (typed within a second).
  onGridKey(event) {
    const buttons = [...this.grid.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: GRID_COLUMNS, ArrowUp: -GRID_COLUMNS }[event.key];
    if (i < 0) return;
    if (step) {
      event.preventDefault();
      buttons[(i + step + buttons.length) % buttons.length].focus();
      return;
    }
    if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey || !/\p{L}/u.test(event.key)) return;
    event.preventDefault();
    const now = Date.now();
    this.typed = now - (this.typedAt ?? 0) < TYPE_AHEAD_MS ? `${this.typed}${event.key}` : event.key;
    this.typedAt = now;
    const match = animalMatching(buttons.map((b) => b.dataset.animal), this.typed, i);
    if (match >= 0) buttons[match].focus();
  }

  // The dialog is gone: wipe the password and key from the page and Go.
  cleanup() {
    this.closed = true;
    this.stopProgress();
    this.timers.forEach(clearTimeout);
    clearInterval(this.countdown);
    this.wipeKey();
    clear(this.slots);
    const started = this.jobs.length > 0;
    this.forgetJobs();
    this.dialog.remove();
    if (started) emit('entries');
  }

  // forgetJobs cancels what still runs and wipes every generation in Go.
  forgetJobs() {
    const finished = this.finished;
    for (const { promise } of this.jobs) {
      promise
        .then(async (id) => {
          if (!finished) await api.cancelGeneration(id).catch(() => {});
          await api.forgetGeneration(id);
        })
        .catch(() => {});
    }
    this.jobs = [];
    this.genPromise = null;
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

// An entry's password history: every state it has had (before any renewal,
// then each renewal date), each of which can give its password again.
import { api } from './api.js';
import { button, cancelButton, h, modal, toast } from './dom.js';
import { openGenerate, stateLabel } from './generate.js';
import { messageOf } from './lib/errors.js';

/** openHistory lists the entry's states; Generate on one makes that password. */
export async function openHistory(entry) {
  let states;
  try {
    states = await api.entryHistory(entry.id);
  } catch (err) {
    toast(messageOf(err), 'error');
    return;
  }
  const items = states.map((state, i) => {
    const current = i === states.length - 1;
    const name = stateLabel(state);
    const label = `${name[0].toUpperCase()}${name.slice(1)}${current ? ' (current)' : ''}`;
    return h('li', { dataset: { state } },
      h('span', { text: label }),
      button(current ? 'Generate' : 'Generate earlier', {
        class: 'small', dataset: { action: 'generate-state' }, 'aria-label': `Generate the password of ${name}`,
        on: { click: () => { dialog.close(); openGenerate(entry, current ? {} : { asOf: state }); } },
      }));
  }).reverse(); // newest first
  const note = states.length < 2
    ? 'This entry has not been renewed here: it has had one password so far.'
    : 'Each renewal changed the password. An earlier one is made again from the same master key and animal, and nothing is recorded.';
  const { dialog } = modal({
    id: 'history-dialog',
    title: 'Password history',
    body: [
      h('p', {}, h('strong', { text: entry.account }), ' at ', h('strong', { text: entry.host })),
      h('ol', { class: 'history', id: 'history-list', reversed: true }, items),
      h('p', { class: 'muted', text: note }),
    ],
    buttons: [cancelButton('Close')],
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  dialog.querySelector('li button')?.focus();
}

/** openPrevious generates the password before the entry's current renewal. */
export async function openPrevious(entry) {
  try {
    const states = await api.entryHistory(entry.id);
    if (states.length < 2) {
      toast('This entry has no earlier password recorded', 'error');
      return;
    }
    openGenerate(entry, { asOf: states.at(-2) });
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}

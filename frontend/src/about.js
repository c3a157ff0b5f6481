// The About box: version, compatibility, credits.
import { cancelButton, h, modal } from './dom.js';
import { state } from './state.js';

export function openAbout() {
  const mode = state.settings?.compatMode === 'enterprise' ? 'Forgiva Enterprise' : 'Forgiva';
  const { dialog } = modal({
    id: 'about-dialog',
    title: 'About Forgiva Desktop',
    body: [
      h('p', { class: 'lead', text: 'Passwords regenerated on demand, never stored.' }),
      h('dl', { class: 'facts' },
        h('dt', { text: 'Version' }), h('dd', { id: 'about-version', text: state.version || 'unknown' }),
        h('dt', { text: 'Compatibility' }),
        h('dd', { id: 'about-compat', text: `Generates the same passwords as Forgiva and Forgiva Enterprise (now: ${mode} mode).` }),
        h('dt', { text: 'Credits' }),
        h('dd', { id: 'about-credits', text: 'Animal pictures: Twemoji by Twitter, Inc and other contributors, CC-BY 4.0' })),
    ],
    buttons: [cancelButton('Close', { id: 'about-close' })],
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  dialog.querySelector('#about-close').focus();
}

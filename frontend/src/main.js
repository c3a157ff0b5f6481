// Boot: find the vault's state, show create/unlock or the app, and wire the
// global shortcuts and backend events.
import './style.css';
import { openAbout } from './about.js';
import { api, events, hasBackend, onEvent } from './api.js';
import { openExport, runImport } from './backup.js';
import { toast } from './dom.js';
import { addEntry, mountEntries, reloadEntries, resetEntries } from './entries.js';
import { loadGroups, mountGroups } from './groups.js';
import { messageOf } from './lib/errors.js';
import { commandFor } from './lib/shortcuts.js';
import { throttle } from './lib/timing.js';
import { openQuick } from './quick.js';
import { openSettings } from './settings.js';
import { emit, on, state } from './state.js';
import { mountSplitter } from './splitter.js';
import { mountTrash } from './trash.js';
import { showUnlock } from './unlock.js';

const TOUCH_EVERY_MS = 30_000;

const $ = (id) => document.getElementById(id);
let unlocked = false;
let quickWanted = false;

async function boot() {
  if (!hasBackend()) {
    $('boot-message').textContent = 'The Forgiva backend is not available. Start the app with forgiva-desktop.';
    return;
  }
  wireOnce();
  try {
    const vault = await api.state();
    state.version = vault.version;
    if (vault.unlocked) await enterApp();
    else await showLocked(vault);
  } catch (err) {
    $('boot-message').textContent = messageOf(err);
  }
}

async function showLocked(vault) {
  unlocked = false;
  let rememberHours = 0;
  try {
    rememberHours = (await api.settings()).sessionRememberHours;
  } catch {
    // Only used for the checkbox label.
  }
  $('boot-message').hidden = true;
  $('app-view').hidden = true;
  $('unlock-view').hidden = false;
  showUnlock($('unlock-view'), vault, rememberHours, (opened) => {
    state.version = opened.version || state.version;
    enterApp();
    // Opened, but "remember me" did not take: say so now, not at the next start.
    if (opened.keyringNotice) toast(opened.keyringNotice, 'warning');
  });
}

async function enterApp() {
  unlocked = true;
  $('boot-message').hidden = true;
  $('unlock-view').hidden = true;
  $('app-view').hidden = false;
  try {
    [state.settings, { schema: state.schema }] = await Promise.all([api.settings(), api.settingsForm()]);
    await loadGroups();
    await reloadEntries();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
  if (quickWanted) {
    quickWanted = false;
    openQuick();
  }
}

// lockedUI forgets everything shown and returns to the unlock screen. Closing
// the dialogs runs their cleanup, which wipes keys and passwords.
async function lockedUI() {
  if (!unlocked) return;
  unlocked = false;
  document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  resetEntries();
  state.groups = [];
  state.settings = null;
  emit('groups'); // empties the tree, so nothing of the vault stays in the page
  try {
    await showLocked(await api.state());
  } catch (err) {
    $('boot-message').hidden = false;
    $('boot-message').textContent = messageOf(err);
  }
}

async function lock() {
  try {
    await api.lock();
  } catch (err) {
    toast(messageOf(err), 'error');
    return;
  }
  lockedUI();
}

const commands = {
  lock: () => lock(),
  search: () => $('search').focus(),
  quick: () => openQuick(),
  'add-entry': () => addEntry(),
  settings: () => openSettings(),
};

function wireOnce() {
  mountGroups($('sidebar'));
  mountTrash($('sidebar'));
  mountEntries($('entries-view'), $('search'));
  mountSplitter($('app-view'), $('sidebar'));
  on('counts', () => loadGroups().catch((err) => toast(messageOf(err), 'error')));
  on('imported', () => loadGroups().then(reloadEntries).catch((err) => toast(messageOf(err), 'error')));

  $('lock').addEventListener('click', lock);
  $('settings-open').addEventListener('click', openSettings);
  $('about-open').addEventListener('click', openAbout);
  $('quick-open').addEventListener('click', openQuick);
  $('export-open').addEventListener('click', openExport);
  $('import-open').addEventListener('click', runImport);

  document.addEventListener('keydown', (event) => {
    const command = commandFor(event);
    if (!command || !unlocked) return;
    // Inside a dialog only Lock applies; the others would stack dialogs.
    if (command !== 'lock' && document.querySelector('dialog[open]')) return;
    event.preventDefault();
    commands[command]();
  });

  // User activity keeps the vault from auto-locking.
  const touch = throttle(() => unlocked && api.touch().catch(() => {}), TOUCH_EVERY_MS);
  for (const type of ['keydown', 'pointerdown', 'input', 'wheel']) {
    document.addEventListener(type, touch, { capture: true, passive: true });
  }

  onEvent(events.locked, lockedUI);
  onEvent(events.quick, () => {
    if (unlocked) openQuick();
    else quickWanted = true; // open it once the vault is unlocked
  });
}

boot();

// Browser flows against the real Go backend (build/bin/forgiva-dev), driven
// by e2e_test.go: one flow per run.
//
//   node test/e2e/flows.mjs FLOW URL
//
// The test passes its inputs as JSON in E2E_PARAMS and reads the flow's
// result from the last stdout line, "E2E-RESULT {...}": {ok, data} or
// {ok: false, error}. On failure a screenshot goes to params.shotDir.
// Every flow loads the page afresh: the backend keeps the vault's state
// between flows, the page keeps nothing.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFrontend = createRequire(join(root, 'frontend', 'package.json'));
const { chromium } = requireFrontend('playwright-core');
const { default: AxeBuilder } = requireFrontend('@axe-core/playwright');

const STEP_MS = 15_000; // one UI step; complexity-1 generation takes well under a second

const [flowName, url] = process.argv.slice(2);
const params = JSON.parse(process.env.E2E_PARAMS ?? '{}');

class FlowError extends Error {}

function check(cond, message) {
  if (!cond) throw new FlowError(message);
}

// backend calls the bound Go method directly, to check what the UI did.
function backend(page, method, ...args) {
  return page.evaluate(([m, a]) => window.go.main.App[m](...a), [method, args]);
}

async function visible(page, selector) {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: STEP_MS });
}

async function hidden(page, selector) {
  await page.locator(selector).first().waitFor({ state: 'hidden', timeout: STEP_MS });
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent({ timeout: STEP_MS })) ?? '';
}

// open loads the app and waits until it shows the unlock form or the app.
async function open(page) {
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('unlock-view').hidden || !document.getElementById('app-view').hidden,
    null, { timeout: STEP_MS });
}

async function unlockWith(page, password) {
  await visible(page, '#unlock-form');
  check((await text(page, '#unlock-submit')) === 'Unlock', 'the locked vault should show the Unlock form');
  await page.fill('#vault-password', password);
  await page.press('#vault-password', 'Enter');
}

async function ensureUnlocked(page) {
  await open(page);
  if (await page.locator('#app-view').isHidden()) {
    await unlockWith(page, params.vaultPassword);
    await visible(page, '#app-view');
  }
  await visible(page, '#group-tree');
}

// expandAll opens every folded group: a fresh page shows only the top level.
async function expandAll(page) {
  for (let i = 0; i < 50; i++) {
    const closed = page.locator('#group-tree .twisty.closed');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
  }
  throw new FlowError('the group tree does not unfold');
}

async function selectGroup(page, name) {
  await expandAll(page);
  await page.locator('#group-tree [role="treeitem"]', { has: page.locator('.group-name', { hasText: new RegExp(`^${name}$`) }) }).click();
  await page.waitForFunction((n) => document.getElementById('entries-title').textContent.endsWith(n), name, { timeout: STEP_MS });
}

async function groupByName(page, name) {
  const groups = await backend(page, 'Groups');
  const g = groups.find((x) => x.name === name);
  check(g, `the backend has no group ${name}`);
  return g;
}

async function addGroup(page, name, { inside }) {
  await page.click('#add-group');
  await visible(page, '#group-dialog');
  await page.fill('#group-name', name);
  await page.fill('#group-description', `${name} logins`);
  const under = page.locator('#group-under-selected');
  if (await under.count()) await under.setChecked(inside);
  else check(!inside, `no "inside the selected group" option when adding ${name}`);
  await page.click('#group-submit');
  await hidden(page, '#group-dialog');
  await visible(page, `#group-tree .group-name:text-is("${name}")`);
}

async function addEntry(page, group, host, account) {
  await selectGroup(page, group);
  await page.click('#add-entry');
  await visible(page, '#entry-dialog');
  await page.fill('#entry-host', host);
  await page.fill('#entry-account', account);
  await page.selectOption('#entry-complexity', '1');
  await page.click('#entry-save');
  await hidden(page, '#entry-dialog');
  await visible(page, `#entry-list .host:text-is("${host}")`);
}

function rowOf(page, host) {
  return page.locator('#entry-list tbody tr', { has: page.locator('.host', { hasText: host }) });
}

// rowAction runs one of a row's actions from its "More actions" menu.
async function rowAction(page, host, action) {
  await rowOf(page, host).locator('[data-action="more"]').click();
  await visible(page, '#row-menu');
  await page.click(`#row-menu [data-action="${action}"]`);
  await page.locator('#row-menu').waitFor({ state: 'detached', timeout: STEP_MS });
}

// generateFromRow opens the generate (or renew) dialog from the entry's row,
// types the master key (twice when asked), picks the animal and returns
// what the dialog shows.
async function generate(page, host, { renewal } = {}) {
  const row = rowOf(page, host);
  if (renewal) {
    await rowAction(page, host, 'renew');
    await visible(page, '#renew-dialog');
    await page.fill('#renew-date', renewal);
    await page.click('#renew-confirm');
  } else {
    await row.locator('[data-action="generate"]').click();
  }
  await visible(page, '#generate-dialog #master-key');
  const askedTwice = (await page.locator('#master-key-confirm').count()) > 0;
  await page.fill('#master-key', params.masterKey);
  if (askedTwice) {
    // A typo in the second field is caught before any work starts.
    await page.fill('#master-key-confirm', `${params.masterKey}x`);
    await page.click('#generate-start');
    await visible(page, '#master-key-confirm-error');
    check(/differ/i.test(await text(page, '#master-key-confirm-error')), 'a mismatched master key should say the keys differ');
    await page.fill('#master-key', params.masterKey);
    await page.fill('#master-key-confirm', params.masterKey);
  }
  await page.click('#generate-start');
  await visible(page, '#animal-step');
  const animals = await page.locator('#animal-grid button[data-animal]').count();
  check(animals === 20, `the animal grid shows ${animals} animals, want 20`);
  await page.click(`#animal-grid button[data-animal="${params.animal}"]`);
  await visible(page, '#result-step');
  const shown = !(await page.locator('#password-output').isHidden());
  const password = shown ? await text(page, '#password-output') : '';
  const hasPrevious = (await page.locator('#password-output-previous').count()) > 0;
  const previous = hasPrevious && shown ? await text(page, '#password-output-previous') : '';
  const labels = await page.locator('#result-step .slot-label:visible').allTextContents();
  check(await page.locator('#animal-grid').isHidden(), 'the picked animal should not stay on screen');
  if (shown) {
    check(await page.getAttribute('#password-output', 'aria-live') === 'off', 'a screen reader must not announce the password by itself');
    await page.click('#toggle-password');
    check(await page.getAttribute('#password-output', 'aria-hidden') === 'true', 'Hide should hide the password');
    await page.click('#toggle-password');
    check(await page.getAttribute('#password-output', 'aria-hidden') === 'false', 'Show should show it again');
  }
  const copyStatus = await text(page, '#copy-status');
  const copyAgain = (await page.locator('#copy-password').isVisible()) ? (await text(page, '#copy-password')).trim() : '';
  const title = await text(page, '#generate-title');
  await page.click('#generate-close');
  await page.locator('#generate-dialog').waitFor({ state: 'detached', timeout: STEP_MS });
  return { askedTwice, password, shown, copyStatus, title, copyAgain, previous, labels };
}

// pickAndRead types the master key (as often as asked), picks the animal
// and returns the shown password, then closes the dialog.
async function pickAndRead(page) {
  await visible(page, '#generate-dialog #master-key');
  await page.fill('#master-key', params.masterKey);
  if (await page.locator('#master-key-confirm').count()) await page.fill('#master-key-confirm', params.masterKey);
  await page.click('#generate-start');
  await page.click(`#animal-grid button[data-animal="${params.animal}"]`);
  await visible(page, '#password-output');
  const password = await text(page, '#password-output');
  const title = await text(page, '#generate-title');
  await page.click('#generate-close');
  await page.locator('#generate-dialog').waitFor({ state: 'detached', timeout: STEP_MS });
  return { password, title };
}

/** axe runs axe-core on the page as it is now and lists serious and critical violations. */
async function axeProblems(page, what) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${what}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// secretsInPage lists which of the given secrets the page still holds, in
// its markup or in any form field's value.
async function secretsInPage(page, secrets) {
  return page.evaluate((list) => {
    const html = document.documentElement.outerHTML;
    const values = [...document.querySelectorAll('input, textarea, output, select')].map((el) => el.value ?? '');
    return list.filter((s) => s && (html.includes(s) || values.some((v) => v.includes(s))));
  }, secrets);
}

async function openSettings(page) {
  await page.click('#settings-open');
  await visible(page, '#settings-dialog');
}

async function closeSettings(page) {
  await page.click('#settings-close');
  await hidden(page, '#settings-dialog');
}

async function setCheckboxSetting(page, key, on) {
  const box = page.locator(`#setting-${key}`);
  if ((await box.isChecked()) !== on) {
    await box.setChecked(on);
    await visible(page, `[data-setting="${key}"] .saved`);
  }
}

// importVia clicks Import… with the test dialog answering `path`.
async function importVia(page, path) {
  writeFileSync(params.dialogAnswerFile, path);
  await page.click('#import-open');
  await visible(page, '#import-dialog');
  const title = await text(page, '#import-dialog-title');
  const summary = (await page.locator('#import-summary li').allTextContents());
  const error = (await page.locator('#import-error').count()) ? await text(page, '#import-error') : '';
  await page.click('#import-close');
  await hidden(page, '#import-dialog');
  return { title, summary, error };
}

async function vaultSnapshot(page) {
  const groups = await backend(page, 'Groups');
  const entries = [];
  for (const g of groups) {
    const p = await backend(page, 'Entries', g.id, 0, 1000);
    entries.push(...p.entries.map((e) => `${g.name}|${e.host}|${e.account}|${e.lastRenewal ?? ''}`));
  }
  return { groups: groups.map((g) => `${g.parentId}|${g.name}`).sort(), entries: entries.sort() };
}

/** clipboard reads the X CLIPBOARD selection the app set, as a paste would. */
function clipboard() {
  try {
    return execFileSync('xclip', ['-o', '-selection', 'clipboard'],
      { encoding: 'utf8', timeout: STEP_MS, env: { ...process.env, DISPLAY: params.display } });
  } catch {
    return '';
  }
}

/** copiedAfter waits until the clipboard holds something other than before. */
async function copiedAfter(before) {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const now = clipboard();
    if (now !== before || Date.now() > deadline) return now;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const flows = {
  // 1. First start: the create form, the strength meter, the confirmation.
  async create(page) {
    await open(page);
    await visible(page, '#unlock-form');
    check((await text(page, '#unlock-submit')) === 'Create vault', 'a first start should offer "Create vault"');
    check(await page.locator('#vault-password-confirm').count(), 'creating asks for the password twice');

    await page.fill('#vault-password', 'abc');
    await visible(page, '#password-strength');
    const weak = await text(page, '#password-strength');
    await page.fill('#vault-password-confirm', 'abc');
    await page.click('#unlock-submit');
    await visible(page, '#vault-password-error');
    const weakError = await text(page, '#vault-password-error');

    await page.fill('#vault-password', params.vaultPassword);
    await page.waitForFunction((w) => document.querySelector('#password-strength .strength-text').textContent !== w, weak, { timeout: STEP_MS });
    const strong = await text(page, '#password-strength');
    await page.fill('#vault-password-confirm', `${params.vaultPassword}!`);
    await page.click('#unlock-submit');
    await visible(page, '#vault-password-confirm-error');
    const mismatch = await text(page, '#vault-password-confirm-error');
    check(!(await backend(page, 'State')).exists, 'no vault may exist before a valid create');

    await page.fill('#vault-password-confirm', params.vaultPassword);
    await page.click('#unlock-submit');
    await visible(page, '#app-view');
    const state = await backend(page, 'State');
    check(state.exists && state.unlocked, 'the vault should exist and be unlocked after Create');
    return { weak, weakError, strong, mismatch };
  },

  // 2. Nested groups and entries.
  async groupsEntries(page) {
    await ensureUnlocked(page);
    await addGroup(page, 'Personal', { inside: false });
    await addGroup(page, 'Mail', { inside: true }); // Personal is selected
    await selectGroup(page, 'Personal');
    await addGroup(page, 'Work', { inside: false });
    const personal = await groupByName(page, 'Personal');
    const mail = await groupByName(page, 'Mail');
    const work = await groupByName(page, 'Work');
    check(mail.parentId === personal.id, 'Mail should be inside Personal');
    check(personal.parentId === 0 && work.parentId === 0, 'Personal and Work should be top-level');
    const mailLevel = await page.locator('#group-tree [role="treeitem"]', { has: page.locator('.group-name:text-is("Mail")') }).getAttribute('aria-level');
    check(mailLevel === '2', `Mail is shown at tree level ${mailLevel}, want 2`);

    // A refusal the backend sends with its field is shown at that field.
    await page.click('#add-group');
    await visible(page, '#group-dialog');
    await page.fill('#group-name', 'WORK');
    const under = page.locator('#group-under-selected');
    if (await under.count()) await under.setChecked(false);
    await page.click('#group-submit');
    await visible(page, '#group-name-error');
    const nameError = await page.textContent('#group-name-error');
    check(/already exists/.test(nameError), `a duplicate group name shows "${nameError}" at the name`);
    check((await page.getAttribute('#group-name', 'aria-invalid')) === 'true', 'the name field should be marked invalid');
    await page.keyboard.press('Escape');
    await hidden(page, '#group-dialog');

    for (const e of params.entries) await addEntry(page, e.group, e.host, e.account);
    const mailEntries = await backend(page, 'Entries', mail.id, 0, 100);
    check(mailEntries.total === 1 && mailEntries.entries[0].host === params.entries[0].host, 'Mail should hold the mail entry');
    const entry = mailEntries.entries[0];
    check(entry.complexity === 1 && entry.length === 16 && entry.lowercase && entry.uppercase && entry.numbers && entry.symbols,
      'the new entry should have complexity 1, length 16 and all classes');
    await selectGroup(page, 'Personal');
    await visible(page, '#entry-empty'); // entries live in their own group only
    return { groups: (await vaultSnapshot(page)).groups };
  },

  // The About box shows the version the build stamped.
  async about(page) {
    await ensureUnlocked(page);
    await page.click('#about-open');
    await visible(page, '#about-dialog');
    const version = await text(page, '#about-version');
    await page.click('#about-close');
    await hidden(page, '#about-dialog');
    return { version };
  },

  // 3. Ctrl+F searches every group.
  async search(page) {
    await ensureUnlocked(page);
    await page.keyboard.press('Control+f');
    check(await page.evaluate(() => document.activeElement?.id === 'search'), 'Ctrl+F should focus the search box');
    await page.keyboard.type('alice');
    await page.waitForFunction(() => document.getElementById('entries-title').textContent.startsWith('Search'), null, { timeout: STEP_MS });
    await page.waitForFunction(() => document.querySelectorAll('#entry-list tbody tr').length === 1, null, { timeout: STEP_MS });
    const group = await text(page, '#entry-list tbody td.group');
    check(group === 'Mail', `the search hit should name its group Mail, shows ${group}`);
    await page.fill('#search', 'example');
    await page.waitForFunction(() => document.querySelectorAll('#entry-list tbody tr').length === 2, null, { timeout: STEP_MS });
    await page.fill('#search', 'no-such-thing');
    await visible(page, '#entry-empty');
    const none = await text(page, '#entry-empty');
    await page.press('#search', 'Escape');
    await page.waitForFunction(() => !document.getElementById('entries-title').textContent.startsWith('Search'), null, { timeout: STEP_MS });
    return { none };
  },

  // 4. Generate, shown on screen; then nothing secret may stay in the page.
  async generate(page) {
    await ensureUnlocked(page);
    await openSettings(page);
    await setCheckboxSetting(page, 'password_always_show_not_copy', true);
    await closeSettings(page);
    await selectGroup(page, 'Mail');
    const first = await generate(page, params.entries[0].host);
    check(first.askedTwice, 'the first generation must ask for the master key twice');
    check(first.shown && first.password.length === 16, `want a 16-character password on screen, got ${first.password.length}`);
    const left = await secretsInPage(page, [params.masterKey, first.password]);
    check(left.length === 0, `the page still holds ${left.length} secret(s) after the dialog closed`);
    const entry = (await backend(page, 'Search', 'alice', 0, 10)).entries[0];
    check(entry.generatedBefore, 'the entry should be marked as generated before');
    const again = await generate(page, params.entries[0].host);
    check(again.password === first.password, 'generating again with the same inputs should give the same password');
    const settings = await backend(page, 'Settings');
    check(again.askedTwice === !settings.masterkeyAskOnce, 'the second generation asks twice exactly when masterkey_ask_once is off');
    check((await secretsInPage(page, [params.masterKey, first.password])).length === 0, 'secrets left after the second generation');
    return { password: first.password };
  },

  // 4c. Shown, copied and generated agree, over many inputs: the password
  // the dialog shows and the one a paste gives are the same bytes (the Go
  // test compares both with `forgiva generate`).
  async consistency(page) {
    await ensureUnlocked(page);
    const group = (await backend(page, 'Groups'))[0].id;
    const animal = (await backend(page, 'Animals')).find((a) => a.name === params.animal).index;
    await backend(page, 'SetSetting', 'password_always_show_not_copy', 'true');
    const results = [];
    let signature = '';
    let before = clipboard();
    for (const input of params.inputs) {
      if (input.signature !== signature) {
        signature = input.signature;
        await backend(page, 'SetSetting', 'signature', signature);
      }
      const e = await backend(page, 'AddEntry', { groupId: group, host: input.host, account: input.account,
        complexity: input.complexity, length: input.length, lowercase: input.lowercase, uppercase: input.uppercase,
        numbers: input.numbers, symbols: input.symbols });
      const genId = await backend(page, 'StartGeneration', e.id, params.masterKey, input.renewal || null);
      const picked = await backend(page, 'PickAnimal', genId, animal);
      await backend(page, 'CopyPassword', genId);
      const copied = await copiedAfter(before);
      before = copied;
      await backend(page, 'ForgetGeneration', genId);
      // Gone for good, not left in the Trash for the later flows.
      await backend(page, 'DeleteFromTrash', (await backend(page, 'RemoveEntry', e.id)).ref);
      results.push({ shown: picked.password, copied });
    }
    await backend(page, 'SetSetting', 'signature', '');
    return { results };
  },

  // 4b. The default: the password goes to the clipboard, never into the page.
  async copy(page) {
    await ensureUnlocked(page);
    await openSettings(page);
    await setCheckboxSetting(page, 'password_always_show_not_copy', false);
    await closeSettings(page);
    await selectGroup(page, 'Work');
    const r = await generate(page, params.entries[1].host);
    check(!r.shown, 'with "show passwords" off the password must not be shown');
    check(/Copied/.test(r.copyStatus), `the dialog should say the password was copied, says "${r.copyStatus}"`);
    check(r.copyAgain === 'Copy again', `copy mode should offer "Copy again", offers "${r.copyAgain}"`);
    await openSettings(page);
    await setCheckboxSetting(page, 'password_always_show_not_copy', true);
    await closeSettings(page);
    return { copyStatus: r.copyStatus };
  },

  // 5. Renew: a new date, a new password.
  async renew(page) {
    await ensureUnlocked(page);
    await selectGroup(page, 'Mail');
    const r = await generate(page, params.entries[0].host, { renewal: params.renewal });
    check(r.title === 'Renew password', `the dialog title is "${r.title}"`);
    check(r.shown && r.password.length === 16, 'the renewed password should be shown');
    check(r.password !== params.previousPassword, 'renewing should change the password');
    check(r.previous === params.previousPassword, 'the renewal should show the previous password beside the new one');
    check(r.labels.some((l) => l.startsWith('Previous password')) && r.labels.some((l) => l.startsWith('New password')),
      `the two passwords should be labelled, are ${JSON.stringify(r.labels)}`);
    const entry = (await backend(page, 'Search', 'alice', 0, 10)).entries[0];
    check(entry.lastRenewal === params.renewal, `the entry's renewal is ${entry.lastRenewal}, want ${params.renewal}`);
    const renewed = await text(page, `#entry-list tbody tr[data-entry-id="${entry.id}"] td.renewed`);
    check(renewed.trim() !== '', 'the Renewed column should show the date');
    check((await secretsInPage(page, [params.masterKey, r.password])).length === 0, 'secrets left after renewing');
    return { password: r.password, previous: r.previous, renewed };
  },

  // 5b. After the renewal: "Previous password" and the history give the
  // password of before it again, recording nothing.
  async history(page) {
    await ensureUnlocked(page);
    await selectGroup(page, 'Mail');
    const host = params.entries[0].host;
    await rowAction(page, host, 'previous');
    const previous = await pickAndRead(page);
    check(previous.title === 'Earlier password', `the previous-password dialog is titled "${previous.title}"`);
    await rowAction(page, host, 'history');
    await visible(page, '#history-dialog');
    const states = await page.locator('#history-list li').allTextContents();
    check(states.length === 2, `the history lists ${states.length} states, want 2: ${states}`);
    await page.click('#history-list li[data-state=""] button');
    const never = await pickAndRead(page);
    const entry = (await backend(page, 'Search', host, 0, 10)).entries[0];
    check(entry.lastRenewal === params.renewal, 'an earlier password must not change the renewal');
    return { previous: previous.password, never: never.password };
  },

  // 5c. With the keyboard alone: find, the list, Enter, master key, the
  // animal by arrows, the password; the focus comes back to the row; Ctrl+C
  // copies the account.
  async keyboard(page) {
    await ensureUnlocked(page);
    const host = params.entries[1].host;
    await page.keyboard.press('Control+f');
    await page.keyboard.type(host);
    await page.waitForFunction(() => document.querySelectorAll('#entry-list tbody tr').length === 1, null, { timeout: STEP_MS });
    await page.keyboard.press('ArrowDown');
    check(await page.evaluate(() => document.activeElement?.matches('#entry-list tbody tr')), 'ArrowDown in search should reach the list');
    const tabStops = await page.evaluate(() => document.querySelectorAll('#entry-list [tabindex="0"], #entry-list button:not([tabindex="-1"])').length);
    check(tabStops === 1, `the entry list has ${tabStops} tab stops, want 1`);
    await page.keyboard.press('Enter');
    await visible(page, '#generate-dialog #master-key');
    await page.keyboard.type(params.masterKey);
    if (await page.locator('#master-key-confirm').count()) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(params.masterKey);
    }
    await page.keyboard.press('Enter');
    await visible(page, '#animal-grid');
    // The animal by its name's first letters (type-ahead), then by arrows
    // from where that left the focus: both reach it.
    await page.keyboard.type(params.animal.slice(0, 3).toLowerCase());
    const typedTo = await page.evaluate(() => document.activeElement?.dataset.animal);
    check(typedTo === params.animal, `typing "${params.animal.slice(0, 3)}" in the grid went to ${typedTo}`);
    const order = await page.locator('#animal-grid button').evaluateAll((bs) => bs.map((b) => b.dataset.animal));
    const target = order.indexOf(params.animal);
    for (let i = 0; i < order.length; i++) await page.keyboard.press('ArrowRight'); // once round: back on it
    check(await page.evaluate((t) => document.activeElement?.dataset.animal === t, order[target]), 'the arrows should go round the grid');
    await page.keyboard.press('Enter');
    await visible(page, '#password-output');
    const password = await text(page, '#password-output');
    await page.keyboard.press('Escape');
    await page.locator('#generate-dialog').waitFor({ state: 'detached', timeout: STEP_MS });
    await page.waitForFunction(() => document.activeElement?.matches('#entry-list tbody tr'), null, { timeout: STEP_MS });
    const before = clipboard();
    await page.keyboard.press('Control+c');
    const copied = await copiedAfter(before);
    check(copied === params.entries[1].account, `Ctrl+C on the row copied "${copied}", want the account`);
    return { password };
  },

  // 5d. The window's smallest size and a 4K one: nothing clipped, no
  // sideways scrolling, long hosts ellipsised; the sidebar resizes and
  // keeps its width after a reload.
  async layout(page) {
    await ensureUnlocked(page);
    await selectGroup(page, 'Work');
    const sizes = [];
    for (const [width, height] of [[800, 600], [1920, 1080], [3840, 2160]]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(100);
      const m = await page.evaluate(() => {
        const inside = (el) => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth + 0.5; };
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          mainOverflow: document.getElementById('entries-view').scrollWidth - document.getElementById('entries-view').clientWidth,
          buttonsInside: [...document.querySelectorAll('#entry-list button, .toolbar button, .sidebar-actions button')].every(inside),
          sidebar: document.getElementById('sidebar').getBoundingClientRect().width,
        };
      });
      check(m.overflow <= 0 && m.mainOverflow <= 0, `at ${width}×${height} the page scrolls sideways (${m.overflow}, ${m.mainOverflow} px)`);
      check(m.buttonsInside, `at ${width}×${height} a button is cut off`);
      if (width === 800 && params.shotDir) await page.screenshot({ path: join(params.shotDir, 'layout-800x600.png') });
      sizes.push({ width, sidebar: m.sidebar });
    }
    await page.setViewportSize({ width: 1100, height: 720 });
    const before = await page.evaluate(() => document.getElementById('sidebar').getBoundingClientRect().width);
    await page.focus('.splitter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const after = await page.evaluate(() => document.getElementById('sidebar').getBoundingClientRect().width);
    check(after > before + 40, `the splitter moved the sidebar from ${before} to ${after} px`);
    await page.reload();
    await visible(page, '#app-view');
    const kept = await page.evaluate(() => document.getElementById('sidebar').getBoundingClientRect().width);
    check(Math.abs(kept - after) < 1, `after a reload the sidebar is ${kept} px, was ${after}`);
    return { sizes, before, after };
  },

  // 5f. axe-core on every screen and dialog, light and dark: no serious or
  // critical violation.
  async accessibility(page) {
    await ensureUnlocked(page);
    const problems = [];
    let checked = 0;
    const scan = async (what) => {
      problems.push(...(await axeProblems(page, what)));
      checked++;
    };
    const dialog = async (what, openIt, closeIt = () => page.keyboard.press('Escape')) => {
      await openIt();
      await scan(what);
      await closeIt();
      await page.waitForFunction(() => !document.querySelector('dialog[open]') && !document.getElementById('row-menu'), null, { timeout: STEP_MS });
    };
    const host = params.entries[1].host;
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await selectGroup(page, 'Work');
      await scan(`${colorScheme} main`);
      await dialog(`${colorScheme} row menu`, async () => {
        await rowOf(page, host).locator('[data-action="more"]').click();
        await visible(page, '#row-menu');
      });
      await dialog(`${colorScheme} entry form`, async () => { await page.click('#add-entry'); await visible(page, '#entry-dialog'); });
      await dialog(`${colorScheme} settings`, async () => { await page.click('#settings-open'); await visible(page, '#settings-dialog'); });
      await dialog(`${colorScheme} about`, async () => { await page.click('#about-open'); await visible(page, '#about-dialog'); });
      await dialog(`${colorScheme} export`, async () => { await page.click('#export-open'); await visible(page, '#export-dialog'); });
      await dialog(`${colorScheme} quick`, async () => { await page.keyboard.press('Control+k'); await visible(page, '#quick-dialog'); });
      await dialog(`${colorScheme} history`, async () => { await rowAction(page, host, 'history'); await visible(page, '#history-dialog'); });
      await dialog(`${colorScheme} renew`, async () => { await rowAction(page, host, 'renew'); await visible(page, '#renew-dialog'); });
      await dialog(`${colorScheme} confirm`, async () => {
        await page.click('#add-entry');
        await page.fill('#entry-host', 'unsaved.example');
        await page.keyboard.press('Escape');
        await visible(page, '#confirm-dialog');
      }, () => page.click('#confirm-ok'));
      await dialog(`${colorScheme} generate`, async () => {
        await rowOf(page, host).locator('[data-action="generate"]').click();
        await visible(page, '#generate-dialog #master-key');
        await scan(`${colorScheme} generate: master key`);
        await page.fill('#master-key', params.masterKey);
        if (await page.locator('#master-key-confirm').count()) await page.fill('#master-key-confirm', params.masterKey);
        await page.click('#generate-start');
        await visible(page, '#animal-grid');
        await scan(`${colorScheme} generate: animals`);
        await page.click(`#animal-grid button[data-animal="${params.animal}"]`);
        await visible(page, '#result-step');
      });
      await page.click('#lock');
      await visible(page, '#unlock-view');
      await scan(`${colorScheme} unlock`);
      await unlockWith(page, params.vaultPassword);
      await visible(page, '#app-view');
    }
    await page.emulateMedia({ colorScheme: 'light' });
    check(problems.length === 0, `axe-core: ${problems.join('; ')}`);
    return { checked };
  },

  // 5g. Input at the vault's edge: spaces around a typed host are removed
  // (and the app says so), an exact duplicate is refused naming the entry;
  // search finds every match (here 250, past the old cut at 200), paged,
  // with the true total.
  async inputAndSearch(page) {
    await ensureUnlocked(page);
    await selectGroup(page, 'Work');
    await page.click('#add-entry');
    await visible(page, '#entry-dialog');
    await page.fill('#entry-host', '  spaced.example  ');
    await page.fill('#entry-account', ' ann ');
    await page.click('#entry-save');
    await hidden(page, '#entry-dialog');
    const said = await text(page, '#toasts .toast');
    check(/spaces around the host and account removed/.test(said), `the toast says "${said}"`);
    const saved = (await backend(page, 'Search', 'spaced.example', 0, 10)).entries;
    check(saved.length === 1 && saved[0].host === 'spaced.example' && saved[0].account === 'ann', `stored as ${JSON.stringify(saved)}`);

    await page.click('#add-entry');
    await visible(page, '#entry-dialog');
    await page.fill('#entry-host', 'spaced.example');
    await page.fill('#entry-account', 'ann');
    await page.click('#entry-save');
    await visible(page, '#entry-host-error');
    const duplicate = await text(page, '#entry-host-error');
    check(/already/.test(duplicate) && duplicate.includes(String(saved[0].id)), `the duplicate is refused with "${duplicate}"`);
    await page.keyboard.press('Escape');
    await visible(page, '#confirm-dialog');
    await page.click('#confirm-ok');
    await page.locator('#entry-dialog').waitFor({ state: 'detached', timeout: STEP_MS });

    const group = await groupByName(page, 'Work');
    const added = [];
    for (let i = 0; i < 250; i++) {
      added.push(await backend(page, 'AddEntry', { groupId: group.id, host: `bulk-${String(i).padStart(3, '0')}.example`, account: 'b',
        complexity: 1, length: 16, lowercase: true, uppercase: true, numbers: true, symbols: true }));
    }
    await page.fill('#search', 'bulk-');
    await page.waitForFunction(() => /250 matches/.test(document.getElementById('group-description-text').textContent), null, { timeout: STEP_MS });
    const first = await text(page, '#page-info');
    await page.click('#page-next');
    await page.click('#page-next');
    await page.waitForFunction(() => document.getElementById('page-info').textContent.startsWith('201'), null, { timeout: STEP_MS });
    const last = await text(page, '#page-info');
    const rows = await page.locator('#entry-list tbody tr').count();
    check(rows === 50, `the last page shows ${rows} rows, want 50`);
    await page.press('#search', 'Escape');
    for (const e of [...added, saved[0]]) await backend(page, 'DeleteFromTrash', (await backend(page, 'RemoveEntry', e.id)).ref);
    return { said, duplicate, first, last };
  },

  // 5e. One Esc closes Quick; Esc on a changed entry form asks first; a
  // setting that changes every password is confirmed; one toast at a time,
  // drawn above a dialog.
  async guards(page) {
    await ensureUnlocked(page);
    await page.keyboard.press('Control+k');
    await visible(page, '#quick-search');
    await page.keyboard.type('mail');
    await page.keyboard.press('Escape');
    await page.locator('#quick-dialog').waitFor({ state: 'detached', timeout: STEP_MS });

    await selectGroup(page, 'Work');
    await page.click('#add-entry');
    await visible(page, '#entry-dialog');
    await page.fill('#entry-host', 'https://login.example.net/sign-in?x=1');
    await visible(page, '#entry-use-host');
    const offer = await text(page, '#entry-use-host');
    await page.click('#entry-use-host');
    check(await page.inputValue('#entry-host') === 'login.example.net', 'Use host should put the host in the field');
    await page.keyboard.press('Escape');
    await visible(page, '#confirm-dialog');
    await page.click('#confirm-cancel');
    await hidden(page, '#confirm-dialog');
    check(await page.locator('#entry-dialog').isVisible(), 'keeping the changes should keep the form open');
    await page.keyboard.press('Escape');
    await visible(page, '#confirm-dialog');
    await page.click('#confirm-ok');
    await page.locator('#entry-dialog').waitFor({ state: 'detached', timeout: STEP_MS });

    await openSettings(page);
    const mode = await page.inputValue('#setting-compat_mode');
    const other = await page.locator('#setting-compat_mode option').evaluateAll((os, m) => os.map((o) => o.value).find((v) => v !== m), mode);
    await page.selectOption('#setting-compat_mode', other);
    await visible(page, '#confirm-dialog');
    const warning = await text(page, '#confirm-message');
    check(/^All \d+ passwords will change/.test(warning), `the confirmation says "${warning}"`);
    await page.click('#confirm-cancel');
    await hidden(page, '#confirm-dialog');
    check(await page.inputValue('#setting-compat_mode') === mode, 'a declined change should show the old value again');
    check((await backend(page, 'SettingsForm')).values.compat_mode === mode, 'a declined change must not be saved');
    await page.fill('#old-password', params.vaultPassword);
    await page.fill('#new-password', params.vaultPassword);
    await page.fill('#new-password-confirm', params.vaultPassword);
    await page.click('#change-password');
    await visible(page, '#new-password-error');
    check(/same as the current/.test(await text(page, '#new-password-error')), 'the same password should be refused at the new password');
    await closeSettings(page);

    await rowOf(page, params.entries[1].host).focus();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+c');
    await visible(page, '#toasts .toast');
    const toasts = await page.evaluate(() => document.querySelectorAll('#toasts .toast').length);
    check(toasts === 1, `${toasts} toasts at once, want one`);
    check(await page.evaluate(() => document.getElementById('toasts').matches(':popover-open')),
      'the toast should be in the top layer, above any dialog');
    return { offer, warning };
  },

  // 6a. Set a setting; the test then restarts the backend.
  async settingsSet(page) {
    await ensureUnlocked(page);
    await openSettings(page);
    await page.fill('#setting-password_default_length', '20');
    await page.press('#setting-password_default_length', 'Enter');
    await visible(page, '[data-setting="password_default_length"] .saved');
    await closeSettings(page);
    const s = await backend(page, 'Settings');
    check(s.passwordDefaultLength === 20, `the backend has length ${s.passwordDefaultLength}, want 20`);
    return {};
  },

  // 6b. After the restart: locked, and the setting kept.
  async settingsCheck(page) {
    await open(page);
    check(!(await backend(page, 'State')).unlocked, 'a restarted app should start locked');
    await unlockWith(page, params.vaultPassword);
    await visible(page, '#app-view');
    await openSettings(page);
    const length = await page.inputValue('#setting-password_default_length');
    check(length === '20', `after a restart the default length shows ${length}, want 20`);
    await closeSettings(page);
    await selectGroup(page, 'Work');
    await page.click('#add-entry');
    await visible(page, '#entry-dialog');
    const entryLength = await page.inputValue('#entry-length');
    check(entryLength === '20', `a new entry's length is ${entryLength}, want the new default 20`);
    await page.keyboard.press('Escape');
    await hidden(page, '#entry-dialog');
    return {};
  },

  // 7. Lock with the button and with Ctrl+L; unlock again.
  async lock(page) {
    await ensureUnlocked(page);
    await page.click('#lock');
    await visible(page, '#unlock-view');
    check(await page.locator('#app-view').isHidden(), 'the app view should be hidden when locked');
    check(!(await backend(page, 'State')).unlocked, 'Lock should lock the backend');
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    check(!html.includes(params.entries[0].account), 'a locked page should not show vault data');

    await unlockWith(page, `${params.vaultPassword}-wrong`);
    await visible(page, '#vault-password-error');
    const wrong = await text(page, '#vault-password-error');
    check(!(await backend(page, 'State')).unlocked, 'a wrong password must not unlock');
    await unlockWith(page, params.vaultPassword);
    await visible(page, '#app-view');

    await page.locator('#group-tree [role="treeitem"]').first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Control+l');
    await visible(page, '#unlock-view');
    check(!(await backend(page, 'State')).unlocked, 'Ctrl+L should lock the backend');
    await unlockWith(page, params.vaultPassword);
    await visible(page, '#app-view');
    return { wrong };
  },

  // 8a. Export the whole vault through the (test-answered) Save dialog.
  async export(page) {
    await ensureUnlocked(page);
    writeFileSync(params.dialogAnswerFile, params.backupPath);
    await page.click('#export-open');
    await visible(page, '#export-dialog');
    await page.check('#export-all');
    check(await page.isChecked('#export-encrypted'), 'the encrypted format should be the default');
    await page.check('#export-plain');
    check(await page.locator('#export-passphrase').isHidden(), 'a plain export asks no passphrase');
    await page.click('#export-submit');
    await visible(page, '#export-result');
    const result = await text(page, '#export-result');
    check(result.includes(params.backupPath), `the export result "${result}" should name the file`);

    // The same, encrypted: a weak passphrase is refused at its field first.
    const sealedPath = `${params.backupPath}.age`;
    writeFileSync(params.dialogAnswerFile, sealedPath);
    await page.check('#export-encrypted');
    await page.fill('#export-passphrase', 'iloveyouiloveyou');
    await page.fill('#export-passphrase-again', 'iloveyouiloveyou');
    await page.click('#export-submit');
    await visible(page, '#export-passphrase-error');
    await page.fill('#export-passphrase', params.exportPassphrase);
    await page.fill('#export-passphrase-again', params.exportPassphrase);
    await page.click('#export-submit');
    await page.waitForFunction((p) => document.getElementById('export-result').textContent.includes(p), sealedPath, { timeout: STEP_MS });
    check(await page.inputValue('#export-passphrase') === '', 'the passphrase should be cleared once written');
    await page.click('#export-close');
    return { result, snapshot: await vaultSnapshot(page) };
  },

  // 8c. The encrypted backup, imported where everything is already: a wrong
  // passphrase is refused and changes nothing; the right one opens it.
  async importEncrypted(page) {
    await ensureUnlocked(page);
    const before = await vaultSnapshot(page);
    writeFileSync(params.dialogAnswerFile, `${params.backupPath}.age`);
    await page.click('#import-open');
    await visible(page, '#import-passphrase-dialog');
    await page.fill('#import-passphrase', 'not the passphrase, not at all');
    await page.click('#import-passphrase-submit');
    await visible(page, '#import-passphrase-error');
    const wrong = await text(page, '#import-passphrase-error');
    check(/Wrong passphrase/.test(wrong), `a wrong passphrase says "${wrong}"`);
    check(JSON.stringify(await vaultSnapshot(page)) === JSON.stringify(before), 'a wrong passphrase changed the vault');
    await page.fill('#import-passphrase', params.exportPassphrase);
    await page.click('#import-passphrase-submit');
    await visible(page, '#import-dialog');
    const title = await text(page, '#import-dialog-title');
    const summary = await page.locator('#import-summary li').allTextContents();
    await page.click('#import-close');
    check(title === 'Backup imported', `the encrypted import says "${title}"`);
    return { wrong, summary };
  },

  // 8b. Import into a fresh vault (a second backend).
  async import(page) {
    await open(page);
    await visible(page, '#unlock-form');
    await page.fill('#vault-password', params.vaultPassword);
    await page.fill('#vault-password-confirm', params.vaultPassword);
    await page.click('#unlock-submit');
    await visible(page, '#app-view');
    const r = await importVia(page, params.backupPath);
    check(r.title === 'Backup imported', `the import dialog says "${r.title}" ${r.error}`);
    await expandAll(page);
    await visible(page, '#group-tree .group-name:text-is("Mail")');
    return { summary: r.summary, snapshot: await vaultSnapshot(page) };
  },

  // 9b. Undo from the Trash: a removed group with entries comes back from
  // the toast's Undo, and from the Trash view's Restore.
  async undoTrash(page) {
    await ensureUnlocked(page);
    const g = await backend(page, 'AddGroup', 0, 'Trashy', '');
    for (const host of ['t1.example', 't2.example']) {
      await backend(page, 'AddEntry', { groupId: g.id, host, account: 'tom', complexity: 1, length: 16,
        lowercase: true, uppercase: true, numbers: true, symbols: true });
    }
    await ensureUnlocked(page);
    const inTree = '#group-tree .group-name:text-is("Trashy")';
    const removeViaUI = async () => {
      await selectGroup(page, 'Trashy');
      await page.click('#remove-group');
      await visible(page, '#confirm-dialog');
      await page.click('#confirm-ok');
      await page.locator(inTree).waitFor({ state: 'detached', timeout: STEP_MS });
    };
    await removeViaUI();
    await visible(page, '.toast .toast-action');
    const toastText = await text(page, '.toast');
    check(/Trashy/.test(toastText) && /Trash/.test(toastText), `the removal toast says "${toastText}"`);
    check((await backend(page, 'Search', 't1.example', 0, 10)).total === 0, 'a trashed entry is still found');
    await page.click('.toast .toast-action');
    await visible(page, inTree);
    check((await backend(page, 'Search', 'tom', 0, 10)).total === 2, 'Undo should bring both entries back');

    await removeViaUI();
    await page.waitForFunction(() => document.getElementById('trash-open')?.textContent === 'Trash (1)', null, { timeout: STEP_MS });
    const label = await text(page, '#trash-open');
    await page.click('#trash-open');
    await visible(page, '#trash-dialog');
    await visible(page, '#trash-list .trash-item');
    const listed = await text(page, '#trash-list .trash-item');
    check(/Trashy/.test(listed) && /2 entries/.test(listed), `the Trash lists "${listed}"`);
    await page.click('#trash-list .trash-item .trash-restore');
    await visible(page, '#trash-list .trash-none');
    await page.click('#trash-close');
    await hidden(page, '#trash-dialog');
    await visible(page, inTree);
    check((await backend(page, 'Search', 'tom', 0, 10)).total === 2, 'Restore should bring both entries back');
    // Leave the vault as the later flows expect it.
    const item = await backend(page, 'RemoveGroup', g.id);
    await backend(page, 'DeleteFromTrash', item.ref);
    return { toast: toastText, label, listed };
  },

  // 9. A bad file: its message, and the vault unchanged.
  async badBackup(page) {
    await ensureUnlocked(page);
    const before = await vaultSnapshot(page);
    const results = [];
    for (const path of params.badPaths) {
      const r = await importVia(page, path);
      check(r.title === 'Import failed', `importing ${path} should fail, the dialog says "${r.title}"`);
      check(r.error !== '', 'a failed import should give its reason');
      results.push(r.error);
    }
    const after = await vaultSnapshot(page);
    check(JSON.stringify(after) === JSON.stringify(before), 'a failed import changed the vault');
    return { messages: results };
  },
};

async function main() {
  const flow = flows[flowName];
  if (!flow || !url) {
    console.error(`usage: node flows.mjs FLOW URL (flows: ${Object.keys(flows).join(', ')})`);
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // A context of its own: axe-core (@axe-core/playwright) needs one.
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let result;
  try {
    const data = await flow(page);
    check(pageErrors.length === 0, `uncaught page errors: ${pageErrors.join('; ')}`);
    result = { ok: true, data };
  } catch (err) {
    const shot = params.shotDir ? join(params.shotDir, `${flowName}-failed.png`) : '';
    if (shot) await page.screenshot({ path: shot }).catch(() => {});
    result = { ok: false, error: err instanceof FlowError ? err.message : String(err?.stack ?? err), screenshot: shot };
  } finally {
    await browser.close();
  }
  console.log(`E2E-RESULT ${JSON.stringify(result)}`);
}

await main();

// Drives the UI against dev/mock-api.js and saves screenshots, light and dark.
// Usage: npx vite --port 5179 & node dev/screenshots.mjs [outdir]
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:5179/';
const out = process.argv[2] ?? '/tmp/forgiva-shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const errors = [];

async function session(scheme) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, colorScheme: scheme });
  page.on('pageerror', (e) => errors.push(`${scheme}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${scheme} console: ${m.text()}`));
  const shot = (name) => page.screenshot({ path: `${out}/${scheme}-${name}.png` });

  await page.goto(`${base}?mock=1`);
  await page.fill('#vault-password', 'abc');
  await page.waitForTimeout(400);
  await shot('01-create-weak');
  await page.click('#unlock-submit');
  await page.waitForTimeout(100);
  await shot('02-create-error');

  await page.goto(`${base}?mock=1&seed=1`);
  await page.fill('#vault-password', 'wrong');
  await page.press('#vault-password', 'Enter');
  await page.waitForSelector('#vault-password-error:not([hidden])');
  await shot('03-unlock-wrong');
  await page.fill('#vault-password', 'correct horse battery');
  await page.press('#vault-password', 'Enter');
  await page.waitForSelector('#group-tree [data-group-id]');
  await page.click('[data-group-id] >> text=Personal');
  await page.waitForSelector('[data-entry-id]');
  await shot('04-main');

  await page.click('#group-tree [data-group-id] >> text=Work');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  await page.click('#group-tree [data-group-id] >> text=Mail');
  await page.waitForSelector('#page-info:has-text("1–100 of 340")');
  await page.click('#page-next');
  await page.waitForSelector('#page-info:has-text("101–200 of 340")');
  await shot('05-paged');

  await page.keyboard.press('Control+f');
  await page.keyboard.type('git');
  await page.waitForTimeout(400);
  await shot('06-search');
  await page.keyboard.press('Escape');

  await page.click('[data-group-id] >> text=Personal');
  await page.waitForSelector('[data-entry-id]');
  await page.click('#add-entry');
  await page.fill('#entry-host', 'git');
  await page.waitForTimeout(300);
  await shot('07-add-entry');
  await page.fill('#entry-host', '');
  await page.click('#entry-save');
  await page.waitForSelector('#entry-host-error:not([hidden])');
  await shot('08-add-entry-error');
  await page.fill('#entry-host', 'shop.example.com');
  await page.fill('#entry-account', 'buyer');
  await page.click('#entry-save-generate');
  await page.waitForSelector('#master-key');
  await page.fill('#master-key', 'secret one');
  await page.fill('#master-key-confirm', 'secret two');
  await page.press('#master-key-confirm', 'Enter');
  await page.waitForSelector('#master-key-confirm-error:not([hidden])');
  await shot('09-master-key-mismatch');
  await page.fill('#master-key', 'secret one');
  await page.fill('#master-key-confirm', 'secret one');
  await page.press('#master-key-confirm', 'Enter');
  await page.waitForSelector('#animal-grid [data-animal="Ape"]');
  await shot('10-animals');
  await page.click('[data-animal="Fox"]');
  await page.waitForSelector('#password-output:not([hidden]) span');
  await shot('11-password');
  await page.click('#copy-password');
  await page.waitForTimeout(1200);
  await shot('12-copied');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  const leftover = await page.$('#password-output');
  if (leftover) errors.push(`${scheme}: password output still in DOM after close`);

  // Edit warns about a password change.
  await page.click('[data-entry-id]:has-text("github.com") [data-action="edit"]');
  await page.fill('#entry-length', '20');
  await page.waitForTimeout(100);
  await shot('13-edit-warning');
  await page.keyboard.press('Escape');

  await page.click('[data-entry-id]:has-text("github.com") [data-action="renew"]');
  await shot('14-renew');
  await page.click('#renew-confirm');
  await page.waitForSelector('#master-key');
  await shot('15-renew-key');
  await page.keyboard.press('Escape');

  await page.click('#remove-group');
  await page.waitForSelector('#confirm-dialog');
  await shot('16-remove-group');
  await page.click('#confirm-cancel');

  await page.click('#settings-open');
  await page.waitForSelector('#settings-dialog');
  await page.fill('#setting-enterprise_salt', 'xyz');
  await page.press('#setting-enterprise_salt', 'Enter');
  await page.waitForTimeout(100);
  await shot('17-settings');
  await page.evaluate(() => document.querySelector('#settings-dialog').scrollTo(0, 10000));
  await shot('18-settings-bottom');
  await page.keyboard.press('Escape');

  await page.click('#import-open');
  await page.waitForSelector('#import-summary');
  await shot('19-import');
  await page.keyboard.press('Escape');
  await page.click('#export-open');
  await page.click('#export-submit');
  await page.waitForSelector('#export-result:not([hidden])');
  await shot('20-export');
  await page.keyboard.press('Escape');

  await page.click('#about-open');
  await shot('21-about');
  await page.keyboard.press('Escape');

  await page.evaluate(() => window.runtime.EventsEmit('tray:quick', {}));
  await page.waitForSelector('#quick-search');
  await page.keyboard.type('mail.ex');
  await page.waitForSelector('#quick-results [data-entry-id]');
  await shot('22-quick');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#master-key');
  await page.fill('#master-key', 'k');
  if (await page.$('#master-key-confirm')) await page.fill('#master-key-confirm', 'k');
  await page.keyboard.press('Enter');
  await page.click('[data-animal="Zebra"]');
  await page.waitForSelector('#copy-status.copied');
  await shot('23-quick-copied');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+l');
  await page.waitForSelector('#vault-password');
  await shot('24-locked');
  await page.close();
}

await session('light');
await session('dark');
await browser.close();
console.log(errors.length ? `problems:\n${errors.join('\n')}` : 'no page errors');

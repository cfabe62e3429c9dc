// Screenshots of every screen, in both languages and at the minimum window size, driven by
// keyboard where a user would: for looking at the app as a user does (not a test).
// Run through run.sh with ZOS_E2E_SCRIPT=screens.mjs and ZOS_SCREENS_DIR=<folder>
// (scripts/sandbox.sh --screens DIR does this on the sandbox data).
import { need, openApp } from './app-session.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DIR = need('ZOS_SCREENS_DIR');
mkdirSync(DIR, { recursive: true });
const TIMEOUT = 20_000;
const browser = await openApp();
const el = (id) => browser.$(`[data-testid="${id}"]`);
async function shown(id) {
  const e = await el(id);
  await e.waitForDisplayed({ timeout: TIMEOUT });
  return e;
}
async function click(id) {
  const e = await el(id);
  await e.waitForClickable({ timeout: TIMEOUT });
  await e.click();
}
async function type(id, text) {
  await (await shown(id)).setValue(text);
}
const painted = () => browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
async function shot(name) {
  await painted();
  await new Promise((r) => setTimeout(r, 250));
  const file = join(DIR, `${name}.png`);
  await browser.saveScreenshot(file);
  console.log(`screenshot: ${file}`);
}
const focused = () => browser.execute(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const go = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);

try {
  const [w, h] = (process.env.ZOS_SCREENS_SIZE || '900x560').split('x').map(Number);
  await browser.setWindowSize(w, h);
  await shot('01-welcome');
  await click('profile-add');
  await type('profile-name', 'Sandbox radosgw');
  await type('profile-endpoint', `${need('ZOS_TEST_ENDPOINT')}/bucket`);
  await type('profile-access-key', need('ZOS_TEST_ACCESS_KEY'));
  await type('profile-secret-key', need('ZOS_TEST_SECRET_KEY'));
  await shown('profile-endpoint-error');
  await shot('02-profile-endpoint-with-path');
  await (await el('profile-endpoint')).setValue(need('ZOS_TEST_ENDPOINT'));
  await browser.waitUntil(async () => !(await (await el('profile-endpoint-error')).isExisting()), { timeout: TIMEOUT });
  await click('profile-test');
  await browser.waitUntil(async () => (await (await el('profile-test-result')).getText()).length > 0, { timeout: TIMEOUT });
  await shot('03-profile-tested');
  await click('profile-save');
  await click('bucket-item-photos');
  await shown('object-table');
  await shot('04-objects');
  const profileId = await browser.execute(() => document.querySelector('[data-testid="profile-select"]').value);

  for (const lang of ['en', 'zh-CN']) {
    await (await shown('lang-switch')).selectByAttribute('value', lang);
    await go(`/p/${profileId}/b/photos/settings/versioning`);
    await shown('versioning-status');
    await shot(`10-${lang}-settings-versioning`);
    // Keyboard: focus the enable button, Enter opens the warning; focus lands on Cancel;
    // Escape closes it and focus returns to the button.
    await browser.execute(() => document.querySelector('[data-testid="versioning-enable"]').focus());
    await browser.keys('Enter');
    await shown('confirm-dialog');
    console.log(`${lang}: focus in the dialog on ${await focused()}`);
    await shot(`11-${lang}-versioning-warning`);
    await browser.keys('Escape');
    await (await el('confirm-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    console.log(`${lang}: focus back on ${await focused()}`);
    await go(`/p/${profileId}/topics`);
    await painted();
    await shot(`12-${lang}-topics`);
    await go('/transfers');
    await painted();
    await shot(`13-${lang}-transfers`);
    await go(`/p/${profileId}/b/photos?prefix=${encodeURIComponent('2026/trips/')}`);
    await shown('object-table');
    await shot(`14-${lang}-objects-deep-link`);
    await click('bucket-new');
    await shown('bucket-dialog');
    await shot(`15-${lang}-create-bucket`);
    await browser.keys('Escape');
  }
  // The native upload dialog (rfd, GTK), opened from Rust: no answers file is written here, so
  // the e2e hook stays out of the way. A screenshot of the whole screen shows it.
  await go(`/p/${profileId}/b/photos`);
  await click('object-upload');
  await new Promise((r) => setTimeout(r, 3000));
  const file = join(DIR, '20-native-upload-dialog.png');
  execFileSync('import', ['-window', 'root', file]);
  console.log(`screenshot: ${file}`);
} finally {
  await browser.deleteSession();
}

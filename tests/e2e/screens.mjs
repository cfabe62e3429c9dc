// Screenshots of every screen, in both languages and at the minimum window size, driven by
// keyboard where a user would: for looking at the app as a user does (not a test).
// Run through run.sh with ZOS_E2E_SCRIPT=screens.mjs and ZOS_SCREENS_DIR=<folder>
// (scripts/sandbox.sh --screens DIR does this on the sandbox data).
import { need, openApp, windowShot } from './app-session.mjs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = need('ZOS_SCREENS_DIR');
mkdirSync(DIR, { recursive: true });
const TIMEOUT = 20_000;
let browser = await openApp();
const el = (id) => browser.$(`[data-testid="${id}"]`);
async function shown(id) {
  const e = await el(id);
  await e.waitForDisplayed({ timeout: TIMEOUT });
  return e;
}
async function click(id) {
  const e = await el(id);
  await e.waitForExist({ timeout: TIMEOUT });
  // As a user scrolls to it (a long menu, a full sidebar): in view first.
  await browser.execute((testId) => document.querySelector(`[data-testid="${testId}"]`)?.scrollIntoView({ block: 'nearest' }), id);
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
  await windowShot(browser, file);
  console.log(`screenshot: ${file}`);
}
/** Answers the app's next file dialogs (the debug-only e2e hook reads this file in Rust). */
const ANSWERS = need('ZOS_E2E_DIALOG_ANSWERS');
const answerDialogs = (answers) => writeFileSync(ANSWERS, JSON.stringify({ open: [], save: null, folder: null, ...answers }));
async function noticeSays(text) {
  await browser.waitUntil(async () => (await (await el('notice')).getText()).includes(text), {
    timeout: TIMEOUT,
    timeoutMsg: `the notice never said "${text}"`,
  });
}
/** Replaces a field's text as a user does: select all, type. */
async function retype(id, text) {
  await (await shown(id)).click();
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  // addValue, not keys(): WebKitWebDriver's key actions drop Shift here ("_" arrives as "-").
  // The element is looked up again: clearing it may have rendered a new one.
  await (await shown(id)).addValue(text);
}
/** Puts text in a field as a paste does (one input event): typed keys sometimes lose Shift. */
async function paste(id, text) {
  await (await shown(id)).click();
  await browser.execute(
    (testId, value) => {
      const box = document.querySelector(`[data-testid="${testId}"]`);
      const proto = box instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(box, value);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    id,
    text,
  );
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

  // Transfers to look at: a folder uploaded (done), the same folder with changed files again
  // (it waits for a decision), and a big file sent slowly under a bandwidth limit (running).
  const local = mkdtempSync(join(tmpdir(), 'zos-screens-'));
  const folder = join(local, '假期 holiday');
  mkdirSync(join(folder, '海边 sea'), { recursive: true });
  const fill = () => {
    for (let i = 1; i <= 12; i++) writeFileSync(join(folder, '海边 sea', `照片 ${i}.jpg`), randomBytes(40_000 + i));
    writeFileSync(join(folder, 'notes.txt'), randomBytes(900));
  };
  fill();
  const big = join(local, 'backup 2026.tar');
  writeFileSync(big, randomBytes(160 * 1024 * 1024));
  await (await shown('lang-switch')).selectByAttribute('value', 'en');
  answerDialogs({ folder });
  await click('object-upload-folder');
  await noticeSays('Uploaded 13 files.');
  fill();
  await click('object-upload-folder');
  await (await el('conflict-decision')).waitForDisplayed({ timeout: TIMEOUT });
  await shot('30-objects-upload-needs-decision');

  // The settings dialog, by keyboard: a refused value first, then a limit that keeps the big
  // file running while the screens are taken.
  await go('/transfers');
  await browser.execute(() => document.querySelector('[data-testid="transfers-settings"]').focus());
  await browser.keys('Enter');
  await shown('transfer-settings-dialog');
  await retype('transfer-settings-part-size', '2');
  await click('transfer-settings-save');
  await shown('transfer-settings-part-size-error');
  await shot('31-transfer-settings-refused');
  await retype('transfer-settings-part-size', '16');
  await click('transfer-settings-unlimited');
  await retype('transfer-settings-bandwidth', '2048');
  await click('transfer-settings-save');
  await (await el('transfer-settings-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });

  await go(`/p/${profileId}/b/photos`);
  answerDialogs({ open: [big] });
  await click('object-upload');
  await (await el('transfers')).waitForDisplayed({ timeout: TIMEOUT });
  await browser.pause(1500); // a speed and a time left to show
  await shot('32-objects-upload-running');
  rmSync(ANSWERS, { force: true });

  // The configuration tabs of "Bucket settings I", each in both languages: what the sandbox's
  // photos bucket holds, and an unsaved edit where a tab starts empty.
  for (const lang of ['en', 'zh-CN']) {
    await (await shown('lang-switch')).selectByAttribute('value', lang);
    for (const tab of ['policy', 'acl', 'cors', 'website', 'tags', 'lifecycle', 'objectLock', 'encryption', 'logging', 'notifications', 'requestPayment', 'capabilities']) {
      await go(`/p/${profileId}/b/photos/settings/${tab}`);
      await shown(`settings-${tab}`);
      await new Promise((r) => setTimeout(r, 600));
      if (tab === 'policy' && (await (await el('policy-empty')).isExisting())) {
        await (await shown('policy-template')).selectByAttribute('value', 'refererAllowList');
        await click('policy-template-apply');
      }
      if (tab === 'cors' && (await (await el('cors-empty')).isExisting())) {
        await click('cors-add-rule');
        await type('cors-rule-0-origins', 'https://*.example.*');
      }
      await shot(`20-${lang}-settings-${tab}`);
    }
    await go(`/p/${profileId}/b/photos/settings/policy`);
    await shown('settings-policy');
    await new Promise((r) => setTimeout(r, 600));
    if (await (await el('config-view-json')).isExisting()) {
      await click('config-view-json');
      await shot(`21-${lang}-settings-policy-json`);
    }
  }

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
    await shown('transfer-list');
    await shot(`13-${lang}-transfers`);
    // The done folder upload's files (the oldest row but one), through its Details button.
    await browser.execute(() => [...document.querySelectorAll('[data-testid="transfer-details"]')].at(-1).click());
    await shown('transfer-items');
    await shot(`13b-${lang}-transfer-details`);
    await browser.execute(() => [...document.querySelectorAll('[data-testid="transfer-details"]')].at(-1).click());
    // Cancel asks first while files remain: "Keep it" (Escape) leaves the transfer running.
    await browser.execute(() => document.querySelector('[data-state="running"] [data-testid="transfer-cancel"]')?.focus());
    await browser.keys('Enter');
    await shown('confirm-dialog');
    await shot(`13c-${lang}-transfer-cancel-confirm`);
    await browser.keys('Escape');
    await (await el('confirm-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await browser.execute(() => document.querySelector('[data-testid="transfers-settings"]').focus());
    await browser.keys('Enter');
    await shown('transfer-settings-dialog');
    await shot(`13d-${lang}-transfer-settings`);
    await browser.keys('Escape');
    await (await el('transfer-settings-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await go(`/p/${profileId}/b/photos?prefix=${encodeURIComponent('2026/trips/')}`);
    await shown('object-table');
    await shot(`14-${lang}-objects-deep-link`);
    // Image process: the row's context menu, then a pipeline typed in: a resize and a Chinese
    // text watermark ("中文水印", URL-safe base64), previewed by the local engine.
    await click('object-row-2026/trips/海边 日落.jpg');
    await (await el('object-row-2026/trips/海边 日落.jpg')).click({ button: 'right' });
    await shown('row-menu');
    await click('row-menu-image');
    await shown('image-panel');
    await retype('image-pipeline', 'image/resize,w_600/watermark,text_5Lit5paH5rC05Y2w,size_48,g_se,t_80');
    await browser.keys(['Enter']);
    // A picture either way: this script is for looking, not a test.
    await browser
      .waitUntil(async () => (await (await el('image-result-facts')).getText()).startsWith('600'), { timeout: 60_000 })
      .catch(async () => console.log(`${lang}: the result shows "${await (await el('image-result-facts')).getText()}"`));
    await shot(`16-${lang}-image-process`);
    await retype('image-pipeline', 'image/resize,w_0');
    await shown('image-pipeline-problem');
    await shot(`17-${lang}-image-process-problem`);
    await browser.keys('Escape');
    await (await el('image-panel')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    console.log(`${lang}: focus after closing the image panel on ${await focused()}`);
    await click('bucket-new');
    await shown('bucket-dialog');
    await shot(`15-${lang}-create-bucket`);
    await browser.keys('Escape');
    await (await el('bucket-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });

    // The quick filter over 2,500 rows: `/` from the table, a glob typed.
    await go(`/p/${profileId}/b/logs?prefix=${encodeURIComponent('app/2026-11-28/')}`);
    await shown('object-table');
    await browser.execute(() => document.querySelector('[data-testid="object-table"]').focus());
    await browser.keys('/');
    await (await shown('object-filter')).addValue('*-000012?.txt');
    await shown('object-filter-count');
    await shot(`40-${lang}-quick-filter`);
    await browser.keys('Escape');

    // Metadata search: a query typed (the builder follows), radosgw has none, run here.
    await go(`/p/${profileId}/search?bucket=photos`);
    await shown('search-page');
    await paste('search-query', 'content_type==image/jpeg and size>100000');
    await shot(`41-${lang}-search-query`);
    await click('search-run');
    await browser
      .waitUntil(async () => (await (await el('search-no-server')).isExisting()) || (await (await el('search-hit')).isExisting()), { timeout: 30_000 })
      .catch(() => console.log(`${lang}: the search showed neither a hit nor "no server"`));
    if (await (await el('search-no-server')).isExisting()) {
      await shot(`42-${lang}-search-no-server`);
      await click('search-run-local');
    }
    await shown('search-hit').catch(() => console.log(`${lang}: no search hit`));
    await shot(`43-${lang}-search-results`);

    // Sharing: the download link with its QR code, and the upload form.
    await go(`/p/${profileId}/b/documents`);
    await shown('object-row-README.txt');
    await (await el('object-row-README.txt')).click({ button: 'right' });
    await click('row-menu-share');
    await shown('share-dialog');
    await click('share-get-create');
    await shown('share-qr');
    await shot(`44-${lang}-share-link`);
    await click('share-tab-post');
    await retype('share-post-key', 'inbox/');
    await click('share-post-create');
    await shown('share-post-fields');
    await shot(`45-${lang}-share-upload-form`);
    await browser.keys('Escape');
    await (await el('share-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });

    // Details (the pane starts closed at 900 px: the toolbar's toggle), then Edit metadata….
    await click('object-row-config.json');
    if (!(await (await el('details-pane')).isExisting())) await click('details-toggle');
    await shown('details-edit-metadata');
    await shot(`46-${lang}-details`);
    await click('details-edit-metadata');
    await shown('metadata-dialog');
    await click('metadata-add');
    await type('metadata-name-0', 'owner');
    await type('metadata-value-0', 'ops');
    await shot(`47-${lang}-edit-metadata`);
    await browser.keys('Escape');
    await (await el('metadata-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await click('details-toggle');

    // Preview from the keyboard: F3 on a GBK text, → to the next object (JSON).
    await click('object-row-说明 GBK.txt');
    await browser.execute(() => document.querySelector('[data-testid="object-table"]').focus());
    await browser.keys('F3');
    await shown('preview-text');
    await shot(`48-${lang}-preview-gbk-text`);
    await browser.keys('Escape');
    await (await el('preview-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await click('object-row-config.json');
    await browser.execute(() => document.querySelector('[data-testid="object-table"]').focus());
    await browser.keys('F3');
    await shown('preview-dialog');
    await shot(`49-${lang}-preview-json`);
    await browser.keys('Escape');
    await (await el('preview-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await go(`/p/${profileId}/b/documents?prefix=${encodeURIComponent('reports/')}`);
    await click('object-row-reports/usage.csv');
    await browser.execute(() => document.querySelector('[data-testid="object-table"]').focus());
    await browser.keys('F3');
    await shown('preview-csv').catch(() => console.log(`${lang}: no CSV table`));
    await shot(`50-${lang}-preview-csv`);
    await browser.keys('Escape');
    await (await el('preview-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });

    // Open bucket… by name (a folder in it), kept as a bookmark; a star on another bucket.
    await click('bookmark-open-bucket');
    await shown('open-bucket-dialog');
    await type('open-bucket-name', 'documents');
    await type('open-bucket-prefix', 'reports');
    await shown('open-bucket-prefix-shown');
    await shot(`51-${lang}-open-bucket`);
    await click('open-bucket-submit');
    await (await el('open-bucket-dialog')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await shown('bookmark-item-documents/reports/');
    const star = await el('bucket-star-photos');
    await star.scrollIntoView();
    await star.click();
    await shown('bookmark-item-photos/');
    await shot(`52-${lang}-bookmarks`);
    await click('bookmark-remove-documents/reports/');
    await click('bookmark-remove-photos/');

    // Profiles out and in: export to a file (the native save dialog answered), then import it.
    // (The sidebar is scrolled down by now: back to its top, where the profile's menu is.)
    await browser.execute(() => document.querySelector('.sidebar')?.scrollTo(0, 0));
    const exported = join(tmpdir(), `zos-screens-profiles-${lang}.json`);
    try {
    answerDialogs({ save: exported });
    await click('profile-exchange-menu');
    await click('profile-export');
    await shown('export-profiles-dialog');
    await shot(`53-${lang}-export-profiles`);
    await click('export-save');
    await shown('export-done');
    await click('export-close');
    answerDialogs({ open: [exported] });
    await click('profile-exchange-menu');
    await click('profile-import');
    await shown('import-profiles-dialog');
    await shot(`54-${lang}-import-profiles`);
    await click('import-close');
    await click('profile-exchange-menu');
    await click('profile-import-aws');
    await shown('aws-import-dialog');
    await shot(`55-${lang}-import-aws`);
    await click('aws-close');
    } catch (e) {
      console.log(`${lang}: profile export/import screens: ${e.message}`);
      await browser.keys('Escape');
    }
    rmSync(exported, { force: true });
  }
  // Quit with the big upload running (and the folder waiting): the next start offers both again.
  await browser.deleteSession();
  browser = await openApp();
  await browser.setWindowSize(w, h);
  await shown('bucket-list');
  await shown('transfers-interrupted');
  for (const lang of ['en', 'zh-CN']) {
    await (await shown('lang-switch')).selectByAttribute('value', lang);
    await go(`/p/${profileId}/b/photos`);
    await shown('object-table');
    await shot(`33-${lang}-interrupted-banner`);
  }
  // Dismissed: asked first, then they are cancelled.
  await browser.execute(() => document.querySelector('[data-testid="transfers-dismiss-interrupted"]').focus());
  await browser.keys('Enter');
  await shown('confirm-dialog');
  await shot('34-zh-CN-interrupted-dismiss');
  await click('confirm-ok');
  await (await el('transfers-interrupted')).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
  // The native upload dialog (rfd, GTK), opened from Rust: the answers file is gone, so the e2e
  // hook stays out of the way. A screenshot of the whole screen shows it.
  await go(`/p/${profileId}/b/photos`);
  await click('object-upload');
  await new Promise((r) => setTimeout(r, 3000));
  const file = join(DIR, '20-native-upload-dialog.png');
  execFileSync('import', ['-window', 'root', file]);
  console.log(`screenshot: ${file}`);
} finally {
  await browser.deleteSession();
}

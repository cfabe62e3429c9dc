// A short tour of the real app on the sandbox data, ending in the README screenshot:
// add the sandbox profile, open the "photos" bucket, enter 2026/trips/, select an image.
// Run through run.sh with ZOS_E2E_SCRIPT=tour.mjs and ZOS_TOUR_SHOT=<png path>
// (scripts/sandbox.sh --screenshot does this).
import { need, openApp, windowShot } from './app-session.mjs';

const TIMEOUT = 20_000;
const browser = await openApp();
const el = (id) => browser.$(`[data-testid="${id}"]`);
async function click(id) {
  const e = await el(id);
  await e.waitForClickable({ timeout: TIMEOUT });
  await e.click();
}
async function type(id, text) {
  const e = await el(id);
  await e.waitForDisplayed({ timeout: TIMEOUT });
  await e.setValue(text);
}
try {
  await click('profile-add');
  await type('profile-name', 'Sandbox radosgw');
  await type('profile-endpoint', need('ZOS_TEST_ENDPOINT'));
  await type('profile-access-key', need('ZOS_TEST_ACCESS_KEY'));
  await type('profile-secret-key', need('ZOS_TEST_SECRET_KEY'));
  await click('profile-save');
  await click('bucket-item-photos');
  await browser.$('[data-testid="object-row-2026/"]').waitForDisplayed({ timeout: TIMEOUT });
  await browser.$('[data-testid="object-row-2026/"]').doubleClick();
  await browser.$('[data-testid="object-row-2026/trips/"]').waitForDisplayed({ timeout: TIMEOUT });
  await browser.$('[data-testid="object-row-2026/trips/"]').doubleClick();
  const row = browser.$('[data-testid="object-row-2026/trips/sea.jpg"]');
  await row.waitForDisplayed({ timeout: TIMEOUT });
  await row.click();
  await browser.$('[data-testid="details-contentType"]').waitForDisplayed({ timeout: TIMEOUT });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await windowShot(browser, need('ZOS_TOUR_SHOT'));
  console.log(`screenshot: ${process.env.ZOS_TOUR_SHOT}`);
} finally {
  await browser.deleteSession();
}

// The WebDriver session on the real app that the driver scripts (tour.mjs, screens.mjs) share.
// Run them through run.sh, which starts tauri-driver and sets the variables read here.
import { execFileSync } from 'node:child_process';
import { remote } from 'webdriverio';

/** An environment variable that must be set. */
export function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** A new window of the app (ZOS_E2E_APP) through tauri-driver on ZOS_E2E_DRIVER_PORT. */
export function openApp() {
  return remote({
    hostname: '127.0.0.1',
    port: Number(process.env.ZOS_E2E_DRIVER_PORT || 4444),
    logLevel: 'error',
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: need('ZOS_E2E_APP') },
    },
  });
}

/**
 * A PNG of the app's window as the X server shows it (ImageMagick's import, cropped to the
 * window). Not WebDriver's screenshot: with WebKit's GL compositing off (the app's choice
 * without a GPU, src-tauri/src/rendering.rs) WebKitWebDriver's snapshot can wait forever early
 * in a session, while the window itself is drawn.
 */
export async function windowShot(browser, file) {
  const { x, y, width, height } = await browser.getWindowRect();
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}`, '+repage', file]);
}

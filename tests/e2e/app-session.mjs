// The WebDriver session on the real app that the driver scripts (tour.mjs, screens.mjs) share.
// Run them through run.sh, which starts tauri-driver and sets the variables read here.
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

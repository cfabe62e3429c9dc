// Benchmark of the real ZOS Browser window (release build), driven by WebDriver:
// tauri-driver (started here) + WebKitWebDriver, under Xvfb, inside a throwaway keyring that
// already holds the profile's secret. bench/run.sh sets all this up and calls this script;
// it prints progress and figures on stdout and writes them as JSON to $ZOS_BENCH_APP_OUT.
//
// Figures:
//   cold start   from the session request (which launches the app) to the bucket list shown
//   idle PSS     app + all its descendants (WebKitWebProcess, WebKitNetworkProcess, ...)
//   first page   path-input + Enter -> first object row shown
//   all rows     scroll the virtualized table to the end until loaded-count says COUNT;
//                PSS before, and once a second for ZOS_BENCH_SETTLE_S (30) s after (JSC collects
//                the loading's garbage in its own time: seen from 5 s to 25 s later), the last
//                sample is "after"; responsiveness once everything is loaded
//   quick filter with all rows loaded: the name of a row in the middle typed into the filter box
//                one key at a time, then Backspace x3, then a glob (*99*); per keystroke, in the
//                page, from the keydown (a capturing listener on window) to the first animation
//                frame whose DOM shows the expected "N of M" (then setTimeout 0: that frame is
//                painted); every count and the first row shown are checked against the names
//                seeded (a filter that shows the wrong rows breaks the bench, it is not timed)
//   diagnosis    each list_objects IPC call timed in the page (a fetch wrapper): Rust + S3 vs
//                response.json() vs the page's own work between calls; long frames while loading
//
// Environment: see bench/run.sh, which sets it; ZOS_BENCH_PERF=1 adds perf reports.
//
// A slow figure never fails this script; a broken set-up (no app, no row, no count) does.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

// --- environment (set by run.sh) -----------------------------------------------------------
function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run this through bench/run.sh`);
  }
  return value;
}
const APP = realpathSync(env('ZOS_BENCH_APP'));
const BUCKET = env('ZOS_BENCH_BUCKET');
const PREFIX = env('ZOS_BENCH_PREFIX');
const COUNT = Number(env('ZOS_BENCH_COUNT'));
const PORT = Number(env('ZOS_BENCH_DRIVER_PORT', '4444'));
const NATIVE_PORT = PORT + 1;
const OUT = env('ZOS_BENCH_APP_OUT');
const LOG_DIR = env('ZOS_BENCH_LOG_DIR');
const PROFILE_NAME = env('ZOS_BENCH_PROFILE', 'Bench');
// A label for this pass (run.sh runs the app as shipped, then with WEBKIT_DISABLE_COMPOSITING_MODE=0).
const VARIANT = env('ZOS_BENCH_VARIANT', 'default');
// Generous ceilings: only a broken set-up should ever hit them.
const START_TIMEOUT = 120_000;
const STEP_TIMEOUT = 60_000;
const LOAD_ALL_TIMEOUT = Number(process.env.ZOS_BENCH_LOAD_ALL_TIMEOUT_S || 1200) * 1000;
const NO_PROGRESS_TIMEOUT = 120_000;
const SETTLE_S = Number(process.env.ZOS_BENCH_SETTLE_S || 30);
// ZOS_BENCH_PERF=1: `perf record -g` the app and its WebKit processes while all rows load (a
// diagnosis: it slows that phase down), with reports in the log directory.
const PERF = process.env.ZOS_BENCH_PERF === '1';

const log = (msg) => console.log(`[app ${VARIANT}] ${msg}`);
const ms = (v) => `${v.toFixed(0)} ms`;
const mib = (kib) => kib / 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// --- processes and memory ------------------------------------------------------------------
function procTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      table.set(Number(name), { pid: Number(name), ppid, comm });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

function descendants(table, root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    for (const p of table.values()) {
      if (p.ppid === pid) {
        out.push(p.pid);
        stack.push(p.pid);
      }
    }
  }
  return out;
}

/** The app process: our APP binary, started under our tauri-driver (-> WebKitWebDriver -> app). */
function findAppPid(driverPid) {
  const table = procTable();
  for (const pid of descendants(table, driverPid)) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === APP) return pid;
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

function pssKiB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The program's file name (comm is cut at 15 characters: "WebKitWebProces"). */
function procName(pid) {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
    return argv0 ? argv0.split('/').pop() : null;
  } catch {
    return null;
  }
}

/** PSS of the app and every descendant, per process and summed (KiB). */
function pssTree(appPid) {
  const table = procTable();
  const procs = [appPid, ...descendants(table, appPid)]
    .map((pid) => ({ pid, name: procName(pid) ?? table.get(pid)?.comm ?? '?', pss_kib: pssKiB(pid) }))
    .filter((p) => p.pss_kib !== null);
  return { total_kib: procs.reduce((a, p) => a + p.pss_kib, 0), processes: procs };
}

function printPss(label, pss) {
  log(`${label}: PSS ${mib(pss.total_kib).toFixed(1)} MiB total`);
  for (const p of pss.processes) {
    log(`    ${String(p.pid).padStart(7)} ${p.name.padEnd(22)} ${mib(p.pss_kib).toFixed(1).padStart(8)} MiB`);
  }
}

// --- tauri-driver ----------------------------------------------------------------------------
function portOpen(port) {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function startDriver() {
  for (const p of [PORT, NATIVE_PORT]) {
    if (await portOpen(p)) throw new Error(`127.0.0.1:${p} is already in use (run.sh should have picked a free pair)`);
  }
  const out = createWriteStream(`${LOG_DIR}/tauri-driver-${VARIANT}.log`);
  await once(out, 'open');
  const child = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    stdio: ['ignore', out, out],
  });
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = signal ?? code;
  });
  // tauri-driver opens its port before WebKitWebDriver listens on the native one: a session
  // asked for in between fails (UND_ERR_SOCKET). Wait for both.
  const deadline = Date.now() + 30_000;
  while (!((await portOpen(PORT)) && (await portOpen(NATIVE_PORT)))) {
    if (exited !== null) throw new Error(`tauri-driver exited (${exited}) during startup: see ${LOG_DIR}/tauri-driver-${VARIANT}.log`);
    if (Date.now() > deadline) throw new Error(`tauri-driver/WebKitWebDriver not listening on ${PORT}/${NATIVE_PORT} after 30 s`);
    await sleep(50);
  }
  return child;
}

/** Kills a process and its descendants by PID (tauri-driver -> WebKitWebDriver -> app -> WebKit). */
function killTree(pid) {
  const table = procTable();
  for (const p of [...descendants(table, pid).reverse(), pid]) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// --- perf (optional) ---------------------------------------------------------------------------
function startPerf(appPid) {
  const pids = [appPid, ...descendants(procTable(), appPid)].join(',');
  const data = `${LOG_DIR}/perf-${VARIANT}.data`;
  const child = spawn('perf', ['record', '-F', '499', '-g', '-o', data, '-p', pids], {
    stdio: ['ignore', 'ignore', openSync(`${LOG_DIR}/perf-record-${VARIANT}.log`, 'w')],
  });
  log(`perf record -g -p ${pids} -> ${data}`);
  return { child, data };
}

async function stopPerf({ child, data }) {
  child.kill('SIGINT');
  await Promise.race([once(child, 'exit'), sleep(30_000)]);
  for (const [name, sort] of [
    [`perf-${VARIANT}-by-process.txt`, 'comm'],
    [`perf-${VARIANT}-by-dso.txt`, 'comm,dso'],
    [`perf-${VARIANT}-by-symbol.txt`, 'comm,dso,sym'],
  ]) {
    try {
      const out = execFileSync('perf', ['report', '-i', data, '--stdio', '--no-children', '-g', 'none', '--percent-limit', '0.5', '--sort', sort], {
        maxBuffer: 64 << 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      writeFileSync(`${LOG_DIR}/${name}`, out);
    } catch (e) {
      log(`perf report --sort ${sort}: ${e.message}`);
    }
  }
  log(`perf reports: ${LOG_DIR}/perf-${VARIANT}-by-{process,dso,symbol}.txt`);
}

// --- page helpers (one WebDriver round trip per poll) ----------------------------------------
/** @type {WebdriverIO.Browser} */
let browser;

// Runs in the page: is there a displayed element for this selector?
function shownInPage(selector) {
  const el = document.querySelector(selector);
  if (!el) return false;
  const style = getComputedStyle(el);
  return el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
}

async function waitShown(selector, timeout = STEP_TIMEOUT, interval = 10) {
  const deadline = performance.now() + timeout;
  for (;;) {
    if (await browser.execute(shownInPage, selector)) return performance.now();
    if (performance.now() > deadline) throw new Error(`${selector} not shown after ${timeout} ms`);
    await sleep(interval);
  }
}

const tid = (id) => `[data-testid="${id}"]`;
// An object row of the benchmark prefix (rows are `object-row-<full key>`; at the bucket's root
// the folder itself is `object-row-<PREFIX>`, which is not one).
const FIRST_ROW = `[data-testid^="object-row-${PREFIX}"]:not([data-testid="object-row-${PREFIX}"])`;

// Runs in the page: the number loaded-count shows (its first number; separators ignored).
function loadedCountInPage() {
  const el = document.querySelector('[data-testid="loaded-count"]');
  if (!el) return null;
  const m = (el.textContent || '').match(/\d[\d,.\u00a0\u202f' ]*/);
  return m ? Number(m[0].replace(/\D/g, '')) : null;
}

// The element that scrolls the object table (itself, an inner one or an outer one). The app's
// CSP forbids eval / new Function, so each in-page script below carries its own copy of this
// (WebDriver serializes the function's source).
// --- main ------------------------------------------------------------------------------------
const result = {
  variant: VARIANT,
  webkit_env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WEBKIT_'))),
  app: APP,
  bucket: BUCKET,
  prefix: PREFIX,
  count: COUNT,
};
let driver = null;

async function main() {
  log(`app ${APP}; tauri-driver on 127.0.0.1:${PORT}, WebKitWebDriver on ${NATIVE_PORT}; display ${process.env.DISPLAY}`);
  if (!existsSync(APP)) throw new Error(`${APP} does not exist`);
  driver = await startDriver();

  // a. Cold start: the session request launches the app.
  const t0 = performance.now();
  browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'warn',
    connectionRetryCount: 0,
    connectionRetryTimeout: START_TIMEOUT,
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP },
    },
  });
  const tSession = performance.now();
  await browser.setTimeout({ script: 120_000 });
  const appPid = findAppPid(driver.pid);
  if (!appPid) throw new Error(`no ${APP} process under tauri-driver (${driver.pid})`);
  log(`session after ${ms(tSession - t0)} (app pid ${appPid})`);

  // The UI picks the first profile by itself; if not, pick ours in profile-select.
  const bucketSel = tid(`bucket-item-${BUCKET}`);
  let tBuckets;
  try {
    tBuckets = await waitShown(bucketSel, 30_000);
  } catch {
    log('bucket list not shown after 30 s: selecting the profile in profile-select');
    result.profile_selected_by_hand = true;
    const select = await browser.$(tid('profile-select'));
    await select.waitForDisplayed({ timeout: STEP_TIMEOUT });
    await select.selectByVisibleText(PROFILE_NAME);
    tBuckets = await waitShown(bucketSel, START_TIMEOUT);
  }
  result.session_ms = tSession - t0;
  result.cold_start_ms = tBuckets - t0;
  log(`cold start to the bucket list: ${ms(result.cold_start_ms)}`);

  // b. Idle PSS.
  await sleep(3000);
  result.idle_pss = pssTree(appPid);
  printPss('idle after the bucket list (3 s)', result.idle_pss);

  // c. Open the bucket, type the prefix, Enter: time to the first object row.
  await (await browser.$(bucketSel)).click();
  await waitShown(tid('object-table'));
  const input = await browser.$(tid('path-input'));
  await input.waitForDisplayed({ timeout: STEP_TIMEOUT });
  await input.click();
  await input.clearValue();
  if ((await input.getValue()) !== '') {
    await browser.keys(['Control', 'a']);
    await browser.keys(['Backspace']);
  }
  await input.addValue(PREFIX);
  const typed = await input.getValue();
  if (typed !== PREFIX) log(`note: path-input holds "${typed}" after typing "${PREFIX}"`);
  // Install a frame-gap monitor (long frames = the page's main thread was busy).
  await browser.execute(() => {
    const m = (window.__zosBench = { last: performance.now(), gaps: [], running: true });
    const tick = (t) => {
      const gap = t - m.last;
      if (gap > 50) m.gaps.push(gap);
      m.last = t;
      if (m.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Time the IPC calls of the listing (see "Where the loading time went" below).
  await browser.execute(() => {
    const orig = window.fetch;
    window.__zosIpc = [];
    window.fetch = function (input, init) {
      if (!String(input).includes('list_objects')) return orig.call(this, input, init);
      const rec = { start: performance.now() };
      window.__zosIpc.push(rec);
      return orig.call(this, input, init).then((res) => {
        rec.headers = performance.now();
        const json = res.json.bind(res);
        res.json = () =>
          json().then((v) => {
            rec.parsed = performance.now();
            return v;
          });
        return res;
      });
    };
  });
  const t1 = performance.now();
  await input.addValue('\uE007'); // Enter
  const tRow = await waitShown(FIRST_ROW);
  result.ui_first_page_ms = tRow - t1;
  log(`first object row after Enter: ${ms(result.ui_first_page_ms)}`);

  // d. Memory before loading everything, then scroll to the end until all rows are loaded.
  const before = await browser.execute(loadedCountInPage);
  result.loaded_before = before;
  result.pss_before = pssTree(appPid);
  printPss(`before loading all rows (loaded-count ${before})`, result.pss_before);

  result.page_clock_at_load_start = await browser.execute(() => {
    performance.setResourceTimingBufferSize(10000);
    return performance.now();
  });
  const perf = PERF ? startPerf(appPid) : null;
  const tLoad = performance.now();
  let count = before ?? 0;
  let lastProgress = tLoad;
  let best = count;
  let rounds = 0;
  while (count < COUNT) {
    // In the page: keep the table scrolled to its end for up to 2 s, or until the count is reached.
    count = await browser.executeAsync(
      (target, done) => {
        // The table element is the scroll container of the virtual rows (ObjectTable.tsx).
        const scroller = document.querySelector('[data-testid="object-table"]');
        const readCount = () => {
          const el = document.querySelector('[data-testid="loaded-count"]');
          const m = el && (el.textContent || '').match(/\d[\d,.\u00a0\u202f' ]*/);
          return m ? Number(m[0].replace(/\D/g, '')) : 0;
        };
        const until = performance.now() + 2000;
        const step = () => {
          const n = readCount();
          if (n >= target || performance.now() > until || !scroller) return done(n);
          if (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
            scroller.scrollTop = scroller.scrollHeight;
          }
          requestAnimationFrame(step);
        };
        step();
      },
      COUNT,
    );
    rounds++;
    const now = performance.now();
    if (count > best) {
      best = count;
      lastProgress = now;
    }
    if (rounds % 10 === 0) log(`  ... loaded-count ${count} after ${((now - tLoad) / 1000).toFixed(1)} s`);
    if (now - lastProgress > NO_PROGRESS_TIMEOUT) {
      throw new Error(`loaded-count stuck at ${count} for ${NO_PROGRESS_TIMEOUT / 1000} s (scrolling to the end)`);
    }
    if (now - tLoad > LOAD_ALL_TIMEOUT) {
      throw new Error(`loaded-count only ${count} after ${LOAD_ALL_TIMEOUT / 1000} s`);
    }
  }
  result.load_all_s = (performance.now() - tLoad) / 1000;
  if (perf) await stopPerf(perf);
  result.loaded_after = count;
  log(`all rows loaded (loaded-count ${count}) in ${result.load_all_s.toFixed(1)} s`);

  const frames = await browser.execute(() => {
    const m = window.__zosBench;
    m.running = false;
    return { long_frames: m.gaps.length, max_frame_gap_ms: Math.max(0, ...m.gaps), busy_ms: m.gaps.reduce((a, b) => a + b, 0) };
  });
  result.frames_during_load = frames;
  log(`frames > 50 ms while loading: ${frames.long_frames}, longest ${ms(frames.max_frame_gap_ms)}, sum ${ms(frames.busy_ms)}`);

  // Where the loading time went. Tauri's IPC is a fetch of ipc://localhost/<command> (answered by
  // Rust: S3 request + serialization), then response.json() in the page; the wrapper installed
  // before the first listing timed each list_objects call. The time between the end of one call
  // and the start of the next is the page's own work (rows, render) + the scroll trigger.
  result.ipc_during_load = await browser.execute((t0) => {
    const calls = (window.__zosIpc || []).filter((c) => c.start >= t0 && c.parsed);
    if (!calls.length) return null;
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const rust = calls.map((c) => c.headers - c.start);
    const parse = calls.map((c) => c.parsed - c.headers);
    const gaps = calls.slice(1).map((c, i) => c.start - calls[i].parsed);
    return {
      calls: calls.length,
      median_rust_ms: med(rust),
      sum_rust_ms: sum(rust),
      median_json_ms: med(parse),
      sum_json_ms: sum(parse),
      median_gap_ms: gaps.length ? med(gaps) : null,
      // does the page's work per page grow with the rows already loaded?
      median_gap_first10_ms: gaps.length >= 20 ? med(gaps.slice(0, 10)) : null,
      median_gap_last10_ms: gaps.length >= 20 ? med(gaps.slice(-10)) : null,
      sum_gap_ms: sum(gaps),
      max_gap_ms: gaps.length ? Math.max(...gaps) : null,
    };
  }, result.page_clock_at_load_start ?? 0);
  if (result.ipc_during_load) {
    const i = result.ipc_during_load;
    log(
      `list_objects calls while loading: ${i.calls}; until the answer (Rust + S3): median ${ms(i.median_rust_ms)}, sum ${(i.sum_rust_ms / 1000).toFixed(1)} s; ` +
        `response.json(): median ${ms(i.median_json_ms)}, sum ${(i.sum_json_ms / 1000).toFixed(1)} s; ` +
        `page work between calls: median ${ms(i.median_gap_ms ?? 0)}, max ${ms(i.max_gap_ms ?? 0)}, sum ${(i.sum_gap_ms / 1000).toFixed(1)} s` +
        (i.median_gap_first10_ms === null ? '' : ` (first 10 pages ${ms(i.median_gap_first10_ms)}, last 10 ${ms(i.median_gap_last10_ms)})`),
    );
  } else {
    log('list_objects calls: the fetch wrapper saw none (IPC not over fetch?)');
  }

  // Settle (pending renders, GC) before the memory figure: PSS once a second for SETTLE_S s,
  // the last sample is the figure (JSC frees the garbage of the loading in its own time).
  const settle = [];
  for (let i = 0; i < SETTLE_S; i++) {
    await sleep(1000);
    settle.push(Math.round(mib(pssTree(appPid).total_kib)));
  }
  result.pss_settle_mib = settle;
  result.pss_after = pssTree(appPid);
  log(`PSS once a second after loading (MiB): ${settle.join(' ')}`);
  printPss(`after loading all ${count} rows (${SETTLE_S} s later)`, result.pss_after);
  result.pss_growth_mib = mib(result.pss_after.total_kib - result.pss_before.total_kib);
  const byName = (pss) => {
    const m = {};
    for (const p of pss.processes) m[p.name] = (m[p.name] ?? 0) + p.pss_kib;
    return m;
  };
  const [b, a] = [byName(result.pss_before), byName(result.pss_after)];
  result.pss_growth_by_process_mib = Object.fromEntries(
    [...new Set([...Object.keys(a), ...Object.keys(b)])].map((n) => [n, mib((a[n] ?? 0) - (b[n] ?? 0))]),
  );
  result.web_process_growth_mib = result.pss_growth_by_process_mib.WebKitWebProcess ?? null;
  log(
    `PSS growth: ${result.pss_growth_mib.toFixed(1)} MiB (` +
      Object.entries(result.pss_growth_by_process_mib)
        .map(([n, v]) => `${n} ${v >= 0 ? '+' : ''}${v.toFixed(1)}`)
        .join(', ') +
      ')',
  );

  // Responsiveness with everything loaded.
  const rtts = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await browser.execute(() => 1);
    rtts.push(performance.now() - t);
  }
  result.execute_rtt_ms = { median: median(rtts), max: Math.max(...rtts) };
  log(`browser.execute round trip: median ${rtts.length && median(rtts).toFixed(1)} ms, max ${Math.max(...rtts).toFixed(1)} ms`);

  const tMid = performance.now();
  const mid = await browser.executeAsync((done) => {
    // The table element is the scroll container of the virtual rows (ObjectTable.tsx).
    const scroller = document.querySelector('[data-testid="object-table"]');
    const t = performance.now();
    scroller.scrollTop = Math.floor((scroller.scrollHeight - scroller.clientHeight) / 2);
    // Two frames: the scroll is applied and the rows for the new position are painted.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const rows = [...document.querySelectorAll('[data-testid^="object-row-"]')];
        const box = scroller.getBoundingClientRect();
        const visible = rows.filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        });
        done({
          in_page_ms: performance.now() - t,
          dom_rows: rows.length,
          first_visible: visible[0]?.getAttribute('data-testid') ?? null,
        });
      }),
    );
  });
  result.scroll_middle = { ...mid, round_trip_ms: performance.now() - tMid };
  log(
    `scroll to the middle: ${ms(result.scroll_middle.round_trip_ms)} round trip (${ms(mid.in_page_ms)} in the page to 2 frames); ` +
      `${mid.dom_rows} rows in the DOM, first visible ${mid.first_visible}`,
  );
  result.filter = await filterPhase();
  if (process.env.ZOS_BENCH_PROBE === '1') await probeFilterJs();
  writeFileSync(OUT, JSON.stringify(result, null, 2));
}

// --- the quick filter ------------------------------------------------------------------------
/** The seeded names in key order (zos-dev seed-many: PREFIX + obj-0000000.txt ...). */
function seededNames() {
  return Array.from({ length: COUNT }, (_, i) => `obj-${String(i).padStart(7, '0')}.txt`);
}

/**
 * What the filter must show for `text`, computed here independently of the app: plain text is a
 * case-insensitive substring; with * or ? a glob over the whole name.
 */
function expectedMatches(names, text) {
  const lower = text.toLowerCase();
  let test;
  if (/[*?]/.test(lower)) {
    const re = new RegExp(
      '^' +
        [...lower].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('') +
        '$',
      'su',
    );
    test = (n) => re.test(n.toLowerCase());
  } else {
    test = (n) => n.toLowerCase().includes(lower);
  }
  let count = 0;
  let first = null;
  for (const n of names) {
    if (test(n)) {
      count++;
      if (first === null) first = n;
    }
  }
  return { count, first };
}

const nearestRank = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
};

async function filterPhase() {
  const names = seededNames();
  const middle = names[Math.floor(COUNT / 2)];
  // Keystrokes: the middle row's name, then Backspace x3, then (after the clear button) *99*.
  const steps = [];
  let text = '';
  for (const ch of middle) steps.push({ key: ch, text: (text += ch) });
  for (let i = 0; i < 3; i++) steps.push({ key: '\uE003', label: 'Backspace', text: (text = text.slice(0, -1)) });
  const globSteps = [];
  text = '';
  for (const ch of '*99*') globSteps.push({ key: ch, text: (text += ch) });

  const box = await browser.$(tid('object-filter'));
  if (!(await box.isExisting())) throw new Error('no filter box (object-filter) in the object browser');
  // Diagnosis: the frame interval with nothing to do, all rows loaded (what any keystroke waits for at least).
  const idle = await browser.executeAsync((done) => {
    const gaps = [];
    let last = null;
    const tick = (t) => {
      if (last !== null) gaps.push(t - last);
      last = t;
      if (gaps.length < 30) requestAnimationFrame(tick);
      else done([...gaps].sort((a, b) => a - b)[15]);
    };
    requestAnimationFrame(tick);
  });
  log(`idle frame interval with all rows loaded: median ${idle.toFixed(1)} ms`);
  // Ctrl+F from the table goes to the box (a user's way in); else a click does.
  await browser.execute(() => document.querySelector('[data-testid="object-table"]')?.focus());
  await browser.keys(['Control', 'f']);
  await browser.keys(['Control']); // release
  const ctrlF = await browser.execute(() => document.activeElement?.getAttribute('data-testid') === 'object-filter');
  if (!ctrlF) {
    log('note: Ctrl+F did not focus the filter box under WebDriver; clicking it');
    await box.click();
  }

  // In the page: the keydown listener starts a frame loop that waits for the expected count
  // (and first row) to be on screen, then a setTimeout(0) after that frame: the time is taken there.
  await browser.execute(() => {
    const f = (window.__zosFilter = { armed: null, result: null });
    const countNow = () => {
      const el = document.querySelector('[data-testid="object-filter-count"]');
      const m = el && (el.textContent || '').match(/\d[\d,.\u00a0\u202f' ]*/);
      return m ? Number(m[0].replace(/\D/g, '')) : null;
    };
    const firstRowNow = () => {
      const row = document.querySelector('[data-testid="object-table"] [role="row"][aria-rowindex="2"]');
      return row ? row.getAttribute('data-testid') : null;
    };
    // As expectedMatches (node side): plain text a substring, with * or ? a glob (case-insensitive).
    const renderedAllMatch = (text) => {
      const lower = text.toLowerCase();
      const test = /[*?]/.test(lower)
        ? ((re) => (n) => re.test(n))(
            new RegExp('^' + [...lower].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('') + '$', 'su'),
          )
        : (n) => n.includes(lower);
      const rows = [...document.querySelectorAll('[data-testid="object-table"] [role="row"][data-testid^="object-row-"]')];
      return rows.length > 0 && rows.every((r) => test(r.dataset.testid.replace(/^object-row-.*\//, '').toLowerCase()));
    };
    window.addEventListener(
      'keydown',
      () => {
        const want = f.armed;
        if (!want) return;
        f.armed = null;
        const t0 = performance.now();
        let frames = 0;
        // Diagnosis: until the first frame's callback (the event's own JS: React's render and
        // commit, plus the wait for the frame), that frame's style and layout (forced here), and
        // the rest (paint and composite, until the task after the frame).
        let firstFrame = null;
        let layoutMs = null;
        // The input event seen on window before the app's listeners (capture) and after them
        // (bubble: React's render and commit ran in between), and the keyup.
        const marks = {};
        const mark = (name) => () => {
          if (!(name in marks)) marks[name] = performance.now() - t0;
        };
        window.addEventListener('input', mark('input_in'), { capture: true, once: true });
        window.addEventListener('input', mark('input_out'), { once: true });
        window.addEventListener('keyup', mark('keyup'), { capture: true, once: true });
        const check = () => {
          frames++;
          if (firstFrame === null) {
            firstFrame = performance.now();
            void document.body.offsetHeight;
            layoutMs = performance.now() - firstFrame;
          }
          const count = countNow();
          const first = firstRowNow();
          const empty = !!document.querySelector('[data-testid="object-filter-empty"]');
          // The list's first row when the table shows its top; a keystroke that hides no row
          // leaves the table where it was: then every row in the DOM must match the text.
          const ok =
            count === want.count &&
            (want.count === 0 ? empty : first !== null ? first === want.firstRow : renderedAllMatch(want.text));
          if (ok) {
            setTimeout(() => {
              f.result = { ms: performance.now() - t0, frames, js_ms: firstFrame - t0, layout_ms: layoutMs, marks };
            }, 0);
          } else if (performance.now() - t0 > 10000) {
            f.result = { error: `after 10 s the page shows count ${count}, first row ${first}, empty ${empty}`, want };
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      },
      true,
    );
  });

  const runSteps = async (list) => {
    const out = [];
    for (const step of list) {
      const want = expectedMatches(names, step.text);
      const firstRow = want.first === null ? null : `object-row-${PREFIX}${want.first}`;
      await browser.execute((w) => {
        window.__zosFilter.result = null;
        window.__zosFilter.armed = w;
      }, { count: want.count, firstRow, text: step.text });
      await box.addValue(step.key);
      const r = await browser.executeAsync((done) => {
        const until = performance.now() + 15000;
        const poll = () => {
          const res = window.__zosFilter.result;
          if (res) return done(res);
          if (performance.now() > until) return done({ error: 'no keydown seen in the page (the key went elsewhere?)' });
          setTimeout(poll, 5);
        };
        poll();
      });
      const value = await box.getValue();
      if (r.error) throw new Error(`filter "${step.text}" (key ${step.label ?? step.key}): ${r.error}; box holds "${value}", expected ${want.count} rows`);
      if (value !== step.text) throw new Error(`filter box holds "${value}" after the key ${step.label ?? step.key}, expected "${step.text}"`);
      out.push({ key: step.label ?? step.key, text: step.text, rows: want.count, ms: r.ms, frames: r.frames, js_ms: r.js_ms, layout_ms: r.layout_ms });
      log(
        `  filter "${step.text}": ${want.count} rows, ${r.ms.toFixed(1)} ms (${r.frames} frame${r.frames === 1 ? '' : 's'}; ` +
          `to the frame ${r.js_ms.toFixed(1)}, style+layout ${r.layout_ms.toFixed(1)}, paint and the rest ${(r.ms - r.js_ms - r.layout_ms).toFixed(1)}; ` +
          `input at ${r.marks.input_in?.toFixed(1)}, the app's input work ${(r.marks.input_out - r.marks.input_in).toFixed(1)}, keyup at ${r.marks.keyup?.toFixed(1)})`,
      );
    }
    return out;
  };

  const clear = async () => {
    await (await browser.$(tid('object-filter-clear'))).click();
    await browser.waitUntil(async () => (await box.getValue()) === '', { timeout: STEP_TIMEOUT, timeoutMsg: 'the clear button left text in the filter box' });
  };
  // A few passes: one keystroke's time on a shared 2-core machine swings by tens of ms.
  const passes = Number(process.env.ZOS_BENCH_FILTER_PASSES || 3);
  const keystrokes = [];
  for (let pass = 1; pass <= passes; pass++) {
    log(`quick filter over ${COUNT} loaded rows, pass ${pass} of ${passes}: typing "${middle}", Backspace x3, then "*99*"`);
    if (pass > 1) await clear();
    keystrokes.push(...(await runSteps(steps)));
    await clear();
    keystrokes.push(...(await runSteps(globSteps)));
  }
  // A look at it (not a figure): the filtered table, as shown and at the minimum window size.
  try {
    await browser.saveScreenshot(`${LOG_DIR}/filter-${VARIANT}.png`);
    const size = await browser.getWindowSize();
    await browser.setWindowSize(900, 560);
    await sleep(500);
    await browser.saveScreenshot(`${LOG_DIR}/filter-${VARIANT}-900x560.png`);
    await browser.setWindowSize(size.width, size.height);
  } catch (e) {
    log(`note: filter screenshots: ${e.message}`);
  }
  await (await browser.$(tid('object-filter-clear'))).click();
  const after = await browser.execute(loadedCountInPage);
  if (after !== COUNT) throw new Error(`loaded-count ${after} after the filter, expected ${COUNT}`);

  const times = keystrokes.map((k) => k.ms);
  const res = {
    ctrl_f_focus: ctrlF,
    keystrokes,
    median_ms: median(times),
    p95_ms: nearestRank(times, 0.95),
    max_ms: Math.max(...times),
  };
  log(
    `quick filter: ${times.length} keystrokes, per keystroke median ${res.median_ms.toFixed(1)} ms, ` +
      `p95 ${res.p95_ms.toFixed(1)} ms, max ${res.max_ms.toFixed(1)} ms (goal < 50 ms)`,
  );
  return res;
}

/** Diagnosis (ZOS_BENCH_PROBE=1): the filter's text set in the page itself, as a paste does. */
async function probeFilterJs() {
  for (const text of ['o', 'ob', 'obj-005', '*', '*9', '*99', '', 'o', '']) {
    const r = await browser.executeAsync((text, done) => {
      const box = document.querySelector('[data-testid="object-filter"]');
      const t0 = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => {
          const t2 = performance.now();
          void document.body.offsetHeight;
          const t3 = performance.now();
          requestAnimationFrame(() => {
            const t4 = performance.now();
            setTimeout(() => done({ dispatch: t1 - t0, micro: t2 - t1, layout: t3 - t2, raf: t4 - t3, paint: performance.now() - t4 }), 0);
          });
        });
    }, text);
    log(`  probe "${text}": dispatch ${r.dispatch.toFixed(1)}, microtasks ${r.micro.toFixed(1)}, layout ${r.layout.toFixed(1)}, to rAF ${r.raf.toFixed(1)}, paint ${r.paint.toFixed(1)} ms`);
    await sleep(300);
  }
}

let rc = 0;
try {
  await main();
} catch (e) {
  rc = 1;
  console.error(`[app ${VARIANT}] ERROR: ${e.stack || e.message}`);
  result.error = e.message;
  try {
    execFileSync('import', ['-window', 'root', `${LOG_DIR}/failure-${VARIANT}.png`], { stdio: 'ignore', timeout: 20_000 });
    console.error(`[app ${VARIANT}] screenshot: ${LOG_DIR}/failure-${VARIANT}.png`);
  } catch {
    // no ImageMagick, or no display
  }
  try {
    if (browser) writeFileSync(`${LOG_DIR}/failure-${VARIANT}.html`, await browser.getPageSource());
  } catch {
    // the session may be gone
  }
  try {
    writeFileSync(OUT, JSON.stringify(result, null, 2));
  } catch {
    // nothing more to do
  }
} finally {
  if (browser) await browser.deleteSession().catch((e) => log(`deleteSession: ${e.message}`));
  if (driver) {
    killTree(driver.pid);
    await Promise.race([once(driver, 'exit'), sleep(5000)]);
  }
}
process.exit(rc);

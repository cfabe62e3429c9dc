#!/usr/bin/env bash
# Desktop end-to-end test of ZOS Browser: the real app binary in a real window under Xvfb,
# driven through tauri-driver + WebKitWebDriver by webdriverio (node's test runner), against a
# real radosgw, with secrets in a real (throwaway, unlocked) gnome-keyring.
# See /work/shared/desktop-ci/NOTES.md for the facts this is built on.
#
# Needs, already there:
#   - the radosgw env exported: ZOS_TEST_ENDPOINT, ZOS_TEST_REGION, ZOS_TEST_ACCESS_KEY,
#     ZOS_TEST_SECRET_KEY (tests/rgw/start.sh writes them to $ZOS_RGW_DIR/env;
#     `set -a; . "$ZOS_RGW_DIR/env"; set +a`);
#   - ui/dist built (target/debug/zos-browser, built here with the e2e-hooks feature, embeds it).
#
# Environment (all optional):
#   ZOS_E2E_ARTIFACTS    where screenshots and logs go (default /tmp/zos-e2e)
#   ZOS_E2E_DRIVER_PORT  tauri-driver's port on 127.0.0.1 (default 4444); WebKitWebDriver
#                        takes the next one (4445)
#   ZOS_E2E_APP          the app binary (default <repo>/target/debug/zos-browser)
#   ZOS_E2E_TIMEOUT_MS   how long each wait of the test may take (default 15000)
#   ZOS_E2E_KEEP_DIRS=1  keep the throwaway config/data dirs (printed) even on success
#
# Exit code: the test runner's. On failure a screenshot of the screen, the app's log and
# tauri-driver's output are left in $ZOS_E2E_ARTIFACTS.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

log() { printf '[e2e] %s\n' "$*" >&2; }
die() { printf '[e2e] ERROR: %s\n' "$*" >&2; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- inner part: runs inside with-keyring.sh and xvfb-run -------------------------------------
if [[ ${1:-} == __inner ]]; then
  artifacts=$ZOS_E2E_ARTIFACTS
  port=$ZOS_E2E_DRIVER_PORT
  native_port=$((port + 1))
  driver_pid=

  # Kill a process and all its descendants, by PID (tauri-driver -> WebKitWebDriver -> app).
  kill_tree() {
    local pid=$1 child
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do
      kill_tree "$child"
    done
    kill "$pid" 2>/dev/null || true
  }
  stop_driver() {
    if [[ -n $driver_pid ]]; then
      kill_tree "$driver_pid"
      wait "$driver_pid" 2>/dev/null || true
      driver_pid=
    fi
  }
  trap stop_driver EXIT

  screenshot() {
    if command -v import >/dev/null; then
      if import -window root "$1" 2>/dev/null; then
        log "screenshot: $1"
      else
        log "screenshot failed ($1)"
      fi
    else
      log "no screenshot: ImageMagick's import is not installed"
    fi
  }

  log "display $DISPLAY; tauri-driver on 127.0.0.1:$port, WebKitWebDriver on $native_port"
  # A Chinese desktop: the app must start in Chinese (the test checks it, then switches).
  env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 tauri-driver --port "$port" --native-port "$native_port" \
    >"$artifacts/tauri-driver.log" 2>&1 &
  driver_pid=$!

  # tauri-driver opens its port before WebKitWebDriver listens on the native one: a session
  # asked for in between fails (UND_ERR_SOCKET). Wait for both.
  deadline=$((SECONDS + 30))
  until port_busy "$port" && port_busy "$native_port"; do
    if ! kill -0 "$driver_pid" 2>/dev/null; then
      cat "$artifacts/tauri-driver.log" >&2 || true
      die "tauri-driver exited during startup (log above)"
    fi
    ((SECONDS < deadline)) || die "tauri-driver/WebKitWebDriver not listening on $port/$native_port after 30 s"
    sleep 0.1
  done

  rc=0
  if [[ -n ${ZOS_E2E_SCRIPT:-} ]]; then
    # Another driver script instead of the tests (e.g. tour.mjs, the README screenshot).
    (cd "$here" && node "$ZOS_E2E_SCRIPT") || rc=$?
  else
    (cd "$here" && npm test) || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    screenshot "$artifacts/failure-end.png"
  fi
  stop_driver
  exit "$rc"
fi

# --- outer part ----------------------------------------------------------------------------
t0=$SECONDS
missing=()
for v in ZOS_TEST_ENDPOINT ZOS_TEST_REGION ZOS_TEST_ACCESS_KEY ZOS_TEST_SECRET_KEY; do
  [[ -n ${!v:-} ]] || missing+=("$v")
done
if ((${#missing[@]})); then
  die "the radosgw env is not set (${missing[*]}). Start one and export its env first:
    tests/rgw/start.sh && set -a && . \"\${ZOS_RGW_DIR:-/tmp/zos-rgw}/env\" && set +a"
fi

export ZOS_E2E_APP=${ZOS_E2E_APP:-$root/target/debug/zos-browser}
if [[ $ZOS_E2E_APP == "$root/target/debug/zos-browser" ]]; then
  [[ -f $root/ui/dist/index.html ]] || die "ui/dist is not built (cd ui && npm ci && npm run build): the binary embeds it"
  # Always (re)built here, with the hook that answers the file dialogs from a file (a debug-only
  # cargo feature: GTK's dialogs cannot be driven by WebDriver). Cargo rebuilds only what changed.
  log "building the app: cargo build -p zos-browser --features e2e-hooks"
  (cd "$root" && cargo build -p zos-browser --features e2e-hooks)
fi
[[ -x $ZOS_E2E_APP ]] || die "ZOS_E2E_APP=$ZOS_E2E_APP is not an executable"

# Tools. tauri-driver lives in cargo's bin dir, which may not be on PATH.
export PATH=$PATH:${CARGO_HOME:-$HOME/.cargo}/bin
if ! command -v tauri-driver >/dev/null; then
  log "installing tauri-driver (cargo install, outside the repo)"
  (cd / && cargo install tauri-driver --version '^2' --locked)
fi
for tool in WebKitWebDriver xvfb-run node npm; do
  command -v "$tool" >/dev/null ||
    die "$tool is missing (scripts/install-deps.sh installs it: webkit2gtk-driver, xvfb, nodejs)"
done

if [[ ! -d $here/node_modules/webdriverio ]]; then
  log "npm ci in tests/e2e"
  # .npmrc there says ignore-scripts: webdriverio pulls in geckodriver/edgedriver packages whose
  # install scripts would download browser drivers; we use the system's WebKitWebDriver.
  (cd "$here" && npm ci --loglevel=error)
fi

export ZOS_E2E_DRIVER_PORT=${ZOS_E2E_DRIVER_PORT:-4444}
[[ $ZOS_E2E_DRIVER_PORT =~ ^[1-9][0-9]*$ ]] || die "bad ZOS_E2E_DRIVER_PORT: $ZOS_E2E_DRIVER_PORT"
for p in "$ZOS_E2E_DRIVER_PORT" $((ZOS_E2E_DRIVER_PORT + 1)); do
  ! port_busy "$p" ||
    die "127.0.0.1:$p is already in use (another e2e run?); set ZOS_E2E_DRIVER_PORT to a free pair"
done

export ZOS_E2E_ARTIFACTS=${ZOS_E2E_ARTIFACTS:-/tmp/zos-e2e}
mkdir -p "$ZOS_E2E_ARTIFACTS"
ZOS_E2E_ARTIFACTS=$(cd "$ZOS_E2E_ARTIFACTS" && pwd)
# Only what this script and the test write there: the folder may be shared.
rm -f "$ZOS_E2E_ARTIFACTS"/{failure-*,journey.png,details.png,bucket-not-empty.png,zos-browser.log,tauri-driver.log}

# Throwaway app dirs; the test reads them too (secret hygiene check).
ZOS_BROWSER_CONFIG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/zos-e2e-config.XXXXXX")
ZOS_BROWSER_DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/zos-e2e-data.XXXXXX")
export ZOS_BROWSER_CONFIG_DIR ZOS_BROWSER_DATA_DIR
# The test writes the answers of the next file dialog here (see src-tauri/src/dialogs.rs).
export ZOS_E2E_DIALOG_ANSWERS=$ZOS_BROWSER_DATA_DIR/e2e-dialog-answers.json
# The test drops files on the window by writing {"paths": [...], "x": X, "y": Y} here (renamed into
# place, never half-written); the app takes it as an OS drop (see src-tauri/src/events.rs).
export ZOS_E2E_DROP=$ZOS_BROWSER_DATA_DIR/e2e-drop.json
# shellcheck disable=SC2317 # called by the trap
cleanup_dirs() {
  if [[ ${ZOS_E2E_KEEP_DIRS:-0} == 1 ]]; then
    log "kept: config $ZOS_BROWSER_CONFIG_DIR, data $ZOS_BROWSER_DATA_DIR"
  else
    rm -rf "$ZOS_BROWSER_CONFIG_DIR" "$ZOS_BROWSER_DATA_DIR"
  fi
}
trap cleanup_dirs EXIT

log "app $ZOS_E2E_APP against $ZOS_TEST_ENDPOINT"
rc=0
"$root/tests/with-keyring.sh" \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  "$here/run.sh" __inner || rc=$?

if [[ $rc -ne 0 ]]; then
  cp "$ZOS_BROWSER_DATA_DIR/logs/zos-browser.log" "$ZOS_E2E_ARTIFACTS/" 2>/dev/null || true
  log "FAILED (exit $rc) after $((SECONDS - t0)) s. Screenshots, the app's log and tauri-driver's output are in $ZOS_E2E_ARTIFACTS/:"
  for f in "$ZOS_E2E_ARTIFACTS"/*; do log "  $f"; done
else
  log "passed in $((SECONDS - t0)) s (screenshots in $ZOS_E2E_ARTIFACTS/)"
fi
exit "$rc"

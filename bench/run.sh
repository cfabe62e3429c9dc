#!/usr/bin/env bash
# Benchmark of ZOS Browser against a real radosgw on loopback. PRINTS figures; it is not a
# test: slow numbers never fail it, only a broken set-up does (exit 1).
#
#   1. seed COUNT (100,000) small objects under one prefix (zos-dev seed-many)
#   2. list that prefix with the app's core (zos-dev bench-list) and with boto3's paginator
#      (bench/boto3_list.py, same request shape), RUNS (3) times each, alternately: medians
#      of the time to the first page and of the whole listing, and their ratio
#   3. the real release app under Xvfb, driven by WebDriver (bench/app-bench.mjs): cold start
#      to the bucket list, idle PSS, time to the first page in the UI, scrolling until all rows
#      are loaded, PSS growth, responsiveness with all rows loaded, the quick filter's time per
#      keystroke over all rows (typed into the filter box, checked row count); then once more with
#      WebKit's GL compositing kept on (WEBKIT_DISABLE_COMPOSITING_MODE=0: without a GPU the app
#      turns it off by itself, src-tauri/src/rendering.rs), as a diagnosis
#   4. a summary table with the issue's goals (PASS/MISS), also written as JSON to
#      bench/results/latest.json (logs of the run in bench/results/logs/)
#
# Builds what is missing or stale first (ui/dist, the release binaries), starts its own
# radosgw (ZOS_RGW_DIR=/tmp/zos-rgw-bench, port 7530) and always stops it.
#
# Environment (all optional):
#   ZOS_BENCH_COUNT        objects to seed (default 100000)
#   ZOS_BENCH_RUNS         runs of each lister (default 3)
#   ZOS_BENCH_BUCKET       bucket (default zos-bench)
#   ZOS_BENCH_PREFIX       prefix (default many/)
#   ZOS_BENCH_DRIVER_PORT  tauri-driver port (default 4444; WebKitWebDriver takes the next one).
#                          If the pair is busy (an e2e run?) the bench waits 60 s, then takes
#                          another free pair.
#   ZOS_BENCH_SKIP_APP=1   skip the app part (3.)
#   ZOS_BENCH_COMPOSITING_PASS=0  skip the app's second pass (WEBKIT_DISABLE_COMPOSITING_MODE=0)
#   ZOS_BENCH_PERF=1       perf record -g the app's processes while all rows load (a diagnosis: it
#                          slows that phase; reports in bench/results/logs/perf-*.txt)
set -euo pipefail

t_start=$EPOCHREALTIME
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
export CARGO_TERM_COLOR=never
export PATH=$PATH:${CARGO_HOME:-$HOME/.cargo}/bin

COUNT=${ZOS_BENCH_COUNT:-100000}
RUNS=${ZOS_BENCH_RUNS:-3}
BUCKET=${ZOS_BENCH_BUCKET:-zos-bench}
PREFIX=${ZOS_BENCH_PREFIX:-many/}
export ZOS_RGW_DIR=/tmp/zos-rgw-bench
export ZOS_RGW_PORT=7530

results=$here/results
work=$results/logs
rm -rf "$work"
mkdir -p "$work"

step() { printf '\n=== %s (%.0f s)\n' "$*" "$(elapsed)"; }
log() { printf '[bench] %s\n' "$*"; }
die() {
  printf '[bench] ERROR: %s\n' "$*" >&2
  exit 1
}
elapsed() { awk -v a="$t_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "bad ZOS_BENCH_COUNT: $COUNT"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "bad ZOS_BENCH_RUNS: $RUNS"

# --- 0. set-up ---------------------------------------------------------------------------------
step "set-up: tools, UI build, release build"
missing=()
for tool in cargo node npm python3 xvfb-run WebKitWebDriver tauri-driver radosgw ceph-mon ceph-osd \
  dbus-run-session gnome-keyring-daemon keyctl; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})) || [[ ! -d ui/node_modules ]]; then
  log "missing: ${missing[*]:-ui/node_modules}; running scripts/install-deps.sh"
  ./scripts/install-deps.sh
fi

# boto3 in a private venv (bench/.venv, not committed).
py=$here/.venv/bin/python
if ! "$py" -c 'import boto3' 2>/dev/null; then
  log "creating bench/.venv with boto3"
  rm -rf "$here/.venv"
  python3 -m venv "$here/.venv"
  "$py" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
fi

# webdriverio for the app bench (--ignore-scripts: no browser-driver downloads, we use the
# system's WebKitWebDriver).
stamp=$here/node_modules/.zos-lock-stamp
if [[ ! -f $stamp ]] || ! cmp -s "$here/package-lock.json" "$stamp"; then
  log "npm ci in bench/"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$stamp"
fi

# The UI is embedded in the binary at compile time: build it first when missing or stale.
ui_inputs=(ui/src ui/index.html ui/package.json ui/package-lock.json ui/vite.config.ts ui/tsconfig.json)
if [[ ! -f ui/dist/index.html ]] ||
  [[ -n $(find "${ui_inputs[@]}" -newer ui/dist/index.html -print -quit 2>/dev/null) ]]; then
  log "building the UI (cd ui && npm run build)"
  (cd ui && npm run build) >"$work/ui-build.log" 2>&1 || {
    tail -n 30 "$work/ui-build.log" >&2
    die "UI build failed (log: $work/ui-build.log)"
  }
else
  log "ui/dist is up to date"
fi

t=$EPOCHREALTIME
release_build() {
  log "cargo build --release -p zos-browser -p zos-devtools"
  if ! cargo build --release -p zos-browser -p zos-devtools >>"$work/cargo-build.log" 2>&1; then
    tail -n 40 "$work/cargo-build.log" >&2
    die "release build failed (log: $work/cargo-build.log)"
  fi
}
release_build
app=$root/target/release/zos-browser
dev=$root/target/release/zos-dev
[[ -x $app && -x $dev ]] || die "release binaries missing after the build"
# Tauri embeds ui/dist with include_bytes!, so cargo only notices changes to the files it embedded
# last time: a binary built from an empty (or differently named) dist is not rebuilt by itself.
# Then drop the app crate's release artefacts (only those) and build again.
if [[ ui/dist/index.html -nt $app ]]; then
  log "ui/dist is newer than $app: cargo clean --release -p zos-browser, and again"
  cargo clean --release -p zos-browser >>"$work/cargo-build.log" 2>&1
  release_build
  [[ ! ui/dist/index.html -nt $app ]] || die "$app is still older than ui/dist/index.html"
fi
grep -E '^ *Finished' "$work/cargo-build.log" | tail -n 1 | sed 's/^ */  /' || true
log "build step took $(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"

# --- radosgw -------------------------------------------------------------------------------------
step "start radosgw (ZOS_RGW_DIR=$ZOS_RGW_DIR, port $ZOS_RGW_PORT)"
stop_rgw() { "$root/tests/rgw/stop.sh" >/dev/null 2>&1 || "$root/tests/rgw/stop.sh" || true; }
trap stop_rgw EXIT
"$root/tests/rgw/start.sh" >/dev/null 2>"$work/rgw-start.log" || {
  cat "$work/rgw-start.log" >&2
  die "radosgw did not start"
}
grep -E 'ready' "$work/rgw-start.log" | sed 's/^/  /' || true
set -a
# shellcheck disable=SC1091
. "$ZOS_RGW_DIR/env"
set +a

context() {
  printf '{"count": %s, "runs": %s, "bucket": "%s", "prefix": "%s", "endpoint": "%s", "context": {' \
    "$COUNT" "$RUNS" "$BUCKET" "$PREFIX" "$ZOS_TEST_ENDPOINT"
  printf '"date": "%s", "git": "%s", "cpus": %s, "load_at_start": "%s", "load_at_end": "%s", ' \
    "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet 2>/dev/null || echo +dirty)" \
    "$(nproc)" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '"boto3": "%s", "webkit": "%s"}}\n' "$("$py" -c 'import boto3; print(boto3.__version__)')" \
    "$(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo unknown)"
}
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. seed -------------------------------------------------------------------------------------
step "1. seed $COUNT objects under $BUCKET/$PREFIX"
t=$EPOCHREALTIME
"$dev" seed-many "$BUCKET" "$PREFIX" "$COUNT" | tee "$work/seed.out" || die "seeding failed"
seed_s=$(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
printf '{"seed_s": %s, "objects": %s, "in_flight": 64}\n' "$seed_s" "$COUNT" >"$work/seed.json"
log "seed time (wall, incl. process start): $seed_s s"

# --- 2. listing: core vs boto3 -------------------------------------------------------------------
step "2. list $BUCKET/$PREFIX: app core (zos-dev bench-list) vs boto3 paginator, $RUNS runs each, alternately"
check_entries() {
  local line=$1 who=$2 n
  n=$(printf '%s' "$line" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["entries"])') ||
    die "$who printed no JSON: $line"
  [[ $n -eq $COUNT ]] || die "$who listed $n entries, expected $COUNT"
}
: >"$work/core.jsonl"
: >"$work/boto3.jsonl"
for ((i = 1; i <= RUNS; i++)); do
  line=$("$dev" bench-list "$BUCKET" "$PREFIX") || die "zos-dev bench-list failed"
  check_entries "$line" "zos-dev bench-list"
  echo "$line" >>"$work/core.jsonl"
  log "run $i core : $line"
  line=$("$py" "$here/boto3_list.py" "$BUCKET" "$PREFIX") || die "boto3_list.py failed"
  check_entries "$line" "boto3_list.py"
  echo "$line" >>"$work/boto3.jsonl"
  log "run $i boto3: $line"
done

# --- 3. the app ----------------------------------------------------------------------------------
if [[ ${ZOS_BENCH_SKIP_APP:-0} == 1 ]]; then
  step "3. app bench skipped (ZOS_BENCH_SKIP_APP=1)"
else
  step "3. the release app under Xvfb, driven by WebDriver"
  port=${ZOS_BENCH_DRIVER_PORT:-4444}
  [[ $port =~ ^[1-9][0-9]*$ ]] || die "bad ZOS_BENCH_DRIVER_PORT: $port"
  pair_free() { ! port_busy "$1" && ! port_busy $(($1 + 1)); }
  if ! pair_free "$port"; then
    log "127.0.0.1:$port/$((port + 1)) busy (another WebDriver run?): waiting up to 60 s"
    for ((i = 0; i < 60; i++)); do
      pair_free "$port" && break
      sleep 1
    done
    if ! pair_free "$port"; then
      for ((p = 4446; p < 4600; p += 2)); do
        if pair_free "$p"; then port=$p && break; fi
      done
      pair_free "$port" || die "no free port pair for tauri-driver"
      log "using 127.0.0.1:$port/$((port + 1)) instead"
    fi
  fi
  app_dirs=$(mktemp -d "${TMPDIR:-/tmp}/zos-bench-app.XXXXXX")
  trap 'stop_rgw; rm -rf "$app_dirs"' EXIT
  mkdir -p "$app_dirs/config" "$app_dirs/data"
  export ZOS_BROWSER_CONFIG_DIR=$app_dirs/config ZOS_BROWSER_DATA_DIR=$app_dirs/data
  export ZOS_BENCH_APP=$app ZOS_BENCH_DEV=$dev ZOS_BENCH_BUCKET=$BUCKET ZOS_BENCH_PREFIX=$PREFIX \
    ZOS_BENCH_COUNT=$COUNT ZOS_BENCH_DRIVER_PORT=$port ZOS_BENCH_LOG_DIR=$work ZOS_BENCH_PROFILE=Bench
  # The profile's secret goes to the keyring of THIS session: add it inside, then run the app
  # twice: as shipped (the figures; under Xvfb there is no GPU, so the app turns WebKit's GL
  # compositing off), then with it kept on (a diagnosis: WebKit then composites with Mesa's
  # llvmpipe, on the same 2 CPUs).
  # shellcheck disable=SC2016 # expanded by the inner bash
  inner='
    "$ZOS_BENCH_DEV" add-profile "$ZOS_BENCH_PROFILE" || exit 1
    rc=0
    ZOS_BENCH_VARIANT=default ZOS_BENCH_APP_OUT=$ZOS_BENCH_WORK/app.json node "$1" || rc=1
    if [[ ${ZOS_BENCH_COMPOSITING_PASS:-1} == 1 ]]; then
      WEBKIT_DISABLE_COMPOSITING_MODE=0 ZOS_BENCH_VARIANT=gl-compositing \
        ZOS_BENCH_APP_OUT=$ZOS_BENCH_WORK/app-gl-compositing.json node "$1" || rc=1
    fi
    exit $rc'
  app_rc=0
  # (stderr without the D-Bus session's chatter)
  ZOS_BENCH_WORK=$work "$root/tests/with-keyring.sh" \
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    bash -c "$inner" bench "$here/app-bench.mjs" \
    2> >(grep --line-buffered -vE '^dbus-daemon\[|^Joined session keyring|^SpiRegistry daemon' >&2) || app_rc=$?
  cp "$app_dirs/data/logs/zos-browser.log" "$work/" 2>/dev/null || true
  if [[ $app_rc -ne 0 ]]; then
    log "the app bench broke (exit $app_rc): logs in $work/"
    [[ -f $work/app.json ]] || echo '{"error": "app bench exited with '"$app_rc"' before writing results"}' >"$work/app.json"
  fi
fi

# --- 4. summary ----------------------------------------------------------------------------------
context >"$work/meta.json"
step "4. summary"
"$py" "$here/report.py" "$work" "$results/latest.json"
log "bench/run.sh took $(elapsed) s"
[[ ${app_rc:-0} -eq 0 ]] || exit 1

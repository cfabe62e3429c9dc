#!/usr/bin/env bash
# Thumbnail benchmark of ZOS Browser: PRINTS figures; slow numbers never fail it, only a broken
# set-up does (exit 1). Goal (issue 11): the thumbnails of a folder of 100 images appear within
# 2 s of opening it, the rows on screen first.
#
#   1. a radosgw of its own (ZOS_RGW_DIR=/tmp/zos-rgw-thumbs, port 7532), 100 photos of 12 MP
#      (a 4000×3000 JPEG, ~2 MB, under 100 keys) in zos-thumbs/photos/
#   2. the release app under Xvfb, driven by WebDriver (bench/thumbs-bench.mjs), with an empty
#      thumbnail cache: open the folder, time until every thumbnail of the rows on screen has
#      loaded; scroll to the end, time until all 100 have; then open the folder again (cache)
#
# Environment (optional): ZOS_BENCH_DRIVER_PORT (default 4454), ZOS_THUMBS_COUNT (100).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
log() { printf '[thumbs] %s\n' "$*" >&2; }
die() { printf '[thumbs] ERROR: %s\n' "$*" >&2; exit 1; }
export PATH=$PATH:${CARGO_HOME:-$HOME/.cargo}/bin
export ZOS_RGW_DIR=${ZOS_RGW_DIR:-/tmp/zos-rgw-thumbs} ZOS_RGW_PORT=${ZOS_RGW_PORT:-7532}
count=${ZOS_THUMBS_COUNT:-100}
port=${ZOS_BENCH_DRIVER_PORT:-4454}
work=$(mktemp -d "${TMPDIR:-/tmp}/zos-thumbs.XXXXXX")

command -v tauri-driver >/dev/null && command -v WebKitWebDriver >/dev/null && [[ -d ui/node_modules ]] ||
  ./scripts/install-deps.sh
if [[ ! -f $here/node_modules/.zos-lock-stamp ]] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.zos-lock-stamp"; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.zos-lock-stamp"
fi
log "building the UI and the release app (cargo build --release -p zos-browser -p zos-devtools)"
(cd ui && npm run build) >"$work/ui-build.log" 2>&1 || die "UI build failed ($work/ui-build.log)"
cargo build --release -p zos-browser -p zos-devtools >"$work/cargo.log" 2>&1 || {
  tail -n 30 "$work/cargo.log" >&2
  die "release build failed"
}
app=$root/target/release/zos-browser
dev=$root/target/release/zos-dev
# Tauri embeds ui/dist at compile time: rebuild the app crate when the dist is newer.
if [[ ui/dist/index.html -nt $app ]]; then
  cargo clean --release -p zos-browser >>"$work/cargo.log" 2>&1
  cargo build --release -p zos-browser >>"$work/cargo.log" 2>&1 || die "release build failed"
fi

stop_rgw() { "$root/tests/rgw/stop.sh" >/dev/null 2>&1 || true; }
trap 'stop_rgw; rm -rf "$work"' EXIT
"$root/tests/rgw/start.sh" >/dev/null 2>"$work/rgw.log" || { cat "$work/rgw.log" >&2; die "radosgw did not start"; }
set -a
# shellcheck disable=SC1091
. "$ZOS_RGW_DIR/env"
set +a

log "seeding $count photos of 12 MP"
mkdir -p "$work/seed/photos"
convert -size 4000x3000 plasma:tan-navy -blur 0x1 -quality 88 "$work/base.jpg"
for ((i = 1; i <= count; i++)); do ln "$work/base.jpg" "$work/seed/photos/$(printf 'IMG_%04d.jpg' "$i")"; done
"$dev" upload-dir zos-thumbs "$work/seed" >/dev/null || die "seeding failed"
log "$(du -h "$work/base.jpg" | cut -f1) each"

mkdir -p "$work/config" "$work/data"
export ZOS_BROWSER_CONFIG_DIR=$work/config ZOS_BROWSER_DATA_DIR=$work/data
export ZOS_BENCH_APP=$app ZOS_BENCH_DEV=$dev ZOS_BENCH_DRIVER_PORT=$port ZOS_THUMBS_COUNT=$count
# shellcheck disable=SC2016 # expanded by the inner bash
"$root/tests/with-keyring.sh" xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  bash -c '"$ZOS_BENCH_DEV" add-profile Bench >/dev/null && node "$1"' thumbs "$here/thumbs-bench.mjs" \
  2> >(grep --line-buffered -vE '^dbus-daemon\[|^Joined session keyring|^SpiRegistry daemon' >&2)

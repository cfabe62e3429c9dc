#!/usr/bin/env bash
# Opens ZOS Browser on a local sandbox: a real radosgw on 127.0.0.1:7480 (data in RAM),
# seeded with sample buckets and objects (images included), and a ready profile whose secret
# is in the OS keyring. Closing the window stops the radosgw.
#
#   scripts/sandbox.sh                       open the app (needs a desktop session)
#   scripts/sandbox.sh --screenshot FILE     headless: run under Xvfb, save a screenshot, quit
#   scripts/sandbox.sh --screens DIR         headless: screenshots of every screen, both languages,
#                                            at the minimum window size (tests/e2e/screens.mjs)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sandbox="$root/.sandbox"

seed() {
  local dev="$root/target/debug/zos-dev" samples="$sandbox/samples" convert=/usr/bin/convert
  # Sample files: photos of several formats and sizes, documents, and a deep "folder" tree.
  rm -rf "$samples"
  mkdir -p "$samples/photos/2026/trips" "$samples/photos/2026/team" "$samples/docs/reports"
  $convert -size 1600x1000 plasma:skyblue-navy "$samples/photos/2026/trips/sea.jpg"
  $convert -size 1200x800 gradient:orange-purple -swirl 120 "$samples/photos/2026/trips/sunset.png"
  $convert -size 800x800 plasma:green-yellow "$samples/photos/2026/team/garden.webp"
  $convert -size 640x480 pattern:checkerboard -scale 400% "$samples/photos/2026/team/board.bmp"
  $convert -size 1024x768 gradient:teal-white "$samples/photos/cover.tiff"
  $convert -size 3000x2000 plasma:coral-gold -blur 0x2 -quality 88 "$samples/photos/2026/trips/海边 日落.jpg"
  $convert -size 512x512 xc:'#1d4ed8' -fill white -font DejaVu-Sans-Bold -pointsize 200 -gravity center -annotate +0+0 'Z' \
    "$samples/photos/logo.png"
  printf 'ZOS Browser sandbox\n\nObjects here live in RAM and vanish when the sandbox stops.\n' \
    >"$samples/docs/README.txt"
  printf 'month,objects,bytes\n2026-09,1200,512000\n2026-10,1800,734003\n' >"$samples/docs/reports/usage.csv"
  printf '{"service":"zos","region":"default"}\n' >"$samples/docs/config.json"
  # A Chinese text in GBK, as Windows tools still write them: the preview detects the encoding.
  printf '对象存储使用说明\n\n本文件以 GBK 编码保存，预览时应自动识别为中文。\n桶：documents\n' |
    iconv -f UTF-8 -t GBK >"$samples/docs/说明 GBK.txt"
  "$dev" upload-dir photos "$samples/photos"
  "$dev" upload-dir documents "$samples/docs"
  "$dev" seed-many logs "app/2026-11-28/" 2500
  "$dev" seed-settings
}

if [[ ${1:-} != --inner ]]; then
  ./scripts/install-deps.sh
  (cd ui && npm run build)
  cargo build -p zos-browser -p zos-devtools
  export ZOS_RGW_DIR="$sandbox/rgw" ZOS_RGW_PORT=${ZOS_RGW_PORT:-7480} ZOS_RGW_FIXED_KEYS=1
  trap './tests/rgw/stop.sh || true' EXIT
  ./tests/rgw/start.sh
  set -a; . "$ZOS_RGW_DIR/env"; set +a
  seed
  if [[ ${1:-} == --screenshot ]]; then
    # Headless: the end-to-end runner drives the real window under Xvfb through a short tour.
    out=$(realpath -m "${2:?--screenshot needs a file}")
    ZOS_E2E_SCRIPT=tour.mjs ZOS_TOUR_SHOT="$out" ZOS_E2E_DRIVER_PORT=4484 ./tests/e2e/run.sh
  elif [[ ${1:-} == --screens ]]; then
    out=$(realpath -m "${2:?--screens needs a folder}")
    ZOS_E2E_SCRIPT=screens.mjs ZOS_SCREENS_DIR="$out" ZOS_E2E_DRIVER_PORT=4484 ./tests/e2e/run.sh
  elif [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "No desktop session (DISPLAY is not set): use --screenshot FILE to run headless." >&2
    exit 2
  else
    "$0" --inner
  fi
  exit
fi

# --inner: on the desktop, with the user's own keyring.
export ZOS_BROWSER_CONFIG_DIR="$sandbox/config" ZOS_BROWSER_DATA_DIR="$sandbox/data"
"$root/target/debug/zos-dev" add-profile "Sandbox radosgw"
echo "ZOS Browser is opening on the sandbox ($ZOS_TEST_ENDPOINT). Close the window to stop."
"$root/target/debug/zos-browser"

#!/usr/bin/env bash
# Installs what building, running and testing ZOS Browser needs on Debian/Ubuntu, skipping
# whatever is already there: system packages (WebKitGTK, Xvfb, WebKitWebDriver, D-Bus,
# gnome-keyring, Ceph's radosgw, ImageMagick, fonts with CJK), tauri-driver, and the npm
# packages of ui/ and tests/e2e/. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

APT_PACKAGES=(
  build-essential pkg-config libwebkit2gtk-4.1-dev libdbus-1-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver dbus gnome-keyring keyutils libsecret-tools
  imagemagick fonts-noto-cjk fonts-dejavu-core
  ceph-mon ceph-osd radosgw ceph-common ceph-base uuid-runtime
  python3-venv faketime
  openssl tinyproxy
)

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[deps] apt: installing ${missing[*]}"
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v tauri-driver >/dev/null; then
  echo "[deps] cargo: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

for dir in ui tests/e2e; do
  if [[ -f "$root/$dir/package-lock.json" ]]; then
    stamp="$root/$dir/node_modules/.zos-lock-stamp"
    if [[ ! -f $stamp ]] || ! cmp -s "$root/$dir/package-lock.json" "$stamp"; then
      echo "[deps] npm ci in $dir"
      (cd "$root/$dir" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$root/$dir/package-lock.json" "$stamp"
    fi
  fi
done

# boto3 (the reference every operation of the core is checked against, both ways) and moto's
# server (the S3 emulator for what radosgw lacks), pinned in tests/requirements.txt. The
# system's python3 may have them; otherwise a private venv in tests/.venv (not committed).
has_test_python() { "$1" -c 'import boto3, moto.server' 2>/dev/null; }
if ! has_test_python python3 && ! has_test_python "$root/tests/.venv/bin/python"; then
  echo "[deps] pip: tests/requirements.txt into tests/.venv"
  rm -rf "$root/tests/.venv"
  python3 -m venv "$root/tests/.venv"
  "$root/tests/.venv/bin/pip" install -q -r "$root/tests/requirements.txt"
fi

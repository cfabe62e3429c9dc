#!/usr/bin/env bash
# Regenerates every app icon size in this folder from icon.svg.
# Needs rsvg-convert (Debian/Ubuntu package librsvg2-bin) and ImageMagick's convert (package imagemagick).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 || missing+=(imagemagick)
if ((${#missing[@]})); then
  echo "generate.sh: missing tools; install them with:" >&2
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

src=icon.svg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

png() { # png SIZE OUT
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$src" --output "$2"
}

png 32 32x32.png
png 128 128x128.png
png 256 128x128@2x.png
png 512 icon.png

ico_sizes=(16 24 32 48 64 256)
ico_parts=()
for s in "${ico_sizes[@]}"; do
  png "$s" "$tmp/$s.png"
  ico_parts+=("$tmp/$s.png")
done
convert "${ico_parts[@]}" icon.ico

echo "generated: 32x32.png 128x128.png 128x128@2x.png icon.png icon.ico (${ico_sizes[*]})"

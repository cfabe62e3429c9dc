#!/usr/bin/env bash
# Image benchmark: the zos-image engine (crates/image, release, through its example CLI) against
# libvips (vipsthumbnail / vips) and ImageMagick (convert) on the same inputs, whole processes
# timed (fork + exec + decode + work + encode + write, for every tool alike). PRINTS a table (also
# bench/results/image.json); it is not a test: slow numbers never fail it, only a broken set-up.
#
# Rows (inputs are made once, photo-like: gradients + Gaussian noise, JPEG quality 90):
#   1. 12 MP JPEG (4000×3000) → 300 px wide, JPEG q90
#        ours     zos-image-cli in.jpg image/resize,w_300 out.jpg
#        vips     vipsthumbnail in.jpg -s 300x -o out.jpg[Q=90]
#        im       convert in.jpg -resize 300x -quality 90 out.jpg
#        im-tuned convert -define jpeg:size=600x450 in.jpg -resize 300x -quality 90 out.jpg
#   2. 12 MP PNG → resize,w_1000/rotate,90/format,webp (lossy q90)
#        ours     zos-image-cli in.png image/resize,w_1000/rotate,90/format,webp out.webp
#        vips     vips thumbnail in.png t.v 1000 && vips rot t.v out.webp[Q=90] d90
#        im       convert in.png -resize 1000x -rotate 90 -quality 90 out.webp
#   3. text watermark "中文水印 ZOS", 40 px, black, bottom-right with 10 px margins, on a 4 MP JPEG
#        ours     zos-image-cli in.jpg image/watermark,text_…,size_40,g_se,color_000000 out.jpg
#        vips     vips text t.v '中文水印 ZOS' --font 'Noto Sans CJK SC 40' --dpi 72
#                 && vipsheader (text size) && vips embed t.v m.v X Y W H
#                 && vips black b.v W H --bands 3 && vips ifthenelse m.v b.v in.jpg out.jpg[Q=90] --blend
#                 (the vips CLI has no one-command text overlay; this is the shortest chain)
#        im       convert in.jpg -font NotoSansCJK-Regular.ttc -pointsize 40 -gravity southeast
#                 -annotate +10+10 '中文水印 ZOS' -quality 90 out.jpg
#
# Goals: ours faster than ImageMagick on every row, at most 1.5× libvips, and the 12 MP
# thumbnail under 150 ms.
#
# Environment (optional): BENCH_RUNS (7 rounds; the first is discarded), BENCH_DATA
# (/tmp/zos-image-bench), CARGO_TARGET_DIR (where the CLI is built; default target/).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
export PATH=$PATH:${CARGO_HOME:-$HOME/.cargo}/bin
runs=${BENCH_RUNS:-7}
data=${BENCH_DATA:-/tmp/zos-image-bench}
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! command -v vips >/dev/null || ! command -v vipsthumbnail >/dev/null; then
  echo "[bench] apt-get install libvips-tools"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libvips-tools >/dev/null
fi
if [[ ! -f $font ]]; then
  echo "[bench] apt-get install fonts-noto-cjk"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null
fi
# ImageMagick itself: a wrapper named convert earlier on PATH would add its own start-up time.
im=/usr/bin/convert
[[ -x $im ]] || im=$(command -v convert)
identify=/usr/bin/identify
[[ -x $identify ]] || identify=$(command -v identify)

echo "[bench] cargo build --release -p zos-image --example zos-image-cli"
cargo build -q --release -p zos-image --example zos-image-cli
cli=${CARGO_TARGET_DIR:-$root/target}/release/examples/zos-image-cli

mkdir -p "$data/out"
if [[ ! -f $data/in12.jpg || ! -f $data/in12.png || ! -f $data/in4.jpg ]]; then
  echo "[bench] making inputs in $data (12 MP JPEG and PNG, 4 MP JPEG)"
  "$im" -seed 42 -size 4000x3000 gradient:'#203060-#e0b070' \
    \( -size 4000x3000 radial-gradient:'#ffffff-#000000' \) -compose overlay -composite \
    -attenuate 0.4 +noise Gaussian -quality 90 "$data/in12.jpg"
  "$im" "$data/in12.jpg" "$data/in12.png"
  "$im" "$data/in12.jpg" -resize 2304x1728 -quality 90 "$data/in4.jpg"
fi
o=$data/out
text='中文水印 ZOS'
text64=$(printf '%s' "$text" | base64 -w0 | tr '+/' '-_')
read -r w4 h4 < <("$identify" -format '%w %h\n' "$data/in4.jpg")

# One function per (row, tool); each writes $o/<row>-<tool>.<ext>.
thumb_ours() { "$cli" "$data/in12.jpg" image/resize,w_300 "$o/thumb-ours.jpg" >/dev/null; }
thumb_vips() { vipsthumbnail "$data/in12.jpg" -s 300x -o "$o/thumb-vips.jpg[Q=90]"; }
thumb_im() { "$im" "$data/in12.jpg" -resize 300x -quality 90 "$o/thumb-im.jpg"; }
thumb_imtuned() { "$im" -define jpeg:size=600x450 "$data/in12.jpg" -resize 300x -quality 90 "$o/thumb-imtuned.jpg"; }
webp_ours() { "$cli" "$data/in12.png" image/resize,w_1000/rotate,90/format,webp "$o/webp-ours.webp" >/dev/null; }
webp_vips() { vips thumbnail "$data/in12.png" "$o/webp-t.v" 1000 && vips rot "$o/webp-t.v" "$o/webp-vips.webp[Q=90]" d90; }
webp_im() { "$im" "$data/in12.png" -resize 1000x -rotate 90 -quality 90 "$o/webp-im.webp"; }
text_ours() {
  "$cli" "$data/in4.jpg" "image/watermark,text_${text64},size_40,g_se,color_000000" "$o/text-ours.jpg" >/dev/null
}
text_vips() {
  vips text "$o/text-t.v" "$text" --font 'Noto Sans CJK SC 40' --dpi 72
  local tw th
  tw=$(vipsheader -f width "$o/text-t.v")
  th=$(vipsheader -f height "$o/text-t.v")
  vips embed "$o/text-t.v" "$o/text-m.v" $((w4 - tw - 10)) $((h4 - th - 10)) "$w4" "$h4"
  vips black "$o/text-b.v" "$w4" "$h4" --bands 3
  vips ifthenelse "$o/text-m.v" "$o/text-b.v" "$data/in4.jpg" "$o/text-vips.jpg[Q=90]" --blend
}
text_im() {
  "$im" "$data/in4.jpg" -font "$font" -pointsize 40 -gravity southeast -fill black \
    -annotate +10+10 "$text" -quality 90 "$o/text-im.jpg"
}

rows=(thumb webp text)
declare -A tools=([thumb]="ours vips im imtuned" [webp]="ours vips im" [text]="ours vips im")
declare -A times=()

now_ns() { date +%s%N; }
echo "[bench] $runs rounds, tools alternating, first round discarded"
for ((r = 0; r < runs; r++)); do
  for row in "${rows[@]}"; do
    # Rotate the order each round so no tool always runs right after another.
    read -ra list <<<"${tools[$row]}"
    n=${#list[@]}
    for ((k = 0; k < n; k++)); do
      tool=${list[$(((k + r) % n))]}
      start=$(now_ns)
      "${row}_${tool}" >/dev/null 2>&1 || { echo "[bench] $row/$tool failed:"; "${row}_${tool}"; exit 1; }
      end=$(now_ns)
      ((r == 0)) || times[$row.$tool]+="$(((end - start) / 1000)) "
    done
  done
done

# Sizes of what each tool wrote, to show they did the same work.
declare -A dims=()
for row in "${rows[@]}"; do
  for tool in ${tools[$row]}; do
    f=$(ls "$o/$row-$tool".* 2>/dev/null | head -n 1)
    dims[$row.$tool]=$("$identify" -format '%wx%h' "$f" 2>/dev/null || echo '?')
  done
done

mkdir -p "$here/results"
report=$(cat <<'PY'
import json, statistics, sys
times, dims, meta = {}, {}, {}
for line in sys.stdin:
    kind, key, *rest = line.split()
    if kind == "T":
        times[key] = [int(x) / 1000 for x in rest]
    elif kind == "D":
        dims[key] = rest[0] if rest else "?"
    else:
        meta[key] = " ".join(rest)
med = {k: statistics.median(v) for k, v in times.items()}
labels = {
    "thumb": "12 MP JPEG -> 300 px wide",
    "webp": "12 MP PNG -> w1000, rot 90, webp",
    "text": "text watermark on 4 MP JPEG",
}
rows, out = ["thumb", "webp", "text"], []
print(f"\n{meta.get('host', '')}; {meta.get('vips', '')}; ImageMagick {meta.get('im', '')}")
head = f"{'row':34} {'ours':>8} {'vips':>8} {'IM':>8} {'IM tuned':>9} {'ours/vips':>10} {'ours/IM':>8}  goals"
print(head)
print("-" * len(head))
for row in rows:
    ours, vips, im = med[f"{row}.ours"], med[f"{row}.vips"], med[f"{row}.im"]
    tuned = med.get(f"{row}.imtuned")
    goals = {
        "faster than ImageMagick": ours < im,
        "<= 1.5x libvips": ours <= 1.5 * vips,
    }
    if tuned is not None:
        goals["faster than tuned ImageMagick"] = ours < tuned
    if row == "thumb":
        goals["under 150 ms"] = ours < 150
    verdict = ", ".join(f"{'PASS' if ok else 'MISS'} {name}" for name, ok in goals.items())
    t = f"{tuned:9.0f}" if tuned is not None else f"{'-':>9}"
    print(f"{labels[row]:34} {ours:8.0f} {vips:8.0f} {im:8.0f} {t} {ours / vips:10.2f} {ours / im:8.2f}  {verdict}")
    out.append({
        "row": row,
        "label": labels[row],
        "median_ms": {k.split(".")[1]: round(v, 1) for k, v in med.items() if k.startswith(row + ".")},
        "runs_ms": {k.split(".")[1]: v for k, v in times.items() if k.startswith(row + ".")},
        "output_size": {k.split(".")[1]: v for k, v in dims.items() if k.startswith(row + ".")},
        "ratio_ours_vips": round(ours / vips, 3),
        "ratio_ours_im": round(ours / im, 3),
        "goals": goals,
    })
print("\noutput sizes (w x h):")
for row in rows:
    print(f"  {labels[row]:34} " + "  ".join(f"{k.split('.')[1]} {v}" for k, v in sorted(dims.items()) if k.startswith(row + ".")))
with open(sys.argv[1], "w") as f:
    json.dump({"meta": meta, "rows": out}, f, indent=2, ensure_ascii=False)
print(f"\nwritten to {sys.argv[1]}")
PY
)
{
  for key in "${!times[@]}"; do echo "T $key ${times[$key]}"; done
  for key in "${!dims[@]}"; do echo "D $key ${dims[$key]}"; done
  echo "M host $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "M vips $(vips --version 2>/dev/null | head -n 1)"
  echo "M im $("$im" -version | head -n 1 | cut -d' ' -f3)"
} | python3 -c "$report" "$here/results/image.json"

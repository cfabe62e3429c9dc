#!/usr/bin/env bash
# Runs every test of ZOS Browser on a fresh Debian/Ubuntu machine: installs what is missing,
# checks formatting, lints and types, runs the UI unit tests, starts a real radosgw on
# loopback, runs the Rust tests against it (keyring tests on a real Secret Service), then drives
# the real desktop app under Xvfb with tauri-driver + WebKitWebDriver. Stops the radosgw at
# the end, whatever happened.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s (%ss)\n' "$*" "$SECONDS"; }

step "dependencies"
./scripts/install-deps.sh

# The Python with boto3 that the Rust tests compare against (see scripts/install-deps.sh).
if [[ -x tests/.venv/bin/python ]]; then export ZOS_TEST_PYTHON=$root/tests/.venv/bin/python; fi

step "UI: types, lint, unit tests, build"
(cd ui && npm run typecheck && npm run lint && npm test && npm run build)

step "Rust: format and clippy"
cargo fmt --all -- --check
# With the e2e dialog hook too, so that its code is linted (it is a debug-only feature).
cargo clippy --workspace --all-targets --locked --features zos-browser/e2e-hooks -- -D warnings

step "start the test radosgw"
export ZOS_RGW_DIR=${ZOS_RGW_DIR:-${TMPDIR:-/tmp}/zos-rgw-test}
export ZOS_RGW_PORT=${ZOS_RGW_PORT:-7490}
export ZOS_RGW_MEM_BYTES=${ZOS_RGW_MEM_BYTES:-4294967296}
trap './tests/rgw/stop.sh || true' EXIT
./tests/rgw/start.sh
set -a; . "$ZOS_RGW_DIR/env"; set +a

step "Rust: unit and integration tests (real radosgw, real Secret Service)"
./tests/with-keyring.sh cargo test --workspace --locked

step "desktop end-to-end (real window under Xvfb, tauri-driver, real radosgw)"
./tests/e2e/run.sh

step "all tests passed"

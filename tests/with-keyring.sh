#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring
# Secret Service and a private kernel session keyring, so the `keyring` crate's
# Secret Service and keyutils backends both work headless (CI, containers).
# See /work/shared/desktop-ci/NOTES.md.
#
# Usage: tests/with-keyring.sh COMMAND [ARGS...]
#   e.g. tests/with-keyring.sh cargo test -p zos-core
# The keyring lives in a throwaway XDG_DATA_HOME (removed at the end), so
# nothing touches the user's real keyring. The command's exit code is returned.
# Inside such a session (ZOS_KEYRING_SESSION=1) the command is simply exec'd.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [[ ${ZOS_KEYRING_SESSION:-} == 1 ]]; then
  exec "$@"
fi

# --- packages ---------------------------------------------------------------
missing=0
for tool in dbus-run-session dbus-send gnome-keyring-daemon keyctl secret-tool; do
  command -v "$tool" >/dev/null || missing=1
done
if [[ $missing -eq 1 ]]; then
  echo "[keyring] installing gnome-keyring dbus keyutils libsecret-tools (apt-get)" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "[keyring] ERROR: packages missing and not root (no sudo)" >&2
      exit 1
    }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q >&2
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
    gnome-keyring dbus keyutils libsecret-tools >&2
fi

# --- session ----------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zos-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/data" "$tmp/run"

# The inner script runs as `bash -c SCRIPT zos-keyring COMMAND ARGS...`, so the
# command arrives as "$@" untouched (no re-quoting, no word splitting).
# - gnome-keyring must be unlocked with a NON-empty password, else it asks a GUI
#   prompter and the client gets NoStorageAccess.
# - XDG_RUNTIME_DIR is private for the daemon only (its control socket lives
#   there); the command keeps the caller's (a Wayland socket may live there).
# - gnome-keyring-daemon --unlock returns before its daemon owns the bus name
#   org.freedesktop.secrets. A client that comes too early makes dbus-daemon
#   auto-start a second gnome-keyring (seen in 1 of 3 quick runs; its
#   GNOME_KEYRING_CONTROL=... line lands in the command's stdout): wait for it.
# - `keyctl session -` gives the command its own session keyring (keyutils).
# - The command is not exec'd: the daemon is stopped after it (by its PID from
#   the bus), because gnome-keyring-daemon does not always exit with its bus
#   (seen: daemons left running after very short commands).
# shellcheck disable=SC2016 # expanded by the inner bash
inner='
set -e
set -a # export what gnome-keyring-daemon prints (GNOME_KEYRING_CONTROL=...)
eval "$(printf ci-password | XDG_RUNTIME_DIR="$ZOS_KEYRING_TMP/run" \
  gnome-keyring-daemon --unlock --components=secrets)"
set +a +e
bus() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    "org.freedesktop.DBus.$1" string:org.freedesktop.secrets 2>/dev/null
}
keyring_pid=
for ((i = 0; i < 100; i++)); do
  if bus NameHasOwner | grep -q "boolean true"; then
    keyring_pid=$(bus GetConnectionUnixProcessID | awk "/uint32/ { print \$2 }")
    break
  fi
  sleep 0.05
done
[[ -n $keyring_pid ]] || echo "[keyring] WARNING: no Secret Service on the bus after 5 s" >&2
unset i
rc=0
"$@" || rc=$?
# The daemon does not always exit with its bus: stop it by its PID.
[[ -z $keyring_pid ]] || kill "$keyring_pid" 2>/dev/null || true
exit "$rc"
'

rc=0
ZOS_KEYRING_SESSION=1 ZOS_KEYRING_TMP=$tmp XDG_DATA_HOME=$tmp/data \
  dbus-run-session -- keyctl session - bash -c "$inner" zos-keyring "$@" || rc=$?
exit "$rc"

#!/usr/bin/env bash
# Stop the test cluster that tests/rgw/start.sh started in $ZOS_RGW_DIR
# (default ${TMPDIR:-/tmp}/zos-rgw), by the PIDs it recorded: never by name, so
# other clusters (a dev sandbox, another test run) are left alone.
# The directory (logs, ceph.conf) stays for inspection unless --wipe is given.
#
# Usage: tests/rgw/stop.sh [--wipe]
set -euo pipefail

DIR=${ZOS_RGW_DIR:-${TMPDIR:-/tmp}/zos-rgw}
wipe=0
for arg in "$@"; do
  case $arg in
  --wipe) wipe=1 ;;
  -h | --help)
    sed -n '2,7p' "$0"
    exit 0
    ;;
  *)
    echo "usage: $0 [--wipe]" >&2
    exit 2
    ;;
  esac
done

log() { printf '[rgw] %s\n' "$*" >&2; }

# start.sh recorded the absolute path in the daemons' command lines.
if [[ -d $DIR ]]; then DIR=$(cd "$DIR" && pwd); fi

# ours PID: the process is alive (not a zombie) and is one of our daemons,
# i.e. its command line names this cluster's ceph.conf. This guards against
# PIDs recycled since the cluster was started.
ours() {
  local stat cmdline
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) } # the state letter follows "(comm) "
  [[ ${stat:0:1} != Z ]] || return 1
  cmdline=$({ tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null) || return 1
  [[ $cmdline == *" $DIR/ceph.conf "* ]]
}

# stop_one NAME PID: TERM, wait up to 10 s, then KILL.
stop_one() {
  local name=$1 pid=$2 i
  ours "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    ours "$pid" || return 0
    sleep 0.1
  done
  log "$name ($pid) ignored TERM for 10 s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    ours "$pid" || return 0
    sleep 0.1
  done
  log "$name ($pid) still there after KILL"
  return 1
}

rc=0
if [[ -f $DIR/pids ]]; then
  # Reverse start order: radosgw, then the OSD (which tells the still-running
  # mon that it is going down), then the mon.
  mapfile -t lines < <(tac "$DIR/pids")
  for line in "${lines[@]}"; do
    read -r name pid <<<"$line"
    [[ $pid =~ ^[0-9]+$ ]] || continue
    stop_one "$name" "$pid" || rc=1
  done
  if [[ $rc -eq 0 ]]; then
    rm -f "$DIR/pids"
    log "stopped the cluster in $DIR"
  fi
else
  log "no pids file in $DIR: nothing to stop"
fi

if [[ $wipe -eq 1 && $rc -eq 0 && -d $DIR ]]; then
  # Only delete a directory that start.sh made.
  if [[ -f $DIR/.zos-rgw ]]; then
    rm -rf "$DIR"
    log "removed $DIR"
  else
    log "not removing $DIR: not made by tests/rgw/start.sh"
    rc=1
  fi
fi
exit "$rc"

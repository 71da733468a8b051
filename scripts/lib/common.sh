# shellcheck shell=bash
# Shared helpers for povm scripts: messages, paths, waiting. Source it; do not run it.

POVM_ROOT="${POVM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
POVM_CACHE="${POVM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/povm}"
POVM_RUN_DIR="${POVM_RUN_DIR:-$POVM_ROOT/.run}"
export POVM_ROOT POVM_CACHE POVM_RUN_DIR

info() { printf '[povm] %s\n' "$*" >&2; }
warn() { printf '[povm] warning: %s\n' "$*" >&2; }
fatal() {
  printf '[povm] error: %s\n' "$*" >&2
  exit 1
}

# elapsed_since START_SECONDS -> "12s"
elapsed_since() { printf '%ss' "$(($(date +%s) - $1))"; }

# wait_until SECONDS DESCRIPTION COMMAND... : polls COMMAND every 0.5 s until it succeeds.
wait_until() {
  local timeout="$1" what="$2"
  shift 2
  local deadline=$(($(date +%s) + timeout))
  until "$@" >/dev/null 2>&1; do
    if (($(date +%s) >= deadline)); then
      return 1
    fi
    sleep 0.5
  done
  info "$what ready"
}

# port_open PORT: true when something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

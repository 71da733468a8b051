# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
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

# Passes through only the lines matching $1, to stderr; never fails itself.
progress_lines() { grep -E "$1" >&2 || true; }

# apt_install PROGRESS_PATTERN PACKAGE...: installs Debian packages with apt-get as root, showing only the lines
# that match PROGRESS_PATTERN (and errors); fails with a clear message when not root or when apt-get fails.
apt_install() {
  local pattern="$1"
  shift
  [[ $EUID -eq 0 ]] || fatal "installing $* needs root; run as root or install them yourself"
  info "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o=Dpkg::Use-Pty=0 | progress_lines '^(Get|Err|W:|E:)' || fatal "apt-get update failed"
  apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends "$@" |
    progress_lines "^(${pattern}|Err|E:)" || fatal "apt-get install $* failed"
}

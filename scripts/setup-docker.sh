#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs Debian's Docker engine when missing and makes sure an engine answers.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/docker.sh
source "$SCRIPT_DIR/lib/docker.sh"

# Flags tried in order when dockerd has to be started. The fallback is for hosts
# without iptables or bridge support; job containers run with network none anyway.
readonly DOCKERD_FALLBACK_FLAGS=(--iptables=false --ip6tables=false --bridge=none)

usage() {
  cat <<USAGE
Usage: scripts/setup-docker.sh [--stop | --help]

Makes sure a Docker engine answers on $(docker_sock):
  1. installs Debian's docker.io and debootstrap with apt-get when dockerd is missing;
  2. if no engine answers, starts dockerd in the background (it keeps running after
     this script exits), first with default flags, then with
     '${DOCKERD_FALLBACK_FLAGS[*]}' if the defaults fail;
     the flags that worked are remembered and used first next time.
An engine that already answers, whoever started it, is used as it is.

Options:
  --stop    stop the dockerd this script started (pid file); never touches others
  --help    show this text

Files (POVM_CACHE=$(povm_cache_dir)):
  $(dockerd_log_file)
  $(dockerd_pid_file)
  $(dockerd_flags_file)

Environment: POVM_CACHE, POVM_DOCKER_SOCK, POVM_DOCKERD_WAIT (seconds, default 60),
POVM_DOCKER_CLI_TIMEOUT (seconds, default 120).
USAGE
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if ((${#missing[@]} == 0)); then
    info "docker.io and debootstrap already installed"
    return
  fi
  apt_install 'Get|Setting up' "${missing[@]}"
  command -v dockerd >/dev/null 2>&1 || fatal "apt-get did not install dockerd"
  command -v debootstrap >/dev/null 2>&1 || fatal "apt-get did not install debootstrap"
}

# Try one dockerd start with extra flags "$@"; leaves it running on success.
try_start() {
  local pid
  info "starting dockerd ${*:-(default flags)}"
  pid="$(dockerd_spawn "$@")"
  if dockerd_await "$pid"; then
    info "dockerd answers (pid $pid, $(dk version --format '{{.Server.Version}}, API {{.Server.APIVersion}}'))"
    printf '%s\n' "$*" >"$(dockerd_flags_file)"
    return 0
  fi
  warn "dockerd ${*:-(default flags)} did not come up; last log lines:"
  dockerd_log_tail 15
  dockerd_terminate "$pid"
  return 1
}

start_engine() {
  if docker_engine_answers; then
    info "a Docker engine already answers on $(docker_sock); using it"
    return
  fi
  if [[ -n "${DOCKER_HOST:-}" && "$DOCKER_HOST" != "unix://$(docker_sock)" ]]; then
    warn "DOCKER_HOST=$DOCKER_HOST is ignored; povm uses $(docker_sock)"
  fi
  mkdir -p "$(dockerd_dir)"
  # One start at a time: a second caller waits here, then finds the engine answering.
  exec 8>"$(dockerd_dir)/.lock"
  flock 8 || fatal "cannot lock $(dockerd_dir)/.lock"
  if docker_engine_answers; then
    info "a Docker engine answers on $(docker_sock) now; using it"
    return
  fi
  local pid
  if pid="$(dockerd_our_pid)"; then
    info "our dockerd (pid $pid) runs but does not answer yet; waiting"
    dockerd_await "$pid" && return
    fatal "our dockerd (pid $pid) does not answer; see $(dockerd_log_file), or run --stop and retry"
  fi
  if [[ "$(cat "$(dockerd_flags_file)" 2>/dev/null)" == "${DOCKERD_FALLBACK_FLAGS[*]}" ]]; then
    try_start "${DOCKERD_FALLBACK_FLAGS[@]}" && return
    try_start && return
  else
    try_start && return
    try_start "${DOCKERD_FALLBACK_FLAGS[@]}" && return
  fi
  fatal "dockerd did not start with default nor fallback flags; full log: $(dockerd_log_file)"
}

stop_engine() {
  local pid
  if ! pid="$(dockerd_our_pid)"; then
    info "no dockerd started by povm is running (pid file $(dockerd_pid_file)); nothing to stop"
    return
  fi
  info "stopping dockerd (pid $pid)"
  dockerd_terminate "$pid"
  info "dockerd stopped"
}

main() {
  case "${1:-}" in
    -h | --help) usage ;;
    --stop) stop_engine ;;
    "")
      install_packages
      start_engine
      ;;
    *)
      usage >&2
      fatal "unknown argument: $1"
      ;;
  esac
}

main "$@"

# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Docker helpers for povm scripts. Source it after lib/common.sh; it defines functions only
# (and info/warn/fatal when common.sh was not sourced).
#
# Environment:
#   POVM_CACHE         cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/povm, as in common.sh)
#   POVM_DOCKER_SOCK   engine socket (default: /var/run/docker.sock)
#   POVM_DOCKERD_WAIT  seconds to wait for a started engine (default: 60)
#   POVM_DOCKER_CLI_TIMEOUT  seconds any one docker CLI call may take (default: 120)

declare -F info >/dev/null || info() { printf '[povm] %s\n' "$*" >&2; }
declare -F warn >/dev/null || warn() { printf '[povm] warning: %s\n' "$*" >&2; }
declare -F fatal >/dev/null || fatal() {
  printf '[povm] error: %s\n' "$*" >&2
  exit 1
}

povm_cache_dir() { printf '%s\n' "${POVM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/povm}"; }
dockerd_dir() { printf '%s/dockerd\n' "$(povm_cache_dir)"; }
dockerd_pid_file() { printf '%s/dockerd.pid\n' "$(dockerd_dir)"; }
dockerd_log_file() { printf '%s/dockerd.log\n' "$(dockerd_dir)"; }
# Extra dockerd flags that worked last time; read first on the next start.
dockerd_flags_file() { printf '%s/dockerd.flags\n' "$(dockerd_dir)"; }
docker_sock() { printf '%s\n' "${POVM_DOCKER_SOCK:-/var/run/docker.sock}"; }

# The docker CLI, always pointed at our socket and time-limited.
dk() { timeout "${POVM_DOCKER_CLI_TIMEOUT:-120}" docker -H "unix://$(docker_sock)" "$@"; }

docker_engine_answers() {
  [[ -S "$(docker_sock)" ]] || return 1
  timeout 10 docker -H "unix://$(docker_sock)" info >/dev/null 2>&1
}

docker_require_engine() {
  command -v docker >/dev/null 2>&1 || fatal "docker CLI not found; run scripts/setup-docker.sh"
  docker_engine_answers || fatal "no Docker engine answers on $(docker_sock); run scripts/setup-docker.sh"
}

docker_image_present() { dk image inspect "$1" >/dev/null 2>&1; }

# Pid of the dockerd we started, if it is still running.
dockerd_our_pid() {
  local pid_file pid
  pid_file="$(dockerd_pid_file)"
  [[ -f "$pid_file" ]] || return 1
  pid="$(<"$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]] || return 1
  printf '%s\n' "$pid"
}

# Start dockerd detached (new session, survives this script) with extra flags "$@".
dockerd_spawn() {
  local dir
  dir="$(dockerd_dir)"
  mkdir -p "$dir"
  {
    printf '\n=== %s dockerd %s\n' "$(date -Is)" "$*"
  } >>"$(dockerd_log_file)"
  # Only the standard streams, redirected, reach dockerd: an inherited lock descriptor would hold the lock forever.
  setsid nohup dockerd --host "unix://$(docker_sock)" --pidfile "$(dockerd_pid_file)" "$@" \
    </dev/null >>"$(dockerd_log_file)" 2>&1 8>&- 9>&- &
  printf '%s\n' "$!"
}

# Wait until the engine answers; give up early when process $1 dies.
dockerd_await() {
  local pid="$1" limit="${POVM_DOCKERD_WAIT:-60}" waited=0
  while ! docker_engine_answers; do
    kill -0 "$pid" 2>/dev/null || return 1
    if ((waited >= limit)); then
      return 1
    fi
    if ((waited > 0 && waited % 5 == 0)); then
      info "waiting for dockerd (pid $pid): ${waited}s of ${limit}s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# Stop process $1 with TERM, then KILL after 20 s.
dockerd_terminate() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  warn "dockerd (pid $pid) ignored TERM for 20 s; sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
}

dockerd_log_tail() { tail -n "${1:-30}" "$(dockerd_log_file)" 2>/dev/null | sed 's/^/    /' >&2 || true; }

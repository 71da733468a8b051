#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one povm worker daemon per org against the network in $POVM_RUN_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/docker.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/docker.sh"

ORGS=(org1 org2 org3)
readonly SLAS="standard@1"

usage() {
  cat <<USAGE
Usage: scripts/workers.sh start|stop|status

  start    makes sure a Docker engine answers (scripts/setup-docker.sh when none does), then
           for each org (org1..org3 and any added with network.sh add-org): registers its User2 as worker w1 (once, as the org admin, with the
           attestation key \$POVM_RUN_DIR/workers/<org>-attestation.key, made once with openssl; a
           worker registered with another key gets this one through update-offer) and as its org's
           operator (povm org add-operator: the identity that ticks the clock and posts the org's
           beacon pieces), writes
           \$POVM_RUN_DIR/workers/<org>.yaml and starts the daemon (scripts/povm-worker) in the
           background; waits until each says it started, and fails with the end of its log when
           one exits instead
  stop     stops the daemons (SIGTERM: each drains, releasing replicas it cannot finish)
  status   asks each daemon's health endpoint what it is doing (povm-worker status)

Logs: \$POVM_RUN_DIR/logs/worker-<org>.log; pid files: \$POVM_RUN_DIR/pids/worker-<org>.pid, so that
network/network.sh down stops them too. Health ports: base port + 100 + 10 * N + 5 (org N).
Environment: POVM_RUN_DIR (default .run), POVM_WORKER_SLOTS (default 2), POVM_WORKER_FAULTY_MODE
(tests only: none|wrong-answer|copy|silent|inflate-usage for every daemon started; see docs/workers.md).
USAGE
}

# add_extra_orgs: the orgs network.sh add-org added (EXTRA_ORGS in network.env) run a daemon too.
add_extra_orgs() {
  local org
  for org in $([[ -f "$POVM_RUN_DIR/network.env" ]] && (source "$POVM_RUN_DIR/network.env" && echo "${EXTRA_ORGS:-}")); do
    ORGS+=("$org")
  done
}

POVM="$POVM_ROOT/scripts/povm"
WORKER="$POVM_ROOT/scripts/povm-worker"

base_port() {
  local settings="$POVM_RUN_DIR/network.env"
  [[ -f "$settings" ]] || fatal "no network in $POVM_RUN_DIR; start it with network/network.sh up"
  # shellcheck disable=SC1090
  (source "$settings" && echo "${BASE_PORT:?}")
}

health_port() { echo $(($(base_port) + 100 + 10 * ${1#org} + 5)); }
pid_file() { echo "$POVM_RUN_DIR/pids/worker-$1.pid"; }

running() {
  local pid
  pid="$(cat "$(pid_file "$1")" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null
}

attestation_key() {
  local dir="$POVM_RUN_DIR/workers"
  local key="$dir/$1-attestation.key" pub="$dir/$1-attestation.pem"
  if [[ ! -f "$key" ]]; then
    openssl ecparam -name prime256v1 -genkey -noout -out "$key" 2>/dev/null
    chmod 600 "$key"
  fi
  openssl ec -in "$key" -pubout -out "$pub" 2>/dev/null
}

register() {
  local org="$1" pub="$POVM_RUN_DIR/workers/$1-attestation.pem"
  local offer=(--slas "$SLAS" --slots "${POVM_WORKER_SLOTS:-2}" --cpu-millis 2000 --memory-mib 4096
    --disk-mib 10240 --attestation-key "$pub")
  attestation_key "$org"
  local me
  if me="$("$POVM" worker whoami --profile "$org-user2" -o json 2>/dev/null)"; then
    # registered before (e.g. by the gateway-client ITs) with another attestation key: the daemon would refuse
    # to start, so the org admin registers this run's key
    if ! python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["offer"]; sys.exit(o["attestationKeyPem"].strip() != open(sys.argv[2]).read().strip())' \
      <(echo "$me") "$pub"; then
      "$POVM" worker update-offer --profile "$org-admin" \
        "$(echo "$me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')" "${offer[@]}" >/dev/null
      info "$org: registered this run's attestation key for its worker"
    fi
    return
  fi
  local user="User2@$org.povm.test"
  "$POVM" worker register --profile "$org-admin" --name w1 \
    --cert "$POVM_RUN_DIR/crypto/peerOrganizations/$org.povm.test/users/$user/msp/signcerts/$user-cert.pem" \
    "${offer[@]}" >/dev/null
  info "$org: registered User2 as worker w1"
}

# register_operator ORG: the org admin names the daemon's identity (User2) the org's operator, the only identity
# besides the admin whose clock ticks and beacon pieces the chaincode takes for the org (idempotent).
register_operator() {
  local org="$1" user="User2@$1.povm.test"
  "$POVM" org add-operator --profile "$org-admin" \
    --cert "$POVM_RUN_DIR/crypto/peerOrganizations/$org.povm.test/users/$user/msp/signcerts/$user-cert.pem" >/dev/null
  info "$org: User2 is the org's operator"
}

write_config() {
  local org="$1" name="$2" next="$3"
  cat >"$POVM_RUN_DIR/workers/$org.yaml" <<YAML
# written by scripts/workers.sh
profile: $POVM_RUN_DIR/profiles/$org-user2.json
worker-name: $name
peers:
$(peer_yaml "$org")
$(peer_yaml "$next")
slots: ${POVM_WORKER_SLOTS:-2}
data-dir: $POVM_RUN_DIR/workers/$org-data
attestation-key-file: $POVM_RUN_DIR/workers/$org-attestation.key
heartbeat-interval: 5s
beacon:
  key-file: $POVM_RUN_DIR/beacon/$org.key
health:
  port: $(health_port "$org")
YAML
}

peer_yaml() {
  python3 - "$POVM_RUN_DIR/profiles/$1.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print(f"  - endpoint: {p['peerEndpoint']}\n    tls-root-cert: {p['tlsRootCertPath']}\n    host-override: {p['peerHostAlias']}")
PY
}

# started_since ORG OFFSET: true when ORG's daemon log, past its first OFFSET bytes, says the daemon started. The log
# is appended to by every start, so an earlier run's "started with" must not count.
started_since() { tail -c "+$(($2 + 1))" "$POVM_RUN_DIR/logs/worker-$1.log" 2>/dev/null | grep -q "started with"; }

# await_start ORG OFFSET: waits up to 120 s until ORG's daemon started; fails at once, with the end of its log, when
# the daemon exited instead (no Docker engine, an unregistered identity...).
await_start() {
  local org="$1" offset="$2" log="$POVM_RUN_DIR/logs/worker-$1.log" deadline=$(($(date +%s) + 120))
  until started_since "$org" "$offset"; do
    if ! running "$org"; then
      tail -c "+$((offset + 1))" "$log" | tail -n 5 >&2
      fatal "$org worker daemon exited instead of starting; see $log"
    fi
    (($(date +%s) < deadline)) || fatal "$org worker daemon did not start within 120 s; see $log"
    sleep 0.5
  done
  info "$org worker daemon started"
}

cmd_start() {
  mkdir -p "$POVM_RUN_DIR/workers" "$POVM_RUN_DIR/pids" "$POVM_RUN_DIR/logs"
  local i org name log
  local -A offsets=()
  docker_engine_answers || "$(dirname "${BASH_SOURCE[0]}")/setup-docker.sh"
  for i in "${!ORGS[@]}"; do
    org="${ORGS[$i]}"
    if running "$org"; then
      info "$org: worker daemon already running (pid $(cat "$(pid_file "$org")"))"
      continue
    fi
    register "$org"
    register_operator "$org"
    name="$("$POVM" worker whoami --profile "$org-user2" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')"
    write_config "$org" "$name" "${ORGS[$(((i + 1) % ${#ORGS[@]}))]}"
    log="$POVM_RUN_DIR/logs/worker-$org.log"
    offsets[$org]="$(stat -c %s "$log" 2>/dev/null || echo 0)"
    nohup "$WORKER" start --config "$POVM_RUN_DIR/workers/$org.yaml" >>"$log" 2>&1 &
    echo $! >"$(pid_file "$org")"
    info "$org: worker daemon starting (pid $!, log $log)"
  done
  for org in "${ORGS[@]}"; do
    [[ -n "${offsets[$org]:-}" ]] || continue # it was running already
    await_start "$org" "${offsets[$org]}"
  done
  info "${#ORGS[@]} worker daemons running; scripts/workers.sh status shows what they do"
}

cmd_stop() {
  local org pid
  for org in "${ORGS[@]}"; do
    running "$org" || { rm -f "$(pid_file "$org")"; continue; }
    pid="$(cat "$(pid_file "$org")")"
    kill -TERM "$pid"
    wait_until 60 "$org worker daemon to drain" bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid"
    rm -f "$(pid_file "$org")"
    info "$org: worker daemon stopped"
  done
}

cmd_status() {
  local org rc=0
  for org in "${ORGS[@]}"; do
    echo "== $org =="
    "$WORKER" status --url "http://127.0.0.1:$(health_port "$org")" || rc=1
  done
  return "$rc"
}

main() {
  export POVM_RUN_DIR="${POVM_RUN_DIR:-$POVM_ROOT/.run}"
  add_extra_orgs
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"

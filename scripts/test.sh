#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every povm test: unit tests, then integration tests against a real Fabric network and the
# real Docker engine, both started here and stopped again at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/test.sh [--keep-network] [--unit-only] [-- MAVEN_ARGS...]

Installs what is missing (Fabric binaries, Docker engine, base image; all cached), builds every
module, starts a fresh test network (run directory .run-test, base port 7500, so a demo network on
the default ports can keep running), runs 'mvn verify' (unit tests, integration tests, format and
dependency checks), the add-org steps, a restart check and the benchmark harness's smoke run
(scripts/bench --smoke: fails only when the harness is broken, never on speed), and stops the test
network again.

  --keep-network   leave the test network running afterwards (inspect it with
                   POVM_RUN_DIR=.run-test network/network.sh status)
  --unit-only      unit tests and checks only: no network, no Docker
  MAVEN_ARGS       passed to mvn, e.g. -- -Dit.test=CrossOrgJobIT
USAGE
}

KEEP=false
UNIT_ONLY=false
MVN_ARGS=()
while (($#)); do
  case "$1" in
    --keep-network) KEEP=true ;;
    --unit-only) UNIT_ONLY=true ;;
    -h | --help) usage; exit 0 ;;
    --) shift; MVN_ARGS=("$@"); break ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  shift
done

export POVM_RUN_DIR="${POVM_TEST_RUN_DIR:-$POVM_ROOT/.run-test}"
NET="$POVM_ROOT/network/network.sh"
MVN=(mvn -B -ntp -f "$POVM_ROOT/pom.xml")
started=$(date +%s)

if $UNIT_ONLY; then
  "${MVN[@]}" verify -DskipITs "${MVN_ARGS[@]}"
  info "unit tests passed in $(elapsed_since "$started")"
  exit 0
fi

# our_pids: the pids the network recorded for its nodes.
our_pids() { cat "$POVM_RUN_DIR"/pids/*.pid 2>/dev/null || true; }

# network_down_check: 'down' must stop every process that 'up' started.
network_down_check() {
  local pids pid left=()
  pids="$(our_pids)"
  "$NET" down --wipe
  for pid in $pids; do
    kill -0 "$pid" 2>/dev/null && left+=("$pid")
  done
  ((${#left[@]} == 0)) || fatal "network down left processes running: ${left[*]}"
  info "network down stopped all $(wc -w <<<"$pids") node processes; none left"
}

cleanup() {
  local rc=$?
  if ! $KEEP; then
    if ((rc == 0)); then
      network_down_check || rc=1
    else
      "$NET" down --wipe || true
    fi
  fi
  exit "$rc"
}

"$POVM_ROOT/scripts/setup-fabric.sh"
"$POVM_ROOT/scripts/setup-docker.sh"
"$POVM_ROOT/scripts/build-base-image.sh"
"$POVM_ROOT/scripts/build-demo-images.sh"
"$POVM_ROOT/scripts/setup-browser.sh"
"$POVM_ROOT/scripts/setup-python.sh"
"$POVM_ROOT/scripts/setup-faketime.sh"

info "building all modules"
"${MVN[@]}" -q install -DskipTests

trap cleanup EXIT
"$NET" down --wipe >/dev/null 2>&1 || true
"$NET" up --base-port "${POVM_TEST_BASE_PORT:-7500}"

info "running unit and integration tests (mvn verify)"
"${MVN[@]}" verify "${MVN_ARGS[@]}"
"$POVM_ROOT/scripts/test-add-org.sh" # docs/operations.md's add-org steps on the test network: Org4 joins, reads, endorses

# A restart keeps everything: the same ledger, the same chaincode package ids, the same jobs.
restart_check() {
  local before after
  before="$("$POVM_ROOT/scripts/povm" job list --profile org2 --all -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')"
  "$NET" down
  "$NET" up --base-port "${POVM_TEST_BASE_PORT:-7500}"
  after="$("$POVM_ROOT/scripts/povm" job list --profile org3 --all -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')"
  [[ "$before" == "$after" && "$after" -gt 0 ]] || fatal "restart check: $before jobs before the restart, $after after"
  info "restart check: the network came back with all $after jobs"
}
restart_check

# The benchmark harness in its smoke form (a few seconds of load per scenario) on the test network: it fails when the
# harness is broken, never because something is slow. Results in results/test-smoke/ (ignored by git).
info "benchmark harness smoke run (scripts/bench --smoke)"
bench_started=$(date +%s)
rm -rf "$POVM_ROOT/results/test-smoke"
"$POVM_ROOT/scripts/bench" --smoke --out "$POVM_ROOT/results/test-smoke"
info "benchmark smoke run passed in $(elapsed_since "$bench_started")"
info "all tests passed in $(elapsed_since "$started")"

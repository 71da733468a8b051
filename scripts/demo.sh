#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The povm demo: from a fresh machine to the paper's "find the luckiest seed" on a multi-org Fabric ledger, with
# k-vote redundancy across three organizations' workers. Leaves the network running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

COUNT=10
K=20
BASE_PORT=""
WATTS=10
STEPS=10

usage() {
  cat <<USAGE
Usage: scripts/demo.sh [--count N] [--k K] [--base-port N] [--watts-per-core W]

Installs what is missing (Fabric binaries built from source, Docker engine, local base image; all
cached under \$POVM_CACHE, default ~/.cache/povm), builds povm, starts the 3-org network with the
chaincode deployed, starts one worker daemon per org, then runs a sweep: one coin-flip job per seed
demo-1 .. demo-N, each looking for K heads in a row with three replicas (k-vote on the default SLA
standard@1), submitted one after the other by Org1's client. While the workers run, commit and reveal
their signed attestations, it shows where each job is. Then it prints the summary: the luckiest seed,
the mean flips against 2^(K+1)-2 with a 95% confidence interval, the replicas that agreed, and the
CPU-seconds and energy of useful work (attested by the replicas) against protocol overhead (the
network's and workers' processes meanwhile); checks the luckiest job's attestations offline, shows
the lottery of the beacon rounds that ran (when this build has one) and the luckiest job's settlement.

Options:
  --count N            seeds to try (default: $COUNT)
  --k K                heads in a row, 1 to 48 (default: $K; about 2^(K+1) flips per job)
  --base-port N        ports of a network this starts (default: network.sh's, 7000); a running
                       network keeps its own
  --watts-per-core W   assumed power of a busy core for the energy estimate (default: $WATTS)
  -h, --help           show this text

Environment: POVM_RUN_DIR (default <repo>/.run), POVM_CACHE.
Warm caches, the defaults take about 5 minutes on 2 cores. The network and the workers keep running
afterwards: scripts/povm --help, scripts/workers.sh status, network/network.sh status|down.
USAGE
}

parse_args() {
  while (($#)); do
    case "$1" in
      --count) COUNT="${2:?--count needs a number}"; shift 2 ;;
      --k) K="${2:?--k needs a number}"; shift 2 ;;
      --base-port) BASE_PORT="${2:?--base-port needs a port}"; shift 2 ;;
      --watts-per-core) WATTS="${2:?--watts-per-core needs a number}"; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown option: $1" ;;
    esac
  done
  [[ "$COUNT" =~ ^[0-9]+$ ]] && ((COUNT >= 1 && COUNT <= 200)) || fatal "--count is '$COUNT'; must be 1 to 200"
  [[ "$K" =~ ^[0-9]+$ ]] && ((K >= 1 && K <= 48)) || fatal "--k is '$K'; must be 1 to 48"
  [[ -z "$BASE_PORT" || "$BASE_PORT" =~ ^[0-9]+$ ]] || fatal "--base-port is '$BASE_PORT'; must be a port number"
}

started=$(date +%s)
step_no=0
POVM="$POVM_ROOT/scripts/povm"

step() {
  step_no=$((step_no + 1))
  info "== $step_no/$STEPS $* ($(elapsed_since "$started") so far) =="
}

# patiently CMD...: runs a povm command; when it exits 5 (a peer unavailable or a call timed out, e.g. on a
# machine under heavy load) tries again, up to three times in all
patiently() {
  local attempt rc
  for attempt in 1 2 3; do
    rc=0
    "$@" || rc=$?
    ((rc == 5 && attempt < 3)) || return "$rc"
    warn "a peer did not answer in time; trying again ($attempt of 2)"
    sleep 3
  done
}

job_state() {
  patiently "$POVM" job get --profile org1 "$1" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])'
}

# json_field FILE EXPRESSION: a value of the sweep summary, e.g. json_field s.json 'd["statistics"]["n"]'
json_field() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

setup() {
  step "Fabric binaries"
  "$POVM_ROOT/scripts/setup-fabric.sh"
  step "Docker engine, base image and the coin flipper's image"
  "$POVM_ROOT/scripts/setup-docker.sh"
  "$POVM_ROOT/scripts/build-base-image.sh"
  "$POVM_ROOT/scripts/build-demo-images.sh"
  step "building povm (maven package)"
  mvn -B -ntp -q -f "$POVM_ROOT/pom.xml" package -Dmaven.test.skip=true
  step "network up, chaincode deployed"
  "$POVM_ROOT/network/network.sh" up ${BASE_PORT:+--base-port "$BASE_PORT"}
  step "one worker daemon per org"
  "$POVM_ROOT/scripts/workers.sh" start
  beacon_rounds
}

# sweep SUMMARY_FILE: submits the jobs, waits (progress on stderr), prints the summary table
sweep() {
  step "the sweep: $COUNT coin-flip jobs, seeds demo-1..demo-$COUNT, K=$K, three replicas each (k-vote)"
  local coinflip
  coinflip="povm/coinflip@$(docker image inspect --format '{{.Id}}' povm/coinflip:latest)"
  info "jobs: $JOB_PREFIX<n>; each line below says where every open job is and what its replicas do"
  "$POVM" job sweep --profile org1 --image "$coinflip" --count "$COUNT" --k "$K" --replicas 3 --sla standard@1 \
    --seed-prefix demo- --job-prefix "$JOB_PREFIX" --watts-per-core "$WATTS" --clock-ticks "$(getconf CLK_TCK)" \
    --json-file "$1" >"$1.txt" || { cat "$1.txt"; fatal "the sweep did not finish; see $POVM_RUN_DIR/logs/worker-org*.log"; }
  echo
  info "the summary (JSON: $1):"
  cat "$1.txt"
}

verify_luckiest() {
  step "the luckiest job's signed attestations, checked offline against the ledger"
  local rc=0
  patiently "$POVM" attestation verify --profile org3 "$1" || rc=$?
  ((rc != 7)) || fatal "$1 does not verify (see above)"
  ((rc == 0)) || warn "could not check $1 now (exit $rc); try: scripts/povm attestation verify $1"
}

# beacon_rounds: fast beacon rounds and beacon-seeded assignment, put in force by governance (Org1's admin
# proposes, Org2's approves): every job then waits for the first round opened after its submission and is assigned
# with that round's seed, which nobody knew when it was submitted. Skipped when already in force.
beacon_rounds() {
  step "the beacon: rounds every few seconds, job assignment seeded by them (governance: Org1 proposes, Org2 approves)"
  local config id
  config="$(patiently "$POVM" beacon config -o json)" || { warn "cannot read the beacon config; leaving it"; return; }
  if [[ "$config" == *'"phaseSeconds":10,"cadenceSeconds":5,'*'"assignment":"beacon"'* ]]; then
    info "beacon config already in force: $config"
    return
  fi
  id="demo-beacon-$(date -u +%Y%m%d%H%M%S)"
  patiently "$POVM" beacon config --propose "$id" --phase-seconds 10 --cadence-seconds 5 --assignment beacon \
    --profile org1-admin >/dev/null || fatal "beacon config --propose $id failed"
  patiently "$POVM" beacon config --approve "$id" --profile org2-admin >/dev/null ||
    fatal "beacon config --approve $id failed"
  info "in force: $("$POVM" beacon config -o json)"
}

# lottery: waits until a beacon round that opened after the sweep's jobs were paid has drawn (their verified
# VM-seconds are its tickets), then explains that draw and lists the rounds' winners.
lottery() {
  step "the lottery: a beacon round draws a winner from the tickets of the work just paid"
  local deadline=$(($(date +%s) + 120)) round history
  while :; do
    history="$("$POVM" lottery history --last 30 -o json 2>/dev/null)" || history=""
    round="$(HISTORY="$history" python3 -c '
import json, os
try:
    rounds = json.loads(os.environ["HISTORY"])["rounds"]
except (ValueError, KeyError):
    rounds = []
won = [r["round"] for r in rounds if r.get("winners")]
print(won[0] if won else "")')"
    [[ -n "$round" ]] && break
    (($(date +%s) < deadline)) || { warn "no beacon round drew a winner within 120 s; see scripts/povm beacon show"; return; }
    info "waiting for a beacon round with tickets to close (scripts/povm beacon show)"
    sleep 5
  done
  patiently "$POVM" lottery show "$round" --profile org2 || warn "lottery show $round failed"
  patiently "$POVM" beacon verify "$round" --profile org3 || warn "beacon verify $round failed"
  HISTORY="$history" python3 -c '
import json, os
for r in json.loads(os.environ["HISTORY"])["rounds"]:
    for w in r.get("winners", []):
        print("lottery: round %s won by %s with %d of %d tickets, +%d credits" % (r["round"], w["workerKey"], w["tickets"], w["total"], w["amount"]))
    for s in r.get("strikes", []):
        print("lottery: round %s strike for %s: %s" % (r["round"], s["msp"], s["reason"]))'
}

settlement() {
  step "the luckiest job's settlement, once its challenge window closed"
  local deadline=$(($(date +%s) + 240)) state
  while :; do
    state="$(job_state "$1")" || state="unknown"
    [[ "$state" =~ ^(FINALIZED|FAILED)$ ]] && break
    (($(date +%s) < deadline)) || { warn "$1 was not settled within 240 s; see povm job result $1"; return; }
    info "$1 is $state: waiting for its challenge window to close and a worker to finalize it"
    sleep 5
  done
  patiently "$POVM" credit settlement --profile org1 "$1"
}

closing() {
  local env_prefix=""
  [[ "$POVM_RUN_DIR" == "$POVM_ROOT/.run" ]] || env_prefix="POVM_RUN_DIR=$POVM_RUN_DIR "
  echo
  info "demo finished in $(elapsed_since "$started"); the network and the worker daemons are still running:"
  if "$POVM" --help 2>/dev/null | grep -qE '^ +dashboard( |$)'; then
    info "  ${env_prefix}scripts/povm dashboard --port 8080    then open http://localhost:8080 (the web dashboard)"
  else
    info "  the web dashboard (scripts/povm dashboard --port 8080, then http://localhost:8080) is not in this build yet"
  fi
  info "  ${env_prefix}scripts/povm job sweep --help         another sweep (more seeds, larger K)"
  info "  ${env_prefix}scripts/povm --help                   the command line"
  info "  ${env_prefix}scripts/workers.sh status             what each org's worker daemon is doing"
  info "  ${env_prefix}network/network.sh status             nodes, channel heights, committed chaincode"
  info "  ${env_prefix}network/network.sh down               stop everything (the workers too); --wipe also deletes the data"
}

main() {
  parse_args "$@"
  export POVM_RUN_DIR
  JOB_PREFIX="demo-$(date -u +%Y%m%d-%H%M%S)-"
  setup
  local summary="$POVM_RUN_DIR/sweep-${JOB_PREFIX%-}.json" luckiest
  sweep "$summary"
  luckiest="$(json_field "$summary" \
    '[j["jobId"] for j in d["jobs"] if j["seed"] == d["statistics"]["luckiest"]["seed"]][0]')"
  verify_luckiest "$luckiest"
  settlement "$luckiest"
  lottery
  closing
}

main "$@"

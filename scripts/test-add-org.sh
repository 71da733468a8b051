#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Proves that docs/operations.md's "Adding a fourth org" steps work: runs them as written on the network in
# $POVM_RUN_DIR, then checks that Org4 reads and writes through its own peer and that its endorsement counts.
set -euo pipefail
# network.sh, sourced, defines its helpers (as_admin, peer_port, channel_has_org, ...) and runs nothing
# shellcheck source=../network/network.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../network/network.sh"

usage() {
  cat <<USAGE
Usage: scripts/test-add-org.sh [--base-port N]

Runs the commands of the block marked add-org in docs/operations.md (network/network.sh add-org org4, ...)
against the network in \$POVM_RUN_DIR (default .run; scripts/test.sh runs it on .run-test), starting one with
network/network.sh up --base-port N (default 7000) when none runs. Then checks, and fails naming the check:

  1. Org4MSP is in the channel config, approved the chaincode definition and is a povm member (threshold 3 of 4),
     as povm org members and povm org show Org4MSP say too
  2. povm job list --profile org4 reads the ledger through Org4's peer
  3. a transaction by Org4's admin endorsed by Org4, Org1 and Org2 commits; the same endorsed by Org1 and Org2
     alone is invalidated (ENDORSEMENT_POLICY_FAILURE): the majority is now 3 of 4 and Org4's endorsement counts
  4. a job submitted by Org4's client through Org4's peer is read back through Org1's
  5. the documented steps run again change nothing
  6. a beacon share from Org4 for a round opened before it joined is refused (when a round ran)

Leaves the network running with Org4; network/network.sh down stops Org4's processes with the others.
USAGE
}

BASE_PORT_ARG=7000
while (($#)); do
  case "$1" in
    --base-port) BASE_PORT_ARG="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  shift
done

DOC="$POVM_ROOT/docs/operations.md"
POVM="$POVM_ROOT/scripts/povm"
started=$(date +%s)

# reload: the network's settings again, with the orgs add-org recorded.
reload() {
  ORGS=(org1 org2 org3)
  load_settings
}

check() { info "check: $*"; }

# povm ARGS...: the povm CLI, tried up to 3 times while it exits 5 (peer unavailable or a deadline exceeded, which
# a heavily loaded machine causes); any other failure is final.
povm() {
  local attempt rc
  for attempt in 1 2 3; do
    rc=0
    "$POVM" "$@" || rc=$?
    ((rc == 5)) || return "$rc"
    warn "povm $1 $2: peer unavailable (attempt $attempt of 3)"
    sleep 2
  done
  return 5
}
failed() { fatal "add-org test failed: $*"; }

# documented_steps: the shell lines of the fenced block between <!-- add-org:begin --> and <!-- add-org:end -->.
documented_steps() {
  python3 - "$DOC" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"<!-- add-org:begin -->\s*```bash\n(.*?)```\s*<!-- add-org:end -->", text, re.S)
if not m:
    sys.exit("no ```bash block between <!-- add-org:begin --> and <!-- add-org:end --> in " + sys.argv[1])
print(m.group(1), end="")
PY
}

run_documented_steps() {
  local steps
  steps="$(documented_steps)" || failed "docs/operations.md has no add-org block"
  info "running the documented steps:"$'\n'"$steps"
  (cd "$POVM_ROOT" && PATH="$POVM_ROOT/scripts:$PATH" bash -euo pipefail -c "$steps") ||
    failed "a documented step of docs/operations.md failed (output above)"
}

ensure_network() {
  if [[ -f "$POVM_RUN_DIR/network.env" ]] && node_pid org1-peer >/dev/null && node_pid orderer1 >/dev/null; then
    return
  fi
  info "no network runs in $POVM_RUN_DIR; starting one"
  "$POVM_ROOT/network/network.sh" up --base-port "$BASE_PORT_ARG"
}

# tick_endorsed_by ORG...: clock:Tick as Org4's admin (an operator's duty), endorsed by the peers of ORG...,
# waiting for the commit; clock:Resume instead when the tick is refused as running ahead of the other orgs' ticks
# (no daemon ticks while this test runs, so theirs can be minutes old).
tick_endorsed_by() {
  local org peers=() out rc=0
  for org in "$@"; do
    peers+=(--peerAddresses "127.0.0.1:$(peer_port "$org")" --tlsRootCertFiles "$(peer_dir "$org")/tls/ca.crt")
  done
  # shellcheck disable=SC2046
  out="$(as_admin org4 peer chaincode invoke $(orderer_args) -C "$CHANNEL" -n "$CC_NAME" "${peers[@]}" \
    --waitForEvent -c '{"Args":["clock:Tick"]}' 2>&1)" || rc=$?
  if ((rc == 0)) || [[ "$out" != *"ahead of the freshest other org"* ]]; then
    echo "$out"
    return "$rc"
  fi
  # shellcheck disable=SC2046
  as_admin org4 peer chaincode invoke $(orderer_args) -C "$CHANNEL" -n "$CC_NAME" "${peers[@]}" --waitForEvent \
    -c '{"Args":["clock:Resume"]}' 2>&1
}

check_membership() {
  local members committed
  check "Org4MSP is in the channel, approved the chaincode and is a povm member"
  channel_has_org org4 || failed "Org4MSP is not in channel '$CHANNEL''s config"
  committed="$(as_admin org4 peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME")"
  [[ "$committed" == *"Org4MSP: true"* ]] || failed "Org4MSP has not approved the chaincode: $committed"
  members="$(as_admin org4 peer chaincode query -C "$CHANNEL" -n "$CC_NAME" -c '{"Args":["org:GetMembers"]}')"
  [[ "$members" == *'"msps":["Org1MSP","Org2MSP","Org3MSP","Org4MSP"],"threshold":3'* ]] ||
    failed "the members read through Org4's peer are not the 4 orgs with threshold 3: $members"
  members="$(povm org members --profile org4 -o json)" || failed "povm org members --profile org4 failed"
  [[ "$members" == *'"msps":["Org1MSP","Org2MSP","Org3MSP","Org4MSP"],"threshold":3'* ]] ||
    failed "povm org members --profile org4 does not show the 4 orgs with threshold 3: $members"
  members="$(povm org show Org4MSP --profile org1 -o json)" || failed "povm org show Org4MSP failed"
  [[ "$members" == *'"state":"EXECUTED"'* ]] || failed "povm org show Org4MSP does not show it EXECUTED: $members"
  info "  $committed"
}

check_reads() {
  local jobs
  check "povm job list --profile org4 reads through Org4's peer"
  jobs="$(povm job list --profile org4 --all -o json)" || failed "povm job list --profile org4 failed"
  python3 -c 'import json, sys; print("  jobs on the ledger:", json.load(sys.stdin)["count"])' <<<"$jobs" ||
    failed "povm job list --profile org4 -o json is not JSON: $jobs"
}

# check_round_membership: a beacon round freezes its members when it opens, so Org4, a povm member now, may not post
# a share for a round opened before it joined: the chaincode refuses it (FORBIDDEN). Evaluated, never ordered.
# Skipped when no beacon round ran on this network yet (the worker ITs run rounds before this test in test.sh).
check_round_membership() {
  local out
  check "a beacon share from Org4 for a round opened before it joined is refused"
  if ! query_as org1 beacon:GetRound 1 >/dev/null 2>&1; then
    info "  skipped: no beacon round on this network yet"
    return
  fi
  out="$(as_admin org4 peer chaincode query -C "$CHANNEL" -n "$CC_NAME" \
    -c '{"Args":["beacon:RecoverShare","1","Org1MSP","0000000000000000000000000000000000000000000000000000000000000002"]}' 2>&1)" &&
    failed "Org4's share for round 1 was accepted: $out"
  [[ "$out" == *"FORBIDDEN"*"Org4MSP is not a member of round 1"* ]] ||
    failed "Org4's share for round 1 was refused for another reason: $out"
  info "  refused: ${out##*FORBIDDEN}"
}

check_endorsement() {
  local out ticks
  check "a transaction endorsed by Org4, Org1 and Org2 commits"
  out="$(tick_endorsed_by org4 org1 org2)" || failed "clock:Tick endorsed by org4, org1, org2 did not commit: $out"
  ticks="$(query_as org1 clock:Get)"
  [[ "$ticks" == *'"Org4MSP":'* ]] || failed "Org4's tick is not on the ledger read through Org1's peer: $ticks"
  info "  committed: Org4's clock:Tick, read through Org1's peer: $ticks"
  check "the same transaction endorsed by Org1 and Org2 alone does not (3 of 4 needed)"
  if out="$(tick_endorsed_by org1 org2)"; then
    failed "clock:Tick endorsed by org1 and org2 alone committed; the endorsement policy does not count Org4"
  fi
  [[ "$out" == *ENDORSEMENT_POLICY_FAILURE* ]] || failed "expected ENDORSEMENT_POLICY_FAILURE, got: $out"
  info "  refused: ENDORSEMENT_POLICY_FAILURE"
}

check_job_from_org4() {
  local id job
  id="org4-check-$(date +%s)"
  check "a job submitted by Org4's client through Org4's peer is read back through Org1's"
  povm job submit --profile org4 --id "$id" --image "povm/coinflip@sha256:$(printf '0%.0s' {1..64})" -o json \
    -- coinflip --k 3 >/dev/null || failed "povm job submit --profile org4 failed"
  job="$(povm job get "$id" --profile org1 -o json)" || failed "povm job get $id --profile org1 failed"
  [[ "$job" == *'"submitter":{"msp":"Org4MSP"'* ]] || failed "job $id read through Org1 is not Org4's: $job"
  info "  $id: submitted by Org4MSP, seen by Org1"
}

main() {
  reload
  ensure_network
  run_documented_steps
  reload
  check_membership
  check_reads
  check_round_membership
  check_endorsement
  check_job_from_org4
  check "the documented steps run again change nothing"
  run_documented_steps
  info "add-org test passed in $(elapsed_since "$started")"
}

main

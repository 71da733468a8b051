#!/usr/bin/env bash
# The povm demo: from a fresh machine to a job on a multi-org Fabric ledger, read back through
# another organization's peer. Leaves the network running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/demo.sh

Installs what is missing (Fabric binaries built from source, Docker engine, local base image; all
cached under \$POVM_CACHE, default ~/.cache/povm), builds povm, starts the 3-org network with the
chaincode deployed, starts one worker daemon per org, submits a coin-flip job with three replicas as
Org1's client and waits until the three orgs' workers have run it, committed and revealed signed
attestations, and the ledger holds the verdict; verifies the attestations offline, then waits for the
challenge window to close and shows how the job's escrow was paid out.
The network and the workers keep running afterwards: scripts/povm --help, scripts/workers.sh status,
network/network.sh status|down (down stops the workers too).
USAGE
}
[[ "${1:-}" =~ ^(-h|--help)$ ]] && { usage; exit 0; }

started=$(date +%s)
POVM="$POVM_ROOT/scripts/povm"

step() { info "== $* =="; }

job_state() {
  "$POVM" job get --profile org1 "$1" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])'
}

# true once the job has its verdict (or failed)
job_has_verdict() {
  [[ "$(job_state "$1")" =~ ^(RESOLVED_SOFT|CHALLENGED|RESOLVING|RESOLVED_FIRM|FINALIZED|FAILED)$ ]]
}

# true once the job is settled
job_is_final() {
  [[ "$(job_state "$1")" =~ ^(FINALIZED|FAILED)$ ]]
}

step "1/6 Fabric binaries"
"$POVM_ROOT/scripts/setup-fabric.sh"
step "2/6 Docker engine and base image"
"$POVM_ROOT/scripts/setup-docker.sh"
"$POVM_ROOT/scripts/build-base-image.sh"
"$POVM_ROOT/scripts/build-demo-images.sh"
step "3/6 building povm (maven)"
mvn -B -ntp -q -f "$POVM_ROOT/pom.xml" install -DskipTests
step "4/6 network up, chaincode deployed"
"$POVM_ROOT/network/network.sh" up

step "5/6 one worker daemon per org"
"$POVM_ROOT/scripts/workers.sh" start

step "6/6 a coin-flip job (k=8, three replicas) submitted by Org1 and run by the three orgs' workers"
coinflip="povm/coinflip@$(docker image inspect --format '{{.Id}}' povm/coinflip:latest)"
job_id="demo-$(date +%Y%m%d-%H%M%S)"
"$POVM" job submit --profile org1 --id "$job_id" --image "$coinflip" --sla standard@1 --replicas 3 \
  --env SEED="$job_id" --env K=8 --env CHECKPOINT_EVERY=64 -- povm-coinflip
wait_until 180 "the verdict on $job_id from three workers" job_has_verdict "$job_id" ||
  fatal "the job got no verdict in 180 s; see $POVM_RUN_DIR/logs/worker-org*.log"
info "the job as the ledger holds it, read through Org2's peer:"
"$POVM" job get --profile org2 "$job_id"
JOB_JSON="$("$POVM" job get --profile org2 "$job_id" -o json)" python3 - <<'PY'
import json, os
job = json.loads(os.environ["JOB_JSON"])
for r in job["replicas"]:
    res = r.get("result", {})
    print("  replica %d by %s: %s %s (%s ms, %s checkpoints, root %s)" % (
        r["index"], r["workerKey"], r["state"], res.get("output", "").strip(),
        res.get("wallMillis"), res.get("checkpoints"), res.get("checkpointRoot", "")[:12]))
PY
info "the verdict:"
"$POVM" job result --profile org2 "$job_id"
info "the signed attestations, checked offline against the ledger (signatures, commitments, config, verdict):"
"$POVM" attestation verify --profile org3 "$job_id"
wait_until 180 "the challenge window of $job_id to close and the job to settle" job_is_final "$job_id" ||
  fatal "the job was not finalized in 180 s; see $POVM_RUN_DIR/logs/worker-org*.log"
info "the settlement: who was paid from the escrow, and what went back to the customer:"
"$POVM" credit settlement --profile org1 "$job_id"
echo
info "demo finished in $(elapsed_since "$started"); the network is still running:"
info "  scripts/povm --help                 the command line (job submit|get|list, worker, sla)"
info "  scripts/workers.sh status           what each org's worker daemon is doing"
info "  network/network.sh status           nodes, channel heights, committed chaincode"
info "  network/network.sh down --wipe      stop everything and delete the run directory"

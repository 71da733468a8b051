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
chaincode deployed, submits a job as Org1's client and reads it back through Org2's peer.
The network keeps running afterwards: scripts/povm --help, network/network.sh status|down.
USAGE
}
[[ "${1:-}" =~ ^(-h|--help)$ ]] && { usage; exit 0; }

started=$(date +%s)
POVM="$POVM_ROOT/scripts/povm"

step() { info "== $* =="; }

step "1/5 Fabric binaries"
"$POVM_ROOT/scripts/setup-fabric.sh"
step "2/5 Docker engine and base image"
"$POVM_ROOT/scripts/setup-docker.sh"
"$POVM_ROOT/scripts/build-base-image.sh"
"$POVM_ROOT/scripts/build-demo-images.sh"
step "3/5 building povm (maven)"
mvn -B -ntp -q -f "$POVM_ROOT/pom.xml" install -DskipTests
step "4/5 network up, chaincode deployed"
"$POVM_ROOT/network/network.sh" up

step "5/5 a job submitted by Org1, read back through Org2's peer"
image_id="$(docker image inspect --format '{{.Id}}' povm/base:bookworm)"
job_id="demo-$(date +%Y%m%d-%H%M%S)"
"$POVM" job submit --profile org1 --id "$job_id" --image "povm/base@$image_id" --sla standard@1 \
  --replicas 3 -- python3 -c "print('hello from povm')"
echo
info "the same job, read from the ledger through Org2's peer:"
"$POVM" job get --profile org2 "$job_id" -o json
echo
"$POVM" job list --profile org3
echo
info "demo finished in $(elapsed_since "$started"); the network is still running:"
info "  scripts/povm --help                 the command line (job submit|get|list)"
info "  network/network.sh status           nodes, channel heights, committed chaincode"
info "  network/network.sh down --wipe      stop everything and delete the run directory"

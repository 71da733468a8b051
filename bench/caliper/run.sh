#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs Hyperledger Caliper with the committed configuration in bench/caliper/ against the network in $POVM_RUN_DIR.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../../scripts/lib/common.sh"

usage() {
  cat <<USAGE
Usage: bench/caliper/run.sh [--mode smoke|quick|full] [--out DIR] [--install-only]

Installs Caliper (the versions pinned in bench/caliper/package.json: @hyperledger/caliper-cli, and the
peer-gateway binding @hyperledger/fabric-gateway with @grpc/grpc-js) from npm into
\$POVM_CACHE/caliper-<caliper version> once, then runs the rounds of benchconfig.yaml (floor write, SubmitJob free,
priced from one and from six customers) against the network in \$POVM_RUN_DIR (its floor chaincode deployed:
bench/floor-chaincode/deploy.sh) and writes Caliper's log, report.html and the rendered configuration to DIR
(default results/caliper-<UTC date-time>). Modes: smoke 5 TPS for 3 s per round, quick 25 TPS for 20 s,
full 50 TPS for 60 s.
USAGE
}

MODE=quick
OUT=""
INSTALL_ONLY=false
while (($#)); do
  case "$1" in
    --mode) MODE="${2:?--mode needs smoke, quick or full}"; shift ;;
    --out) OUT="${2:?--out needs a directory}"; shift ;;
    --install-only) INSTALL_ONLY=true ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  shift
done
case "$MODE" in
  smoke) TPS=5 SECONDS_PER_ROUND=3 ;;
  quick) TPS=25 SECONDS_PER_ROUND=20 ;;
  full) TPS=50 SECONDS_PER_ROUND=60 ;;
  *) fatal "--mode must be smoke, quick or full, got '$MODE'" ;;
esac

VERSION="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["dependencies"]["@hyperledger/caliper-cli"])' "$HERE/package.json")"
CACHE="$POVM_CACHE/caliper-$VERSION"

# install: npm install of the pinned package.json into the cache, again only when package.json changed.
install() {
  command -v npm >/dev/null || fatal "npm not found; install Node.js 18+ (Debian: apt-get install nodejs npm)"
  mkdir -p "$CACHE"
  if cmp -s "$HERE/package.json" "$CACHE/package.json" && [[ -x "$CACHE/node_modules/.bin/caliper" ]]; then
    return
  fi
  info "installing Caliper $VERSION and its Fabric gateway binding from npm into $CACHE"
  cp "$HERE/package.json" "$CACHE/package.json"
  (cd "$CACHE" && npm install --no-audit --no-fund --loglevel=error >"$CACHE/install.log" 2>&1) ||
    fatal "npm install failed; see $CACHE/install.log"
}

# render: the configuration with this network's paths and ports, and one connection profile per org.
render() {
  local settings="$POVM_RUN_DIR/network.env" base org i
  [[ -f "$settings" ]] || fatal "no network in $POVM_RUN_DIR; start it with network/network.sh up"
  base="$(source "$settings" && echo "$BASE_PORT")"
  mkdir -p "$OUT/workspace"
  cp -r "$HERE/workloads" "$OUT/workspace/"
  sed -e "s|@RUN@|$POVM_RUN_DIR|g" -e "s|@OUT@|$OUT/workspace|g" "$HERE/networkconfig.yaml" >"$OUT/workspace/networkconfig.yaml"
  sed -e "s|@TPS@|$TPS|g" -e "s|@SECONDS@|$SECONDS_PER_ROUND|g" "$HERE/benchconfig.yaml" >"$OUT/workspace/benchconfig.yaml"
  for i in 1 2 3; do
    org="org$i"
    cat >"$OUT/workspace/ccp-$org.yaml" <<YAML
name: povm-$org
version: "1.0.0"
client:
  organization: Org$i
organizations:
  Org$i:
    mspid: Org${i}MSP
    peers: [peer0.$org.povm.test]
peers:
  peer0.$org.povm.test:
    url: grpcs://127.0.0.1:$((base + 100 + 10 * i))
    tlsCACerts:
      path: $POVM_RUN_DIR/crypto/peerOrganizations/$org.povm.test/peers/peer0.$org.povm.test/tls/ca.crt
    grpcOptions:
      ssl-target-name-override: peer0.$org.povm.test
      hostnameOverride: peer0.$org.povm.test
YAML
  done
}

main() {
  install
  $INSTALL_ONLY && return
  OUT="${OUT:-$POVM_ROOT/results/caliper-$(date -u +%Y-%m-%dT%H-%M-%SZ)}"
  render
  info "Caliper $VERSION: 4 rounds at $TPS TPS for ${SECONDS_PER_ROUND}s each (log: $OUT/caliper.log)"
  (cd "$OUT/workspace" && NODE_PATH="$CACHE/node_modules" "$CACHE/node_modules/.bin/caliper" launch manager \
    --caliper-workspace . --caliper-networkconfig networkconfig.yaml --caliper-benchconfig benchconfig.yaml \
    --caliper-flow-only-test --caliper-report-path "$OUT/report.html" \
    >"$OUT/caliper.log" 2>&1) || { tail -n 30 "$OUT/caliper.log" >&2; fatal "Caliper failed; see $OUT/caliper.log"; }
  # Caliper's table, one row per round, from its log (each round's row is printed again in the final summary)
  {
    grep -m1 -E '^\| Name ' "$OUT/caliper.log"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    grep -E '^\| [a-z]' "$OUT/caliper.log" | awk '!seen[$2]++'
  } | tee "$OUT/summary.md" >&2
}

main

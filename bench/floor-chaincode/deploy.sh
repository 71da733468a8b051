#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Deploys the benchmarks' floor chaincode ('floor') beside povm on the running network, as a service, the way
# network/network.sh deploys povm: a ccaas package per org, installed, approved by every org, committed, and one
# chaincode server per org (node orgN-floor, so 'network.sh down' stops it with the rest). Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# network.sh, sourced, only defines its functions (as_admin, orderer_args, repro_tgz, spawn, ...)
# shellcheck source=../../network/network.sh
source "$HERE/../../network/network.sh"

FLOOR_NAME="floor"
FLOOR_JAR="$HERE/target/floor-chaincode.jar"

floor_usage() {
  cat <<USAGE
Usage: bench/floor-chaincode/deploy.sh [--help]

Builds bench/floor-chaincode when its jar is missing, then deploys chaincode '$FLOOR_NAME' on channel
'$CHANNEL' of the network in \$POVM_RUN_DIR (default <repo>/.run): packaged as a service, installed and
approved by every org, committed (a new jar is committed as the next sequence), and one chaincode
server per org on peer port + 6 (node orgN-floor; 'network/network.sh down' stops it too).
For benchmarks only (scripts/bench); the floor is not part of povm's API.
USAGE
}

floor_port() { echo $(($(peer_port "$1") + 6)); }
floor_dir() { echo "$POVM_RUN_DIR/floor/$1"; }
floor_version() { sha256sum "$FLOOR_JAR" | cut -c1-12; }

floor_committed() {
  { as_admin org1 peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$FLOOR_NAME" 2>/dev/null || true; } |
    sed -n "s/.*$1: \([^,]*\),.*/\1/p" | head -1
}

floor_package() {
  local org="$1" label="$2" dir
  dir="$(floor_dir "$org")"
  rm -rf "$dir" && mkdir -p "$dir/pkg"
  printf '{"address":"127.0.0.1:%s","dial_timeout":"10s","tls_required":false}\n' "$(floor_port "$org")" \
    >"$dir/pkg/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/pkg/metadata.json"
  repro_tgz "$dir/pkg" "$dir/pkg/code.tar.gz" connection.json
  repro_tgz "$dir/pkg" "$dir/$label.tgz" metadata.json code.tar.gz
  as_admin "$org" peer lifecycle chaincode calculatepackageid "$dir/$label.tgz" >"$dir/package-id"
}

floor_install() {
  local org="$1" label="$2" id
  id="$(cat "$(floor_dir "$org")/package-id")"
  [[ "$(as_admin "$org" peer lifecycle chaincode queryinstalled 2>/dev/null || true)" == *"Package ID: $id,"* ]] && return
  as_admin "$org" peer lifecycle chaincode install "$(floor_dir "$org")/$label.tgz" 2>>"$(log_file "$org-admin")" >/dev/null ||
    fatal "$org could not install the floor package; see $(log_file "$org-admin")"
  info "$org installed floor package $id"
}

floor_approve() {
  local org="$1" version="$2" sequence="$3"
  # shellcheck disable=SC2046
  as_admin "$org" peer lifecycle chaincode approveformyorg $(orderer_args) -C "$CHANNEL" -n "$FLOOR_NAME" \
    --version "$version" --sequence "$sequence" --package-id "$(cat "$(floor_dir "$org")/package-id")" \
    2>>"$(log_file "$org-admin")" || fatal "$org could not approve $FLOOR_NAME; see $(log_file "$org-admin")"
}

floor_commit() {
  local version="$1" sequence="$2" org peers=()
  for org in "${ORGS[@]}"; do
    peers+=(--peerAddresses "127.0.0.1:$(peer_port "$org")" --tlsRootCertFiles "$(peer_dir "$org")/tls/ca.crt")
  done
  # shellcheck disable=SC2046
  as_admin org1 peer lifecycle chaincode commit $(orderer_args) -C "$CHANNEL" -n "$FLOOR_NAME" \
    --version "$version" --sequence "$sequence" "${peers[@]}" 2>>"$(log_file org1-admin)" ||
    fatal "commit of $FLOOR_NAME failed; see $(log_file org1-admin)"
  info "committed $FLOOR_NAME version $version sequence $sequence"
}

floor_start() {
  local org="$1" restart="$2"
  [[ "$restart" == true ]] && stop_node "$org-floor"
  spawn "$org-floor" env \
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$(floor_port "$org")" \
    CORE_CHAINCODE_ID_NAME="$(cat "$(floor_dir "$org")/package-id")" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_TLS_ENABLED=false \
    CORE_CHAINCODE_LOGGING_LEVEL=warning \
    java -Xmx256m -XX:+UseSerialGC -jar "$FLOOR_JAR"
}

floor_answers() { as_admin org1 peer chaincode query -C "$CHANNEL" -n "$FLOOR_NAME" -c '{"Args":["Read","none"]}'; }

floor_main() {
  case "${1:-}" in
    -h | --help) floor_usage; return ;;
    "") ;;
    *) floor_usage >&2; fatal "unknown option: $1" ;;
  esac
  load_settings
  node_pid org1-peer >/dev/null || fatal "the network in $POVM_RUN_DIR is not running; start it with network/network.sh up"
  if [[ ! -f "$FLOOR_JAR" ]]; then
    info "building the floor chaincode (mvn -f bench/floor-chaincode/pom.xml package)"
    mvn -q -B -f "$HERE/pom.xml" package -DskipTests >/dev/null || fatal "floor chaincode build failed"
  fi
  local version label committed sequence org restart=false
  version="$(floor_version)"
  label="${FLOOR_NAME}_${version}"
  committed="$(floor_committed Version)"
  for org in "${ORGS[@]}"; do floor_package "$org" "$label"; done
  if [[ "$committed" == "$version" ]]; then
    info "chaincode $FLOOR_NAME version $version already committed"
  else
    sequence=$(($(floor_committed Sequence || true) + 1))
    for org in "${ORGS[@]}"; do floor_install "$org" "$label"; done
    for org in "${ORGS[@]}"; do floor_approve "$org" "$version" "$sequence"; done
    floor_commit "$version" "$sequence"
    restart=true
  fi
  for org in "${ORGS[@]}"; do floor_start "$org" "$restart"; done
  for org in "${ORGS[@]}"; do
    wait_until 60 "$org floor chaincode server (port $(floor_port "$org"))" port_open "$(floor_port "$org")" ||
      fatal "$org floor server did not start; see $(log_file "$org-floor")"
  done
  wait_until 60 "chaincode $FLOOR_NAME answering" floor_answers ||
    fatal "the floor chaincode does not answer; see $(log_file org1-floor)"
}

floor_main "$@"

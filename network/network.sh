#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The povm Fabric network on one machine: 3 peer orgs (one peer each), Raft orderers, TLS everywhere,
# the povm chaincode run as a service by each org. Native Fabric binaries, no Docker.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../scripts/lib/common.sh"

NET_DIR="$POVM_ROOT/network"
CHANNEL="povm"
CC_NAME="povm"
ORGS=(org1 org2 org3)
CC_JAR="$POVM_ROOT/chaincode/target/povm-chaincode.jar"

usage() {
  cat <<USAGE
Usage: network/network.sh COMMAND [options]

Commands:
  up [--orderers 3|1] [--base-port N]   create crypto material and the channel, start every node,
                                         deploy the chaincode (a running network is left as it is)
  deploy                                 install/approve/commit the chaincode built in
                                         chaincode/target (idempotent; a new build is committed as
                                         the next sequence) and (re)start each org's chaincode server
  status                                 every node, its pid and port, and the committed chaincode
  logs [NODE] [-f]                       show a node's log (all nodes' last lines without NODE)
  stop NODE | start NODE                 stop or start one node (e.g. orderer2, org1-peer, org3-cc)
  down [--wipe]                          stop exactly the processes 'up' started; --wipe also
                                         deletes the run directory (crypto, ledgers, logs)
  add-org ORG                            add org4 (.. org9) to the running network: crypto, a channel
                                         config update signed by a majority of the orgs' admins, its
                                         peer joined, the chaincode approved and served by it, a member
                                         by the members' vote, clients funded, its beacon key
                                         registered (see docs/operations.md)

Nodes: orderer1..orderer3, org1-peer..org3-peer, org1-cc..org3-cc (chaincode servers), and orgN-peer,
  orgN-cc of each org added with add-org.
Run directory: \$POVM_RUN_DIR (default: <repo>/.run). Ports: base port (default 7000) +
  orderer i: +10i (admin +1, operations +2); orgN peer: +100+10N (chaincode +1, operations +2,
  chaincode server +3). Client connection profiles: \$POVM_RUN_DIR/profiles/<org>[-admin].json.
USAGE
}

# ---------------------------------------------------------------- settings and paths

load_settings() {
  BASE_PORT=7000
  ORDERER_COUNT=3
  EXTRA_ORGS=""
  if [[ -f "$POVM_RUN_DIR/network.env" ]]; then
    # shellcheck disable=SC1091
    source "$POVM_RUN_DIR/network.env"
  fi
  local extra
  for extra in $EXTRA_ORGS; do ORGS+=("$extra"); done
  FABRIC_BIN_DIR="$("$POVM_ROOT/scripts/setup-fabric.sh" --print-bin)"
  FABRIC_CONFIG_DIR="${FABRIC_CFG:-$(dirname "$FABRIC_BIN_DIR")/config}"
  # plain text (no colour codes) so that logs read well in files
  local plain='%{time:2006-01-02 15:04:05.000 MST} %{level:.4s} [%{module}] %{shortfunc} -> %{message}'
  export FABRIC_LOGGING_FORMAT="${FABRIC_LOGGING_FORMAT:-$plain}"
  PATH="$FABRIC_BIN_DIR:$PATH"
  CRYPTO="$POVM_RUN_DIR/crypto"
}

save_settings() {
  mkdir -p "$POVM_RUN_DIR"
  printf 'BASE_PORT=%s\nORDERER_COUNT=%s\nEXTRA_ORGS="%s"\n' "$BASE_PORT" "$ORDERER_COUNT" "$EXTRA_ORGS" \
    >"$POVM_RUN_DIR/network.env"
}

orderer_port() { echo $((BASE_PORT + 10 * $1)); }
orderer_admin_port() { echo $((BASE_PORT + 10 * $1 + 1)); }
orderer_ops_port() { echo $((BASE_PORT + 10 * $1 + 2)); }
org_index() { echo "${1#org}"; }
peer_port() { echo $((BASE_PORT + 100 + 10 * $(org_index "$1"))); }
peer_cc_port() { echo $(($(peer_port "$1") + 1)); }
peer_ops_port() { echo $(($(peer_port "$1") + 2)); }
cc_server_port() { echo $(($(peer_port "$1") + 3)); }
msp_id() { echo "Org$(org_index "$1")MSP"; }
org_domain() { echo "$1.povm.test"; }

orderer_tls_dir() { echo "$CRYPTO/ordererOrganizations/orderer.povm.test/orderers/orderer$1.orderer.povm.test/tls"; }
orderer_ca() { echo "$(orderer_tls_dir 1)/ca.crt"; }
orderer_admin_tls() { echo "$CRYPTO/ordererOrganizations/orderer.povm.test/users/Admin@orderer.povm.test/tls"; }
peer_dir() { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/peers/peer0.$(org_domain "$1")"; }
user_msp() { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/users/$2@$(org_domain "$1")/msp"; }

# ---------------------------------------------------------------- processes

pid_file() { echo "$POVM_RUN_DIR/pids/$1.pid"; }
log_file() { echo "$POVM_RUN_DIR/logs/$1.log"; }

node_pid() {
  local f
  f="$(pid_file "$1")"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"
}

# spawn NODE COMMAND... : starts a node detached from this shell, records its pid.
spawn() {
  local node="$1"
  shift
  mkdir -p "$POVM_RUN_DIR/pids" "$POVM_RUN_DIR/logs"
  if node_pid "$node" >/dev/null; then
    info "$node already running (pid $(node_pid "$node"))"
    return
  fi
  setsid nohup "$@" >>"$(log_file "$node")" 2>&1 </dev/null &
  echo $! >"$(pid_file "$node")"
}

stop_node() {
  local node="$1" pid i
  if ! pid="$(node_pid "$node")"; then
    rm -f "$(pid_file "$node")"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$(pid_file "$node")"
  info "stopped $node (pid $pid)"
}

all_nodes() {
  local i org
  for i in $(seq 1 "$ORDERER_COUNT"); do echo "orderer$i"; done
  for org in "${ORGS[@]}"; do echo "$org-peer"; done
  for org in "${ORGS[@]}"; do echo "$org-cc"; done
}

# ---------------------------------------------------------------- crypto and channel

generate_crypto() {
  if [[ -d "$CRYPTO" ]]; then
    info "crypto material exists in $CRYPTO"
    return
  fi
  info "generating crypto material (cryptogen)"
  cryptogen generate --config="$NET_DIR/crypto-config.yaml" --output="$CRYPTO.tmp" >/dev/null
  mv "$CRYPTO.tmp" "$CRYPTO"
}

render_configtx() {
  local out="$POVM_RUN_DIR/config/configtx" i org endpoints="" consenters="" peer_orgs="" app_orgs=""
  mkdir -p "$out"
  for i in $(seq 1 "$ORDERER_COUNT"); do
    endpoints+="      - 127.0.0.1:$(orderer_port "$i")"$'\n'
    consenters+="      - Host: 127.0.0.1"$'\n'"        Port: $(orderer_port "$i")"$'\n'
    consenters+="        ClientTLSCert: $(orderer_tls_dir "$i")/server.crt"$'\n'
    consenters+="        ServerTLSCert: $(orderer_tls_dir "$i")/server.crt"$'\n'
  done
  for org in "${ORGS[@]}"; do
    peer_orgs+="$(sed -e "s|@NAME@|$org|g" -e "s|@MSP@|$(msp_id "$org")|g" \
      -e "s|@DOMAIN@|$(org_domain "$org")|g" -e "s|@PEER_PORT@|$(peer_port "$org")|g" \
      "$NET_DIR/org.yaml.tmpl")"$'\n'
    app_orgs+="        - *$org"$'\n'
  done
  python3 - "$NET_DIR/configtx.yaml" "$out/configtx.yaml" <<PY
import sys
text = open(sys.argv[1]).read()
for key, value in {"@ORDERER_ENDPOINTS@": """${endpoints%$'\n'}""", "@CONSENTERS@": """${consenters%$'\n'}""",
                   "@PEER_ORGS@": """${peer_orgs%$'\n'}""", "@APP_ORGS@": """${app_orgs%$'\n'}"""}.items():
    text = text.replace(key, value)
open(sys.argv[2], "w").write(text.replace("@RUN@", "$POVM_RUN_DIR"))
PY
}

create_genesis_block() {
  local block="$POVM_RUN_DIR/channel/$CHANNEL.block"
  [[ -f "$block" ]] && return
  render_configtx
  mkdir -p "$POVM_RUN_DIR/channel"
  FABRIC_CFG_PATH="$POVM_RUN_DIR/config/configtx" configtxgen -profile PovmChannel \
    -outputBlock "$block" -channelID "$CHANNEL" 2>>"$(log_file configtxgen)"
  info "channel '$CHANNEL' genesis block written"
}

# Fabric's default core.yaml with our chaincode-as-a-service builder in place of the default one.
prepare_peer_config() {
  local dir="$POVM_RUN_DIR/config/peer"
  mkdir -p "$dir"
  [[ -f "$FABRIC_CONFIG_DIR/core.yaml" ]] || fatal "no core.yaml in $FABRIC_CONFIG_DIR (run scripts/setup-fabric.sh)"
  sed -e "s|path: /opt/hyperledger/ccaas_builder|path: $NET_DIR/builders/ccaas|" \
    -e 's|name: ccaas_builder|name: povm_ccaas|' "$FABRIC_CONFIG_DIR/core.yaml" >"$dir/core.yaml"
  grep -q "$NET_DIR/builders/ccaas" "$dir/core.yaml" || fatal "could not configure the ccaas builder in core.yaml"
}

# ---------------------------------------------------------------- nodes

start_orderer() {
  local i="$1" tls data
  tls="$(orderer_tls_dir "$i")"
  data="$POVM_RUN_DIR/data/orderer$i"
  mkdir -p "$data"
  spawn "orderer$i" env \
    FABRIC_CFG_PATH="$FABRIC_CONFIG_DIR" \
    FABRIC_LOGGING_SPEC="${POVM_FABRIC_LOGGING:-info}" \
    ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 \
    ORDERER_GENERAL_LISTENPORT="$(orderer_port "$i")" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP \
    ORDERER_GENERAL_LOCALMSPDIR="$CRYPTO/ordererOrganizations/orderer.povm.test/orderers/orderer$i.orderer.povm.test/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_FILELEDGER_LOCATION="$data/ledger" \
    ORDERER_CONSENSUS_WALDIR="$data/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$data/etcdraft/snap" \
    ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$(orderer_ops_port "$i")" \
    ORDERER_METRICS_PROVIDER=prometheus \
    ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$(orderer_admin_port "$i")" \
    ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$tls/server.key" \
    ORDERER_ADMIN_TLS_CERTIFICATE="$tls/server.crt" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$tls/ca.crt]" \
    orderer
}

start_peer() {
  local org="$1" dir data port
  dir="$(peer_dir "$org")"
  data="$POVM_RUN_DIR/data/$org-peer"
  port="$(peer_port "$org")"
  mkdir -p "$data"
  spawn "$org-peer" env \
    FABRIC_CFG_PATH="$POVM_RUN_DIR/config/peer" \
    FABRIC_LOGGING_SPEC="${POVM_FABRIC_LOGGING:-info:gossip,msp,comm.grpc.server=warning}" \
    CORE_PEER_ID="peer0.$(org_domain "$org")" \
    CORE_PEER_ADDRESS="127.0.0.1:$port" \
    CORE_PEER_LISTENADDRESS="127.0.0.1:$port" \
    CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$(peer_cc_port "$org")" \
    CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$(peer_cc_port "$org")" \
    CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$port" \
    CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$port" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="$data/ledger" \
    CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots" \
    CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$(peer_ops_port "$org")" \
    CORE_METRICS_PROVIDER=prometheus \
    CORE_PEER_GATEWAY_BROADCASTTIMEOUT=1500ms \
    CORE_PEER_GATEWAY_DIALTIMEOUT=3s \
    peer node start
}

# as_admin ORG COMMAND... : runs a peer CLI command as ORG's admin against ORG's peer.
as_admin() {
  local org="$1"
  shift
  as_identity "$org" Admin "$@"
}

# as_identity ORG USER COMMAND... : runs a peer CLI command as ORG's USER (Admin, User1, User2) against ORG's peer.
as_identity() {
  local org="$1" user="$2"
  shift 2
  env FABRIC_CFG_PATH="$POVM_RUN_DIR/config/peer" \
    FABRIC_LOGGING_SPEC=warning \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$(user_msp "$org" "$user")" \
    CORE_PEER_ADDRESS="127.0.0.1:$(peer_port "$org")" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_dir "$org")/tls/ca.crt" \
    "$@"
}

osnadmin_for() {
  local i="$1"
  shift
  osnadmin channel "$@" -o "127.0.0.1:$(orderer_admin_port "$i")" --ca-file "$(orderer_ca)" \
    --client-cert "$(orderer_admin_tls)/client.crt" --client-key "$(orderer_admin_tls)/client.key"
}

join_orderers() {
  local i
  for i in $(seq 1 "$ORDERER_COUNT"); do
    if [[ "$(osnadmin_for "$i" list --channelID "$CHANNEL" 2>/dev/null || true)" == "Status: 200"* ]]; then
      continue
    fi
    local joined
    joined="$(osnadmin_for "$i" join --channelID "$CHANNEL" --config-block "$POVM_RUN_DIR/channel/$CHANNEL.block" 2>&1 || true)"
    [[ "$joined" == "Status: 201"* ]] || fatal "orderer$i could not join channel '$CHANNEL': $joined"
    info "orderer$i joined channel '$CHANNEL'"
  done
}

join_peers() {
  local org
  for org in "${ORGS[@]}"; do
    if as_admin "$org" peer channel getinfo -c "$CHANNEL" >/dev/null 2>&1; then
      continue
    fi
    as_admin "$org" peer channel join -b "$POVM_RUN_DIR/channel/$CHANNEL.block" 2>>"$(log_file "$org-admin")"
    info "$org peer joined channel '$CHANNEL'"
  done
}

write_profiles() {
  local org user name
  mkdir -p "$POVM_RUN_DIR/profiles"
  for org in "${ORGS[@]}"; do
    for user in User1 User2 User3 User4 Admin; do
      case "$user" in
        User1) name="$org" ;;
        User2) name="$org-user2" ;;
        User3) name="$org-user3" ;;
        User4) name="$org-user4" ;;
        Admin) name="$org-admin" ;;
      esac
      cat >"$POVM_RUN_DIR/profiles/$name.json" <<JSON
{
  "mspId": "$(msp_id "$org")",
  "peerEndpoint": "127.0.0.1:$(peer_port "$org")",
  "peerHostAlias": "peer0.$(org_domain "$org")",
  "tlsRootCertPath": "$(peer_dir "$org")/tls/ca.crt",
  "certificatePath": "$(user_msp "$org" "$user")/signcerts/$user@$(org_domain "$org")-cert.pem",
  "privateKeyPath": "$(user_msp "$org" "$user")/keystore/priv_sk",
  "channel": "$CHANNEL",
  "chaincode": "$CC_NAME"
}
JSON
    done
  done
}

start_orderers() {
  local i
  for i in $(seq 1 "$ORDERER_COUNT"); do start_orderer "$i"; done
  for i in $(seq 1 "$ORDERER_COUNT"); do
    wait_until 60 "orderer$i (port $(orderer_port "$i"))" port_open "$(orderer_admin_port "$i")" ||
      fatal "orderer$i did not start; see $(log_file "orderer$i")"
  done
}

start_peers() {
  local org
  for org in "${ORGS[@]}"; do start_peer "$org"; done
  for org in "${ORGS[@]}"; do
    wait_until 60 "$org peer (port $(peer_port "$org"))" port_open "$(peer_port "$org")" ||
      fatal "$org peer did not start; see $(log_file "$org-peer")"
  done
}

# peers_know_each_other: every peer's gossip knows the other orgs' peers on the channel, which the gateway's
# service discovery needs before it can plan an endorsement by a majority of orgs.
peers_know_each_other() {
  local org metrics expected=$((${#ORGS[@]} - 1))
  for org in "${ORGS[@]}"; do
    metrics="$(curl -s -m 2 "http://127.0.0.1:$(peer_ops_port "$org")/metrics" 2>/dev/null || true)"
    [[ "$metrics" == *"gossip_membership_total_peers_known{channel=\"$CHANNEL\"} $expected"* ]] || return 1
  done
}

# ---------------------------------------------------------------- chaincode

cc_version() { sha256sum "$CC_JAR" | cut -c1-12; }

# committed_field FIELD: Version or Sequence of the committed povm chaincode, empty when none.
committed_field() {
  { as_admin org1 peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" 2>/dev/null || true; } |
    sed -n "s/.*$1: \([^,]*\),.*/\1/p" | head -1
}

# repro_tgz DIR OUT FILE...: a gzipped tar of FILEs in DIR with fixed mtimes, owners and order, no gzip timestamp.
repro_tgz() {
  local dir="$1" out="$2"
  shift 2
  tar -C "$dir" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$@" | gzip -n >"$out.tmp"
  mv "$out.tmp" "$out"
}

package_chaincode() {
  local org="$1" label="$2" dir
  dir="$POVM_RUN_DIR/chaincode/$org"
  rm -rf "$dir" && mkdir -p "$dir/pkg"
  printf '{"address":"127.0.0.1:%s","dial_timeout":"10s","tls_required":false}\n' \
    "$(cc_server_port "$org")" >"$dir/pkg/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/pkg/metadata.json"
  # byte-for-byte reproducible (no timestamps, owners or ordering differences), so that packaging the same
  # chaincode again gives the same package id as the one installed and approved
  repro_tgz "$dir/pkg" "$dir/pkg/code.tar.gz" connection.json
  repro_tgz "$dir/pkg" "$dir/$label.tgz" metadata.json code.tar.gz
  as_admin "$org" peer lifecycle chaincode calculatepackageid "$dir/$label.tgz" >"$dir/package-id"
}

install_chaincode() {
  local org="$1" label="$2" id
  id="$(cat "$POVM_RUN_DIR/chaincode/$org/package-id")"
  if [[ "$(as_admin "$org" peer lifecycle chaincode queryinstalled 2>/dev/null || true)" == *"Package ID: $id,"* ]]; then
    return
  fi
  as_admin "$org" peer lifecycle chaincode install "$POVM_RUN_DIR/chaincode/$org/$label.tgz" \
    2>>"$(log_file "$org-admin")" >/dev/null
  info "$org installed package $id"
}

orderer_args() {
  echo "-o 127.0.0.1:$(orderer_port 1) --tls --cafile $(orderer_ca)"
}

approve_chaincode() {
  local org="$1" version="$2" sequence="$3" id
  id="$(cat "$POVM_RUN_DIR/chaincode/$org/package-id")"
  # shellcheck disable=SC2046
  as_admin "$org" peer lifecycle chaincode approveformyorg $(orderer_args) -C "$CHANNEL" -n "$CC_NAME" \
    --version "$version" --sequence "$sequence" --package-id "$id" \
    2>>"$(log_file "$org-admin")" || fatal "$org could not approve $CC_NAME; see $(log_file "$org-admin")"
  info "$org approved $CC_NAME version $version sequence $sequence"
}

commit_chaincode() {
  local version="$1" sequence="$2" org peers=()
  for org in "${ORGS[@]}"; do
    peers+=(--peerAddresses "127.0.0.1:$(peer_port "$org")" --tlsRootCertFiles "$(peer_dir "$org")/tls/ca.crt")
  done
  # shellcheck disable=SC2046
  as_admin org1 peer lifecycle chaincode commit $(orderer_args) -C "$CHANNEL" -n "$CC_NAME" \
    --version "$version" --sequence "$sequence" "${peers[@]}" \
    2>>"$(log_file org1-admin)" || fatal "commit of $CC_NAME failed; see $(log_file org1-admin)"
  info "committed $CC_NAME version $version sequence $sequence"
}

start_cc_server() {
  local org="$1" restart="${2:-false}" id
  id="$(cat "$POVM_RUN_DIR/chaincode/$org/package-id")"
  if [[ "$restart" == true ]]; then stop_node "$org-cc"; fi
  spawn "$org-cc" env \
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$(cc_server_port "$org")" \
    CORE_CHAINCODE_ID_NAME="$id" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_TLS_ENABLED=false \
    CORE_CHAINCODE_LOGGING_LEVEL=info \
    java -Xmx256m -XX:+UseSerialGC -jar "$CC_JAR"
}

wait_cc_servers() {
  local org
  for org in "${ORGS[@]}"; do
    wait_cc_server "$org"
  done
}

# wait_cc_server ORG: waits for ORG's chaincode server to listen; one that exited is started once more. On failure the
# end of its log is printed, since a failed test run wipes the run directory.
wait_cc_server() {
  local org="$1" port
  port="$(cc_server_port "$org")"
  wait_until 60 "$org chaincode server (port $port)" port_open "$port" && return
  warn "$org chaincode server is not listening on port $port after 60 s; the end of $(log_file "$org-cc"):"
  tail -n 20 "$(log_file "$org-cc")" >&2 || true
  if ! node_pid "$org-cc" >/dev/null; then
    info "$org chaincode server exited; starting it once more"
    start_cc_server "$org" true
    wait_until 60 "$org chaincode server (port $port)" port_open "$port" && return
    tail -n 20 "$(log_file "$org-cc")" >&2 || true
  fi
  fatal "$org chaincode server did not start; see $(log_file "$org-cc")"
}

build_chaincode_if_missing() {
  [[ -f "$CC_JAR" ]] && return
  info "building the chaincode jar (mvn -f chaincode/pom.xml package)"
  mvn -q -B -f "$POVM_ROOT/chaincode/pom.xml" package -DskipTests >/dev/null ||
    fatal "chaincode build failed; run: mvn -f chaincode/pom.xml package"
}

cmd_deploy() {
  build_chaincode_if_missing
  local version committed sequence label org restart=false
  version="$(cc_version)"
  label="${CC_NAME}_${version}"
  committed="$(committed_field Version)"
  for org in "${ORGS[@]}"; do package_chaincode "$org" "$label"; done
  if [[ "$committed" == "$version" ]]; then
    info "chaincode $CC_NAME version $version already committed (sequence $(committed_field Sequence))"
  else
    sequence=$(($(committed_field Sequence || true) + 1))
    for org in "${ORGS[@]}"; do install_chaincode "$org" "$label"; done
    for org in "${ORGS[@]}"; do approve_chaincode "$org" "$version" "$sequence"; done
    commit_chaincode "$version" "$sequence"
    restart=true
  fi
  for org in "${ORGS[@]}"; do start_cc_server "$org" "$restart"; done
  wait_cc_servers
  wait_until 60 "chaincode $CC_NAME answering" chaincode_answers ||
    fatal "the chaincode does not answer; see network/network.sh logs org1-cc"
  bootstrap_members
  default_sla
  fund_clients
  beacon_keys
}

chaincode_answers() { query_as org1 ListJobs 1 ""; }

# beacon_keys: each org's beacon key (a P-256 scalar in $POVM_RUN_DIR/beacon/ORG.key, created once, mode 0600),
# registered by the org's admin with beacon:RegisterKey unless the ledger already holds that public key. The worker
# daemons read the private half (beacon.key-file) to take part in beacon rounds.
beacon_keys() {
  local org key pub keys registered=0
  mkdir -p "$POVM_RUN_DIR/beacon"
  keys="$(query_as org1 beacon:GetKeys 2>/dev/null || echo '[]')"
  for org in "${ORGS[@]}"; do
    key="$POVM_RUN_DIR/beacon/$org.key"
    pub="$("$POVM_ROOT/scripts/povm" beacon keygen --key-file "$key")" || fatal "povm beacon keygen for $org failed"
    [[ "$keys" == *"\"publicKey\":\"$pub\""* ]] && continue
    invoke_as "$org" beacon:RegisterKey "$pub" >/dev/null || fatal "beacon:RegisterKey for $org failed"
    registered=$((registered + 1))
  done
  if ((registered > 0)); then
    info "registered the beacon keys of $registered orgs (private halves in $POVM_RUN_DIR/beacon/)"
  else
    info "beacon keys registered already"
  fi
}

# invoke_as ORG FUNCTION [ARG...]: submits a chaincode transaction as ORG's admin, endorsed by every org's peer,
# and waits for its commit. Arguments are passed as they are (JSON-encoded for the peer CLI).
invoke_as() {
  local org="$1" o peers=() args
  shift
  for o in "${ORGS[@]}"; do
    peers+=(--peerAddresses "127.0.0.1:$(peer_port "$o")" --tlsRootCertFiles "$(peer_dir "$o")/tls/ca.crt")
  done
  args="$(python3 -c 'import json, sys; print(json.dumps({"Args": sys.argv[1:]}))' "$@")"
  # shellcheck disable=SC2046
  as_admin "$org" peer chaincode invoke $(orderer_args) -C "$CHANNEL" -n "$CC_NAME" "${peers[@]}" --waitForEvent \
    -c "$args" 2>>"$(log_file "$org-admin")"
}

query_as() {
  local org="$1" args
  shift
  args="$(python3 -c 'import json, sys; print(json.dumps({"Args": sys.argv[1:]}))' "$@")"
  as_admin "$org" peer chaincode query -C "$CHANNEL" -n "$CC_NAME" -c "$args"
}

members_set() { query_as org1 org:GetMembers; }

# bootstrap_members: sets every org as a member (org:Bootstrap, as org1's admin), once; the members' majority
# governs SLAs. Skipped when org:GetMembers already answers.
bootstrap_members() {
  local org ids=() members
  if members="$(members_set 2>/dev/null)"; then
    info "member orgs already set: $members"
    return
  fi
  for org in "${ORGS[@]}"; do ids+=("\"$(msp_id "$org")\""); done
  invoke_as org1 org:Bootstrap "[$(IFS=,; echo "${ids[*]}")]" >/dev/null ||
    fatal "org:Bootstrap failed; see $(log_file org1-admin)"
  info "member orgs set: $(members_set)"
}

# default_sla: the SLA network/default-sla.json (standard@1), proposed by Org1's admin and approved by Org2's (and the
# next ones until a majority of the members approved), so that jobs can be submitted on a fresh network. Both steps are idempotent; skipped once the SLA is ACTIVE.
default_sla() {
  local sla ref="standard@1"
  sla="$(query_as org1 sla:Get "$ref" 2>/dev/null || true)"
  if [[ "$sla" == *'"state":"ACTIVE"'* ]]; then
    info "SLA $ref is active"
    return
  fi
  invoke_as org1 sla:Propose "$(cat "$NET_DIR/default-sla.json")" >/dev/null || fatal "sla:Propose $ref failed"
  vote_until_executed sla:ListApprovals sla:Approve "$ref" org2
  info "SLA $ref proposed by Org1MSP, approved by a majority of the member orgs: active"
}

FUND_CREDITS=1000000000

# proposal_votes GET ID: "STATE MSP..." of the proposal GET ID returns (credit:GetMint, org:GetMemberProposal,
# sla:ListApprovals).
proposal_votes() {
  query_as org1 "$1" "$2" | python3 -c 'import json, sys
p = json.load(sys.stdin)
print(p["state"], *[a["msp"] for a in p["approvals"]])'
}

# vote_until_executed GET APPROVE ID FIRST: the admins of the member orgs, in ORGS order from FIRST on, call
# APPROVE ID until the proposal is EXECUTED (an SLA: ACTIVE); an org that approved already, or is no member, is skipped.
vote_until_executed() {
  local get="$1" approve="$2" id="$3" first="$4" members votes i org n=${#ORGS[@]} start
  members="$(members_set)"
  for ((i = 0; i < n; i++)); do
    [[ "${ORGS[$i]}" == "$first" ]] && start=$i
  done
  for ((i = 0; i < n; i++)); do
    org="${ORGS[$(((start + i) % n))]}"
    votes="$(proposal_votes "$get" "$id")" || fatal "$get $id failed"
    [[ "$votes" == EXECUTED* || "$votes" == ACTIVE* ]] && return
    [[ " $votes " == *" $(msp_id "$org") "* || "$members" != *"\"$(msp_id "$org")\""* ]] && continue
    invoke_as "$org" "$approve" "$id" >/dev/null || fatal "$approve $id by $org failed; see $(log_file "$org-admin")"
  done
  votes="$(proposal_votes "$get" "$id")"
  [[ "$votes" == EXECUTED* || "$votes" == ACTIVE* ]] || fatal "$id is not executed after every member org approved: $votes"
}

# fund_clients: mints FUND_CREDITS credits to each org's User1 and User2 (the client identities that the ITs, the
# demo and the workers use; priced jobs escrow credits at submission) through the governance flow: proposed by the
# user's org admin, approved by the next org's admin (and the ones after it until a majority of the members approved:
# 2 of 3, 3 of 4 once an org was added). Mint ids are fixed (fund-org1-user1, ...), so a re-deploy
# finds them EXECUTED and mints nothing again; a proposal left PROPOSED by an interrupted deploy is approved.
fund_clients() {
  local org user next id mint account fabric_id funded=0
  for org in "${ORGS[@]}"; do
    next="${ORGS[$(($(org_index "$org") % ${#ORGS[@]}))]}"
    for user in User1 User2; do
      id="fund-$org-${user,,}"
      mint="$(query_as org1 credit:GetMint "$id" 2>/dev/null || true)"
      [[ "$mint" == *'"state":"EXECUTED"'* ]] && continue
      account="$(as_identity "$org" "$user" peer chaincode query -C "$CHANNEL" -n "$CC_NAME" \
        -c '{"Args":["credit:Balance","",""]}')" || fatal "credit:Balance as $user of $org failed"
      fabric_id="$(python3 -c 'import json, sys; print(json.load(sys.stdin)["fabricId"])' <<<"$account")"
      if [[ -z "$mint" ]]; then
        invoke_as "$org" credit:ProposeMint "$id" "$(msp_id "$org")" "$fabric_id" "$FUND_CREDITS" \
          "network funding of $user@$(org_domain "$org")" >/dev/null || fatal "credit:ProposeMint $id failed"
      fi
      vote_until_executed credit:GetMint credit:ApproveMint "$id" "$next"
      funded=$((funded + 1))
    done
  done
  if ((funded > 0)); then
    info "minted $FUND_CREDITS credits to $funded client identities (User1, User2 of each org) by governance"
  else
    info "client identities funded already (mints fund-orgN-user1/2 executed)"
  fi
}

# ---------------------------------------------------------------- adding an org (add-org)

org_dir() { echo "$POVM_RUN_DIR/config/$1"; }

# generate_org_crypto ORG: the new org's MSP and TLS material (its CA, peer0, Admin, User1..4), by cryptogen from
# crypto-config-org.yaml.tmpl; on its own host an org makes this with its own CA and hands out only msp/ (certs).
generate_org_crypto() {
  local org="$1" domain dir
  domain="$(org_domain "$org")"
  dir="$(org_dir "$org")"
  if [[ -d "$CRYPTO/peerOrganizations/$domain" ]]; then
    info "$org: crypto material exists"
    return
  fi
  mkdir -p "$dir"
  sed -e "s|@NAME@|Org$(org_index "$org")|" -e "s|@DOMAIN@|$domain|" "$NET_DIR/crypto-config-org.yaml.tmpl" \
    >"$dir/crypto-config.yaml"
  rm -rf "$dir/crypto.tmp"
  cryptogen generate --config="$dir/crypto-config.yaml" --output="$dir/crypto.tmp" >/dev/null
  mv "$dir/crypto.tmp/peerOrganizations/$domain" "$CRYPTO/peerOrganizations/$domain"
  rm -rf "$dir/crypto.tmp"
  info "$org: crypto material generated (cryptogen)"
}

# fetch_channel_config OUT_JSON: the channel's current config (the config group of its last config block), decoded.
fetch_channel_config() {
  local out="$1"
  # shellcheck disable=SC2046
  as_admin org1 peer channel fetch config "$out.block" -c "$CHANNEL" $(orderer_args) 2>>"$(log_file org1-admin)" ||
    fatal "could not fetch the config block of '$CHANNEL'; see $(log_file org1-admin)"
  configtxlator proto_decode --type common.Block --input "$out.block" |
    python3 -c 'import json, sys; json.dump(json.load(sys.stdin)["data"]["data"][0]["payload"]["data"]["config"], sys.stdout)' \
      >"$out"
}

channel_has_org() {
  local cfg
  cfg="$(org_dir "$1")/current-config.json"
  fetch_channel_config "$cfg"
  python3 -c 'import json, sys; sys.exit(sys.argv[2] not in json.load(open(sys.argv[1]))["channel_group"]["groups"]["Application"]["groups"])' \
    "$cfg" "$(msp_id "$1")"
}

# add_org_to_channel ORG: a config update that adds ORG's MSP, policies and anchor peer to the channel's application
# group, signed by a majority of the current orgs' admins (the group's Admins policy: MAJORITY Admins).
add_org_to_channel() {
  local org="$1" msp dir signers=() i
  msp="$(msp_id "$org")"
  dir="$(org_dir "$org")"
  mkdir -p "$dir"
  if channel_has_org "$org"; then
    info "$org: $msp is in channel '$CHANNEL' already"
    return
  fi
  # the org's definition, from the same template as the first orgs' (configtx.yaml)
  { echo "Organizations:"; sed -e "s|@NAME@|$org|g" -e "s|@MSP@|$msp|g" -e "s|@DOMAIN@|$(org_domain "$org")|g" \
    -e "s|@PEER_PORT@|$(peer_port "$org")|g" -e "s|@RUN@|$POVM_RUN_DIR|g" "$NET_DIR/org.yaml.tmpl"; } >"$dir/configtx.yaml"
  FABRIC_CFG_PATH="$dir" configtxgen -printOrg "$msp" >"$dir/org.json" 2>>"$(log_file configtxgen)" ||
    fatal "configtxgen -printOrg $msp failed; see $(log_file configtxgen)"
  python3 - "$dir/current-config.json" "$dir/org.json" "$msp" "$(peer_port "$org")" >"$dir/updated-config.json" <<'PY'
import json, sys
config, org, msp, port = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3], int(sys.argv[4])
org["values"]["AnchorPeers"] = {"mod_policy": "Admins", "version": "0",
                                "value": {"anchor_peers": [{"host": "127.0.0.1", "port": port}]}}
config["channel_group"]["groups"]["Application"]["groups"][msp] = org
json.dump(config, sys.stdout)
PY
  configtxlator proto_encode --type common.Config --input "$dir/current-config.json" --output "$dir/current-config.pb"
  configtxlator proto_encode --type common.Config --input "$dir/updated-config.json" --output "$dir/updated-config.pb"
  configtxlator compute_update --channel_id "$CHANNEL" --original "$dir/current-config.pb" \
    --updated "$dir/updated-config.pb" --output "$dir/update.pb"
  configtxlator proto_decode --type common.ConfigUpdate --input "$dir/update.pb" |
    python3 -c 'import json, sys
update = json.load(sys.stdin)
print(json.dumps({"payload": {"header": {"channel_header": {"channel_id": sys.argv[1], "type": 2}},
                              "data": {"config_update": update}}}))' "$CHANNEL" >"$dir/update-envelope.json"
  configtxlator proto_encode --type common.Envelope --input "$dir/update-envelope.json" \
    --output "$dir/update-envelope.pb"
  # a majority of the current orgs: all but the last sign, the last signs by submitting
  for ((i = 0; i < ${#ORGS[@]} / 2 + 1; i++)); do signers+=("${ORGS[$i]}"); done
  for ((i = 0; i < ${#signers[@]} - 1; i++)); do
    as_admin "${signers[$i]}" peer channel signconfigtx -f "$dir/update-envelope.pb" 2>>"$(log_file "${signers[$i]}-admin")" ||
      fatal "${signers[$i]} could not sign the config update; see $(log_file "${signers[$i]}-admin")"
  done
  # shellcheck disable=SC2046
  as_admin "${signers[-1]}" peer channel update -f "$dir/update-envelope.pb" -c "$CHANNEL" $(orderer_args) \
    2>>"$(log_file "${signers[-1]}-admin")" ||
    fatal "the channel config update adding $msp was refused; see $(log_file "${signers[-1]}-admin")"
  info "$org: $msp added to channel '$CHANNEL' (config update signed by the admins of ${signers[*]})"
}

# join_org_peer ORG: the org's peer joins the channel from block 0, fetched from the ordering service.
join_org_peer() {
  local org="$1" block
  block="$(org_dir "$org")/$CHANNEL-0.block"
  if as_admin "$org" peer channel getinfo -c "$CHANNEL" >/dev/null 2>&1; then
    info "$org: peer has joined channel '$CHANNEL' already"
    return
  fi
  # shellcheck disable=SC2046
  as_admin "$org" peer channel fetch 0 "$block" -c "$CHANNEL" $(orderer_args) 2>>"$(log_file "$org-admin")" ||
    fatal "$org could not fetch block 0 of '$CHANNEL'; see $(log_file "$org-admin")"
  as_admin "$org" peer channel join -b "$block" 2>>"$(log_file "$org-admin")" ||
    fatal "$org peer could not join '$CHANNEL'; see $(log_file "$org-admin")"
  info "$org: peer joined channel '$CHANNEL'"
}

org_sees_chaincode() { as_admin "$1" peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME"; }

# serve_chaincode ORG: the committed definition (same version and sequence: the endorsement policy is the channel's
# MAJORITY Endorsement, which counts the new org by itself) approved for ORG, its package installed, its server started.
serve_chaincode() {
  local org="$1" version sequence label
  version="$(committed_field Version)"
  sequence="$(committed_field Sequence)"
  label="${CC_NAME}_${version}"
  wait_until 120 "$org: peer caught up to the chaincode definition" org_sees_chaincode "$org" ||
    fatal "$org peer does not see the committed chaincode; see $(log_file "$org-peer")"
  package_chaincode "$org" "$label"
  install_chaincode "$org" "$label"
  if [[ "$(as_admin org1 peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" 2>/dev/null)" == \
    *"$(msp_id "$org"): true"* ]]; then
    info "$org: approved $CC_NAME version $version sequence $sequence already"
  else
    approve_chaincode "$org" "$version" "$sequence"
  fi
  start_cc_server "$org"
  wait_cc_server "$org"
}

# admit_member ORG: ORG's MSP becomes a member org of povm (org:ProposeMember by the first member's admin,
# org:ApproveMember by the next ones until a majority of the members approved).
admit_member() {
  local org="$1" msp
  msp="$(msp_id "$org")"
  if [[ "$(members_set)" == *"\"$msp\""* ]]; then
    info "$org: $msp is a povm member already"
    return
  fi
  if ! query_as org1 org:GetMemberProposal "$msp" >/dev/null 2>&1; then
    invoke_as org1 org:ProposeMember "$msp" >/dev/null || fatal "org:ProposeMember $msp failed; see $(log_file org1-admin)"
  fi
  vote_until_executed org:GetMemberProposal org:ApproveMember "$msp" org1
  info "$org: $msp is a povm member: $(members_set)"
}

cmd_add_org() {
  local org="${1:-}" committed start
  [[ "$org" =~ ^org[4-9]$ ]] || fatal "add-org needs the new org's name, org4 to org9 (e.g. add-org org4); got '$org'"
  node_pid orderer1 >/dev/null && node_pid org1-peer >/dev/null ||
    fatal "the network in $POVM_RUN_DIR is not running; start it with network/network.sh up"
  committed="$(committed_field Version)"
  [[ -n "$committed" ]] || fatal "no chaincode is committed on '$CHANNEL'; run network/network.sh deploy first"
  [[ "$committed" == "$(cc_version)" ]] || fatal "chaincode/target/povm-chaincode.jar (version $(cc_version)) is not" \
    "the committed chaincode (version $committed); run network/network.sh deploy first, so that every org runs the same code"
  members_set >/dev/null 2>&1 || fatal "the chaincode does not answer through org1's peer, or its member orgs are" \
    "not set; run network/network.sh deploy (and see network/network.sh logs org1-cc)"
  start=$(date +%s)
  generate_org_crypto "$org"
  add_org_to_channel "$org"
  if [[ " ${ORGS[*]} " != *" $org "* ]]; then
    ORGS+=("$org")
    EXTRA_ORGS="${EXTRA_ORGS:+$EXTRA_ORGS }$org"
    save_settings
  fi
  start_peer "$org"
  wait_until 60 "$org peer (port $(peer_port "$org"))" port_open "$(peer_port "$org")" ||
    fatal "$org peer did not start; see $(log_file "$org-peer")"
  join_org_peer "$org"
  write_profiles
  serve_chaincode "$org"
  wait_until 120 "gossip: each peer knows the other orgs' peers" peers_know_each_other ||
    fatal "the peers did not discover $org's peer; see network/network.sh logs $org-peer"
  admit_member "$org"
  fund_clients
  beacon_keys
  info "$org added in $(elapsed_since "$start"): peer 127.0.0.1:$(peer_port "$org"), chaincode server port" \
    "$(cc_server_port "$org"), profiles $POVM_RUN_DIR/profiles/$org*.json"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  while (($#)); do
    case "$1" in
      --orderers) ORDERER_COUNT="$2"; shift ;;
      --base-port) BASE_PORT="$2"; shift ;;
      *) usage >&2; fatal "unknown option for up: $1" ;;
    esac
    shift
  done
  [[ "$ORDERER_COUNT" == 1 || "$ORDERER_COUNT" == 3 ]] || fatal "--orderers must be 1 or 3, got $ORDERER_COUNT"
  [[ "$BASE_PORT" =~ ^[0-9]+$ ]] && ((BASE_PORT >= 1024 && BASE_PORT <= 65000)) ||
    fatal "--base-port must be a number from 1024 to 65000, got $BASE_PORT"
  local start
  start=$(date +%s)
  "$POVM_ROOT/scripts/setup-fabric.sh"
  save_settings
  mkdir -p "$POVM_RUN_DIR/logs"
  generate_crypto
  create_genesis_block
  prepare_peer_config
  start_orderers
  join_orderers
  start_peers
  join_peers
  write_profiles
  cmd_deploy
  wait_until 120 "gossip: each peer knows the other orgs' peers" peers_know_each_other ||
    fatal "the peers did not discover each other; see network/network.sh logs org1-peer"
  info "network up in $(elapsed_since "$start"): $ORDERER_COUNT orderer(s), ${#ORGS[@]} orgs, channel '$CHANNEL'"
  info "client profiles: $POVM_RUN_DIR/profiles (${ORGS[*]}, orgN-admin)"
}

cmd_status() {
  local node pid port state=0 i org
  printf '%-10s %-8s %-7s %s\n' NODE PID PORT STATE
  for node in $(all_nodes); do
    case "$node" in
      orderer*) port="$(orderer_port "${node#orderer}")" ;;
      *-peer) port="$(peer_port "${node%-peer}")" ;;
      *-cc) port="$(cc_server_port "${node%-cc}")" ;;
    esac
    if pid="$(node_pid "$node")" && port_open "$port"; then
      printf '%-10s %-8s %-7s %s\n' "$node" "$pid" "$port" running
    elif pid="$(node_pid "$node")"; then
      printf '%-10s %-8s %-7s %s\n' "$node" "$pid" "$port" "starting (port closed)"
      state=1
    else
      printf '%-10s %-8s %-7s %s\n' "$node" - "$port" stopped
      state=1
    fi
  done
  for i in $(seq 1 "$ORDERER_COUNT"); do
    if node_pid "orderer$i" >/dev/null; then
      printf 'orderer%s channel %s: %s%s\n' "$i" "$CHANNEL" \
        "$(osnadmin_for "$i" list --channelID "$CHANNEL" 2>/dev/null | sed -n '/^{/,$p' |
          python3 -c 'import json,sys; c=json.load(sys.stdin); print("%s, %s, height %s" % (c["status"], c["consensusRelation"], c["height"]))' 2>/dev/null || echo unreachable)" \
        "$(is_raft_leader "$i" && echo ", raft leader")"
    fi
  done
  for org in "${ORGS[@]}"; do
    if node_pid "$org-peer" >/dev/null; then
      printf '%s peer channel %s: %s\n' "$org" "$CHANNEL" \
        "$(as_admin "$org" peer channel getinfo -c "$CHANNEL" 2>/dev/null | sed -n 's/.*"height":\([0-9]*\).*/height \1/p')"
    fi
  done
  if node_pid org1-peer >/dev/null; then
    local committed
    committed="$(as_admin org1 peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" 2>/dev/null | tail -1)"
    printf 'chaincode %s: %s\n' "$CC_NAME" "${committed:-not committed}"
  fi
  return "$state"
}

# is_raft_leader I: true when orderer I reports itself Raft leader of the channel (metrics endpoint).
is_raft_leader() {
  local metrics
  metrics="$(curl -s -m 2 "http://127.0.0.1:$(orderer_ops_port "$1")/metrics" 2>/dev/null || true)"
  [[ "$metrics" == *"consensus_etcdraft_is_leader{channel=\"$CHANNEL\"} 1"* ]]
}

cmd_logs() {
  local node="" follow=false
  while (($#)); do
    case "$1" in
      -f | --follow) follow=true ;;
      *) node="$1" ;;
    esac
    shift
  done
  if [[ -z "$node" ]]; then
    for node in $(all_nodes); do
      [[ -f "$(log_file "$node")" ]] || continue
      echo "==> $node <=="
      tail -n 5 "$(log_file "$node")"
    done
    return
  fi
  [[ -f "$(log_file "$node")" ]] || fatal "no log for '$node'; nodes: $(all_nodes | tr '\n' ' ')"
  if $follow; then tail -f "$(log_file "$node")"; else tail -n 100 "$(log_file "$node")"; fi
}

valid_node() {
  [[ " $(all_nodes | tr '\n' ' ') " == *" $1 "* ]] || fatal "unknown node '$1'; nodes: $(all_nodes | tr '\n' ' ')"
}

cmd_start() {
  local node="${1:-}"
  [[ -n "$node" ]] || fatal "start needs a NODE"
  valid_node "$node"
  case "$node" in
    orderer*) start_orderer "${node#orderer}"
      wait_until 60 "$node" port_open "$(orderer_port "${node#orderer}")" || fatal "$node did not start" ;;
    *-peer) start_peer "${node%-peer}"
      wait_until 60 "$node" port_open "$(peer_port "${node%-peer}")" || fatal "$node did not start" ;;
    *-cc) start_cc_server "${node%-cc}"
      wait_until 60 "$node" port_open "$(cc_server_port "${node%-cc}")" || fatal "$node did not start" ;;
  esac
}

cmd_stop() {
  local node="${1:-}"
  [[ -n "$node" ]] || fatal "stop needs a NODE"
  valid_node "$node"
  stop_node "$node"
}

cmd_down() {
  local wipe=false node
  [[ "${1:-}" == "--wipe" ]] && wipe=true
  if [[ -d "$POVM_RUN_DIR/pids" ]]; then
    for node in $(all_nodes); do stop_node "$node"; done
    # anything else we recorded (e.g. nodes of an earlier --orderers 3 run)
    for f in "$POVM_RUN_DIR"/pids/*.pid; do
      [[ -e "$f" ]] && stop_node "$(basename "$f" .pid)"
    done
  fi
  if $wipe; then
    rm -rf "$POVM_RUN_DIR"
    info "removed $POVM_RUN_DIR"
  fi
  info "network down"
}

main() {
  local cmd="${1:-}"
  [[ -n "$cmd" ]] || { usage >&2; exit 2; }
  shift
  case "$cmd" in
    -h | --help | help) usage; return ;;
  esac
  load_settings
  case "$cmd" in
    up) cmd_up "$@" ;;
    deploy) cmd_deploy ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    down) cmd_down "$@" ;;
    add-org) cmd_add_org "$@" ;;
    *) usage >&2; fatal "unknown command '$cmd'" ;;
  esac
}

# Sourced (e.g. by scripts/test-add-org.sh, for as_admin and the port helpers), it only defines its functions.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi

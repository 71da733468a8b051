#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Hyperledger Fabric's binaries from the pinned Go module into a cache outside the repo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/setup-fabric.sh [--force] [--print-bin]

Builds peer, orderer, configtxgen, configtxlator, osnadmin and cryptogen from the Fabric Go module pinned in
network/fabric-build/go.mod (every dependency hash in go.sum) into
  \$POVM_CACHE/fabric-<version>/bin   (POVM_CACHE defaults to ~/.cache/povm)
and copies Fabric's default node configuration (core.yaml, orderer.yaml) next to it in config/.
Skipped when the binaries are already there; a tool missing from the cache (e.g. one added to this list
later) is built alone. Takes several minutes the first time.

  --force      rebuild even when cached
  --print-bin  only print the bin directory that would be used, build nothing

FABRIC_BIN=/path/to/bin uses binaries you already have (e.g. an official release); its sibling
config/ folder (or FABRIC_CFG=/path) must hold core.yaml and orderer.yaml.
USAGE
}

BUILD_MODULE="$POVM_ROOT/network/fabric-build"
TOOLS=(peer orderer configtxgen configtxlator osnadmin cryptogen)

fabric_version() {
  awk '$1 == "require" && $2 == "github.com/hyperledger/fabric" {print $3}' "$BUILD_MODULE/go.mod"
}

cache_dir() { printf '%s/fabric-%s' "$POVM_CACHE" "$(fabric_version)"; }

have_all() {
  local dir="$1" t
  for t in "${TOOLS[@]}"; do [[ -x "$dir/$t" ]] || return 1; done
}

# build FORCE: builds every tool missing from the cache (all of them with FORCE=true), each one replaced atomically.
build() {
  local force="$1" out t todo=()
  out="$(cache_dir)"
  for t in "${TOOLS[@]}"; do
    if $force || [[ ! -x "$out/bin/$t" ]]; then todo+=("$t"); fi
  done
  command -v go >/dev/null || fatal "Go is required to build Fabric (apt-get install golang, or set FABRIC_BIN)"
  local start
  start=$(date +%s)
  info "building Fabric $(fabric_version) (${todo[*]}) from the Go module into $out/bin"
  ((${#todo[@]} < ${#TOOLS[@]})) || info "this compiles ~1,000 packages and takes several minutes on 2 cores; progress:"
  mkdir -p "$out/bin"
  (
    cd "$BUILD_MODULE"
    export CGO_ENABLED=0 GOFLAGS=-mod=readonly
    info "  downloading pinned modules (go.sum checked)"
    go mod download
    local s
    for t in "${todo[@]}"; do
      s=$(date +%s)
      go build -trimpath -o "$out/bin/$t.tmp" "github.com/hyperledger/fabric/cmd/$t"
      mv "$out/bin/$t.tmp" "$out/bin/$t"
      info "  built $t ($(elapsed_since "$s"))"
    done
  )
  copy_config "$out"
  info "Fabric binaries ready in $(elapsed_since "$start")"
}

copy_config() {
  local out="$1" src
  src="$(cd "$BUILD_MODULE" && go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)/sampleconfig"
  [[ -f "$src/core.yaml" ]] || fatal "Fabric's sampleconfig not found at $src"
  mkdir -p "$out/config"
  cp "$src/core.yaml" "$src/orderer.yaml" "$out/config/"
  chmod u+w "$out/config/"*.yaml
}

main() {
  local force=false print_only=false
  while (($#)); do
    case "$1" in
      --force) force=true ;;
      --print-bin) print_only=true ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown option: $1" ;;
    esac
    shift
  done
  if [[ -n "${FABRIC_BIN:-}" ]]; then
    have_all "$FABRIC_BIN" || fatal "FABRIC_BIN=$FABRIC_BIN lacks one of: ${TOOLS[*]}"
    $print_only && echo "$FABRIC_BIN" || info "using Fabric binaries from FABRIC_BIN=$FABRIC_BIN"
    return
  fi
  local dir
  dir="$(cache_dir)/bin"
  if $print_only; then
    echo "$dir"
    return
  fi
  if ! $force && have_all "$dir" && [[ -f "$(cache_dir)/config/core.yaml" ]]; then
    info "Fabric $(fabric_version) binaries cached in $dir"
    return
  fi
  build "$force"
}

main "$@"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the demo job images povm/coinflip and povm/benchmark FROM povm/base:bookworm, cached by source hash.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/docker.sh
source "$SCRIPT_DIR/lib/docker.sh"

readonly BASE_IMAGE="povm/base:bookworm"
readonly IMAGES=(coinflip benchmark)
readonly HASH_LABEL="io.povm.source-hash"

usage() {
  cat <<USAGE
Usage: scripts/build-demo-images.sh [--force | --help]

Makes sure the engine has the demo job images, each built from images/<name>/ FROM $BASE_IMAGE:
  povm/coinflip    flips a SHA-256 coin until K heads in a row (docs/coinflip.md)
  povm/benchmark   SHA-256 operations per second (docs/benchmark.md)
An image is rebuilt only when no povm/<name>:latest carries the label $HASH_LABEL equal to the
sha256 of its source directory and the base image id (so a changed script or base image rebuilds it).

Prints one line per image on stdout: povm/<name>@sha256:<image id hex>. Local images have no
registry digest, so jobs pin the image id (the sha256 of the image config) instead.

Options:
  --force   rebuild even when the cached image is up to date
  --help    show this text

Needs a running engine (scripts/setup-docker.sh) and $BASE_IMAGE (scripts/build-base-image.sh).
USAGE
}

# source_hash DIR: sha256 over the relative path and content hash of every file in DIR, and the base image id.
source_hash() {
  local dir="$1" base_id
  base_id="$(dk image inspect --format '{{.Id}}' "$BASE_IMAGE")"
  {
    (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    printf 'base %s\n' "$base_id"
  } | sha256sum | cut -d' ' -f1
}

image_hash() { dk image inspect --format "{{index .Config.Labels \"$HASH_LABEL\"}}" "$1" 2>/dev/null || true; }

# remove_if_dangling ID: removes a previous build of ours that lost its tag; keeps it if a container uses it.
remove_if_dangling() {
  local id="$1"
  [[ -n "$id" ]] || return 0
  [[ -z "$(dk image inspect --format '{{join .RepoTags ""}}' "$id" 2>/dev/null)" ]] || return 0
  [[ -n "$(image_hash "$id")" ]] || return 0
  dk image rm "$id" >/dev/null 2>&1 && info "removed the previous build ${id:7:12}" || true
}

build_image() {
  local name="$1" force="$2" dir image hash previous
  dir="$POVM_ROOT/images/$name"
  image="povm/$name:latest"
  [[ -f "$dir/Dockerfile" ]] || fatal "no Dockerfile in $dir"
  hash="$(source_hash "$dir")"
  if [[ $force == false && "$(image_hash "$image")" == "$hash" ]]; then
    info "$image is up to date (source ${hash:0:12})"
  else
    info "building $image from $dir (source ${hash:0:12})"
    previous="$(dk image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    # The classic builder: this docker CLI has no buildx. Its deprecation notice is only shown on failure.
    local log
    if ! log="$(DOCKER_BUILDKIT=0 dk build --quiet --pull=false --label "$HASH_LABEL=$hash" \
      --tag "$image" "$dir" 2>&1 >/dev/null)"; then
      printf '%s\n' "$log" >&2
      fatal "docker build of $image failed"
    fi
    remove_if_dangling "$previous"
  fi
  printf 'povm/%s@%s\n' "$name" "$(dk image inspect --format '{{.Id}}' "$image")"
}

main() {
  local force=false name
  case "${1:-}" in
    -h | --help)
      usage
      return
      ;;
    --force) force=true ;;
    "") ;;
    *)
      usage >&2
      fatal "unknown argument: $1"
      ;;
  esac
  docker_require_engine
  docker_image_present "$BASE_IMAGE" || fatal "$BASE_IMAGE is missing; run scripts/build-base-image.sh"
  for name in "${IMAGES[@]}"; do
    build_image "$name" "$force"
  done
}

main "$@"

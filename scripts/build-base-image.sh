#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the local base image povm/base:bookworm (no registry needed), with a cached rootfs tarball.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/docker.sh
source "$SCRIPT_DIR/lib/docker.sh"

readonly IMAGE="povm/base:bookworm"
readonly SUITE="bookworm"
readonly PACKAGES="python3-minimal"
readonly MIRROR="${POVM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
IMAGES_DIR="$(povm_cache_dir)/images"
readonly IMAGES_DIR
readonly TARBALL="$IMAGES_DIR/base-$SUITE.tar"
readonly ROOTFS="$IMAGES_DIR/rootfs-$SUITE"

usage() {
  cat <<USAGE
Usage: scripts/build-base-image.sh [--force | --help]

Makes sure the engine has $IMAGE: Debian $SUITE (debootstrap minbase) with $PACKAGES,
running as USER 65534:65534 (nobody). Steps, each skipped when already done:
  1. debootstrap --variant=minbase --include=$PACKAGES $SUITE into $ROOTFS
     and pack it as $TARBALL (1-2 min; the rootfs directory is then removed);
  2. docker import that tarball as $IMAGE (a few seconds, e.g. after a docker data wipe).

Options:
  --force   re-run debootstrap and re-import even if the image or the tarball exists
  --help    show this text

Environment: POVM_CACHE (default \${XDG_CACHE_HOME:-\$HOME/.cache}/povm), POVM_DEBIAN_MIRROR (default $MIRROR).
Needs root (debootstrap) and a running engine (scripts/setup-docker.sh).
USAGE
}

# debootstrap prints lines per package; show errors, warnings and the first line of each phase.
phase_lines() {
  awk '/^[EW]: / { print; fflush(); next }
       /^I: (Retrieving|Validating) / && $3 != "Packages" && $3 != "InRelease" { next }
       /^I: / && $2 != last { print; fflush(); last = $2 }'
}

build_tarball() {
  command -v debootstrap >/dev/null 2>&1 || fatal "debootstrap not found; run scripts/setup-docker.sh"
  [[ $EUID -eq 0 ]] || fatal "debootstrap needs root"
  local start
  start=$(date +%s)
  rm -rf "$ROOTFS"
  info "debootstrap $SUITE (minbase + $PACKAGES) from $MIRROR into $ROOTFS; takes 1-2 min"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOTFS" "$MIRROR" |
    phase_lines >&2 ||
    fatal "debootstrap failed; see $ROOTFS/debootstrap/debootstrap.log if it exists"
  [[ -x "$ROOTFS/usr/bin/python3" ]] || fatal "debootstrap finished but $ROOTFS/usr/bin/python3 is missing"
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  info "debootstrap done in $(elapsed_since "$start") ($(du -sh "$ROOTFS" | cut -f1))"
  tar -C "$ROOTFS" --numeric-owner --sort=name -cf "$TARBALL.partial" .
  mv "$TARBALL.partial" "$TARBALL"
  rm -rf "$ROOTFS"
  info "cached rootfs tarball $TARBALL ($(du -h "$TARBALL" | cut -f1))"
}

import_image() {
  local start
  start=$(date +%s)
  info "importing $TARBALL as $IMAGE"
  dk import \
    --change 'USER 65534:65534' \
    --change 'WORKDIR /tmp' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/sh"]' \
    --change "LABEL io.povm.image=base io.povm.debian-suite=$SUITE" \
    --message "povm base: debootstrap minbase $SUITE + $PACKAGES" \
    "$TARBALL" "$IMAGE" >/dev/null
  info "imported in $(elapsed_since "$start")"
}

report_image() {
  local id short layer
  id="$(dk image inspect --format '{{.Id}}' "$IMAGE")"
  layer="$(dk image inspect --format '{{index .RootFS.Layers 0}}' "$IMAGE")"
  short="${id#sha256:}"
  info "$IMAGE ready: image id ${short:0:12}"
  info "  id:    $id"
  info "  layer: $layer (sha256 of the rootfs tarball)"
  printf '%s\n' "$id"
}

main() {
  local force=false
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
  mkdir -p "$IMAGES_DIR"
  exec 9>"$IMAGES_DIR/.lock"
  flock 9 || fatal "cannot lock $IMAGES_DIR/.lock"
  if [[ $force == false ]] && docker_image_present "$IMAGE"; then
    info "$IMAGE already present; use --force to rebuild"
  else
    if [[ $force == true || ! -s "$TARBALL" ]]; then
      build_tarball
    else
      info "using cached rootfs tarball $TARBALL"
    fi
    import_image
  fi
  report_image
}

main "$@"

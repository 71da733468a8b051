#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs Debian's libfaketime for the reliability suite's clock-skew scenario.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/setup-faketime.sh [--help]

Makes sure Debian's 'faketime' (and with it libfaketime) is installed (apt-get, only when missing):
the reliability suite's clock-skew scenario (worker module, ReliabilityIT) runs one org's worker
daemon with libfaketimeMT preloaded (LD_PRELOAD, FAKETIME=+180s or -180s), so that the JVM's
whole clock, which the Fabric gateway SDK stamps the daemon's transactions with, runs skewed.
USAGE
}

# Prints the path of libfaketimeMT.so.1, or nothing when it is not installed.
library() { compgen -G '/usr/lib/*/faketime/libfaketimeMT.so.1' | head -n 1 || true; }

install_package() {
  if [[ -n "$(library)" ]]; then
    info "libfaketime already installed: $(library)"
    return
  fi
  apt_install 'Setting up' faketime
  [[ -n "$(library)" ]] || fatal "faketime is installed but no /usr/lib/*/faketime/libfaketimeMT.so.1 was found"
}

main() {
  case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  install_package
}

main "$@"

#!/usr/bin/env bash
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

# Passes through only the lines matching $1, to stderr; never fails itself.
progress_lines() { grep -E "$1" >&2 || true; }

# Prints the path of libfaketimeMT.so.1, or nothing when it is not installed.
library() { compgen -G '/usr/lib/*/faketime/libfaketimeMT.so.1' | head -n 1 || true; }

install_package() {
  if [[ -n "$(library)" ]]; then
    info "libfaketime already installed: $(library)"
    return
  fi
  [[ $EUID -eq 0 ]] || fatal "installing faketime needs root; run as root or install it yourself"
  info "installing faketime with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends faketime 2>/dev/null |
    progress_lines '^(Setting up|E:)' || {
    apt-get update -q -o=Dpkg::Use-Pty=0 | progress_lines '^(Err|W:|E:)' || fatal "apt-get update failed"
    apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends faketime |
      progress_lines '^(Setting up|Err|E:)' || fatal "apt-get install faketime failed"
  }
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

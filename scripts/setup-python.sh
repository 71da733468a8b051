#!/usr/bin/env bash
# Installs Python 3 and Debian's python3-cryptography for the attestation verifier written in Python.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/setup-python.sh [--help]

Makes sure python3 and its 'cryptography' package are installed (Debian's python3 and
python3-cryptography, with apt-get, only when missing): scripts/verify-attestations.py checks a
job's attestation signatures and commitments with them alone, and AttestationIT runs it on
evidence exported from the real network.
USAGE
}

# Passes through only the lines matching $1, to stderr; never fails itself.
progress_lines() { grep -E "$1" >&2 || true; }

has_cryptography() { python3 -c 'import cryptography.hazmat.primitives.asymmetric.ec' >/dev/null 2>&1; }

install_packages() {
  if command -v python3 >/dev/null 2>&1 && has_cryptography; then
    info "python3 and its cryptography package already installed"
    return
  fi
  [[ $EUID -eq 0 ]] || fatal "installing python3-cryptography needs root; run as root or install it yourself"
  info "installing python3 and python3-cryptography with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o=Dpkg::Use-Pty=0 | progress_lines '^(Err|W:|E:)' || fatal "apt-get update failed"
  apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends python3 python3-cryptography |
    progress_lines '^(Setting up python3-crypto|Err|E:)' || fatal "apt-get install python3-cryptography failed"
  has_cryptography || fatal "python3 still cannot import cryptography after the install"
}

main() {
  case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  install_packages
}

main "$@"

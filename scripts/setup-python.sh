#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
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

has_cryptography() { python3 -c 'import cryptography.hazmat.primitives.asymmetric.ec' >/dev/null 2>&1; }

install_packages() {
  if command -v python3 >/dev/null 2>&1 && has_cryptography; then
    info "python3 and its cryptography package already installed"
    return
  fi
  apt_install 'Setting up python3-crypto' python3 python3-cryptography
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

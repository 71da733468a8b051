#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs Debian's headless Chromium and its WebDriver for the dashboard's browser test.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

readonly CHROMEDRIVER=/usr/bin/chromedriver

usage() {
  cat <<USAGE
Usage: scripts/setup-browser.sh [--help]

Makes sure Debian's 'chromium' and 'chromium-driver' are installed (apt-get, only when missing):
the dashboard's browser test (worker module, DashboardBrowserIT) drives them through Selenium with
the driver at $CHROMEDRIVER; nothing is downloaded by Selenium itself.
USAGE
}

install_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [[ -x $CHROMEDRIVER ]] || missing+=(chromium-driver)
  if ((${#missing[@]} == 0)); then
    info "chromium and chromium-driver already installed"
    return
  fi
  apt_install 'Setting up chromium' "${missing[@]}"
}

check_versions() {
  local browser driver
  browser="$(chromium --version 2>/dev/null)" || fatal "chromium does not start: run 'chromium --version'"
  driver="$("$CHROMEDRIVER" --version 2>/dev/null)" || fatal "$CHROMEDRIVER does not start"
  info "browser: $browser; driver: ${driver%% (*}"
}

main() {
  case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; fatal "unknown option: $1" ;;
  esac
  install_packages
  check_versions
}

main "$@"

#!/usr/bin/env bash
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

# Passes through only the lines matching $1, to stderr; never fails itself.
progress_lines() { grep -E "$1" >&2 || true; }

install_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [[ -x $CHROMEDRIVER ]] || missing+=(chromium-driver)
  if ((${#missing[@]} == 0)); then
    info "chromium and chromium-driver already installed"
    return
  fi
  [[ $EUID -eq 0 ]] || fatal "installing ${missing[*]} needs root; run as root or install them yourself"
  info "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o=Dpkg::Use-Pty=0 | progress_lines '^(Err|W:|E:)' || fatal "apt-get update failed"
  apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" |
    progress_lines '^(Setting up chromium|Err|E:)' || fatal "apt-get install ${missing[*]} failed"
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

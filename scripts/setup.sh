#!/usr/bin/env bash
# Installs what the project needs and is missing: Debian packages (compilers,
# Emscripten, Catch2, acorn, Go 1.19 and Go 1.26 as test oracles, Chromium for browser tests)
# and the npm packages in package-lock.json (playwright-core, Eleventy, esbuild for the offline
# file, TypeScript and ESLint for scripts/check-style.sh). Takes a second when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  cmake ninja-build g++ clang lld
  catch2
  emscripten
  node-acorn  # also an Emscripten dependency; the site build strips comments with it
  golang-1.19-go
  chromium
  libclang-rt-14-dev
  clang-format  # 14 on Debian 12, the version .clang-format's output is checked with
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Go 1.26, the oracle of the Swiss-table model. Debian 12 has no Go newer than 1.23; Debian 13's
# trixie-backports has golang-1.26-go and it installs here without pulling anything else. The
# source is pinned to priority 100 so no other package is ever taken from it.
if ! dpkg-query -W -f='${Status}' golang-1.26-go 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: installing golang-1.26-go from trixie-backports (pinned low)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  sources=/etc/apt/sources.list.d/trixie-backports.sources
  if [ ! -f "$sources" ]; then
    printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: trixie-backports' \
      'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
      $SUDO tee "$sources" >/dev/null
  fi
  pin=/etc/apt/preferences.d/trixie-backports-low
  if [ ! -f "$pin" ]; then
    printf '%s\n' 'Package: *' 'Pin: release n=trixie-backports' 'Pin-Priority: 100' |
      $SUDO tee "$pin" >/dev/null
  fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    -t trixie-backports golang-1.26-go
fi

# npm packages: install when node_modules is missing or older than the lock.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

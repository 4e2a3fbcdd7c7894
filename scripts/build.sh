#!/usr/bin/env bash
# Builds everything `npm start` serves and `npm test` runs against:
# the native tools (gomap), the wasm module, the static site in dist/ and
# its one-file offline copy (dist/go-map-playground-offline.html). The
# core's schema is written into web/share/core-schema.mjs from the wasm
# module first (scripts/gen-schema.mjs), so the site carries today's facts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten finds acorn here

build_preset() {
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
}

build_preset native-release
if [ -f wasm/CMakeLists.txt ]; then build_preset wasm-release; fi
if [ -f scripts/gen-schema.mjs ]; then node scripts/gen-schema.mjs; fi
if [ -f scripts/build-site.mjs ]; then node scripts/build-site.mjs; fi
if [ -f scripts/build-offline.mjs ]; then node scripts/build-offline.mjs; fi
if [ -f scripts/build-package.mjs ]; then node scripts/build-package.mjs; fi

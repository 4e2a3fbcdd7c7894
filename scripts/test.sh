#!/usr/bin/env bash
# Every test suite, one after the other; a failing suite does not stop the
# others. Ends with one summary line and a non-zero status if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

passed=0
failed=0
failures=()

suite() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

build_and_ctest() {
  local preset=$1
  { [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null; } &&
    cmake --build --preset "$preset" &&
    ctest --preset "$preset"
}

suite "types and style (tsc, ESLint, clang-format; seconds)" bash scripts/check-style.sh
suite "build (native-release, wasm, site)" bash scripts/build.sh
suite "core unit tests (Catch2, native-debug)" build_and_ctest native-debug
suite "core unit tests (Catch2, AddressSanitizer + UBSan)" build_and_ctest native-asan
if [ -f wasm/CMakeLists.txt ]; then
  suite "core unit tests (Catch2 compiled to wasm, under node)" build_and_ctest wasm-release
fi
if compgen -G "tests/wasm/*.test.mjs" >/dev/null; then
  suite "wasm API (node:test)" node --test tests/wasm/
fi
if compgen -G "tests/web/*.test.mjs" >/dev/null; then
  suite "web player, lessons, sharing (node:test)" node --test tests/web/
fi
if [ -f tests/conformance/run.mjs ]; then
  suite "conformance against the Go runtime" node tests/conformance/run.mjs
fi
suite "fuzzing the core (libFuzzer + ASan/UBSan, ${FUZZ_SECONDS:-60} s)" bash scripts/fuzz.sh
if [ -f tests/e2e/run.mjs ]; then
  suite "browser end-to-end (Playwright + Chromium)" node tests/e2e/run.mjs
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "failed suites: ${failures[*]}"
fi
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

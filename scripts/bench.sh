#!/usr/bin/env bash
# npm run bench: every benchmark in one run on this machine, then one report
# with ratios against baselines measured in the same run (the real Go map,
# native against wasm, untraced against traced). Prints numbers; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
out=build/bench-results
mkdir -p "$out"

bash scripts/build.sh >/dev/null
cmake --build --preset native-release --target core_bench >/dev/null
cmake --build --preset wasm-release --target core_bench >/dev/null

echo "bench: the real Go map (Go 1.19, standard library)" >&2
export GOTOOLCHAIN=local GOCACHE="$PWD/build/go-cache" GOPATH="$PWD/build/gopath" GOFLAGS=-mod=mod
(cd tests/bench/go && /usr/lib/go-1.19/bin/go build -o "$OLDPWD/build/gobench/gobench" .)
build/gobench/gobench > "$out/go.jsonl"

echo "bench: the model, native (and std::unordered_map)" >&2
build/native-release/tests/bench/core_bench > "$out/native.jsonl"

echo "bench: the model compiled to wasm, in node" >&2
node build/wasm-release/tests/bench/core_bench.js | sed 's/"impl":"core"/"impl":"wasm"/; s/"impl":"core-traced"/"impl":"wasm-traced"/; s/"impl":"std"/"impl":"wasm-std"/' > "$out/wasm.jsonl"

echo "bench: the JavaScript API" >&2
node tests/bench/wasm_api_bench.mjs > "$out/api.jsonl"

if [ -f tests/e2e/bench.mjs ]; then
  echo "bench: the page in Chromium" >&2
  node tests/e2e/bench.mjs > "$out/browser.txt" || echo "browser benchmark failed" > "$out/browser.txt"
fi

node scripts/bench-report.mjs "$out"

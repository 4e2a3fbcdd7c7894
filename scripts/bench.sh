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

echo "bench: the real Go 1.19 map (standard library)" >&2
export GOTOOLCHAIN=local GOCACHE="$PWD/build/go-cache" GOPATH="$PWD/build/gopath" GOFLAGS=-mod=mod
(cd tests/bench/go && /usr/lib/go-1.19/bin/go build -o "$OLDPWD/build/gobench/gobench" .)
build/gobench/gobench > "$out/go.jsonl"

echo "bench: the real Go 1.26 map (Swiss tables; the same program built with Go 1.26)" >&2
(cd tests/bench/go126 && /usr/lib/go-1.26/bin/go build -o "$OLDPWD/build/gobench126/gobench" .)
build/gobench126/gobench | sed 's/"impl":"go"/"impl":"go126"/' > "$out/go126.jsonl"

echo "bench: live bytes of the same maps under Go 1.19 and Go 1.26" >&2
for v in 1.19 1.26; do
  (cd tests/bench/go126/livebytes && /usr/lib/go-$v/bin/go build -o "$OLDPWD/build/gobench126/livebytes-$v" .)
done
{ build/gobench126/livebytes-1.19 go119; build/gobench126/livebytes-1.26 go126; } > "$out/livebytes.jsonl"

echo "bench: bucket map against Swiss tables, read from the conformance oracles" >&2
node tests/bench/go126/layout-compare.mjs > "$out/layout.jsonl"

echo "bench: the model, native (and std::unordered_map)" >&2
build/native-release/tests/bench/core_bench > "$out/native.jsonl"

echo "bench: the model compiled to wasm, in node" >&2
# Every wasm row is named wasm-<native name>, except that core and core-traced become wasm and
# wasm-traced (so the Swiss model's rows, whatever their name, never mix with native ones).
node build/wasm-release/tests/bench/core_bench.js |
  sed 's/"impl":"\([A-Za-z0-9_-]*\)"/"impl":"wasm-\1"/; s/"impl":"wasm-core"/"impl":"wasm"/; s/"impl":"wasm-core-traced"/"impl":"wasm-traced"/' > "$out/wasm.jsonl"

echo "bench: the JavaScript API" >&2
node tests/bench/wasm_api_bench.mjs > "$out/api.jsonl"

if [ -f tests/e2e/bench.mjs ]; then
  echo "bench: the page in Chromium" >&2
  node tests/e2e/bench.mjs > "$out/browser.txt" || echo "browser benchmark failed" > "$out/browser.txt"
fi

if [ -f tests/e2e/package-bench.mjs ]; then echo "bench: the go-map-viz package (size, first drawn map)" >&2; node tests/e2e/package-bench.mjs > "$out/package.txt" || echo "package benchmark failed" > "$out/package.txt"; cat "$out/package.txt"; fi
node scripts/bench-report.mjs "$out"

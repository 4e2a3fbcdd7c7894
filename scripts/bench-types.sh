#!/usr/bin/env bash
# npm run bench:types: only the rows of Go's other types (issue 16),
# map[string]string and map[struct{X, Y int32}]bool, the model (native,
# Go 1.14's bucket map) against the real Go 1.19 map, both timed in this
# one run, with the ratio printed per row and the machine's load beside it.
# BENCH_BUILD names the native build directory holding core_bench (default
# build/native-release, built under the shared lock); BENCH_QUICK=1 drops
# the 1,000,000-key rows. The machine is shared: Go and the model run in
# turns, BENCH_ROUNDS times (default 3), and each row keeps its best, so
# both sides are measured across the same spells of load. Prints numbers;
# asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_BUILD:-build/native-release}
out=build/bench-types
mkdir -p "$out"
quick=()
[ "${BENCH_QUICK:-0}" = 1 ] && quick=(--quick)
if [ "$dir" = build/native-release ]; then
  flock /tmp/gomap-build.lock cmake --build --preset native-release --target core_bench >/dev/null
else
  cmake --build "$dir" --target core_bench >/dev/null
fi
export GOTOOLCHAIN=local GOCACHE="$PWD/build/go-cache" GOPATH="$PWD/build/gopath" GOFLAGS=-mod=mod
(cd tests/bench/go && /usr/lib/go-1.19/bin/go build -o "$OLDPWD/$out/gobench" .)
: > "$out/go.jsonl"
: > "$out/native.jsonl"
for round in $(seq "${BENCH_ROUNDS:-3}"); do
  echo "round $round, load: $(uptime | sed 's/.*load average: //')"
  "$out/gobench" --types "${quick[@]}" >> "$out/go.jsonl"
  "$dir/tests/bench/core_bench" --types "${quick[@]}" >> "$out/native.jsonl"
done
echo "after, load: $(uptime | sed 's/.*load average: //')"
node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const dir = process.argv[2];
const rows = ['go.jsonl', 'native.jsonl'].flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
// The best of the rounds for each row.
const find = (impl, key, n, op) => {
  const ns = rows.filter((r) => r.impl === impl && r.key === key && r.n === n && r.op === op).map((r) => r.ns);
  return ns.length ? Math.min(...ns) : undefined;
};
let worst = 0;
console.log('ns/op, best of 5 per run and of the rounds. core = the model (Go 1.14 bucket map, native, tracing off); go = the real Go 1.19 map');
console.log('| key | n | op | core ns | go ns | core/go |');
console.log('|---|---|---|---|---|---|');
for (const key of ['map[string]string', 'map[struct{X, Y int32}]bool']) {
  for (const n of [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b)) {
    for (const op of ['insert', 'hit', 'miss', 'delete']) {
      const core = find('core', key, n, op), go = find('go', key, n, op);
      if (!core || !go) continue;
      worst = Math.max(worst, core / go);
      console.log(`| ${key} | ${n} | ${op} | ${core.toFixed(1)} | ${go.toFixed(1)} | ${(core / go).toFixed(2)}x |`);
    }
  }
}
console.log(`worst core/go: ${worst.toFixed(2)}x`);
JS

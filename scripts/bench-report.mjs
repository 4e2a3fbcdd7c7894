// Reads the JSON lines of scripts/bench.sh and prints the comparison tables.
import { existsSync, readFileSync } from 'node:fs';

const dir = process.argv[2] ?? 'build/bench-results';
const rows = [];
for (const f of ['go.jsonl', 'go126.jsonl', 'native.jsonl', 'wasm.jsonl', 'api.jsonl', 'livebytes.jsonl', 'layout.jsonl']) {
  if (!existsSync(`${dir}/${f}`)) continue;
  for (const line of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    if (line.trim()) rows.push(JSON.parse(line));
  }
}
const find = (impl, key, n, op) => rows.find((r) => r.impl === impl && r.key === key && r.n === n && r.op === op);
const fmt = (x) => (x === undefined ? '-' : x.toFixed(1));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) + 'x' : '-');

const ops = ['insert', 'hit', 'miss', 'delete', 'iterate'];
const sizes = [...new Set(rows.filter((r) => r.n && ops.includes(r.op)).map((r) => r.n))].sort((a, b) => a - b);
let worstGo = 0, worstWasm = 0, worstTrace = 0;

console.log('\nns/op (best of 5). core = the model, tracing off; go = the real Go 1.19 map; std = std::unordered_map');
console.log('| key | n | op | core | go | core/go | std | wasm | wasm/core |');
console.log('|---|---|---|---|---|---|---|---|---|');
// (Go's other types, issue 16: two whole map types, no iterate row.)
for (const key of ['int64', 'string', 'map[string]string', 'map[struct{X, Y int32}]bool']) {
  for (const n of sizes) {
    for (const op of ops) {
      const core = find('core', key, n, op)?.ns;
      const go = find('go', key, n, op)?.ns;
      const std = find('std', key, n, op)?.ns;
      const wasm = find('wasm', key, n, op)?.ns;
      if (core && go) worstGo = Math.max(worstGo, core / go);
      if (core && wasm) worstWasm = Math.max(worstWasm, wasm / core);
      console.log(`| ${key} | ${n} | ${op} | ${fmt(core)} | ${fmt(go)} | ${ratio(core, go)} | ${fmt(std)} | ${fmt(wasm)} | ${ratio(wasm, core)} |`);
    }
  }
}

console.log('\nRecording a trace (every micro-step) against not recording, inserts:');
for (const key of ['int64', 'string']) {
  for (const n of sizes) {
    const plain = find('core', key, n, 'insert')?.ns;
    const traced = find('core-traced', key, n, 'insert')?.ns;
    if (plain && traced) worstTrace = Math.max(worstTrace, traced / plain);
    console.log(`  ${key} n=${n}: ${fmt(traced)} vs ${fmt(plain)} ns/op = ${ratio(traced, plain)}`);
  }
}

console.log('\nMemory for n int64 keys: the model\'s map (header + bucket array) and its whole simulated heap (garbage included), against what Go allocated building the same map:');
for (const n of sizes) {
  const core = find('core', 'int64', n, 'memory');
  const go = find('go', 'int64', n, 'memory');
  if (core && go) {
    console.log(`  n=${n}: map ${core.bytes} B, heap ${core.heap} B; Go allocated ${go.allocated} B (heap/Go = ${ratio(core.heap, go.allocated)})`);
  }
}

// The Swiss-table model (Go 1.26) against the real Go 1.26 map. core_bench prints the model's
// Swiss rows under one of these names; wasm rows are the same name prefixed with "wasm-".
const SWISS_NAMES = ['swiss', 'core-swiss', 'core126'];
const swissImpl = SWISS_NAMES.find((name) => rows.some((r) => r.impl === name));
let worstSwiss = 0, worstSwissWasm = 0;
console.log('\nns/op (best of 5). swiss = the Swiss-table model (Go 1.26), tracing off; go126 = the real Go 1.26 map; go119 = the real Go 1.19 map');
if (!swissImpl) {
  console.log(`  MODEL ROWS MISSING: core_bench printed no Swiss rows (impl ${SWISS_NAMES.map((n) => `"${n}"`).join(' or ')}); only the Go side is shown.`);
}
console.log('| key | n | op | swiss | go126 | swiss/go126 | wasm swiss | wasm/native | go119 | go126/go119 |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const key of ['int64', 'string']) {
  for (const n of sizes) {
    for (const op of ops) {
      const sw = swissImpl && find(swissImpl, key, n, op)?.ns;
      const go126 = find('go126', key, n, op)?.ns;
      const wasm = swissImpl && find(`wasm-${swissImpl}`, key, n, op)?.ns;
      const go119 = find('go', key, n, op)?.ns;
      if (sw && go126) worstSwiss = Math.max(worstSwiss, sw / go126);
      if (sw && wasm) worstSwissWasm = Math.max(worstSwissWasm, wasm / sw);
      console.log(`| ${key} | ${n} | ${op} | ${fmt(sw || undefined)} | ${fmt(go126)} | ${ratio(sw, go126)} | ${fmt(wasm || undefined)} | ${ratio(wasm, sw)} | ${fmt(go119)} | ${ratio(go126, go119)} |`);
    }
  }
}
console.log('\nMemory for n int64 keys: the Swiss model\'s whole simulated heap (garbage included) against what Go 1.26 allocated building the same map (target: within 5 %):');
for (const n of sizes) {
  const sw = swissImpl && find(swissImpl, 'int64', n, 'memory');
  const go = find('go126', 'int64', n, 'memory');
  if (go) {
    console.log(`  n=${n}: Go 1.26 allocated ${go.allocated} B; ` +
      (sw ? `model heap ${sw.heap} B (heap/Go = ${ratio(sw.heap, go.allocated)})` : 'model row missing'));
  }
}

// Go 1.14's bucket map (read from Go 1.19) and Go 1.26's Swiss tables, for the same keys.
const layoutSizes = [...new Set(rows.filter((r) => r.op === 'layout' || r.op === 'live-bytes').map((r) => r.n))].sort((a, b) => a - b);
if (layoutSizes.length > 0) {
  console.log('\nGo 1.14 (bucket map, live Go 1.19 maps) against Go 1.26 (Swiss tables), the same keys (int64 1..n, strings k1..kn):');
  console.log('bytes/entry: heap the finished map keeps alive; probe: buckets of a chain (1.14) or groups of a probe');
  console.log('sequence (1.26) a hit examines; growth steps: 1.14 doublings of the bucket array (each spread over');
  console.log('later inserts), 1.26 rebuilds of one table at once (small→16, grows to 1024, then splits; directory doublings).');
  console.log('| key | n | bytes/entry 1.14 | bytes/entry 1.26 | avg probe 1.14 | avg probe 1.26 | longest 1.14 | longest 1.26 | growth steps 1.14 | growth steps 1.26 (dir doublings) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const per = (r, n) => (r ? (r.bytes / n).toFixed(1) : '-');
  for (const key of ['int64', 'string']) {
    for (const n of layoutSizes) {
      const b = find('go119-buckets', key, n, 'layout');
      const w = find('go126-swiss', key, n, 'layout');
      const mb = find('go119', key, n, 'live-bytes');
      const mw = find('go126', key, n, 'live-bytes');
      console.log(`| ${key} | ${n} | ${per(mb, n)} | ${per(mw, n)} | ${b?.avgProbe ?? '-'} | ${w?.avgProbe ?? '-'} | ` +
        `${b?.maxProbe ?? '-'} | ${w?.maxProbe ?? '-'} | ${b?.growthSteps ?? '-'} | ${w ? `${w.growthSteps} (${w.dirDoublings})` : '-'} |`);
    }
  }
}

const gz = rows.find((r) => r.op === 'gzip-bytes');
const inst = rows.find((r) => r.op === 'instantiate-ms');
const batch = rows.find((r) => r.impl === 'wasm-api' && r.op === 'insert');
const nativeMillion = find('core', 'int64', 1000000, 'insert');
console.log('\nJavaScript API:');
if (gz) console.log(`  JS + wasm gzipped: ${(gz.bytes / 1024).toFixed(1)} KB (budget 100 KB)`);
if (inst) console.log(`  instantiation in node: ${inst.ms} ms (budget 50 ms)`);
if (batch && nativeMillion) {
  console.log(`  1,000,000 int64 inserts in one batch call: ${fmt(batch.ns)} ns/op vs native ${fmt(nativeMillion.ns)} = ${ratio(batch.ns, nativeMillion.ns)} (budget 2x)`);
}

console.log('\nAgainst the targets:');
console.log(`  worst core/go ratio: ${worstGo.toFixed(2)}x (target <= 1.5x)`);
console.log(`  worst wasm/native ratio: ${worstWasm.toFixed(2)}x (target <= 2x)`);
console.log(`  worst traced/untraced ratio: ${worstTrace.toFixed(2)}x (target <= 5x)`);
console.log(swissImpl
  ? `  worst swiss/go126 ratio: ${worstSwiss.toFixed(2)}x (target <= 1.5x); worst wasm/native (swiss): ${worstSwissWasm.toFixed(2)}x (target <= 2x)`
  : '  swiss/go126: MODEL ROWS MISSING (no Swiss rows from core_bench)');

if (existsSync(`${dir}/browser.txt`)) {
  console.log('\nThe page in Chromium:');
  console.log(readFileSync(`${dir}/browser.txt`, 'utf8').trimEnd());
}

// Reads the JSON lines of scripts/bench.sh and prints the comparison tables.
import { existsSync, readFileSync } from 'node:fs';

const dir = process.argv[2] ?? 'build/bench-results';
const rows = [];
for (const f of ['go.jsonl', 'native.jsonl', 'wasm.jsonl', 'api.jsonl']) {
  if (!existsSync(`${dir}/${f}`)) continue;
  for (const line of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    if (line.trim()) rows.push(JSON.parse(line));
  }
}
const find = (impl, key, n, op) => rows.find((r) => r.impl === impl && r.key === key && r.n === n && r.op === op);
const fmt = (x) => (x === undefined ? '-' : x.toFixed(1));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) + 'x' : '-');

const ops = ['insert', 'hit', 'miss', 'delete', 'iterate'];
const sizes = [...new Set(rows.filter((r) => r.n && r.op !== 'memory').map((r) => r.n))].sort((a, b) => a - b);
let worstGo = 0, worstWasm = 0, worstTrace = 0;

console.log('\nns/op (best of 5). core = the model, tracing off; go = the real Go 1.19 map; std = std::unordered_map');
console.log('| key | n | op | core | go | core/go | std | wasm | wasm/core |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const key of ['int64', 'string']) {
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

if (existsSync(`${dir}/browser.txt`)) {
  console.log('\nThe page in Chromium:');
  console.log(readFileSync(`${dir}/browser.txt`, 'utf8').trimEnd());
}

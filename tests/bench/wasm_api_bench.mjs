// The JavaScript API's budgets, measured in node: instantiation time, a
// million int64 inserts through one batch call, and the gzipped size of
// everything a page loads (JS + wasm). One JSON line each.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../build/wasm-release/wasm/', import.meta.url));
const files = ['gomap.mjs', 'gomap-api.mjs', 'gomap_wasm.mjs', 'gomap_wasm.wasm'];
const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(dir + f), { level: 9 }).length, 0);
console.log(JSON.stringify({ impl: 'wasm-api', op: 'gzip-bytes', bytes: gzipped }));

const t0 = performance.now();
const { loadGoMap } = await import(new URL('gomap.mjs', `file://${dir}`).href);
const gomap = await loadGoMap();
const instantiateMs = performance.now() - t0;
console.log(JSON.stringify({ impl: 'wasm-api', op: 'instantiate-ms', ms: Number(instantiateMs.toFixed(2)) }));

const n = 1_000_000;
const keys = new BigInt64Array(n);
for (let i = 0; i < n; i++) keys[i] = BigInt(i);
let best = Infinity;
for (let rep = 0; rep < 3; rep++) {
  const { map } = gomap.createMap({ mapType: 'map[int64]int64' });
  const t = performance.now();
  const r = map.setInt64Batch(keys, keys);
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(r.error);
  map.free();
  best = Math.min(best, ms);
}
console.log(JSON.stringify({ impl: 'wasm-api', key: 'int64', n, op: 'insert', ns: Number(((best * 1e6) / n).toFixed(2)) }));

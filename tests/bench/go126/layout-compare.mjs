// The bucket map (Go 1.14's algorithm, read from a live Go 1.19 map) against the Swiss tables of
// Go 1.26, for the same keys: each conformance oracle runs `fill N` (int64 keys 1..N, strings
// k1..kN) and prints the real map it built; from those dumps this prints, per key kind and N,
// one JSON line per runtime:
//   {"impl":"go119-buckets"|"go126-swiss","key":…,"n":…,"op":"layout",
//    "avgProbe":…,"maxProbe":…,"growthSteps":…,"dirDoublings":…}
// avgProbe/maxProbe: buckets of a chain (1.14) or groups of a probe sequence (1.26) a lookup of
// a present key examines; growthSteps: how many times the map was rebuilt or extended on the way
// (1.14: doublings of the bucket array; 1.26: small→table, table grows, table splits).
// Usage: node tests/bench/go126/layout-compare.mjs [N...]   (default 1000 100000 1000000)

import { buildOracle, buildOracle126, oracleEnv } from '../../conformance/lib/toolchain.mjs';
import { runTool } from '../../conformance/lib/run-tool.mjs';

const sizes = process.argv.slice(2).map(Number);
const NS = sizes.length > 0 ? sizes : [1000, 100000, 1000000];
const oracle119 = buildOracle();
const oracle126 = buildOracle126();

for (const n of NS) {
  for (const key of ['int64', 'string']) {
    console.log(JSON.stringify({ impl: 'go119-buckets', key, n, op: 'layout', ...buckets(key, n) }));
    console.log(JSON.stringify({ impl: 'go126-swiss', key, n, op: 'layout', ...swiss(key, n) }));
  }
}

function lastState(oracle, text) {
  const r = runTool(oracle, [], text, oracleEnv);
  const rec = r.records.at(-1);
  if (r.status !== 0 || !rec || rec.error) throw new Error(`oracle failed: ${r.stderr} ${rec?.error ?? ''}`);
  return rec;
}

// Go 1.14's map: a hit walks its bucket's chain (old bucket while a grow has not reached it).
function buckets(key, n) {
  const rec = lastState(oracle119, `map[${key}]int64\nfill ${n}\n`);
  const stats = probeStats();
  for (const arr of [rec.buckets ?? [], rec.oldbuckets ?? []]) {
    for (const chain of arr) {
      chain.forEach((bucket, depth) => {
        for (const slot of bucket.s) if (slot.t >= 5) stats.add(depth + 1);
      });
    }
  }
  return { ...stats.result(), growthSteps: rec.B, dirDoublings: 0, B: rec.B, growing: rec.oldbuckets !== undefined };
}

// Go 1.26's map: a hit probes groups p0, p0+1, p0+3, … (triangular) from (hash >> 7) & mask.
function swiss(key, n) {
  const rec = lastState(oracle126, `version 1.26\nmap[${key}]int64\nfill ${n}\n`);
  const stats = probeStats();
  const hashOf = new Map(Object.entries(rec.hashes).map(([k, h]) => [k, BigInt(`0x${h}`)]));
  for (const table of rec.tables ?? []) {
    const groups = BigInt(table.groups.length);
    table.groups.forEach((group, g) => {
      group.s.forEach((slot, i) => {
        if (group.ctrl[i] >= 0x80) return;
        let p = (hashOf.get(slot.k) >> 7n) % groups;
        let probes = 1;
        for (let step = 1n; p !== BigInt(g); step++) { p = (p + step) % groups; probes++; }
        stats.add(probes);
      });
    });
  }
  const tables = rec.tables ?? [];
  const firstGrowths = tables.length > 1 ? 6 : tables.length === 1 ? Math.log2(tables[0].capacity / 16) : 0;
  const growthSteps = rec.dirLen === 0 ? 0 : 1 + firstGrowths + (tables.length - 1);
  return { ...stats.result(), growthSteps, dirDoublings: rec.globalDepth, tables: tables.length };
}

function probeStats() {
  let count = 0;
  let sum = 0;
  let max = 0;
  return {
    add(p) { count++; sum += p; max = Math.max(max, p); },
    result: () => ({ avgProbe: Number((sum / count).toFixed(3)), maxProbe: max, entries: count }),
  };
}

// Bit-for-bit check of gomap's `go119` hasher against the live Go 1.19 runtime: the same keys,
// hashed with the runtime's own hashkey[0] and several seeds, must give the same 64-bit hashes.
// Unlike the scenarios, nothing is pinned here: gomap computes every hash itself.

import { runTool } from './run-tool.mjs';
import { quoteToken } from './scenario-text.mjs';
import { hashHex } from './compare-dumps.mjs';

// Text of i bytes following the spec's test pattern: byte j is 'a' + j mod 26.
const pattern = (n) => Array.from({ length: n }, (_, j) => String.fromCharCode(97 + (j % 26))).join('');
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// Lengths that reach every branch of the hash (0, 1–3, 4, 5–7, 8, 9–16, 17–48, > 48 loop).
function byteArrayKeys(n) {
  const lengths = n <= 32 ? range(0, n) : [...range(0, 9), 15, 16, 17, 31, 32, 33, 47, 48, 49, 50,
    ...range(n - 9, n)].filter((l) => l <= n);
  return [...new Set(lengths)].map(pattern);
}

export const HASHER_KEYS = {
  int64: ['0', '1', '-1', '2', '42', '255', '256', '65535', '2147483647', '-2147483648',
    '4294967296', '9223372036854775807', '-9223372036854775808', '0x0123456789abcdef', '1000001'],
  int32: ['0', '1', '-1', '42', '255', '65536', '2147483647', '-2147483648', '0x7f00ff00'],
  float64: ['0', '-0', '1', '-1', '1.5', '-2.25', '0.1', '1e+21', '1e-300', '5e-324',
    '1.7976931348623157e+308', '+Inf', '-Inf', '3.141592653589793'],
  string: [...range(0, 100).map(pattern), 'hello, world!', 'é', '日本語', 'a b', 'semi;colon'],
  ...Object.fromEntries([3, 4, 8, 16, 32, 64, 128, 200].map((n) => [`[${n}]byte`, byteArrayKeys(n)])),
};

const SEEDS = [0, 1, 0xdeadbeef, 0x9e3779b9];

// Returns { checked, diffs }.
export function checkHasher({ oracle, gomap, oracleEnv }) {
  const diffs = [];
  let checked = 0;
  for (const [type, keys] of Object.entries(HASHER_KEYS)) {
    for (const seed of SEEDS) {
      const body = keys.map((k) => `set ${quoteToken(k)}`).join('\n') + '\n';
      const o = runTool(oracle, [], `map[${type}]int64\nseed ${seed}\n${body}`, oracleEnv);
      const [head, ...oracleOps] = o.records;
      if (o.status !== 0 || !head?.hashkey0 || oracleOps.some((r) => r.error)) {
        diffs.push(`map[${type}] seed ${seed}: the oracle failed: ${o.stderr}${JSON.stringify(oracleOps.find((r) => r.error))}`);
        continue;
      }
      if (head.aeshash) {
        diffs.push('the Go runtime is using its AES hash (GODEBUG=cpu.aes=off not honoured)');
        return { checked, diffs };
      }
      const g = runTool(gomap, [],
        `map[${type}]int64\nhasher go119\nhashkey 0x${head.hashkey0}\nseed ${seed}\n${body}`, process.env);
      const gomapOps = g.records.filter((r) => typeof r.op === 'string' && r.op.startsWith('set'));
      if (gomapOps.length !== oracleOps.length) {
        diffs.push(`map[${type}] seed ${seed}: gomap printed ${gomapOps.length} records for ` +
          `${oracleOps.length} sets (status ${g.status}): ${g.stderr.slice(0, 300)}`);
        continue;
      }
      oracleOps.forEach((rec, i) => {
        for (const [key, want] of Object.entries(rec.hashes ?? {})) {
          checked++;
          const got = gomapOps[i].hashes?.[key];
          if (hashHex(got) !== want) {
            diffs.push(`map[${type}] hashkey0 ${head.hashkey0} seed ${seed} key ${JSON.stringify(key)}: ` +
              `expected ${want}, got ${got ?? '(absent)'}${gomapOps[i].error ? ` (error: ${gomapOps[i].error})` : ''}`);
          }
        }
      });
    }
  }
  return { checked, diffs };
}

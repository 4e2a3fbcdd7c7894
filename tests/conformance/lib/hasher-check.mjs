// Bit-for-bit check of gomap's `go119` and `go126` hashers against the live Go 1.19 and Go 1.26
// runtimes: the same keys, hashed with the runtime's own hash key and several seeds, must give
// the same 64-bit hashes.
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

// Go's other types (contract version 2), hashed by the function Go's compiler attaches to each:
// memhash of every width class, f32hash/f64hash (±0), c64hash/c128hash, strhash, and generated
// functions (arrays of special elements, structs with padding or special fields, runs of
// adjacent memory fields). Keys are literal tokens, written as they are.
export const TYPED_HASHER_KEYS = {
  bool: ['true', 'false'],
  int8: ['0', '-1', '127', '-128'],
  uint8: ['0', '255', '7'],
  int16: ['0', '-32768', '12345'],
  uint32: ['0', '4294967295', '0x01020304'],
  uint64: ['0', '18446744073709551615', '42'],
  uintptr: ['0', '0xc000010000'],
  float32: ['0', '-0', '1', '0.1', '-2.5', '+Inf', '-Inf', '3.4028235e+38', '1e-45'],
  complex64: ['(0+0i)', '(-0-0i)', '(1+2i)', '(0.1-0.2i)', '(+Inf+0i)'],
  complex128: ['(0+0i)', '(-0+0i)', '(1+2i)', '(1e+300-1e-300i)'],
  '[2]int64': ['{0, 0}', '{1, 2}', '{-1, 9223372036854775807}'],
  '[3]float64': ['{0, 0, 0}', '{-0, 0, -0}', '{1, 2, 3}', '{+Inf, 0.5, -1e+100}'],
  '[2][3]int16': ['{{1, 2, 3}, {4, 5, 6}}', '{{0, 0, 0}, {0, 0, 0}}'],
  '[2]string': ['{"", ""}', '{"a", "b"}', '{"hello, world", "x y"}'],
  '[1]string': ['{""}', '{"a"}', '{"abcdefghijklmnopqrstuvwxyz"}'],
  '[2]float32': ['{0, -0}', '{1, 2}'],
  'struct{X, Y int32}': ['{0, 0}', '{1, 2}', '{-1, -2}'],
  'struct{A int8; B int64}': ['{0, 0}', '{1, 2}', '{-1, 9223372036854775807}'],
  'struct{A, B int8; C string}': ['{0, 0, ""}', '{1, 2, "x"}', '{1, 2, "a longer string, over sixteen"}'],
  'struct{A float64; B int32}': ['{0, 0}', '{-0, 1}', '{1.5, 2}'],
  'struct{C complex64; N int16}': ['{(1+2i), 3}', '{(-0+0i), 1}'],
  'struct{P struct{A int8; B int64}; S string; F float32}': ['{{1, 2}, "s", 1.5}', '{{0, 0}, "", -0}'],
  'struct{S string}': ['{""}', '{"a"}', '{"b c"}'],
  'struct{A int64; Z struct{}}': ['{1, {}}', '{0, {}}'],
  'struct{A [16]int64; B int8}': ['{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1}'],
  'struct{A [15]int64; B int32; C float32}': ['{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 1, 0.5}'],
  'struct{B [3]byte; T bool}': ['{{97, 98, 99}, true}', '{{0, 0, 0}, false}'],
  'struct{}': ['{}'],
};

// How each runtime's hasher is set up on both sides. The oracle's first line tells the process's
// hash key; gomap is given it and the same seed, and must then compute every hash itself.
export const GO119_FLAVOR = {
  seeds: [0, 1, 0xdeadbeef, 0x9e3779b9],
  keyOf: (head) => head.hashkey0,
  oracleSetup: (type, seed) => `map[${type}]int64\nseed ${seed}\n`,
  gomapSetup: (type, seed, head) => `map[${type}]int64\nhasher go119\nhashkey 0x${head.hashkey0}\nseed ${seed}\n`,
};

// Go 1.26: four hash key words (not forced odd) and a 64-bit seed.
export const GO126_FLAVOR = {
  seeds: ['0', '1', '0xdeadbeef', '0x9e3779b97f4a7c15'],
  keyOf: (head) => head.hashkey?.join(' '),
  oracleSetup: (type, seed) => `version 1.26\nmap[${type}]int64\nseed ${seed}\n`,
  gomapSetup: (type, seed, head) => `version 1.26\nmap[${type}]int64\nhasher go126\n` +
    `hashkey ${head.hashkey.map((w) => `0x${w}`).join(' ')}\nseed ${seed}\n`,
};

// Returns { checked, diffs }.
export function checkHasher({ oracle, gomap, oracleEnv, flavor = GO119_FLAVOR }) {
  const diffs = [];
  let checked = 0;
  const typed = flavor === GO119_FLAVOR ? Object.entries(TYPED_HASHER_KEYS) : [];
  for (const [type, keys, literal] of [...Object.entries(HASHER_KEYS), ...typed.map(([t, k]) => [t, k, true])]) {
    for (const seed of flavor.seeds) {
      const body = keys.map((k) => `set ${literal ? k : quoteToken(k)}`).join('\n') + '\n';
      const o = runTool(oracle, [], flavor.oracleSetup(type, seed) + body, oracleEnv);
      const [head, ...oracleOps] = o.records;
      if (o.status !== 0 || !head || !flavor.keyOf(head) || oracleOps.some((r) => r.error)) {
        diffs.push(`map[${type}] seed ${seed}: the oracle failed: ${o.stderr}${JSON.stringify(oracleOps.find((r) => r.error))}`);
        continue;
      }
      if (head.aeshash) {
        diffs.push('the Go runtime is using its AES hash (GODEBUG=cpu.aes=off not honoured)');
        return { checked, diffs };
      }
      const g = runTool(gomap, [], flavor.gomapSetup(type, seed, head) + body, process.env);
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
            diffs.push(`map[${type}] hashkey ${flavor.keyOf(head)} seed ${seed} key ${JSON.stringify(key)}: ` +
              `expected ${want}, got ${got ?? '(absent)'}${gomapOps[i].error ? ` (error: ${gomapOps[i].error})` : ''}`);
          }
        }
      });
    }
  }
  return { checked, diffs };
}

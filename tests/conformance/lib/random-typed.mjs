// Random scenarios of Go's other types for the 1.14 bucket map (random-types.mjs, and a short
// pass in run.mjs): the map types the Go 1.19 oracle has compiled (oracle/map_types.go), each
// with a rule writing its i-th distinct key as a literal, random sets, deletes, gets, fills,
// collisions, iteration with mutation and clears. No NaN keys (a NaN's hash cannot be pinned).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeRandom } from './random-scenario.mjs';
import { buildDir } from './toolchain.mjs';
import { checkScenario } from './check-scenario.mjs';

const zeros = (n) => Array(n).fill('0').join(', ');
const signed = (x) => (x < 0 || Object.is(x, -0) ? `-${Math.abs(x)}` : `+${x}`);

// [map type, i -> key literal, universe limit (distinct keys), i -> element literal]
const int64Elem = (i) => String(i * 3 - 7);
const TYPES = [
  ['map[bool]int64', (i) => (i % 2 ? 'true' : 'false'), 2],
  ['map[int8]int64', (i) => String((i % 256) - 128), 256],
  ['map[uint8]int64', (i) => String(i % 256), 256],
  ['map[int16]int64', (i) => String(i * 37 - 500), 1e9],
  ['map[uint32]int64', (i) => String((i * 2654435761) % 2 ** 32), 1e9],
  ['map[uint64]int64', (i) => String(i * 1000003), 1e9],
  ['map[uintptr]int64', (i) => String(i), 1e9],
  ['map[float32]int64', (i) => (i === 0 ? '-0' : i === 1 ? '+Inf' : String(i / 4)), 1e9],
  ['map[complex64]int64', (i) => `(${i / 2}${signed(i % 3)}i)`, 1e9],
  ['map[complex128]int64', (i) => `(${i}${signed(-i / 8)}i)`, 1e9],
  ['map[[2]int64]int64', (i) => `{${i}, ${-i}}`, 1e9],
  ['map[[3]float64]int64', (i) => `{${i / 2}, -0, ${i}}`, 1e9],
  ['map[[2][3]int16]int64', (i) => `{{${i}, 1, 2}, {3, 4, ${i % 100}}}`, 1e9],
  ['map[[2]string]int64', (i) => `{"a${i}", "${i % 3}"}`, 1e9],
  ['map[[1]string]int64', (i) => `{"s${i}"}`, 1e9],
  ['map[[2]float32]int64', (i) => `{${i}, ${i / 4}}`, 1e9],
  ['map[struct{X, Y int32}]int64', (i) => `{${i}, ${i * 3}}`, 1e9],
  ['map[struct{A int8; B int64}]int64', (i) => `{${i % 100}, ${i * 1000}}`, 1e9],
  ['map[struct{A, B int8; C string}]int64', (i) => `{${i % 7}, 1, "c${i}"}`, 1e9],
  ['map[struct{A float64; B int32}]int64', (i) => `{${i === 0 ? '-0' : i / 2}, ${i % 5}}`, 1e9],
  ['map[struct{C complex64; N int16}]int64', (i) => `{(${i}+1i), ${i % 9}}`, 1e9],
  ['map[struct{P struct{A int8; B int64}; S string; F float32}]int64', (i) => `{{${i % 3}, ${i}}, "s${i % 4}", ${i / 8}}`, 1e9],
  ['map[struct{S string}]int64', (i) => `{"k${i}"}`, 1e9],
  ['map[struct{A int64; Z struct{}}]int64', (i) => `{${i}, {}}`, 1e9],
  ['map[struct{A [16]int64; B int8}]int64', (i) => `{{${i}, ${zeros(15)}}, ${i % 10}}`, 1e9],
  ['map[struct{A [15]int64; B int32; C float32}]int64', (i) => `{{${zeros(14)}, ${i}}, 1, ${i / 2}}`, 1e9],
  ['map[struct{B [3]byte; T bool}]int64', (i) => `{{${i % 256}, ${(i >> 8) % 256}, 1}, ${i % 2 ? 'true' : 'false'}}`, 256], // fill's keys repeat after 256: no fill or collide
  ['map[string]string', (i) => `k${i}`, 1e9, (i) => `v${i}`],
  ['map[string][]uint8', (i) => `s${i}`, 1e9, (i) => (i % 5 === 0 ? 'nil' : `{${i % 256}, 7}`)],
  ['map[int]struct{}', (i) => String(i - 10), 1e9, () => '{}'],
  ['map[[2]int64]string', (i) => `{${i}, 1}`, 1e9, (i) => `"e ${i}"`],
  ['map[struct{X, Y int32}]bool', (i) => `{${i}, -1}`, 1e9, (i) => (i % 2 ? 'true' : 'false')],
  ['map[float32]uint8', (i) => String(i / 2), 1e9, (i) => String(i % 256)],
  ['map[int64]struct{A [16]int64; B int8}', (i) => String(i), 1e9, (i) => `{{${zeros(15)}, ${i}}, 1}`],
  ['map[string]struct{P struct{A int8; B int64}; S string; F float32}', (i) => `n${i}`, 1e9, (i) => `{{1, ${i}}, "x", 0.5}`],
  ['map[complex128]bool', (i) => `(${i}+0i)`, 1e9, () => 'true'],
  ['map[uint64]string', (i) => String(i), 1e9, (i) => `s${i}`],
];
// The map types Go 1.26's oracle has compiled too (the shared oracle/map_registry.go), for
// `version 1.26`.
const SWISS_TYPES = new Set(['map[bool]int64', 'map[complex64]int64', 'map[[3]float64]int64', 'map[[2]string]int64',
  'map[[1]string]int64', 'map[struct{A int8; B int64}]int64', 'map[struct{A, B int8; C string}]int64',
  'map[struct{C complex64; N int16}]int64', 'map[struct{P struct{A int8; B int64}; S string; F float32}]int64',
  'map[struct{S string}]int64', 'map[struct{A int64; Z struct{}}]int64', 'map[struct{A [16]int64; B int8}]int64',
  'map[struct{B [3]byte; T bool}]int64', 'map[string]string', 'map[string][]uint8', 'map[int]struct{}',
  'map[[2]int64]string', 'map[struct{X, Y int32}]bool', 'map[float32]uint8', 'map[int64]struct{A [16]int64; B int8}',
  'map[string]struct{P struct{A int8; B int64}; S string; F float32}', 'map[complex128]bool', 'map[uint64]string']);
const HINTS = [0, 8, 9, 14, 27, 53, 100, 300];
const UNIVERSES = [6, 12, 40, 100, 300];

// version: '1.14' (the bucket map, Go 1.19's oracle) or '1.26' (the Swiss map, Go 1.26's).
export function randomTypedScenario(random, version = '1.14') {
  const types = version === '1.26' ? TYPES.filter(([t]) => SWISS_TYPES.has(t)) : TYPES;
  const [type, key, limit, elemOf = int64Elem] = random.pick(types);
  const universe = Math.min(limit, random.pick(UNIVERSES));
  const lines = version === '1.26' ? ['version 1.26', type] : [type];
  if (random.chance(0.3)) lines.push(`hint ${random.pick(HINTS)}`);
  let generated = 0;
  let open = false;
  const opCount = 20 + random.int(120);
  for (let n = 0; n < opCount; n++) {
    const i = random.int(universe);
    const k = key(i);
    const r = random.next();
    if (r < 0.35) lines.push(`set ${k} ${elemOf(i)}`);
    else if (r < 0.47) lines.push(`del ${k}`);
    else if (r < 0.57) lines.push(`get ${k}`);
    else if (r < 0.62 && limit > 300) { const c = 1 + random.int(30); lines.push(`fill ${c}`); generated += c; }
    else if (r < 0.68 && generated > 0) lines.push(`del @${1 + random.int(generated)}`);
    else if (r < 0.72) lines.push('iter');
    else if (r < 0.76 && !open) { lines.push('range'); open = true; }
    else if (r < 0.84 && open) lines.push(`next ${1 + random.int(random.chance(0.2) ? 100 : 6)}`);
    else if (r < 0.86) lines.push('clear');
    else if (r < 0.88 && limit > 300) { const c = 1 + random.int(5); lines.push(`collide 0 ${c}`); generated += c; }
    else lines.push(`set ${k} ${elemOf(i)}`);
  }
  return lines.join('\n') + '\n';
}

// tools: { oracle, gomap }. Returns { passed, failed }; each failure is saved and logged.
export function runRandomTyped({ count, seed, tools, log, version = '1.14' }) {
  const dir = path.join(buildDir, 'random-types');
  mkdirSync(path.join(dir, 'pinned'), { recursive: true });
  const random = makeRandom(seed);
  let passed = 0;
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const src = randomTypedScenario(random, version);
    let problems;
    try {
      problems = checkScenario({ file: 'random.scn', src, tools, oracleOnly: false, pinnedDir: path.join(dir, 'pinned') });
    } catch (e) {
      problems = [`could not run: ${e.message}`];
    }
    if (problems.length === 0) { passed++; continue; }
    failed++;
    const file = path.join(dir, `types-rand-${seed}-${i}.scn`);
    writeFileSync(file, `# Found by node tests/conformance/random-types.mjs --seed ${seed} (scenario ${i})\n${src}`);
    log(`FAIL random scenario ${i}: ${problems.slice(0, 4).join(' / ')}\n     saved as ${path.relative(process.cwd(), file)}`);
  }
  return { passed, failed };
}

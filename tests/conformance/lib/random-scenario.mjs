// Random `version 1.26` scenarios for the differential run against Go 1.26 (random126.mjs):
// every key kind the oracle runs (so every assign path: fast32, fast64, faststr, generic), small
// and large key universes (churn that makes tombstones, pruning, grows and splits), hints around
// the sizing boundaries, iteration with mutation, clears and collide. No NaN keys: their hash is a
// fresh random number at every hashing, which nothing can pin.

// A small deterministic generator (mulberry32), so a run is repeated from its seed.
export function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Key kinds with how their keys are written; universe indices map to distinct keys.
const KEY_KINDS = [
  { type: 'int64', weight: 5, key: (i) => String(i - 3) },
  { type: 'int32', weight: 2, key: (i) => String(i * 7) },
  { type: 'string', weight: 4, key: (i) => `s${i}` },
  { type: 'float64', weight: 2, key: (i) => (i === 0 ? '-0' : i === 1 ? '+Inf' : i === 2 ? '-Inf' : String(i / 4)) },
  { type: '[16]byte', weight: 3, key: (i) => `b${i}` },
  { type: '[4]byte', weight: 1, key: (i) => i.toString(36) },
  { type: '[8]byte', weight: 1, key: (i) => `e${i}` },
  { type: '[3]byte', weight: 1, key: (i) => i.toString(36) },
  { type: '[64]byte', weight: 1, key: (i) => `long-key-${i}` },
  { type: '[200]byte', weight: 1, key: (i) => `indirect-${i}` },
];
const ELEMS = [['int64', 8], ['[8]byte', 1], ['[200]byte', 1]];
const HINTS = [0, 3, 8, 9, 14, 15, 28, 29, 100, 448, 449, 896, 897];
const UNIVERSES = [6, 9, 12, 20, 40, 100, 300, 1200];

const weighted = (random, entries, weightOf) => {
  const total = entries.reduce((s, e) => s + weightOf(e), 0);
  let r = random.next() * total;
  for (const e of entries) if ((r -= weightOf(e)) < 0) return e;
  return entries.at(-1);
};

export function randomSwissScenario(random) {
  const kind = weighted(random, KEY_KINDS, (k) => k.weight);
  const [elem] = weighted(random, ELEMS, (e) => e[1]);
  const universe = random.pick(UNIVERSES);
  // [3]byte and [4]byte keys are short texts (and fill's k1, k2, … must fit): small universes;
  // collide's candidates (c1, c2, …) would not fit them either.
  const shortKeys = kind.type === '[3]byte' || kind.type === '[4]byte';
  const size = shortKeys ? Math.min(universe, 40) : universe;
  const lines = ['version 1.26', `map[${kind.type}]${elem}`];
  if (random.chance(0.3)) lines.push(`hint ${random.pick(HINTS)}`);

  const value = (i) => (elem === 'int64' ? String(i) : `v${i}`);
  const opCount = 20 + random.int(size > 100 ? 60 : 140);
  let open = false; // a `range` iterator is open
  let generated = 0; // keys made by fill/collide, addressable as @N
  let filled = 0; // fill's own counter: its keys k1, k2, … must fit the key type
  const fillLimit = kind.type === '[3]byte' ? 99 : kind.type === '[4]byte' ? 999 : Infinity;
  if (size > 100 && random.chance(0.6)) {
    const n = Math.floor(size * (0.5 + random.next() * 0.5));
    lines.push(`fill ${n}`);
    generated += n;
    filled += n;
  }
  for (let i = 0; i < opCount; i++) {
    const k = kind.key(random.int(size));
    const r = random.next();
    if (r < 0.36) lines.push(`set ${k} ${value(i)}`);
    else if (r < 0.60) lines.push(`del ${k}`);
    else if (r < 0.68) lines.push(`get ${k}`);
    else if (r < 0.70 && filled + 20 <= fillLimit) {
      const n = 1 + random.int(20);
      lines.push(`fill ${n}`);
      generated += n;
      filled += n;
    }
    else if (r < 0.72 && generated > 0) lines.push(`del @${1 + random.int(generated)}`);
    else if (r < 0.75) lines.push('iter');
    else if (r < 0.79 && !open) { lines.push('range'); open = true; }
    else if (r < 0.88 && open) lines.push(`next ${1 + random.int(random.chance(0.2) ? 200 : 6)}`);
    else if (r < 0.90) lines.push('clear');
    else if (r < 0.91 && !shortKeys) { const n = 1 + random.int(6); lines.push(`collide 0 ${n}`); generated += n; }
    else lines.push(`set ${k} ${value(i)}`);
  }
  return lines.join('\n') + '\n';
}

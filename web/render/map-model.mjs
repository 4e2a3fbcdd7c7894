// What the drawing needs, read from the map's bytes at this moment: the
// header, the bucket arrays as chains (all of them for small maps, a window
// of them for big ones), the preallocated overflow pool, and an index from
// bucket address to where that bucket sits, so trace events (which carry
// addresses) can be placed on the picture.
import { addr, oldArrayLength, SAME_SIZE_GROW } from '../player/heap-scan.mjs';
import { EMPTY_ONE } from '../player/tophash.mjs';

export const DETAIL_MAX_BUCKETS = 512;
export const WINDOW_BUCKETS = 32;
export const POOL_BOXES = 48;

/** full (key and value inline) → keys → compact (tophash only) → overview. */
export function densityFor(nBuckets) {
  if (nBuckets <= 16) return 'full';
  if (nBuckets <= 64) return 'keys';
  if (nBuckets <= DETAIL_MAX_BUCKETS) return 'compact';
  return 'overview';
}

/**
 * One bucket array as drawn: the chains of buckets from `from` on (all of
 * them, or a window), out of n.
 * @typedef {{ old: boolean, addr: string, n: number, from: number,
 *   chains: import('../../wasm/gomap').Chain[], sameSize?: boolean }} BucketArrayView
 */

/**
 * @param {import('../../wasm/gomap').GoMap} map
 * @param {{ windowFrom?: number, windowSize?: number, density?: string }} options
 */
export function readModel(map, { windowFrom = 0, windowSize = WINDOW_BUCKETS, density } = {}) {
  const header = map.header();
  const model = { header, density: 'full', newArray: /** @type {BucketArrayView} */ (null), oldArray: /** @type {BucketArrayView} */ (null), pool: null, index: new Map() };
  if (!header.created || header.buckets === '0') return model;
  const n = 2 ** header.B;
  const growing = header.oldbuckets !== '0';
  const sameSize = (header.flags & SAME_SIZE_GROW) !== 0;
  const nOld = growing ? oldArrayLength(header) : 0;
  model.density = density && density !== 'auto' ? density : densityFor(n);
  if (model.density === 'overview' && n <= 16) model.density = 'full';
  // A cell per slot for tens of thousands of buckets takes gigabytes and
  // kills the tab: past the detail limit every requested density (an
  // attribute, or the page's fit made for the map before a big fill) is
  // drawn as the overview.
  if (n > DETAIL_MAX_BUCKETS) model.density = 'overview';
  let newChains;
  let oldChains = null;
  let newFrom = 0;
  let oldFrom = 0;
  if (model.density !== 'overview') {
    const s = map.state();
    newChains = s.buckets;
    oldChains = growing ? s.oldbuckets : null;
    readStaleKeys(map, header, [newChains, oldChains]);
  } else {
    newFrom = Math.max(0, Math.min(n - windowSize, windowFrom));
    newChains = map.chains(false, newFrom, Math.min(windowSize, n));
    if (growing) {
      // The old buckets that feed the window's buckets.
      oldFrom = newFrom % nOld;
      const count = Math.min(windowSize, nOld);
      oldFrom = Math.max(0, Math.min(nOld - count, oldFrom));
      oldChains = map.chains(true, oldFrom, count);
    }
  }
  model.newArray = { old: false, addr: header.buckets, n, from: newFrom, chains: newChains };
  if (growing) model.oldArray = { old: true, addr: header.oldbuckets, n: nOld, from: oldFrom, chains: oldChains, sameSize };
  for (const arr of [model.newArray, model.oldArray]) {
    if (!arr) continue;
    arr.chains.forEach((chain, i) => {
      chain.forEach((b, pos) => model.index.set(b.addr, { old: arr.old, index: arr.from + i, pos }));
    });
  }
  model.pool = readPool(header, model.index);
  return model;
}

// The preallocated overflow buckets follow the 2^B primary ones in the
// same allocation; nextOverflow points at the first unused one (0 when
// none are left).
function readPool(header, index) {
  const bs = header.type.bucketsize;
  const n = 2 ** header.B;
  const total = (header.arrayBuckets ?? n) - n;
  if (total <= 0) return null;
  const base = addr(header.buckets);
  const next = addr(header.nextOverflow);
  const firstFree = next ? (next - base) / bs - n : total;
  const pool = { total, unused: total - Math.min(total, firstFree), buckets: null };
  // A big pool is drawn as a meter; only a small one bucket by bucket.
  if (total > POOL_BOXES) return pool;
  pool.buckets = [];
  for (let i = 0; i < total; i++) {
    const a = (base + (n + i) * bs).toString(16);
    const where = index.get(a);
    pool.buckets.push({ addr: a, used: i < firstFree, chain: where ? where.index : null, next: next && i === firstFree });
  }
  return pool;
}

// A deleted key of a pointer-free type keeps its bytes in the slot (only
// the element is zeroed, spec §4.4): the dump leaves them out, so read them
// from the heap, for the numeric key types, and only where they are not
// all zero (a slot never written holds zeros).
const STALE_READERS = {
  int64: (dv, o) => dv.getBigInt64(o, true).toString(),
  int32: (dv, o) => String(dv.getInt32(o, true)),
  float64: (dv, o) => {
    const v = dv.getFloat64(o, true);
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return '+Inf';
    if (v === -Infinity) return '-Inf';
    return Object.is(v, -0) ? '-0' : String(v);
  },
};

function readStaleKeys(map, header, arrays) {
  const kind = /^map\[(int64|int32|float64)\]/.exec(header.type.name)?.[1];
  if (!kind || header.type.hasPointers || header.type.indirectKey) return;
  const read = STALE_READERS[kind];
  const ks = header.type.keysize;
  map.withHeap((view, base) => {
    const dv = new DataView(view.buffer, view.byteOffset, view.byteLength);
    for (const chains of arrays) {
      for (const chain of chains ?? []) {
        for (const b of chain) {
          const at = addr(b.addr) - base + 8;
          for (let s = 0; s < 8; s++) {
            if (b.t[s] > EMPTY_ONE || b.k[s] !== null) continue; // only emptyRest/emptyOne slots
            let zero = true;
            for (let i = 0; i < ks; i++) if (view[at + s * ks + i] !== 0) zero = false;
            if (zero) continue;
            (b.stale ??= [])[s] = read(dv, at + s * ks);
          }
        }
      }
    }
  });
}

/** Where a bucket address sits, in words: "bucket 3", "overflow 1 of bucket 3". */
export function describeBucket(model, a) {
  const w = model.index.get(a);
  if (!w) return `the bucket at 0x${a}`;
  const arr = w.old ? 'old bucket' : 'bucket';
  return w.pos === 0 ? `${arr} ${w.index}` : `overflow bucket ${w.pos} of ${arr} ${w.index}`;
}

/** The key text stored at (bucket address, slot), if the dump shows one. */
export function keyAt(model, a, slot) {
  const w = model.index.get(a);
  if (!w) return null;
  const arr = w.old ? model.oldArray : model.newArray;
  const chain = arr.chains[w.index - arr.from];
  return chain?.[w.pos]?.k[slot] ?? null;
}

// Reading a whole bucket array straight from the simulated heap, for maps
// too big to pass through JSON: per bucket, how many live entries its chain
// holds, how long the chain is, and (for an old array) whether it has been
// evacuated. Layout per spec §2.3: tophash[8] at the start of a bucket, the
// overflow pointer in its last 8 bytes, little-endian.
import { MIN_TOP_HASH, EVACUATED_X, EVACUATED_EMPTY, BUCKET_CNT } from './tophash.mjs';
import { SCHEMA } from '../share/core-schema.mjs';

export const addr = (hex) => (hex ? parseInt(hex, 16) : 0);

// hmap.flags' sameSizeGrow bit: the grow in progress keeps the size
// (overflow buckets only), so the old array has as many buckets as the new one.
export const SAME_SIZE_GROW = SCHEMA.buckets.flags.sameSizeGrow;

/** The number of buckets of a growing map's old array (2^B or 2^(B-1)). */
export function oldArrayLength(header) {
  return header.flags & SAME_SIZE_GROW ? 2 ** header.B : 2 ** (header.B - 1);
}

/**
 * @param {import('../../wasm/gomap').GoMap} map
 * @param {{ array: number, n: number, bucketsize: number }} which
 * @returns {{ live: Uint16Array, chain: Uint8Array, evacuated: Uint8Array,
 *             liveTotal: number, overflowTotal: number }}
 */
export function scanArray(map, { array, n, bucketsize }) {
  // The overview and the stats scan the same array for one moment; a
  // million keys are 2^18 buckets, ~20 ms a scan on the main thread.
  const memo = memos.get(map);
  const key = `${array}:${n}:${bucketsize}`;
  const known = memo?.get(key);
  if (known) return known;
  const result = scan(map, { array, n, bucketsize });
  memo?.set(key, result);
  return result;
}

// Scans remembered per map, for maps whose owner (the Player) says when
// their bytes move: it calls trackScans once and forgetScans at every
// change of the session. A map nobody tracks is scanned every time.
const memos = new WeakMap();

/** Remember scans of `map` until forgetScans(map). The results are shared: read them, never write. */
export function trackScans(map) {
  memos.set(map, new Map());
}

/** The bytes of `map` changed (or may have): its remembered scans are stale. */
export function forgetScans(map) {
  memos.get(map)?.clear();
}

function scan(map, { array, n, bucketsize }) {
  const live = new Uint16Array(n);
  const chain = new Uint8Array(n);
  const evacuated = new Uint8Array(n);
  let liveTotal = 0;
  let overflowTotal = 0;
  map.withHeap((view, base) => {
    const dv = new DataView(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < n; i++) {
      let b = array + i * bucketsize;
      const first = b - base;
      const t0 = view[first];
      evacuated[i] = t0 >= EVACUATED_X && t0 <= EVACUATED_EMPTY ? 1 : 0;
      let len = 0;
      let count = 0;
      // Chains are short; the cap only guards against a corrupted link.
      while (b !== 0 && len < 255) {
        const off = b - base;
        if (off < 0 || off + bucketsize > view.length) break;
        for (let s = 0; s < BUCKET_CNT; s++) if (view[off + s] >= MIN_TOP_HASH) count++;
        len++;
        const p = off + bucketsize - 8;
        b = dv.getUint32(p, true) + dv.getUint32(p + 4, true) * 2 ** 32;
      }
      live[i] = count;
      chain[i] = len;
      liveTotal += count;
      overflowTotal += len - 1;
    }
  });
  return { live, chain, evacuated, liveTotal, overflowTotal };
}

/** Chain length → number of chains of that length. */
export function chainHistogram(chain) {
  const counts = new Uint32Array(256);
  let longest = -1;
  for (let i = 0; i < chain.length; i++) {
    const len = chain[i];
    counts[len]++;
    if (len > longest) longest = len;
  }
  return Array.from(counts.subarray(0, longest + 1));
}

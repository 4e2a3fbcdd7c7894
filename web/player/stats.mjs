// Numbers about the map at one moment, from its header and a scan of its
// bucket arrays: load factor against 6.5, overflow buckets, bytes, and how
// long the chains are.
import { LOAD_FACTOR } from './tophash.mjs';
import { addr, chainHistogram, scanArray } from './heap-scan.mjs';

/**
 * @param {import('../../wasm/gomap').GoMap} map
 * @param {import('../../wasm/gomap').Header} header map.header()
 */
export function mapStats(map, header) {
  const out = {
    count: header.count ?? 0,
    B: header.B ?? 0,
    buckets: header.created && header.buckets !== '0' ? 2 ** header.B : 0,
    loadFactor: 0,
    limit: LOAD_FACTOR,
    noverflow: header.noverflow ?? 0,
    overflowBuckets: 0,
    arrayBytes: 0,
    oldArrayBytes: 0,
    heapBytes: header.heapUsed ?? 0,
    histogram: [],
  };
  if (!out.buckets) return out;
  const bs = header.type.bucketsize;
  out.loadFactor = out.count / out.buckets;
  out.arrayBytes = header.arrayBuckets * bs;
  const scan = scanArray(map, { array: addr(header.buckets), n: out.buckets, bucketsize: bs });
  out.overflowBuckets = scan.overflowTotal;
  out.histogram = chainHistogram(scan.chain);
  if (header.oldbuckets && header.oldbuckets !== '0') {
    const sameSize = (header.flags & 8) !== 0;
    out.oldArrayBytes = (sameSize ? out.buckets : out.buckets / 2) * bs;
  }
  return out;
}

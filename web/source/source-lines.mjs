// Which line of Go 1.14.2's map.go a micro-step is: a trace event's
// function (core/trace.h TraceFunc, as the player names it) and kind
// (TraceKind) give the function shown and a piece of the line's text
// (the first line holding it; `last` for the last one). DOM-free, so the
// node tests can hold every anchor to the source data.
import { FUNCTIONS } from './map-go-1.14.2.mjs';

// The player's function name → the function of map.go shown for it.
const SHOWN = { mapaccess: 'mapaccess1', mapaccess2: 'mapaccess1' };

// Lines that are the same step in every function that reads a bucket.
const PROBE = {
  hashKey: 'hash := t.hasher(key',
  pickBucket: 'bucket := hash & bucketMask(h.B)',
  compareTophash: 'if b.tophash[i] != top {',
  stopAtEmptyRest: 'if b.tophash[i] == emptyRest {',
};

export const ANCHORS = {
  makemap: { reseed: 'h.hash0 = fastrand()' },
  mapaccess1: {
    ...PROBE,
    pickBucket: 'b := (*bmap)(add(h.buckets, (hash&m)',
    checkOldBucket: 'if !evacuated(oldb) {',
    compareKey: 'if t.key.equal(key, k) {',
    found: 'return e',
    notFound: { text: 'return unsafe.Pointer(&zeroVal[0])', last: true },
  },
  mapassign: {
    ...PROBE,
    allocFirstBucket: 'h.buckets = newobject(t.bucket)',
    checkOldBucket: 'growWork(t, h, bucket)',
    compareKey: 'if !t.key.equal(key, k) {',
    found: 'goto done',
    updateKey: 'typedmemmove(t.key, k, key)',
    growStart: 'hashGrow(t, h)',
    claimSlot: '*inserti = top',
  },
  newoverflow: {
    overflowPrealloc: 'ovf = h.extra.nextOverflow',
    overflowFresh: 'ovf = (*bmap)(newobject(t.bucket))',
    countOverflow: 'h.incrnoverflow()',
  },
  hashGrow: { growStart: 'newbuckets, nextOverflow := makeBucketArray(t, h.B+bigger, nil)' },
  growWork: {
    checkOldBucket: 'evacuate(t, h, bucket&h.oldbucketmask())',
    evacuateBucket: 'evacuate(t, h, bucket&h.oldbucketmask())',
  },
  evacuate: {
    evacuateBucket: 'if !evacuated(b) {',
    hashKey: 'hash := t.hasher(k2, uintptr(h.hash0))',
    evacuateEmpty: 'b.tophash[i] = evacuatedEmpty',
    evacuateEntry: 'b.tophash[i] = evacuatedX + useY',
    overflowPrealloc: 'dst.b = h.newoverflow(t, dst.b)',
    overflowFresh: 'dst.b = h.newoverflow(t, dst.b)',
    countOverflow: 'dst.b = h.newoverflow(t, dst.b)',
    clearOldBucket: 'memclrHasPointers(ptr, n)',
    advanceNevacuate: 'advanceEvacuationMark(h, t, newbit)',
  },
  advanceEvacuationMark: {
    advanceNevacuate: 'h.nevacuate++',
    growFinish: 'h.oldbuckets = nil',
  },
  mapdelete: {
    ...PROBE,
    checkOldBucket: 'growWork(t, h, bucket)',
    compareKey: 'if !t.key.equal(key, k2) {',
    found: 'e := add(unsafe.Pointer(b), dataOffset+bucketCnt',
    notFound: 'if h == nil || h.count == 0 {',
    markEmptyOne: 'b.tophash[i] = emptyOne',
    promoteEmptyRest: 'b.tophash[i] = emptyRest',
    countDown: 'h.count--',
  },
  mapiterinit: {
    iterStart: 'it.startBucket = r & bucketMask(h.B)',
  },
  mapiternext: {
    iterBucket: 'if h.growing() && it.B == h.B {',
    iterSkip: 'if isEmpty(b.tophash[offi]) || b.tophash[offi] == evacuatedEmpty {',
    iterYield: 'it.key = k',
    iterWrap: 'it.wrapped = true',
    iterEnd: 'if bucket == it.startBucket && it.wrapped {',
    hashKey: 'hash := t.hasher(k, uintptr(h.hash0))',
    found: 'rk, re := mapaccessK(t, h, k)',
    notFound: 'if rk == nil {',
  },
};

/**
 * The function and line (from 0) of map.go for a trace event; line null
 * when the step has no line of its own there (then the function is
 * shown without one), fn null when map.go has no such function here.
 * @param {{ e: string, fn: string }} event
 * @returns {{ fn: string|null, line: number|null, lines: string[]|null }}
 */
export function sourceLine(event) {
  const fn = SHOWN[event.fn] ?? event.fn;
  const lines = FUNCTIONS[fn];
  if (!lines) return { fn: null, line: null, lines: null };
  const anchor = ANCHORS[fn]?.[event.e];
  if (!anchor) return { fn, line: null, lines };
  const { text, last = false } = typeof anchor === 'string' ? { text: anchor } : anchor;
  const line = last ? lines.findLastIndex((l) => l.includes(text)) : lines.findIndex((l) => l.includes(text));
  return { fn, line: line < 0 ? null : line, lines };
}

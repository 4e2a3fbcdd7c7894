// The strip of figures compare mode shows for each side: bytes in use,
// bytes per entry, load factor, average and longest probe (for Go 1.14 the
// buckets read along a chain), entries moved by the last growth, and
// whether a growth is still in progress. Everything comes from the
// session's own state (header().heapUsed, the dumped buckets and tables)
// and from the hashes and trace events the core reported; nothing is
// estimated. DOM-free: the page and tests/web/compare.test.mjs share it.

import { SCHEMA } from '../share/core-schema.mjs';

const BUCKET_SLOTS = SCHEMA.buckets.bucketCnt; // slots per bucket (1.14)
const GROUP_SLOTS = SCHEMA.swiss.groupSlots; // slots per group (1.26)
const { ctrlEmpty: CTRL_EMPTY, ctrlDeleted: CTRL_DELETED } = SCHEMA.swiss;
const MIN_TOP_HASH = SCHEMA.buckets.minTopHash; // 1.14 tophash below it marks an empty or evacuated slot

function spread(lengths) {
  if (!lengths.length) return { average: 0, longest: 0 };
  const sum = lengths.reduce((a, b) => a + b, 0);
  return { average: sum / lengths.length, longest: Math.max(...lengths) };
}

/**
 * Go 1.14's bucket map. `state` is GoMap.state(); `moved` the entries
 * evacuated since the last growth began (null when not traced).
 * probe: buckets read to find each live key (1 = in its primary bucket).
 */
export function bucketFigures(state, moved = null) {
  const h = state.header;
  const count = h.count ?? 0;
  const primary = h.created && h.buckets !== '0' ? 2 ** (h.B ?? 0) : 0;
  const lengths = [];
  for (const chains of [state.buckets, state.oldbuckets]) {
    for (const chain of chains ?? []) {
      chain.forEach((bucket, depth) => {
        for (let s = 0; s < BUCKET_SLOTS; s++) {
          if (bucket.t[s] >= MIN_TOP_HASH && bucket.k[s] !== null && bucket.k[s] !== undefined) lengths.push(depth + 1);
        }
      });
    }
  }
  const chains = (state.buckets ?? []).map((c) => c.length);
  return {
    version: '1.14',
    count,
    bytes: h.heapUsed ?? 0,
    bytesPerEntry: count ? (h.heapUsed ?? 0) / count : null,
    // Entries over slots in the primary buckets (Go's own limit is 6.5 per
    // bucket, 81% of 8 slots).
    loadFactor: primary ? count / (primary * BUCKET_SLOTS) : 0,
    probe: spread(lengths),
    longestChain: chains.length ? Math.max(...chains) : 0,
    moved,
    growing: Boolean(h.oldbuckets && h.oldbuckets !== '0'),
  };
}

/** Groups visited to reach group `g` from the key's start, in a table of `groups`. */
export function probeLength(h1, groups, g) {
  const mask = BigInt(groups - 1);
  let p = h1 & mask;
  for (let i = 0; i < groups; i++) {
    if (Number(p) === g) return i + 1;
    p = (p + BigInt(i + 1)) & mask;
  }
  return null; // the key is not on its own probe sequence: a model bug
}

/**
 * Go 1.26's Swiss table. `state` is SwissGoMap.state(); `hashOf(key)` the
 * key's hash as 16 hex digits (the core's, with the seed in force);
 * `moved` the entries the last rehash (or small-to-table) moved.
 * probe: groups read to find each live key (1 = in its first group).
 */
export function swissFigures(state, hashOf, moved = null) {
  const h = state.header;
  const sw = state.swiss ?? {};
  const count = h.count ?? 0;
  const lengths = [];
  let capacity = 0;
  if (sw.small) {
    capacity = GROUP_SLOTS;
    for (const c of sw.small.ctrl) if (c !== CTRL_EMPTY && c !== CTRL_DELETED) lengths.push(1);
  }
  let missing = 0;
  for (const t of sw.tables ?? []) {
    capacity += t.capacity;
    t.groups.forEach((group, g) => {
      group.ctrl.forEach((c, s) => {
        if (c === CTRL_EMPTY || c === CTRL_DELETED) return;
        const hash = hashOf(group.s[s].k);
        if (!hash) { missing++; return; }
        lengths.push(probeLength(BigInt(`0x${hash}`) >> 7n, t.groups.length, g));
      });
    });
  }
  return {
    version: '1.26',
    count,
    bytes: h.heapUsed ?? 0,
    bytesPerEntry: count ? (h.heapUsed ?? 0) / count : null,
    // Entries over slots (Go's limit is 7/8 of each table's slots).
    loadFactor: capacity ? count / capacity : 0,
    probe: missing ? null : spread(lengths),
    tables: sw.tables?.length ?? 0,
    moved,
    // A table is rebuilt inside one operation: a growth is never left half done.
    growing: false,
  };
}

/**
 * Entries moved by the last growth up to op n (inclusive), from the ops'
 * trace events (null entries: the op ran untraced). Go 1.14 counts every
 * evacuateEntry since the last growStart; Go 1.26 the moveEntry events of
 * the last op that rehashed or turned the small map into a table.
 */
export function movedByLastGrowth(version, eventsOfOps) {
  const starts = version === '1.26' ? ['rehash', 'growToTable'] : ['growStart'];
  const move = version === '1.26' ? 'moveEntry' : 'evacuateEntry';
  let moved = 0;
  for (let j = eventsOfOps.length - 1; j >= 0; j--) {
    const events = eventsOfOps[j];
    if (events === null) return null;
    let begun = -1;
    for (let i = events.length - 1; i >= 0; i--) if (starts.includes(events[i].e)) { begun = i; break; }
    if (version === '1.26') {
      if (begun >= 0) return events.slice(begun).filter((e) => e.e === move).length;
      continue;
    }
    moved += events.slice(Math.max(begun, 0)).filter((e) => e.e === move).length;
    if (begun >= 0) return moved;
  }
  return version === '1.26' ? 0 : moved;
}

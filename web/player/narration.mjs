// One sentence per micro-step, and one per finished operation. The event
// fields are those of core/trace.h; the words are ours. Each sentence names
// what the runtime is doing in the map's terms (buckets, slots, tophash
// states), so that with the picture beside it a reader can follow Go's
// algorithm without reading its source.
import { hex2, slotState, LOAD_FACTOR, MIN_TOP_HASH } from './tophash.mjs';
import { tokenize } from './scenario-text.mjs';
import { SCHEMA } from '../share/core-schema.mjs';

// The suffix of each variant's functions (mapassign_fast64), the core's.
const SUFFIX = Object.fromEntries(SCHEMA.variants.filter((v) => v.suffix).map((v) => [v.name, v.suffix]));
// The runtime functions that have specialised copies for 4-byte, 8-byte and
// string keys (map_fast32.go, map_fast64.go, map_faststr.go).
const HAS_FAST = new Set(['mapaccess1', 'mapaccess2', 'mapassign', 'mapdelete', 'growWork', 'evacuate']);

/** The Go function an event belongs to, with the map's fast suffix. */
export function goFunction(fn, variant) {
  return HAS_FAST.has(fn) && SUFFIX[variant] ? fn + SUFFIX[variant] : fn;
}

const hexOf = (v) => BigInt('0x' + (v || '0'));
const num = (v) => Number(hexOf(v));
// hash0 as the header panel shows it, so the two can be matched.
const hex32 = (n) => `0x${Number(n).toString(16).padStart(8, '0')}`;
const th = (t) => `0x${hex2(t)}`;

/**
 * A count with its noun, singular for one ("1 key", "2 keys", "1 entry",
 * "7 entries"), the number grouped as the page writes big ones.
 */
export function counted(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A key as a reader sees it: strings quoted, numbers bare. */
export function showKey(key, keyIsText) {
  if (key === null || key === undefined) return 'the key';
  return keyIsText ? JSON.stringify(key) : key;
}

/**
 * @param {import('../../wasm/gomap').TraceEvent} e a trace event
 * @param {{ variant?: string, kind?: string, command?: string, B?: number, keyIsText?: boolean,
 *   keyAt?: (addr: string, slot: number) => string | null, keyForHash?: (hex: string) => string | null,
 *   where?: (addr: string, slot?: number) => string, next?: import('../../wasm/gomap').TraceEvent | null }} ctx {
 *   variant, kind, command, B, keyIsText,
 *   keyAt(addr, slot) → key text or null,
 *   keyForHash(hex) → key text or null,
 *   where(addr, slot?) → "bucket 3, slot 2" etc.,
 *   next → the event after this one (or null) }
 * @returns {{ fn: string, text: string }}
 */
export function narrateEvent(e, ctx) {
  const fn = goFunction(e.fn, ctx.variant);
  return { fn, text: sentence(e, ctx, fn) };
}

function opKey(ctx) {
  const t = tokenize(ctx.command ?? '');
  return ['set', 'del', 'get', 'hash'].includes(t[0]) ? t[1] : null;
}

// What the map's hasher did with the key, for a hashKey step. Go's hash
// functions (1.14's fallback, or 1.19's) mix the map's seed, hash0, into
// every hash; the identity hasher of the lessons takes the key's own bits
// and no seed, so the same key hashes alike in every map. f64hash gives
// the two zeros and NaN their own treatment (spec §7.3).
function hashing(k, ctx) {
  const K = showKey(k, ctx.keyIsText);
  if (ctx.hasher === 'identity') {
    // An int32 key is sign-extended, so -1 hashes to 0xffff…ffff.
    const widened = ctx.variant === 'fast32' ? ', sign-extended to 64 bits' : '';
    return `The identity hasher hashes ${K} to its own bits${widened}, with no seed`;
  }
  const seed = ctx.hash0 === undefined ? `the map's seed` : `the map's seed (hash0 = ${hex32(ctx.hash0)})`;
  // Keys as the core prints them: `-0`, `NaN` (not Number's: `+Inf` is no number to it).
  const text = String(k ?? '').trim();
  if (ctx.floatKeys && text !== '') {
    if (Number(text) === 0) return `f64hash hashes both zeros alike, from ${seed} alone, not the key's bits`;
    if (/^[+-]?nan$/i.test(text)) {
      const so = ctx.kind === 'set' ? 'so no lookup can find this key again' : 'so this search cannot find any NaN key';
      return `f64hash hashes NaN from ${seed} and a fresh random number, ${so}`;
    }
  }
  const fn = ctx.hasher === 'go119' ? `Go 1.19's hash` : ctx.hasher === 'go114' ? `Go 1.14's hash` : null;
  return fn ? `Hash ${K} with ${fn} and ${seed}` : `Hash ${K} with ${seed}`;
}

function sentence(e, ctx, fn) {
  const K = (k) => showKey(k, ctx.keyIsText);
  const key = opKey(ctx);
  const where = (slot) => ctx.where(e.addr, slot);
  const keyHere = () => ctx.keyAt(e.addr, e.slot);
  switch (e.e) {
    case 'hashKey': {
      const k = ctx.keyForHash(e.value) ?? (e.fn === 'evacuate' ? null : key);
      const h = e.value.padStart(16, '0');
      const top = Number(hexOf(e.value) >> 56n);
      const plus = top < MIN_TOP_HASH ? ` (its top byte ${th(top)} is below ${MIN_TOP_HASH}, so ${MIN_TOP_HASH} is added)` : '';
      if (e.fn === 'evacuate') {
        return `Rehash ${K(k)} to learn which half of the new array it belongs to: 0x${h}.`;
      }
      if (e.value2 === 1) return `${K(k)} has a pinned hash: 0x${h}; its tophash is ${th(e.tophash)}${plus}.`;
      return `${hashing(k, ctx)}: 0x${h}. Its top byte gives the tophash ${th(e.tophash)}${plus}.`;
    }
    case 'skipHash':
      return `The map has a single bucket, so ${fn} skips hashing and compares keys directly.`;
    case 'pickBucket': {
      const B = ctx.B;
      if (B === 0) return `B is 0: there is only bucket 0.`;
      const bits = (Number(hexOf(e.value) & ((1n << BigInt(B)) - 1n))).toString(2).padStart(B, '0');
      return B === 1 ? `The low bit of the hash, ${bits}, picks bucket ${e.bucket}.` : `The low ${B} bits of the hash, ${bits}, pick bucket ${e.bucket}.`;
    }
    case 'checkOldBucket':
      return e.value === '1'
        ? `The map is growing; old bucket ${e.bucket} has already been evacuated, so the search uses the new bucket.`
        : `The map is growing and old bucket ${e.bucket} has not been evacuated yet: its keys are still there, so the search reads it instead.`;
    case 'compareTophash': {
      const want = num(e.value);
      const s = slotState(e.tophash);
      if (e.value2 === 1) return `Slot ${e.slot} holds tophash ${th(e.tophash)}, the same as ours: compare the keys.`;
      if (s.name === 'emptyRest') return `Slot ${e.slot} holds ${th(e.tophash)}, emptyRest: not our key, and no key lies beyond it.`;
      if (s.name === 'emptyOne') {
        return e.fn === 'mapassign'
          ? `Slot ${e.slot} is emptyOne, a hole left by a delete: a new key could go here, but the key may still be further on.`
          : `Slot ${e.slot} is emptyOne, a hole: keep looking.`;
      }
      if (e.tophash === want && ctx.variant === 'faststr') {
        return `Slot ${e.slot} has our tophash but a key of another length: not it.`;
      }
      return `Slot ${e.slot} holds tophash ${th(e.tophash)}, not ${th(want)}: not our key.`;
    }
    case 'compareKey': {
      const stored = keyHere();
      if (e.value2 === 1) {
        return e.value === '1'
          ? `Slot ${e.slot}: same length and the same first and last 4 bytes — a candidate.`
          : `Slot ${e.slot}: a long key whose first or last 4 bytes differ — skipped without hashing.`;
      }
      const fast = (ctx.variant === 'fast64' || ctx.variant === 'fast32') && e.fn !== 'mapiternext';
      const lead = fast ? `${fn} compares the key bytes in slot ${e.slot}` : `Compare the key in slot ${e.slot}`;
      return e.value === '1'
        ? `${lead}: ${K(stored ?? key)} — equal.`
        : `${lead}: ${stored !== null ? K(stored) : 'another key'} is not ${K(key)}.`;
    }
    case 'stopAtEmptyRest':
      return `Slot ${e.slot} is emptyRest: nothing lives after it in this chain, so the scan stops here.`;
    case 'found':
      if (e.fn === 'mapassign') return `${K(key)} is already in ${where(e.slot)}: only its element is overwritten; count stays the same.`;
      if (e.fn === 'mapdelete') return `Found ${K(key)} in ${where(e.slot)}.`;
      if (e.fn === 'mapiternext') return `The moved key is still in the map, so the iterator yields it with its current value.`;
      return `Found ${K(key)} in ${where(e.slot)}.`;
    case 'notFound':
      if (e.fn === 'mapdelete') return ctx.countBefore === 0 ? `The map is empty: delete returns at once, without even hashing.` : `${K(key)} is not in the map: nothing to delete.`;
      if (e.fn === 'mapiternext') return `The moved key was deleted since the loop started, so it is not yielded.`;
      return `${K(key)} is not in the map: the lookup returns the zero value and false.`;
    case 'updateKey':
      return `The stored key's bytes are rewritten with the new key's (Go does this for keys that can be equal without being identical, such as -0 and +0).`;
    case 'claimSlot':
      return `Store ${K(key ?? keyHere())} in ${where(e.slot)} and write its tophash ${th(e.tophash)}; count goes up by one.`;
    case 'allocFirstBucket':
      return `The map has no bucket array yet (make allocates it lazily): allocate one bucket at 0x${e.addr}.`;
    case 'overflowPrealloc':
      return `Every slot of the chain is taken: newoverflow hands out the next preallocated overflow bucket (0x${e.addr}), to be linked after the chain's last bucket (0x${e.value}).`;
    case 'overflowFresh':
      return `Every slot of the chain is taken and no preallocated bucket is left: newoverflow allocates a new overflow bucket at 0x${e.addr}, to be linked after the chain's last bucket (0x${e.value}).`;
    case 'countOverflow':
      return e.value2 === 1
        ? `incrnoverflow: noverflow is now ${num(e.value)}.`
        : `incrnoverflow counts an overflow bucket only now and then once B ≥ 16 (with probability 1/2^(B−15)); this time it did not: noverflow stays ${num(e.value)}.`;
    case 'growStart':
      return e.value === '1'
        ? `One more key would take the load above ${LOAD_FACTOR} per bucket, so hashGrow doubles the array: B becomes ${e.value2} (${counted(2 ** e.value2, 'bucket')}). Nothing moves yet; the old array stays until every bucket is evacuated.`
        : `There are too many overflow buckets for ${counted(2 ** e.value2, 'bucket')}, so hashGrow starts a same-size grow: B stays ${e.value2}, and evacuation will repack the chains densely.`;
    case 'evacuateBucket':
      if (e.value === '1') return `Old bucket ${e.bucket} was already evacuated: nothing to do.`;
      return ctx.sameSize
        ? `Evacuate old bucket ${e.bucket}: its entries are repacked into new bucket ${e.bucket}.`
        : `Evacuate old bucket ${e.bucket}: each entry goes to new bucket ${e.bucket} (X) or ${e.bucket + ctx.noldbuckets} (Y), decided by hash bit ${ctx.B - 1}.`;
    case 'evacuateEntry': {
      const dest = num(e.value);
      const dslot = e.value2 & 0xff;
      const useY = (e.value2 >> 8) & 1;
      const moved = ctx.keyForEntry?.(e) ?? (ctx.prev?.e === 'hashKey' ? ctx.keyForHash(ctx.prev.value) : null);
      if (ctx.sameSize) return `Move ${K(moved)} from old slot ${e.slot} to bucket ${dest}, slot ${dslot}; the old slot is marked evacuatedX.`;
      return `Move ${K(moved)} from old slot ${e.slot} to ${useY ? 'Y' : 'X'}: bucket ${dest}, slot ${dslot} (hash bit ${ctx.B - 1} is ${useY}). The old slot is marked evacuated${useY ? 'Y' : 'X'} (${th(2 + useY)}).`;
    }
    case 'evacuateEmpty':
      return `Old slot ${e.slot} was empty: mark it evacuatedEmpty (0x04).`;
    case 'clearOldBucket':
      return `The evacuated old bucket's keys, elements and overflow link are zeroed so the garbage collector can reclaim what they pointed to; only its tophash bytes remain, telling readers where each entry went.`;
    case 'advanceNevacuate':
      return `advanceEvacuationMark: nevacuate moves to ${num(e.value)}; every old bucket below it is evacuated.`;
    case 'growFinish':
      return `Every old bucket has been evacuated: oldbuckets is dropped and the grow is over.`;
    case 'markEmptyOne':
      return ctx.hasPointers
        ? `Zero the key and element and mark slot ${e.slot} emptyOne (0x01): empty, but later slots of the chain may still be live.`
        : `Zero the element and mark slot ${e.slot} emptyOne (0x01): empty, but later slots may still be live. The key's bytes stay behind, unread.`;
    case 'promoteEmptyRest':
      return ctx.prev?.e === 'promoteEmptyRest'
        ? `The slot before it, slot ${e.slot}, was emptyOne too, so it also becomes emptyRest.`
        : `Nothing live follows slot ${e.slot}, so it becomes emptyRest (0x00): later searches can stop here.`;
    case 'countDown':
      return `Only now does count go down by one: the map holds ${counted(num(e.value), 'key')}.`;
    case 'clearMap':
      return `mapclear zeroes the whole bucket array and forgets overflow buckets and any grow in progress; B stays the same, count is 0.`;
    case 'iterStart':
      return `mapiterinit picks a random start: bucket ${num(e.value)}, and within every bucket it begins at slot ${e.value2} and wraps around.`;
    case 'iterBucket':
      if (e.old && e.value !== 'ffffffffffffffff') {
        return `Next bucket, ${e.bucket}. The loop started during a grow and old bucket ${e.bucket & (ctx.noldbuckets - 1)} is not evacuated yet, so the iterator reads the old bucket and keeps only the keys that belong to bucket ${e.bucket}.`;
      }
      if (e.old) return `Next bucket, ${e.bucket}, of the array the loop started on: the map has grown since, so that array is now oldbuckets.`;
      return `The iterator moves to bucket ${e.bucket}.`;
    case 'iterSkip':
      if (e.value === '1') return `Slot ${e.slot} belongs to the other half of the split: skipped here, it is yielded with its own bucket.`;
      if (e.value === '2') return `Slot ${e.slot}'s key was deleted since it was evacuated: skipped.`;
      return `Slot ${e.slot} is empty: skipped.`;
    case 'iterYield':
      return `Yield ${K(keyHere())} from slot ${e.slot}.`;
    case 'iterWrap':
      return `The bucket index wraps around to 0.`;
    case 'iterEnd':
      return e.fn === 'mapiterinit' ? `The map is empty: the loop body never runs (and no randomness is drawn).` : `Back at the start bucket: every bucket has been visited, the loop ends.`;
    case 'reseed':
      return `Go 1.19 gives an empty map a new seed: hash0 is now ${hex32(num(e.value))}.`;
    default:
      return `${e.e}.`;
  }
}

/**
 * The sentence for an operation's last step: what it did.
 * @param {{ command: string, kind?: string, outcome?: import('../../wasm/gomap').Outcome, traced?: boolean }} op
 * @param {import('../../wasm/gomap').TraceEvent[]|null} events
 * @param {import('../../wasm/gomap').Header} header the map after the op
 */
export function narrateDone(op, events, header, { keyIsText = true } = {}) {
  const t = tokenize(op.command);
  const K = (k) => showKey(k, keyIsText);
  const o = op.outcome ?? /** @type {Partial<import('../../wasm/gomap').Outcome>} */ ({});
  const has = (kind) => events?.some((e) => e.e === kind);
  const grow = events?.find((e) => e.e === 'growStart');
  const growText = grow ? (grow.value === '1' ? ` The map started growing to B=${grow.value2}.` : ` A same-size grow started.`) : '';
  const finished = has('growFinish') ? ' The grow finished.' : '';
  const count = header?.count ?? 0;
  switch (op.kind) {
    case 'set':
      if (!events) return `m[${K(t[1])}] = ${t[2] ?? '0'}. The map holds ${counted(count, 'key')}.`;
      return has('claimSlot')
        ? `m[${K(t[1])}] = ${t[2] ?? '0'} added a new key; the map holds ${count}.${growText}${finished}`
        : `m[${K(t[1])}] = ${t[2] ?? '0'} updated an existing key.${finished}`;
    case 'del':
      if (events && !has('markEmptyOne')) return `delete(m, ${K(t[1])}): the key was not there.${finished}`;
      return `delete(m, ${K(t[1])}) done; the map holds ${counted(count, 'key')}.${finished}`;
    case 'get': {
      const [v, ok] = String(o.result ?? '').split(' ');
      return ok === 'true' ? `v, ok := m[${K(t[1])}] gives ${v}, true.` : `v, ok := m[${K(t[1])}] gives the zero value, false.`;
    }
    case 'clear':
      return `The map is empty; it keeps its ${counted(2 ** (header?.B ?? 0), 'bucket')}.`;
    case 'fill':
      return `Inserted ${counted(Number(t[1]), 'generated key')}; the map holds ${count.toLocaleString('en-US')}.`;
    case 'collide':
      return Number(t[2]) === 1
        ? `Inserted 1 key that hashes to bucket ${t[1]}; the map holds ${count}.`
        : `Inserted ${counted(Number(t[2]), 'key')} that all hash to bucket ${t[1]}; the map holds ${count}.`;
    case 'hash':
      return `From now on ${K(t[1])} hashes to ${t[2]}, whatever the hasher says.`;
    case 'range':
      return o.keys?.length
        ? `for range started at bucket ${o.start}, slot offset ${o.offset}, and yielded ${K(o.keys[0])}.`
        : `for range over an empty map: nothing to yield.`;
    case 'next':
      return o.keys?.length ? `The iterator yielded ${o.keys.map(K).join(', ')}.${o.result === 'end' ? ' The loop is over.' : ''}` : `The loop is over: nothing more to yield.`;
    case 'iter':
      return `A whole for range loop from bucket ${o.start}, offset ${o.offset}, yielded ${counted(o.keys?.length ?? 0, 'key')}.`;
    case 'dump':
      return `No change.`;
    default:
      return op.command;
  }
}

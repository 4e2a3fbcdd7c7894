// The meaning of a tophash byte (spec §1). Values below minTopHash are
// states of a slot; from minTopHash up the byte is the top of a live key's
// hash. The values and names are the core's (web/share/core-schema.mjs);
// the words are the page's. Shared by the narration, the drawing and the
// table, so all three name a state the same way.
import { SCHEMA } from '../share/core-schema.mjs';

const BUCKETS = SCHEMA.buckets;
const valueOf = (name) => BUCKETS.tophashStates.find((s) => s.name === name).value;

export const EMPTY_ONE = valueOf('emptyOne');
export const EVACUATED_X = valueOf('evacuatedX');
export const EVACUATED_Y = valueOf('evacuatedY');
export const EVACUATED_EMPTY = valueOf('evacuatedEmpty');
export const MIN_TOP_HASH = BUCKETS.minTopHash;
export const BUCKET_CNT = BUCKETS.bucketCnt;

export const LOAD_FACTOR = BUCKETS.loadFactor;

/** The tophash states, { value, name } in value order (emptyRest first), as the core names them. */
export const TOPHASH_STATES = BUCKETS.tophashStates;

const WORDS = {
  emptyRest: { short: 'rest', what: 'empty, and so is every later slot of the chain' },
  emptyOne: { short: 'one', what: 'empty, but a later slot may be live' },
  evacuatedX: { short: '→X', what: 'moved to the X (same index) half of the new array' },
  evacuatedY: { short: '→Y', what: 'moved to the Y (index + old size) half of the new array' },
  evacuatedEmpty: { short: '→∅', what: 'was empty when its bucket was evacuated' },
};
/** @type {{name: string, short: string, what: string}[]} */
const STATES = [];
for (const s of BUCKETS.tophashStates) STATES[s.value] = { name: s.name, ...WORDS[s.name] };
const LIVE = { name: 'live', short: '', what: 'holds a key; the byte is the top 8 bits of its hash' };

/** @returns {{name: string, short: string, what: string}} */
export function slotState(tophash) {
  return tophash < MIN_TOP_HASH ? STATES[tophash] : LIVE;
}

export function hex2(byte) {
  return byte.toString(16).padStart(2, '0');
}

/** tophash(hash) from a 64-bit hash given as BigInt: the top byte, + minTopHash below it. */
export function tophashOf(hash) {
  const top = Number(hash >> 56n);
  return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
}

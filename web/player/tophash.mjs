// The meaning of a tophash byte (spec §1). Values below minTopHash are
// states of a slot; from 5 up the byte is the top of a live key's hash.
// Shared by the narration, the drawing and the table, so all three name a
// state the same way.

export const EMPTY_REST = 0;
export const EMPTY_ONE = 1;
export const EVACUATED_X = 2;
export const EVACUATED_Y = 3;
export const EVACUATED_EMPTY = 4;
export const MIN_TOP_HASH = 5;

export const LOAD_FACTOR = 6.5;

const STATES = [
  { name: 'emptyRest', short: 'rest', what: 'empty, and so is every later slot of the chain' },
  { name: 'emptyOne', short: 'one', what: 'empty, but a later slot may be live' },
  { name: 'evacuatedX', short: '→X', what: 'moved to the X (same index) half of the new array' },
  { name: 'evacuatedY', short: '→Y', what: 'moved to the Y (index + old size) half of the new array' },
  { name: 'evacuatedEmpty', short: '→∅', what: 'was empty when its bucket was evacuated' },
];
const LIVE = { name: 'live', short: '', what: 'holds a key; the byte is the top 8 bits of its hash' };

/** @returns {{name: string, short: string, what: string}} */
export function slotState(tophash) {
  return tophash < MIN_TOP_HASH ? STATES[tophash] : LIVE;
}

export function hex2(byte) {
  return byte.toString(16).padStart(2, '0');
}

/** tophash(hash) from a 64-bit hash given as BigInt: the top byte, +5 below 5. */
export function tophashOf(hash) {
  const top = Number(hash >> 56n);
  return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
}

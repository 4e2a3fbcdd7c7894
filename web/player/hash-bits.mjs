// The parts of a 64-bit hash that the map uses (spec §1, §4): the low B
// bits choose the bucket, the top byte becomes the tophash (plus 5 when it
// is below 5, since 0–4 mark slot states), and while the map doubles, bit
// B−1 sends an entry to the X or the Y half.
import { MIN_TOP_HASH } from './tophash.mjs';

/**
 * @param {string} hashHex 64-bit hash, hex without 0x
 * @param {number} B log2 of the number of buckets
 * @param {{ growing?: boolean, sameSize?: boolean }} grow
 */
export function hashParts(hashHex, B, { growing = false, sameSize = false } = {}) {
  const h = BigInt('0x' + (hashHex || '0'));
  const bits = h.toString(2).padStart(64, '0'); // bits[0] is bit 63
  const top = Number(h >> 56n);
  const mask = (1n << BigInt(B)) - 1n;
  const bucket = Number(h & mask);
  const parts = {
    hex: h.toString(16).padStart(16, '0'),
    bits,
    B,
    bucket,
    topByte: top,
    tophash: top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top,
    plus5: top < MIN_TOP_HASH,
    xyBit: null,
    oldBucket: null,
  };
  if (growing && B > 0) {
    if (sameSize) {
      parts.oldBucket = bucket;
    } else {
      parts.xyBit = B - 1;
      parts.oldBucket = Number(h & (mask >> 1n));
      parts.half = Number((h >> BigInt(B - 1)) & 1n) ? 'Y' : 'X';
    }
  }
  return parts;
}

/** What bit i (0 = least significant) is used for. */
export function bitRole(parts, i) {
  if (i >= 56) return 'top';
  if (parts.xyBit !== null && i === parts.xyBit) return 'xy';
  if (i < parts.B) return 'bucket';
  return 'other';
}

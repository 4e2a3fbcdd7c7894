// A key's 64-bit hash, bit by bit, with the parts the map uses coloured:
// the low B bits that choose the bucket, the top byte that becomes the
// tophash (and the +5 rule), and while doubling, the bit that sends the
// entry to X or Y. Drawn by hash-bits-panel.mjs, as Go 1.26's panel is.
import { HashBitsPanel } from './hash-bits-panel.mjs';
import { hashParts, bitRole } from '../player/hash-bits.mjs';
import { hex2 } from '../player/tophash.mjs';

export class HashView extends HashBitsPanel {
  constructor() {
    super({ emptyText: 'Insert, delete or look up a key to see its hash here.', topLabel: 'top byte' });
  }

  /**
   * @param {{ key: string, hash: string, B: number, growing: boolean,
   *           sameSize: boolean, keyIsText: boolean, why?: string } | null} what
   */
  update(what) {
    this.show(what, () => {
      const p = hashParts(what.hash, what.B, what);
      /** @type {[string, string][]} */
      const facts = [['top', p.plus5
        ? `Top byte 0x${hex2(p.topByte)} is below 5 (0–4 mark empty and evacuated slots), so the tophash is 0x${hex2(p.topByte)} + 5 = 0x${hex2(p.tophash)}.`
        : `Top byte 0x${hex2(p.topByte)} is the tophash stored in the slot.`]];
      if (p.B === 0) facts.push(['bucket', 'B is 0: one bucket, no bits needed to choose it.']);
      else facts.push(['bucket', p.B === 1 ? `The low bit, ${p.bits.slice(63)}, chooses bucket ${p.bucket} of 2.` : `The low ${p.B} bits, ${p.bits.slice(64 - p.B)}, choose bucket ${p.bucket} of ${2 ** p.B}.`]);
      if (p.xyBit !== null) {
        facts.push(['xy', `While the map doubles, bit ${p.xyBit} = ${p.half === 'Y' ? 1 : 0}: old bucket ${p.oldBucket} sends this key to ${p.half} (new bucket ${p.bucket}).`]);
      } else if (p.oldBucket !== null) {
        facts.push(['xy', `A same-size grow is under way: the key stays in bucket ${p.bucket}.`]);
      }
      return { key: what.key, keyIsText: what.keyIsText, hex: p.hex, why: what.why, bits: p.bits, role: (bit) => bitRole(p, bit), facts };
    });
  }
}

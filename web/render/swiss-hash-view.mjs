// The hash panel for a Go 1.26 key: its 64 bits with the parts the Swiss
// table uses coloured — the top globalDepth bits that pick the directory
// entry, the low bits of h1 (hash >> 7) that pick the group where probing
// starts, and h2 (the low 7 bits) that becomes the slot's control byte.
// Drawn by hash-bits-panel.mjs with the 1.14 panel's classes, so one
// stylesheet serves.
import { HashBitsPanel } from './hash-bits-panel.mjs';
import { hex2 } from './swiss-model.mjs';

/** The role of bit i (63 = top) of a hash, for swissHashParts() p. */
export function swissBitRole(p, bit) {
  if (bit < 7) return 'top';
  if (p.globalDepth > 0 && bit >= 64 - p.globalDepth) return 'xy';
  if (p.groupBits > 0 && bit < 7 + p.groupBits) return 'bucket';
  return 'none';
}

export class SwissHashView extends HashBitsPanel {
  constructor() {
    super({ extraClass: 'swiss-hash', emptyText: 'Insert, delete or look up a key to see its hash here: h1 and h2.', topLabel: 'bits 63–56' });
  }

  /** @param {ReturnType<typeof import('../player/swiss-narration.mjs').swissHashFocus> & { keyIsText: boolean } | null} what */
  update(what) {
    this.show(what, () => {
      /** @type {[string, string][]} */
      const facts = [['top', `h2 = the low 7 bits = 0x${hex2(what.h2)} (${what.h2}): the control byte of the key's slot, compared 8 at a time by matchH2.`]];
      if (what.small) {
        facts.push(['bucket', `h1 = hash >> 7 = 0x${what.h1} (57 bits). A small map has one group, so h1 picks nothing yet.`]);
      } else {
        facts.push(['xy', what.globalDepth === 0
          ? 'globalDepth 0: the directory has one entry, no bits needed to pick it.'
          : `The top ${what.globalDepth} bit${what.globalDepth === 1 ? '' : 's'}, ${what.bits.slice(0, what.globalDepth)}, pick directory entry ${what.dirIndex}: ${what.table}.`]);
        facts.push(['bucket', `h1 = hash >> 7 = 0x${what.h1} (57 bits); its low ${what.groupBits} bit${what.groupBits === 1 ? '' : 's'} pick group ${what.probeStart}, where probing starts (then +1, +2, +3 … groups, wrapping).`]);
      }
      return { key: what.key, keyIsText: what.keyIsText, hex: what.hash, why: what.why, bits: what.bits, role: (bit) => swissBitRole(what, bit), facts };
    });
  }
}

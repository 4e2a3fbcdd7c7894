// The hash panel for a Go 1.26 key: its 64 bits with the parts the Swiss
// table uses coloured — the top globalDepth bits that pick the directory
// entry, the low bits of h1 (hash >> 7) that pick the group where probing
// starts, and h2 (the low 7 bits) that becomes the slot's control byte.
// Same classes as the 1.14 panel (hash-view.mjs), so one stylesheet serves.
import { h, clear } from './dom.mjs';
import { hex2 } from './swiss-model.mjs';

/** The role of bit i (63 = top) of a hash, for swissHashParts() p. */
export function swissBitRole(p, bit) {
  if (bit < 7) return 'top';
  if (p.globalDepth > 0 && bit >= 64 - p.globalDepth) return 'xy';
  if (p.groupBits > 0 && bit < 7 + p.groupBits) return 'bucket';
  return 'none';
}

export class SwissHashView {
  constructor() {
    this.title = h('p', { class: 'hash-title' });
    this.bits = h('div', { class: 'hash-bits', 'aria-hidden': 'true' });
    this.facts = h('ul', { class: 'hash-facts' });
    this.root = h('div', { class: 'hash-view swiss-hash' }, this.title, this.bits, this.facts);
    this.key = null;
  }

  /** @param {ReturnType<import('../player/swiss-narration.mjs').swissHashFocus> & { keyIsText: boolean } | null} what */
  update(what) {
    const k = what ? JSON.stringify(what) : '';
    if (k === this.key) return;
    this.key = k;
    clear(this.bits);
    clear(this.facts);
    if (!what) {
      this.title.textContent = 'Insert, delete or look up a key to see its hash here: h1 and h2.';
      this.root.classList.add('is-empty');
      return;
    }
    this.root.classList.remove('is-empty');
    const shown = what.keyIsText ? JSON.stringify(what.key) : what.key;
    this.title.replaceChildren(
      h('code', { class: 'hash-call', text: `hash(${shown})` }), ' = ', h('code', { class: 'hash-hex', text: `0x${what.hash}` }),
      what.why ? h('span', { class: 'hash-why', text: ` — ${what.why}` }) : null,
    );
    for (let g = 0; g < 8; g++) {
      const group = h('span', { class: 'byte' });
      for (let i = 0; i < 8; i++) {
        const bit = 63 - (g * 8 + i);
        group.append(h('span', { class: `bit role-${swissBitRole(what, bit)}`, text: what.bits[g * 8 + i] }));
      }
      const label = g === 0 ? 'bits 63–56' : g === 7 ? 'bits 7–0' : '';
      this.bits.append(h('span', { class: 'byte-wrap' }, group, h('span', { class: 'byte-label', text: label })));
    }
    const fact = (role, text) => this.facts.append(h('li', {}, h('span', { class: `swatch-bit role-${role}`, 'aria-hidden': 'true' }), text));
    fact('top', `h2 = the low 7 bits = 0x${hex2(what.h2)} (${what.h2}): the control byte of the key's slot, compared 8 at a time by matchH2.`);
    if (what.small) {
      fact('bucket', `h1 = hash >> 7 = 0x${what.h1} (57 bits). A small map has one group, so h1 picks nothing yet.`);
    } else {
      fact('xy', what.globalDepth === 0
        ? 'globalDepth 0: the directory has one entry, no bits needed to pick it.'
        : `The top ${what.globalDepth} bit${what.globalDepth === 1 ? '' : 's'}, ${what.bits.slice(0, what.globalDepth)}, pick directory entry ${what.dirIndex}: ${what.table}.`);
      fact('bucket', `h1 = hash >> 7 = 0x${what.h1} (57 bits); its low ${what.groupBits} bit${what.groupBits === 1 ? '' : 's'} pick group ${what.probeStart}, where probing starts (then +1, +2, +3 … groups, wrapping).`);
    }
  }
}

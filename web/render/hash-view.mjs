// A key's 64-bit hash, bit by bit, with the parts the map uses coloured:
// the low B bits that choose the bucket, the top byte that becomes the
// tophash (and the +5 rule), and while doubling, the bit that sends the
// entry to X or Y.
import { h, clear } from './dom.mjs';
import { hashParts, bitRole } from '../player/hash-bits.mjs';
import { hex2 } from '../player/tophash.mjs';

export class HashView {
  constructor() {
    this.title = h('p', { class: 'hash-title' });
    this.bits = h('div', { class: 'hash-bits', 'aria-hidden': 'true' });
    this.facts = h('ul', { class: 'hash-facts' });
    this.root = h('div', { class: 'hash-view' }, this.title, this.bits, this.facts);
    this.key = null;
  }

  /**
   * @param {{ key: string, hash: string, B: number, growing: boolean,
   *           sameSize: boolean, keyIsText: boolean, why?: string } | null} what
   */
  update(what) {
    const k = what ? JSON.stringify(what) : '';
    if (k === this.key) return;
    this.key = k;
    clear(this.bits);
    clear(this.facts);
    if (!what) {
      this.title.textContent = 'Insert, delete or look up a key to see its hash here.';
      this.root.classList.add('is-empty');
      return;
    }
    this.root.classList.remove('is-empty');
    const p = hashParts(what.hash, what.B, what);
    const shown = what.keyIsText ? JSON.stringify(what.key) : what.key;
    this.title.replaceChildren(
      h('code', { class: 'hash-call', text: `hash(${shown})` }), ' = ', h('code', { class: 'hash-hex', text: `0x${p.hex}` }),
      what.why ? h('span', { class: 'hash-why', text: ` — ${what.why}` }) : null,
    );
    for (let g = 0; g < 8; g++) {
      const group = h('span', { class: 'byte' });
      for (let i = 0; i < 8; i++) {
        const bit = 63 - (g * 8 + i);
        group.append(h('span', { class: `bit role-${bitRole(p, bit)}`, text: p.bits[g * 8 + i] }));
      }
      const label = g === 0 ? 'top byte' : g === 7 ? `bits 7–0` : '';
      this.bits.append(h('span', { class: 'byte-wrap' }, group, h('span', { class: 'byte-label', text: label })));
    }
    const fact = (role, text) => this.facts.append(h('li', {}, h('span', { class: `swatch-bit role-${role}`, 'aria-hidden': 'true' }), text));
    fact('top', p.plus5
      ? `Top byte 0x${hex2(p.topByte)} is below 5 (0–4 mark empty and evacuated slots), so the tophash is 0x${hex2(p.topByte)} + 5 = 0x${hex2(p.tophash)}.`
      : `Top byte 0x${hex2(p.topByte)} is the tophash stored in the slot.`);
    if (p.B === 0) fact('bucket', 'B is 0: one bucket, no bits needed to choose it.');
    else fact('bucket', p.B === 1 ? `The low bit, ${p.bits.slice(63)}, chooses bucket ${p.bucket} of 2.` : `The low ${p.B} bits, ${p.bits.slice(64 - p.B)}, choose bucket ${p.bucket} of ${2 ** p.B}.`);
    if (p.xyBit !== null) {
      fact('xy', `While the map doubles, bit ${p.xyBit} = ${p.half === 'Y' ? 1 : 0}: old bucket ${p.oldBucket} sends this key to ${p.half} (new bucket ${p.bucket}).`);
    } else if (p.oldBucket !== null) {
      fact('xy', `A same-size grow is under way: the key stays in bucket ${p.bucket}.`);
    }
  }
}

// What both hash panels share (hash-view.mjs for Go 1.14, swiss-hash-view.mjs
// for Go 1.26): the title `hash(key) = 0x…`, the 64 bits in eight bytes,
// each bit coloured by the part of the hash the map uses it for, and a list
// of facts, each with the swatch of its part. A panel says which bit plays
// which role and what the facts are; drawing is done here, once.
import { h, clear, setText } from './dom.mjs';

export class HashBitsPanel {
  /**
   * @param {{ extraClass?: string, emptyText: string, topLabel: string }} options
   *   topLabel: the label under the first byte (the last is always "bits 7–0")
   */
  constructor({ extraClass = '', emptyText, topLabel }) {
    this.emptyText = emptyText;
    this.topLabel = topLabel;
    this.title = h('p', { class: 'hash-title' });
    this.bits = h('div', { class: 'hash-bits', 'aria-hidden': 'true' });
    this.facts = h('ul', { class: 'hash-facts' });
    this.root = h('div', { class: `hash-view${extraClass ? ` ${extraClass}` : ''}` }, this.title, this.bits, this.facts);
    this.key = null;
  }

  /**
   * Draws a key's hash, unless it is what is drawn already.
   * @param {object | null} what the panel's input (compared as JSON)
   * @param {() => { key: string, keyIsText: boolean, hex: string, why?: string, bits: string,
   *   role: (bit: number) => string, facts: [string, string][] }} read
   *   the hash as 16 hex digits and 64 '0'/'1' characters (bit 63 first), each
   *   bit's role and the facts [role, text]; called only when there is something new
   * @returns {boolean} whether anything was drawn anew
   */
  show(what, read) {
    const k = what ? JSON.stringify(what) : '';
    if (k === this.key) return false;
    this.key = k;
    if (!what) {
      this.title.textContent = this.emptyText;
      this.root.classList.add('is-empty');
      clear(this.bits);
      clear(this.facts);
      return true;
    }
    this.root.classList.remove('is-empty');
    const p = read();
    const shown = p.keyIsText ? JSON.stringify(p.key) : p.key;
    this.title.replaceChildren(
      h('code', { class: 'hash-call', text: `hash(${shown})` }), ' = ', h('code', { class: 'hash-hex', text: `0x${p.hex}` }),
      p.why ? h('span', { class: 'hash-why', text: ` — ${p.why}` }) : null,
    );
    // The 64 bits keep their nodes from key to key: each gets its digit
    // and its part's class (rebuilding them restyled ~90 nodes a key).
    if (!this.bitEls) {
      this.bitEls = [];
      this.byteWraps = [];
      for (let g = 0; g < 8; g++) {
        const group = h('span', { class: 'byte' });
        for (let i = 0; i < 8; i++) {
          const bit = h('span', { class: 'bit' });
          this.bitEls.push(bit);
          group.append(bit);
        }
        const label = g === 0 ? this.topLabel : g === 7 ? 'bits 7–0' : '';
        this.byteWraps.push(h('span', { class: 'byte-wrap' }, group, h('span', { class: 'byte-label', text: label })));
      }
    }
    this.bitEls.forEach((bit, i) => {
      const c = `bit role-${p.role(63 - i)}`;
      if (bit.className !== c) bit.className = c;
      setText(bit, p.bits[i]);
    });
    if (this.bits.childNodes.length !== 8) this.bits.replaceChildren(...this.byteWraps);
    this.facts.replaceChildren(...p.facts.map(([role, text]) => h('li', {}, h('span', { class: `swatch-bit role-${role}`, 'aria-hidden': 'true' }), text)));
    return true;
  }
}

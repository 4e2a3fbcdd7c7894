// One bucket array drawn as chains: each row is a primary bucket followed
// by its overflow buckets, each bucket its 8 slots. Cells are created once
// per bucket address and then only patched (state class, tophash, key), so
// a step at B=8 touches just the cells that changed. Each cell is keyed by
// "address:slot", which is how trace events and animations find it.
import { h, setText, clear } from './dom.mjs';
import { hex2, slotState, MIN_TOP_HASH, EVACUATED_X, EVACUATED_Y, EVACUATED_EMPTY, TOPHASH_STATES } from '../player/tophash.mjs';

/** The class (map.css) a slot in each state is drawn with, by the state's name; the legend draws its samples with them. */
export const SLOT_CLASS = { live: 's-live', emptyRest: 's-rest', emptyOne: 's-one', evacuatedX: 's-x', evacuatedY: 's-y', evacuatedEmpty: 's-ee' };
/** @type {string[]} */
const STATE_CLASS = [];
for (const s of TOPHASH_STATES) STATE_CLASS[s.value] = SLOT_CLASS[s.name];
const stateClass = (t) => (t >= MIN_TOP_HASH ? SLOT_CLASS.live : STATE_CLASS[t]);

// A slot is narrow and its text is cut with an ellipsis (map.css): a key or
// element long enough to be cut (a struct's {1 a b}, a long string) keeps
// its full text in a tooltip.
function fullTextTip(el, text) {
  if (text.length > 8) el.title = text;
  else el.removeAttribute('title');
}

export class BucketArrayView {
  /** @param {{ old: boolean, onCell?: (cell: HTMLElement|null) => void }} options */
  constructor({ old }) {
    this.old = old;
    this.title = h('h3', { class: 'array-title' });
    this.meta = h('p', { class: 'array-meta' });
    this.grid = h('div', { class: 'chains', role: 'grid', 'aria-label': old ? 'old bucket array' : 'bucket array' });
    this.root = h('section', { class: `array ${old ? 'array-old' : 'array-new'}` },
      h('header', { class: 'array-head' }, this.title, this.meta), this.grid);
    this.rows = new Map();      // chain index → { el, addrs: string, buckets: [{ el, cells }] }
    this.cellsByLoc = new Map(); // "addr:slot" → cell record
    this.key = null;            // array address + size: a different array rebuilds everything
    this.marked = [];           // elements carrying highlight classes
    this.focusLoc = null;       // the cell with tabindex 0 (roving focus)
    this.grid.addEventListener('keydown', (ev) => this.#onKey(ev));
  }

  /**
   * @param {import('./map-model.mjs').BucketArrayView} arr model.newArray / model.oldArray
   * @param {{ density?: string, header: import('../../wasm/gomap').Header, marks: import('./highlights.mjs').Marks,
   *   waiting?: (index: number) => boolean, label?: string }} ctx
   */
  update(arr, ctx) {
    const key = `${arr.addr}/${arr.n}/${arr.from}/${arr.chains.length}`;
    if (key !== this.key) {
      clear(this.grid);
      this.rows.clear();
      this.cellsByLoc.clear();
      this.marked = [];
      this.key = key;
    }
    this.#clearMarks();
    const { header } = ctx;
    const bs = header.type.bucketsize;
    setText(this.title, this.old ? 'oldbuckets' : 'buckets');
    const shown = arr.chains.length < arr.n ? ` · showing ${arr.from}–${arr.from + arr.chains.length - 1}` : '';
    setText(this.meta, `${arr.n.toLocaleString('en-US')} × ${bs} B at 0x${arr.addr}${shown}`);
    const nevacuate = header.nevacuate ?? 0;
    arr.chains.forEach((chain, i) => {
      const index = arr.from + i;
      const row = this.#row(index, chain);
      chain.forEach((b, pos) => this.#patchBucket(row.buckets[pos], b));
      if (this.old) {
        // Marked once every slot of every bucket of the chain is: the
        // runtime's evacuated() reads slot 0 of the first bucket only, which
        // is marked as soon as the first entry moves.
        row.el.classList.toggle('is-evacuated', chain.every((bk) => bk.t.every((t) => t >= EVACUATED_X && t <= EVACUATED_EMPTY)));
        row.el.classList.toggle('is-nevacuate', index === nevacuate);
      } else {
        row.el.classList.toggle('is-waiting', !!ctx.waiting?.(index));
      }
    });
    this.#applyMarks(ctx.marks);
    if (!this.focusLoc || !this.cellsByLoc.has(this.focusLoc)) {
      const first = this.cellsByLoc.values().next().value;
      if (first) this.#setFocusable(first);
    }
  }

  /** Live keys drawn here: key text → cell element (duplicates dropped). */
  liveCells(into, dups) {
    for (const c of this.cellsByLoc.values()) {
      if (c.t < MIN_TOP_HASH || c.keyText === null) continue;
      if (into.has(c.keyText)) dups.add(c.keyText);
      into.set(c.keyText, c.el);
    }
  }

  cell(loc) {
    return this.cellsByLoc.get(loc)?.el ?? null;
  }

  #row(index, chain) {
    const addrs = chain.map((b) => b.addr).join(',');
    let row = this.rows.get(index);
    if (row && row.addrs === addrs) return row;
    if (row) for (const b of row.buckets) for (const c of b.cells) this.cellsByLoc.delete(c.loc);
    const label = h('span', { class: 'chain-label', 'aria-hidden': 'true', text: String(index) });
    const el = h('div', { class: 'chain', role: 'rowgroup', dataset: { index: String(index) } }, label);
    const buckets = chain.map((b, pos) => this.#bucket(b, index, pos));
    // Links sit between buckets: rebuild the row in order.
    el.replaceChildren(label);
    buckets.forEach((b, pos) => {
      if (pos > 0) el.append(h('span', { class: 'link', 'aria-hidden': 'true', text: '→' }));
      el.append(b.el);
    });
    el.classList.toggle('has-overflow', chain.length > 1);
    // Rows arrive in index order on a rebuild; a replaced row keeps its place.
    if (row) row.el.replaceWith(el);
    else this.grid.append(el);
    row = { el, addrs, buckets };
    this.rows.set(index, row);
    return row;
  }

  #bucket(b, index, pos) {
    const name = `${pos === 0 ? '' : `overflow ${pos} of `}${this.old ? 'old ' : ''}bucket ${index}`;
    const el = h('div', {
      class: pos === 0 ? 'bucket' : 'bucket is-overflow',
      role: 'row',
      'aria-label': name,
      dataset: { addr: b.addr },
    });
    const cells = [];
    for (let s = 0; s < 8; s++) {
      const th = h('span', { class: 'th' });
      const k = h('span', { class: 'k' });
      const v = h('span', { class: 'v' });
      const loc = `${b.addr}:${s}`;
      const cell = h('div', { class: 'slot', role: 'gridcell', tabindex: '-1', dataset: { loc, slot: String(s) } }, th, k, v);
      const rec = { el: cell, th, k, v, loc, t: -1, keyText: undefined, kShown: null, vShown: null, bucketName: name, addr: b.addr, slot: s };
      cell._gomap = rec;
      cells.push(rec);
      this.cellsByLoc.set(loc, rec);
      el.append(cell);
    }
    return { el, cells, addr: b.addr };
  }

  #patchBucket(bv, b) {
    for (let s = 0; s < 8; s++) {
      const c = bv.cells[s];
      const t = b.t[s];
      const live = t >= MIN_TOP_HASH;
      const key = b.k[s];
      if (c.t !== t) {
        c.el.className = `slot ${stateClass(t)}`;
        setText(c.th, hex2(t));
        c.el.dataset.t = String(t);
        c.t = t;
      }
      const keyText = live ? key : null;
      if (c.keyText !== keyText) {
        c.keyText = keyText;
        if (keyText === null) delete c.el.dataset.k;
        else c.el.dataset.k = keyText;
      }
      // Live slots show key and element; empty ones their state's name; an
      // evacuated slot of a pointer-free bucket still holds its old key's
      // bytes, shown faded.
      // Deleted numeric keys keep their bytes too (read by map-model).
      const staleKey = (t === EVACUATED_X || t === EVACUATED_Y) && key !== null ? key : (b.stale?.[s] ?? null);
      const stale = staleKey !== null;
      const kShown = live ? (key ?? '') : slotState(t).short;
      const vShown = live ? (b.v[s] ?? '') : stale ? staleKey : '';
      if (c.kShown !== kShown) {
        c.k.textContent = kShown;
        c.kShown = kShown;
        fullTextTip(c.k, live ? kShown : '');
      }
      if (c.vShown !== vShown) {
        c.v.textContent = vShown;
        c.vShown = vShown;
        fullTextTip(c.v, vShown);
        c.v.classList.toggle('stale', stale);
      }
      c.value = b.v[s];
      c.storedKey = live ? key : staleKey;
    }
  }

  #clearMarks() {
    for (const [el, classes] of this.marked) el.classList.remove(...classes);
    this.marked = [];
  }

  #applyMarks(marks) {
    if (!marks) return;
    for (const [loc, classes] of marks.cells) {
      const c = this.cellsByLoc.get(loc);
      if (!c) continue;
      const list = [...classes];
      c.el.classList.add(...list);
      this.marked.push([c.el, list]);
    }
    for (const [a, classes] of marks.buckets) {
      const c = this.cellsByLoc.get(`${a}:0`);
      if (!c) continue;
      const el = c.el.parentElement;
      const list = [...classes];
      el.classList.add(...list);
      this.marked.push([el, list]);
    }
  }

  // ---- keyboard: a grid with one tab stop; arrows move between slots --------

  #setFocusable(rec) {
    const prev = this.focusLoc && this.cellsByLoc.get(this.focusLoc);
    if (prev) prev.el.tabIndex = -1;
    rec.el.tabIndex = 0;
    this.focusLoc = rec.loc;
  }

  focusCell(rec) {
    this.#setFocusable(rec);
    rec.el.focus();
  }

  #onKey(ev) {
    const rec = ev.target?._gomap;
    if (!rec) return;
    const bucketEl = rec.el.parentElement;
    let target;
    const cellIn = (bEl, slot) => bEl?.children[slot]?._gomap ?? null;
    const buckets = [...this.grid.querySelectorAll('.bucket')];
    const bi = buckets.indexOf(bucketEl);
    switch (ev.key) {
      case 'ArrowRight':
        target = rec.slot < 7 ? cellIn(bucketEl, rec.slot + 1) : cellIn(buckets[bi + 1], 0);
        break;
      case 'ArrowLeft':
        target = rec.slot > 0 ? cellIn(bucketEl, rec.slot - 1) : cellIn(buckets[bi - 1], 7);
        break;
      case 'ArrowDown':
        target = cellIn(buckets[bi + 1], rec.slot);
        break;
      case 'ArrowUp':
        target = cellIn(buckets[bi - 1], rec.slot);
        break;
      case 'Home':
        target = cellIn(bucketEl, 0);
        break;
      case 'End':
        target = cellIn(bucketEl, 7);
        break;
      default:
        return;
    }
    // Arrows here move between slots; they must not also step the player.
    ev.preventDefault();
    ev.stopPropagation();
    if (target) this.focusCell(target);
  }
}

// The buckets as a table, for screen readers and for anyone who prefers
// rows to pictures: one row per slot, with the array, bucket, position in
// the chain, tophash, state, key and element. Rows are keyed by slot
// address and patched in place.
import { h, setText, clear } from './dom.mjs';
import { hex2, slotState, MIN_TOP_HASH } from '../player/tophash.mjs';
import { counted } from '../player/narration.mjs';

const COLS = ['Array', 'Bucket', 'Chain', 'Slot', 'tophash', 'State', 'Key', 'Value'];

export class TableView {
  constructor() {
    this.caption = h('caption');
    this.body = h('tbody');
    this.table = h('table', { class: 'bucket-table' }, this.caption,
      h('thead', {}, h('tr', {}, COLS.map((c) => h('th', { scope: 'col', text: c })))), this.body);
    this.root = h('div', { class: 'table-wrap' }, this.table);
    this.rows = new Map();
    this.key = '';
  }

  update(model) {
    const arrays = [model.oldArray, model.newArray].filter(Boolean);
    const key = arrays.map((a) => `${a.addr}/${a.from}/${a.chains.map((c) => c.length).join('.')}`).join('|');
    if (key !== this.key) {
      clear(this.body);
      this.rows.clear();
      this.key = key;
    }
    const h0 = model.header;
    const shown = model.newArray && model.newArray.chains.length < model.newArray.n ? ` (buckets ${model.newArray.from}–${model.newArray.from + model.newArray.chains.length - 1} of ${model.newArray.n})` : '';
    const buckets = model.newArray ? model.newArray.n : 0;
    setText(this.caption, h0.created ? `${counted(h0.count ?? 0, 'entry', 'entries')} in ${counted(buckets, 'bucket')}${shown}` : 'The map has not been created yet.');
    for (const arr of arrays) {
      arr.chains.forEach((chain, i) => {
        chain.forEach((b, pos) => {
          for (let s = 0; s < 8; s++) this.#row(arr, arr.from + i, pos, b, s);
        });
      });
    }
  }

  #row(arr, index, pos, b, s) {
    const loc = `${b.addr}:${s}`;
    let r = this.rows.get(loc);
    if (!r) {
      const tds = COLS.map(() => h('td'));
      tds[0].textContent = arr.old ? 'old' : 'new';
      tds[1].textContent = String(index);
      tds[2].textContent = pos === 0 ? 'primary' : `overflow ${pos}`;
      tds[3].textContent = String(s);
      const tr = h('tr', { dataset: { loc } }, tds);
      this.body.append(tr);
      r = { tr, tds, t: -1 };
      this.rows.set(loc, r);
    }
    const t = b.t[s];
    if (r.t !== t) {
      r.t = t;
      setText(r.tds[4], `0x${hex2(t)}`);
      setText(r.tds[5], slotState(t).name);
      r.tr.className = t >= MIN_TOP_HASH ? 'row-live' : `row-${slotState(t).name}`;
    }
    const live = t >= MIN_TOP_HASH;
    setText(r.tds[6], live ? (b.k[s] ?? '') : '');
    setText(r.tds[7], live ? (b.v[s] ?? '') : '');
  }
}

// The hmap header drawn as the struct it is (spec §2.1): each field with its
// byte offset and value, flags as named bits, and the load factor against
// 6.5. A field whose value changed since the last frame is marked, so a
// step that bumps count or moves nevacuate is easy to spot.
import { h, setText } from './dom.mjs';
import { LOAD_FACTOR, BUCKET_CNT } from '../player/tophash.mjs';

/** @type {[number, string, string][]} */
const FLAGS = [
  [1, 'iterator', 'an iterator may be using buckets'],
  [2, 'oldIterator', 'an iterator may be using oldbuckets'],
  [4, 'hashWriting', 'a write is in progress'],
  [8, 'sameSizeGrow', 'the current grow keeps the same number of buckets'],
];

const FIELDS = [
  ['count', 0, 'live entries: len(m)'],
  ['flags', 8, 'state bits'],
  ['B', 9, 'log2 of the number of buckets'],
  ['noverflow', 10, 'approximate number of overflow buckets'],
  ['hash0', 12, 'the hash seed'],
  ['buckets', 16, 'the bucket array'],
  ['oldbuckets', 24, 'the previous array, while growing'],
  ['nevacuate', 32, 'old buckets below this are evacuated'],
  ['extra', 40, 'overflow bookkeeping'],
  ['nextOverflow', null, 'extra.nextOverflow: next free preallocated overflow bucket'],
];

const ptr = (v) => (!v || v === '0' ? 'nil' : `0x${v}`);

export class HeaderView {
  constructor() {
    this.values = new Map();
    this.boxes = new Map();
    this.title = h('h3', { class: 'hmap-title' });
    this.list = h('dl', { class: 'hmap-fields' });
    for (const [name, offset, what] of FIELDS) {
      const dd = h('dd', { class: 'field-value' });
      const box = h('div', { class: `field field-${name}`, title: what },
        h('dt', {}, h('span', { class: 'field-name', text: name }),
          offset === null ? null : h('span', { class: 'field-offset', text: `+${offset}` })),
        dd);
      this.boxes.set(name, { box, dd });
      this.list.append(box);
    }
    this.flagList = h('ul', { class: 'flag-bits', 'aria-label': 'flags' });
    this.flagItems = FLAGS.map(([bit, name, what]) => {
      const li = h('li', { class: 'flag', title: `${bit}: ${what}` }, h('span', { class: 'flag-bit', text: String(bit) }), ` ${name}`);
      this.flagList.append(li);
      return li;
    });
    this.boxes.get('flags').dd.append(h('span', { class: 'flags-num' }), this.flagList);
    this.loadText = h('span', { class: 'load-text' });
    this.loadFill = h('span', { class: 'load-fill' });
    this.loadBar = h('span', { class: 'load-bar', 'aria-hidden': 'true' }, this.loadFill, h('span', { class: 'load-limit' }));
    this.load = h('p', { class: 'load' }, h('span', { class: 'load-label', text: 'load factor' }), this.loadBar, this.loadText);
    this.empty = h('p', { class: 'hmap-empty' });
    this.root = h('section', { class: 'hmap', 'aria-label': 'map header (hmap)' }, this.title, this.empty, this.list, this.load);
  }

  update(header, { changes = true } = {}) {
    const made = header.created;
    this.root.classList.toggle('is-unmade', !made);
    setText(this.title, made ? `hmap at 0x${header.hmap}` : 'hmap');
    setText(this.empty, made ? '' : `make(${header.type.name}) — the map is created by its first operation.`);
    if (!made) return;
    const vals = {
      count: String(header.count),
      flags: String(header.flags),
      B: String(header.B),
      noverflow: String(header.noverflow),
      hash0: `0x${header.hash0.toString(16).padStart(8, '0')}`,
      buckets: ptr(header.buckets),
      oldbuckets: ptr(header.oldbuckets),
      nevacuate: String(header.nevacuate),
      extra: ptr(header.extra),
      nextOverflow: ptr(header.nextOverflow),
    };
    for (const [name, text] of Object.entries(vals)) {
      const { box, dd } = this.boxes.get(name);
      const before = this.values.get(name);
      box.classList.toggle('changed', changes && before !== undefined && before !== text);
      this.values.set(name, text);
      if (name === 'flags') setText(dd.firstChild, text);
      else setText(dd, text);
      box.classList.toggle('is-nil', text === 'nil');
    }
    FLAGS.forEach(([bit], i) => {
      const on = (header.flags & bit) !== 0;
      this.flagItems[i].classList.toggle('on', on);
      this.flagItems[i].setAttribute('aria-label', `${FLAGS[i][1]} ${on ? 'set' : 'clear'}`);
    });
    const n = header.buckets !== '0' ? 2 ** header.B : 0;
    const lf = n ? header.count / n : 0;
    setText(this.loadText, n ? `${header.count} / ${n} = ${lf.toFixed(2)} of ${LOAD_FACTOR}` : '0 (no buckets yet)');
    this.loadFill.style.width = `${Math.min(100, (lf / BUCKET_CNT) * 100)}%`;
    this.loadBar.classList.toggle('over', lf > LOAD_FACTOR);
  }
}

// The zoomed-out view of a big map: one pixel per bucket (up to 2^16 of
// them; beyond that each pixel stands for several), coloured by how many
// live entries the bucket's chain holds, with chains that have overflow
// buckets and evacuated old buckets in their own colours. Read straight
// from the heap's tophash bytes (heap-scan.mjs), never through JSON.
// The chosen window of buckets, drawn in detail below, is outlined; clicking
// or using the arrow keys moves it.
import { h } from './dom.mjs';
import { scanArray, addr, oldArrayLength } from '../player/heap-scan.mjs';

const MAX_CELLS = 1 << 16;

function parseColor(css) {
  const m = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (!m) return [128, 128, 128];
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export class OverviewView {
  /** @param {{ old: boolean, onSelect?: (from: number) => void }} options onSelect: a window of buckets was picked */
  constructor({ old, onSelect }) {
    this.old = old;
    this.onSelect = onSelect;
    this.canvas = h('canvas', { class: 'overview-canvas', width: 1, height: 1 });
    this.window = h('div', { class: 'overview-window', 'aria-hidden': 'true' });
    this.frame = h('div', {
      class: 'overview-frame',
      tabindex: old ? undefined : '0',
      role: old ? 'img' : 'slider',
      'aria-label': old ? 'overview of the old bucket array' : 'overview of the bucket array; arrow keys move the window shown in detail',
    }, this.canvas, this.window);
    this.caption = h('figcaption', { class: 'overview-caption' });
    const swatch = (name, label) => h('li', {}, h('span', { class: `ov-swatch`, dataset: { c: name } }), label);
    this.legend = h('ul', { class: 'overview-legend', 'aria-hidden': 'true' },
      h('li', { class: 'ov-ramp' }, h('span', { class: 'ov-ramp-bar' }), 'entries per bucket: 0 → 8'),
      swatch('overflow', 'has overflow buckets'),
      old ? swatch('evacuated', 'evacuated') : null);
    this.root = h('figure', { class: `overview ${old ? 'overview-old' : 'overview-new'}` },
      h('div', { class: 'overview-title', text: old ? 'oldbuckets, zoomed out' : 'buckets, zoomed out' }),
      this.frame, this.caption, this.legend);
    this.colors = null;
    this.n = 0;
    this.perCell = 1;
    this.cols = 1;
    this.from = 0;
    this.size = 32;
    this.canvas.addEventListener('click', (ev) => this.#click(ev));
    if (!old) this.frame.addEventListener('keydown', (ev) => this.#key(ev));
  }

  #palette() {
    const cs = getComputedStyle(this.root);
    const get = (name, fallback) => parseColor(cs.getPropertyValue(name) || fallback);
    const ramp = [];
    for (let i = 0; i <= 8; i++) ramp.push(get(`--ov-${i}`, '#888888'));
    return { ramp, overflow: get('--ov-overflow', '#d55e00'), evacuated: get('--ov-evacuated', '#999999') };
  }

  /**
   * @returns {{ liveTotal: number, overflowTotal: number, chain: Uint8Array }}
   */
  update(map, header, { from = 0, size = 32 } = {}) {
    const bs = header.type.bucketsize;
    const n = this.old ? oldArrayLength(header) : 2 ** header.B;
    const array = addr(this.old ? header.oldbuckets : header.buckets);
    const scan = scanArray(map, { array, n, bucketsize: bs });
    this.colors ??= this.#palette();
    const perCell = Math.max(1, n / MAX_CELLS);
    const cells = n / perCell;
    const cols = 2 ** Math.ceil(Math.log2(cells) / 2);
    const rows = Math.max(1, cells / cols);
    if (this.canvas.width !== cols || this.canvas.height !== rows) {
      this.canvas.width = cols;
      this.canvas.height = rows;
      this.canvas.style.aspectRatio = `${cols} / ${rows}`;
    }
    const ctx = this.canvas.getContext('2d');
    const img = ctx.createImageData(cols, rows);
    const px = img.data;
    const { ramp, overflow, evacuated } = this.colors;
    for (let c = 0; c < cells; c++) {
      let live = 0;
      let over = false;
      let evac = 0;
      for (let j = c * perCell; j < (c + 1) * perCell; j++) {
        live += scan.live[j];
        if (scan.chain[j] > 1) over = true;
        evac += scan.evacuated[j];
      }
      const rgb = this.old && evac === perCell ? evacuated : over ? overflow : ramp[Math.min(8, Math.round(live / perCell))];
      const o = c * 4;
      px[o] = rgb[0];
      px[o + 1] = rgb[1];
      px[o + 2] = rgb[2];
      px[o + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    Object.assign(this, { n, perCell, cols, from, size });
    this.#placeWindow();
    const groups = perCell > 1 ? ` (each pixel: ${perCell} buckets)` : '';
    const evacuatedCount = this.old ? scan.evacuated.reduce((a, b) => a + b, 0) : 0;
    this.caption.textContent = this.old
      ? `old array: ${n.toLocaleString('en-US')} buckets, ${evacuatedCount.toLocaleString('en-US')} evacuated${groups}`
      : `${n.toLocaleString('en-US')} buckets, ${scan.liveTotal.toLocaleString('en-US')} entries, ${scan.overflowTotal.toLocaleString('en-US')} overflow buckets${groups}`;
    if (!this.old) {
      this.frame.setAttribute('aria-valuemin', '0');
      this.frame.setAttribute('aria-valuemax', String(n - 1));
      this.frame.setAttribute('aria-valuenow', String(from));
      this.frame.setAttribute('aria-valuetext', `buckets ${from} to ${Math.min(n, from + size) - 1}`);
    }
    return scan;
  }

  #placeWindow() {
    if (this.old) {
      this.window.hidden = true;
      return;
    }
    const rows = this.canvas.height;
    const first = Math.floor(this.from / this.perCell);
    const last = Math.floor((this.from + this.size - 1) / this.perCell);
    const r0 = Math.floor(first / this.cols);
    const r1 = Math.floor(last / this.cols);
    const oneRow = r0 === r1;
    Object.assign(this.window.style, {
      left: `${oneRow ? (first % this.cols) / this.cols * 100 : 0}%`,
      width: `${oneRow ? (last - first + 1) / this.cols * 100 : 100}%`,
      top: `${r0 / rows * 100}%`,
      height: `${(r1 - r0 + 1) / rows * 100}%`,
    });
  }

  #click(ev) {
    if (this.old || !this.n) return;
    const r = this.canvas.getBoundingClientRect();
    const col = Math.floor(((ev.clientX - r.left) / r.width) * this.cols);
    const row = Math.floor(((ev.clientY - r.top) / r.height) * this.canvas.height);
    const bucket = (row * this.cols + col) * this.perCell;
    this.onSelect?.(Math.max(0, Math.min(this.n - 1, bucket - (bucket % this.size))));
  }

  #key(ev) {
    const rowSpan = this.cols * this.perCell;
    const moves = { ArrowRight: this.size, ArrowLeft: -this.size, ArrowDown: rowSpan, ArrowUp: -rowSpan, PageDown: rowSpan * 8, PageUp: -rowSpan * 8 };
    if (ev.key === 'Home' || ev.key === 'End') {
      ev.preventDefault();
      ev.stopPropagation();
      this.onSelect?.(ev.key === 'Home' ? 0 : this.n - this.size);
      return;
    }
    if (!(ev.key in moves)) return;
    ev.preventDefault();
    ev.stopPropagation();
    this.onSelect?.(Math.max(0, Math.min(this.n - this.size, this.from + moves[ev.key])));
  }
}

// Numbers about the map now (load factor, overflow buckets, bytes), how
// long its chains are, and how load and overflow moved over the history.
import { h, svg, clear, setText } from './dom.mjs';
import { LOAD_FACTOR } from '../player/tophash.mjs';

const fmt = (n) => n.toLocaleString('en-US');
const bytes = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

export class StatsView {
  constructor() {
    this.numbers = h('dl', { class: 'stat-grid' });
    this.cells = {};
    for (const [name, label] of [
      ['entries', 'entries'], ['buckets', 'buckets (2^B)'], ['load', 'load factor'], ['overflow', 'overflow buckets'],
      ['noverflow', 'noverflow counter'], ['array', 'bucket array'], ['old', 'old array'], ['heap', 'heap in use'],
    ]) {
      const dd = h('dd');
      const box = h('div', { class: `stat stat-${name}` }, h('dt', { text: label }), dd);
      this.cells[name] = { box, dd };
      this.numbers.append(box);
    }
    this.histTitle = h('h3', { class: 'mini-title', text: 'Chain length (buckets per chain)' });
    this.hist = h('div', { class: 'histogram' });
    this.timeTitle = h('h3', { class: 'mini-title', text: 'Over the history' });
    this.time = h('div', { class: 'sparkline' });
    this.root = h('div', { class: 'stats-view' }, this.numbers, this.histTitle, this.hist, this.timeTitle, this.time);
    this.timeKey = '';
  }

  update(stats, ops, currentOp) {
    const set = (name, text, show = true) => {
      setText(this.cells[name].dd, text);
      this.cells[name].box.hidden = !show;
    };
    set('entries', fmt(stats.count));
    set('buckets', stats.buckets ? `${fmt(stats.buckets)} (B=${stats.B})` : '0');
    set('load', `${stats.loadFactor.toFixed(2)} / ${LOAD_FACTOR}`);
    this.cells.load.box.classList.toggle('over', stats.loadFactor > LOAD_FACTOR);
    set('overflow', fmt(stats.overflowBuckets));
    set('noverflow', fmt(stats.noverflow));
    set('array', bytes(stats.arrayBytes));
    set('old', bytes(stats.oldArrayBytes), stats.oldArrayBytes > 0);
    set('heap', bytes(stats.heapBytes));
    this.#histogram(stats.histogram);
    this.#overTime(ops, currentOp);
  }

  #histogram(hist) {
    clear(this.hist);
    const rows = [];
    for (let len = 1; len < hist.length; len++) if (hist[len]) rows.push([len, hist[len]]);
    if (!rows.length) {
      this.hist.append(h('p', { class: 'muted', text: 'No buckets yet.' }));
      return;
    }
    const max = Math.max(...rows.map((r) => r[1]));
    const list = h('ul', { class: 'bars' });
    for (const [len, count] of rows) {
      const fill = h('span', { class: 'bar-fill' });
      fill.style.width = `${Math.max(2, (count / max) * 100)}%`;
      list.append(h('li', {},
        h('span', { class: 'bar-label', text: len === 1 ? '1 (no overflow)' : `${len}` }),
        h('span', { class: 'bar' }, fill),
        h('span', { class: 'bar-count', text: fmt(count) })));
    }
    this.hist.append(list);
  }

  #overTime(ops, currentOp) {
    const key = `${ops.length}/${currentOp}`;
    if (key === this.timeKey) return;
    this.timeKey = key;
    clear(this.time);
    if (ops.length < 2) {
      this.time.append(h('p', { class: 'muted', text: 'Do a few operations to see load and overflow change.' }));
      return;
    }
    // At most 300 points: each is the last op of its stretch.
    const step = Math.max(1, Math.ceil(ops.length / 300));
    const pts = [];
    for (let i = 0; i < ops.length; i += step) pts.push([i, ops[Math.min(ops.length - 1, i + step - 1)].after]);
    const W = 300;
    const H = 64;
    const x = (i) => (i / Math.max(1, ops.length - 1)) * W;
    const maxOv = Math.max(1, ...pts.map(([, a]) => a.noverflow));
    const load = pts.map(([i, a]) => `${x(i).toFixed(1)},${(H - (a.count / 2 ** a.B / 8) * H).toFixed(1)}`).join(' ');
    const ovf = pts.map(([i, a]) => `${x(i).toFixed(1)},${(H - (a.noverflow / maxOv) * H).toFixed(1)}`).join(' ');
    const limitY = H - (LOAD_FACTOR / 8) * H;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'spark', role: 'img',
      'aria-label': `Load factor and overflow buckets over ${ops.length} operations` },
    svg('line', { x1: 0, x2: W, y1: limitY, y2: limitY, class: 'spark-limit' }),
    svg('polyline', { points: ovf, class: 'spark-overflow' }),
    svg('polyline', { points: load, class: 'spark-load' }),
    currentOp >= 0 ? svg('line', { x1: x(currentOp), x2: x(currentOp), y1: 0, y2: H, class: 'spark-now' }) : null);
    this.time.append(chart, h('p', { class: 'spark-legend' },
      h('span', { class: 'key-load', text: `load factor (line at ${LOAD_FACTOR})` }), ' ',
      h('span', { class: 'key-overflow', text: `noverflow (max ${fmt(maxOv)})` })));
  }
}

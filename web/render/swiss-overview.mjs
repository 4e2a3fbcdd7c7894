// The zoomed-out Swiss map (1e5–1e6 keys: hundreds or thousands of tables):
// the directory as a strip, one column per entry, its colour changing at each
// table (shared entries, localDepth < globalDepth, in their own colour), and
// every table as a small bar — its height the table's capacity, filled from
// the bottom with used slots, then tombstones. Both are canvases, so a
// million keys cost a few thousand rectangles, not a node per slot. The
// numbers come from the session's state (the tables' headers in the heap,
// render/swiss-model.mjs), the same as the detailed picture. The table the
// step is about and the table opened below are outlined; a click or the
// arrow keys open another.
import { h, setText } from './dom.mjs';

const CELL_W = 8;    // canvas pixels per table column (6 of bar, 2 of gap)
const CELL_H = 20;   // per table row (18 of bar)
const MAX_COLS = 128;
const DIR_W = 1024;  // the directory strip's canvas width
const DIR_H = 10;

const fmt = new Intl.NumberFormat('en-US').format;

/** The grid the tables are laid out in: columns, rows (DOM-free, for tests). */
export function tableGrid(n) {
  const cols = Math.max(1, Math.min(n, MAX_COLS));
  return { cols, rows: Math.max(1, Math.ceil(n / cols)) };
}

/** What the overview says in words: totals over the live tables. */
export function overviewFigures(model) {
  let used = 0;
  let capacity = 0;
  let tombstones = 0;
  for (const t of model.tables) {
    used += t.used;
    capacity += t.capacity;
    tombstones += t.tombstones;
  }
  const shared = model.directory.filter((e) => e.shared).length;
  return { tables: model.tables.length, used, capacity, tombstones, shared, dirLen: model.directory.length };
}

export class SwissOverview {
  /** @param {{ onOpen: (pos: number) => void }} options pos: index in model.tables */
  constructor({ onOpen }) {
    this.onOpen = onOpen;
    this.dirCanvas = h('canvas', { class: 'swo-dir-canvas', width: 1, height: DIR_H });
    this.dirMark = h('div', { class: 'swo-mark', 'aria-hidden': 'true', hidden: true });
    this.dirFrame = h('div', { class: 'swo-dir-frame', role: 'img' }, this.dirCanvas, this.dirMark);
    this.canvas = h('canvas', { class: 'swo-canvas', width: 1, height: 1 });
    this.focusMark = h('div', { class: 'swo-mark', 'aria-hidden': 'true', hidden: true });
    this.openMark = h('div', { class: 'swo-open', 'aria-hidden': 'true', hidden: true });
    this.frame = h('div', { class: 'swo-frame', tabindex: '0', role: 'slider', 'aria-label': 'tables, zoomed out: arrow keys open another table below' },
      this.canvas, this.openMark, this.focusMark);
    this.caption = h('figcaption', { class: 'swo-caption' });
    const swatch = (c, text) => h('li', {}, h('span', { class: 'swo-swatch', dataset: { c } }), text);
    this.legend = h('ul', { class: 'swo-legend', 'aria-hidden': 'true' },
      swatch('used', 'used slots'), swatch('tomb', 'tombstones'), swatch('free', 'free (bar height: capacity)'),
      swatch('shared', 'shared directory entries'),
      h('li', {}, h('span', { class: 'swo-swatch is-mark' }), 'the step'), h('li', {}, h('span', { class: 'swo-swatch is-open' }), 'opened below'));
    this.root = h('figure', { class: 'swiss-overview' },
      h('div', { class: 'swo-title', text: 'directory, zoomed out' }), this.dirFrame,
      h('div', { class: 'swo-title', text: 'tables, zoomed out' }), this.frame, this.caption, this.legend);
    this.n = 0;
    this.cols = 1;
    this.open = 0;
    this.tables = [];
    this.canvas.addEventListener('click', (ev) => {
      const pos = this.#at(ev);
      if (pos !== null) this.onOpen?.(pos);
    });
    this.canvas.addEventListener('pointermove', (ev) => {
      const pos = this.#at(ev);
      this.canvas.title = pos === null ? '' : describeTable(this.tables[pos]);
    });
    this.frame.addEventListener('keydown', (ev) => this.#key(ev));
  }

  /**
   * @param {import('./swiss-model.mjs').SwissModel} model swissModelOf(); only the live tables are drawn
   * @param {{ focusTable?: number|null, focusDir?: number|null, open?: number, theme?: string }} [at]
   *   focusTable / open: positions in model.tables; focusDir: a directory index;
   *   theme: names the palette in force (a change reads the colours again)
   */
  update(model, { focusTable = null, focusDir = null, open = 0, theme = '' } = {}) {
    // The colours are the tokens' (both themes); reading them forces a style
    // pass, so only when the theme may have changed.
    let pal = this.pal;
    if (!pal || this.theme !== theme) {
      const cs = getComputedStyle(this.root);
      const color = (name) => cs.getPropertyValue(name).trim() || '#888888';
      pal = { free: color('--ov-0'), used: color('--live-border'), tomb: color('--y-border'), shared: color('--accent'), a: color('--muted'), b: color('--border') };
      // Tokens that read empty (the element's sheets not in yet) are not
      // kept: the next update reads them again instead of drawing grey for good.
      const read = cs.getPropertyValue('--live-border').trim() !== '';
      this.pal = read ? pal : null;
      this.theme = theme;
    }
    this.tables = model.tables;
    this.n = model.tables.length;
    this.open = Math.max(0, Math.min(this.n - 1, open));
    this.#drawTables(pal);
    this.#drawDirectory(model, pal);
    this.#place(this.focusMark, focusTable);
    this.#place(this.openMark, this.open);
    this.#placeDir(model, focusDir ?? (focusTable !== null ? model.tables[focusTable]?.entries[0] : null));
    const f = overviewFigures(model);
    const load = f.capacity ? (f.used / f.capacity) * 100 : 0;
    setText(this.caption, `${fmt(f.tables)} tables, ${fmt(f.used)} entries in ${fmt(f.capacity)} slots (${load.toFixed(1)}% load), ` +
      `${fmt(f.tombstones)} tombstones; directory of ${fmt(f.dirLen)} entries, ${fmt(f.shared)} shared`);
    this.dirFrame.setAttribute('aria-label', `directory: ${fmt(f.dirLen)} entries over ${fmt(f.tables)} tables, ${fmt(f.shared)} of them shared`);
    this.frame.setAttribute('aria-valuemin', '0');
    this.frame.setAttribute('aria-valuemax', String(Math.max(0, this.n - 1)));
    this.frame.setAttribute('aria-valuenow', String(this.open));
    this.frame.setAttribute('aria-valuetext', `opened: ${describeTable(this.tables[this.open])}`);
  }

  #drawTables(pal) {
    const { cols, rows } = tableGrid(this.n);
    this.cols = cols;
    const w = cols * CELL_W;
    const hgt = rows * CELL_H;
    if (this.canvas.width !== w || this.canvas.height !== hgt) {
      this.canvas.width = w;
      this.canvas.height = hgt;
      this.canvas.style.aspectRatio = `${w} / ${hgt}`;
      this.frame.style.maxWidth = `${Math.max(w, 96)}px`;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, w, hgt);
    const maxCap = Math.max(1, ...this.tables.map((t) => t.capacity));
    const barH = CELL_H - 2;
    this.tables.forEach((t, i) => {
      const x = (i % cols) * CELL_W + 1;
      const bottom = Math.floor(i / cols) * CELL_H + CELL_H - 1;
      // Height by capacity (a 1024-slot table is full height); at least 3 px.
      const capH = Math.max(3, Math.round((t.capacity / maxCap) * barH));
      const usedH = t.capacity ? Math.round((t.used / t.capacity) * capH) : 0;
      const tombH = t.capacity && t.tombstones ? Math.max(1, Math.round((t.tombstones / t.capacity) * capH)) : 0;
      ctx.fillStyle = pal.free;
      ctx.fillRect(x, bottom - capH, CELL_W - 2, capH);
      ctx.fillStyle = pal.used;
      ctx.fillRect(x, bottom - usedH, CELL_W - 2, usedH);
      if (tombH) {
        ctx.fillStyle = pal.tomb;
        ctx.fillRect(x, bottom - usedH - tombH, CELL_W - 2, tombH);
      }
    });
  }

  // One column (or several, or a fraction of one) per directory entry; the
  // colour alternates at each table so runs show, shared runs in accent.
  #drawDirectory(model, pal) {
    const n = model.directory.length;
    if (this.dirCanvas.width !== DIR_W) this.dirCanvas.width = DIR_W;
    const ctx = this.dirCanvas.getContext('2d');
    ctx.clearRect(0, 0, DIR_W, DIR_H);
    let tone = 0;
    model.directory.forEach((e, i) => {
      if (e.first) tone ^= 1;
      const x0 = Math.floor((i / n) * DIR_W);
      const x1 = Math.max(x0 + 1, Math.floor(((i + 1) / n) * DIR_W));
      ctx.fillStyle = e.shared ? pal.shared : tone ? pal.a : pal.b;
      ctx.fillRect(x0, 0, x1 - x0, DIR_H);
    });
  }

  #place(mark, pos) {
    if (pos === null || pos === undefined || pos < 0 || pos >= this.n) {
      mark.hidden = true;
      return;
    }
    const { rows } = tableGrid(this.n);
    mark.hidden = false;
    Object.assign(mark.style, {
      left: `${((pos % this.cols) / this.cols) * 100}%`,
      width: `${(1 / this.cols) * 100}%`,
      top: `${(Math.floor(pos / this.cols) / rows) * 100}%`,
      height: `${(1 / rows) * 100}%`,
    });
  }

  #placeDir(model, index) {
    const n = model.directory.length;
    if (index === null || index === undefined || !n) {
      this.dirMark.hidden = true;
      return;
    }
    // The whole run of entries pointing at that table.
    const pos = model.directory[index].table;
    const entries = model.tables[pos].entries;
    this.dirMark.hidden = false;
    Object.assign(this.dirMark.style, {
      left: `${(entries[0] / n) * 100}%`,
      width: `${(entries.length / n) * 100}%`,
      top: '0',
      height: '100%',
    });
  }

  #at(ev) {
    if (!this.n) return null;
    const r = this.canvas.getBoundingClientRect();
    const col = Math.floor(((ev.clientX - r.left) / r.width) * this.cols);
    const row = Math.floor(((ev.clientY - r.top) / r.height) * tableGrid(this.n).rows);
    const pos = row * this.cols + col;
    return pos >= 0 && pos < this.n ? pos : null;
  }

  #key(ev) {
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: this.cols, ArrowUp: -this.cols, PageDown: this.cols * 4, PageUp: -this.cols * 4 };
    let to = null;
    if (ev.key === 'Home') to = 0;
    else if (ev.key === 'End') to = this.n - 1;
    else if (ev.key in moves) to = this.open + moves[ev.key];
    if (to === null) return;
    ev.preventDefault();
    ev.stopPropagation();
    this.onOpen?.(Math.max(0, Math.min(this.n - 1, to)));
  }
}

function describeTable(t) {
  if (!t) return '';
  const entries = t.entries.length === 1 ? `entry ${t.entries[0]}` : `entries ${t.entries[0]}–${t.entries.at(-1)}`;
  return `table T${t.pos}: used ${fmt(t.used)} of ${fmt(t.capacity)}, ${fmt(t.tombstones)} tombstones, growthLeft ${fmt(t.growthLeft)}, localDepth ${t.localDepth}, directory ${entries}`;
}

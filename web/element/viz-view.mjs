// What <go-map-viz> shows inside its shadow root, and the drawing of one
// moment: the hmap header, the bucket arrays (and the old one while
// growing), the overflow pool, the overview of a big map, the table, the
// note about refused attributes, the message line and the element's own
// controls. It knows nothing of attributes or events: the element
// (go-map-viz.mjs) decides what to show and tells the world.
import { h, setText, prefersReducedMotion } from '../render/dom.mjs';
import { BucketArrayView } from '../render/bucket-array.mjs';
import { HeaderView } from '../render/header-view.mjs';
import { PoolView } from '../render/pool-view.mjs';
import { OverviewView } from '../render/overview.mjs';
import { TableView } from '../render/table-view.mjs';
import { SwissTableView } from '../render/swiss-table-view.mjs';
import { readModel, WINDOW_BUCKETS } from '../render/map-model.mjs';
import { MomentCache } from '../render/moment-cache.mjs';
import { marksFor } from '../render/highlights.mjs';
import { legendView } from '../render/legend.mjs';
import { measureMoves, playMoves, landAll } from '../render/flip.mjs';
import { styleURL } from '../render/style-url.mjs';
import { darkMedia } from '../render/theme.mjs';
import { hex2, slotState, MIN_TOP_HASH, EVACUATED_X, EVACUATED_EMPTY } from '../player/tophash.mjs';
import { VizControls } from './viz-controls.mjs';
import { bucketFilter } from '../share/fields.mjs';
import { SwissView } from '../render/swiss-view.mjs';
import { readSwissModel, swissMarks, focusTablePos, allTables } from '../render/swiss-model.mjs';

const SHEETS = ['tokens-light.css', 'map.css', 'table.css', 'viz.css', 'viz-options.css', 'swiss.css'];

export class VizView {
  /**
   * @param {ShadowRoot} root
   * @param {{ onSelectWindow: (from: number) => void, onCommand: (command: string, arg?: number) => void,
   *           onInspect: (slot: object) => void }} callbacks
   */
  constructor(root, { onSelectWindow, onCommand, onInspect }) {
    this.onInspect = onInspect;
    this.windowFrom = 0;
    this.model = null;
    this.moments = new MomentCache(); // a fixed history's bucket models, read once
    this.resetMotion();
    // Until its sheets are in, the shadow content stays hidden: unstyled,
    // it would flash up several times its size on the host page (and an
    // embed page would report that height). A sheet that fails still counts.
    const links = SHEETS.map((sheet) => h('link', { rel: 'stylesheet', href: styleURL(sheet) }));
    let waiting = links.length;
    this.sheetsIn = false;
    let visible;
    this.visible = new Promise((resolve) => { visible = resolve; });
    const settle = () => {
      if (--waiting > 0) return;
      this.sheetsIn = true;
      this.#reveal();
      visible();
    };
    for (const link of links) {
      link.addEventListener('load', settle, { once: true });
      link.addEventListener('error', settle, { once: true });
    }
    root.append(...links);
    // The dark palette applies by the theme setting: by the system's
    // preference (auto), always (dark) or never (light).
    this.darkSheet = h('link', { rel: 'stylesheet', href: styleURL('tokens-dark.css'), media: darkMedia('auto') });
    root.append(this.darkSheet);
    this.headerView = new HeaderView();
    this.poolView = new PoolView();
    this.newArray = new BucketArrayView({ old: false });
    this.oldArray = new BucketArrayView({ old: true });
    this.newOverview = new OverviewView({ old: false, onSelect: onSelectWindow });
    this.oldOverview = new OverviewView({ old: true });
    this.tableView = new TableView();
    // Go 1.26's table: a row per slot of its groups (render/swiss-table-view.mjs).
    this.swissTableView = new SwissTableView();
    this.swissTableView.root.hidden = true;
    this.overviews = h('div', { class: 'overviews', hidden: true }, this.oldOverview.root, this.newOverview.root);
    this.arrays = h('div', { class: 'arrays' }, this.oldArray.root, this.newArray.root);
    this.inspect = h('p', { class: 'inspect', role: 'tooltip', 'aria-hidden': 'true', hidden: true });
    this.note = h('div', { class: 'viz-note', role: 'status', hidden: true });
    this.message = h('p', { class: 'viz-message', role: 'status' });
    this.bucketsNote = h('p', { class: 'buckets-note', hidden: true });
    this.reserved = 0; // the tallest this element has been on its timeline (stable height)
    this.layer = h('div', { class: 'ghost-layer', 'aria-hidden': 'true' });
    this.controlBar = new VizControls(onCommand);
    this.legend = legendView();
    // Go 1.26's map (a player whose session is a SwissGoMap) has its own picture.
    // Its overview (a big map) opens a table by the same window callback.
    // A paged window is read from the session again (the model has only the groups drawn).
    this.swissView = new SwissView({ onOpen: onSelectWindow, onPage: () => this.#drawSwiss(this.swissDrawn.p, { follow: false, density: this.swissDrawn.density }) });
    this.swissView.root.hidden = true;
    this.pictures = h('div', { class: 'pictures', hidden: true }, this.bucketsNote, this.overviews, this.arrays, this.poolView.root, this.inspect, this.legend, this.swissView.root);
    this.tableBox = h('div', { class: 'viz-table', hidden: true }, this.tableView.root, this.swissTableView.root);
    this.body = h('div', { class: 'viz', part: 'viz', hidden: true },
      this.note, this.controlBar.root, this.headerView.root, this.message, this.pictures, this.tableBox, this.layer);
    root.append(this.body);
    for (const type of ['pointerover', 'focusin']) {
      this.arrays.addEventListener(type, (ev) => this.#inspectCell(ev.target.closest?.('.slot')));
    }
    this.arrays.addEventListener('pointerleave', () => this.#inspectCell(null));
    this.arrays.addEventListener('focusout', () => this.#inspectCell(null));
    this.arrays.addEventListener('scroll', () => this.#inspectCell(null), { passive: true });
  }

  /** The next moment is drawn without flying keys (a new map, a jump). */
  resetMotion() {
    this.lastCells = new Map();
    this.lastPosition = null;
  }

  /** A line of status; error: it says why nothing (new) was drawn. */
  setMessage(text, { error = false } = {}) {
    setText(this.message, text);
    this.message.classList.toggle('is-error', error && !!text);
    this.#reveal();
  }

  // The frame shows once there is something in it: a map, a message or a
  // note. An element with nothing to show (no attributes, no player yet)
  // takes no room on its page, not even its padding and border.
  #reveal() {
    const something = !!this.model || !!this.message.textContent || !this.note.hidden;
    this.body.hidden = !this.sheetsIn || !something;
  }

  /** The refused attributes, as text (never markup). */
  showWarnings(list) {
    this.note.hidden = list.length === 0;
    if (!list.length) this.note.replaceChildren();
    else {
      this.note.replaceChildren(
        h('p', { text: list.length === 1 ? 'One attribute was not used as written:' : 'Some attributes were not used as written:' }),
        h('ul', {}, list.map((w) => h('li', { text: w.message }))));
    }
    this.#reveal();
  }

  /**
   * How the map is shown (kept, and applied again once the first moment
   * is drawn). Nothing of the map shows before there is one: empty
   * overviews and pool would make the element tall for a moment.
   * @param {{ theme: string, view: string, controls: 'full' | 'minimal' | 'none', standalone: boolean, header?: string,
   *   buckets?: string | null, height?: number | null, maxHeight?: number | null }} display
   */
  setDisplay(display) {
    const { theme, view, controls, standalone, header = 'full', buckets = null, height = null, maxHeight = null } = display;
    this.display = display;
    const drawn = !!this.model;
    if (drawn && this.body.dataset.theme !== theme) this.#landPalette();
    this.darkSheet.media = darkMedia(theme);
    this.body.dataset.theme = theme;
    this.body.dataset.view = view;
    this.body.classList.toggle('is-standalone', standalone);
    // Go 1.26's picture has its header inside; its table is its own view.
    const swiss = this.body.dataset.model === 'swiss';
    this.pictures.hidden = view === 'table' || !drawn;
    const tableWasHidden = this.tableBox.hidden;
    this.tableBox.hidden = view === 'buckets' || !drawn;
    // A table asked for after the moment was drawn shows that moment.
    if (tableWasHidden && !this.tableBox.hidden && !!this.model.swiss === swiss) {
      // A Swiss model read as windows of its big tables is read again whole.
      if (swiss && this.swissDrawn && allTables(this.model).some((t) => t.window)) this.#drawSwiss(this.swissDrawn.p, { follow: false, density: this.swissDrawn.density });
      else (swiss ? this.swissTableView : this.tableView).update(this.model);
    }
    this.headerView.root.hidden = !drawn || header === 'none' || swiss;
    this.swissView.header.hidden = header === 'none';
    this.body.dataset.header = header;
    if (buckets !== this.bucketsText) {
      this.bucketsText = buckets;
      this.showBucket = bucketFilter(buckets);
      if (drawn) this.#filterBuckets(this.model);
    }
    // A fixed height or a maximum one scrolls inside; otherwise the frame
    // keeps the tallest height it has had (reserve()), so stepping does
    // not make the page around it jump.
    const fixed = standalone && (height !== null || maxHeight !== null);
    this.body.classList.toggle('has-frame-height', fixed);
    if (fixed) this.body.style.boxSizing = 'border-box';
    this.body.style.height = standalone && height !== null ? `${height}px` : '';
    this.body.style.maxHeight = standalone && maxHeight !== null ? `${maxHeight}px` : '';
    this.stable = standalone && !fixed;
    if (!this.stable) this.body.style.minHeight = '';
    this.controlBar.setMode(standalone && drawn ? controls : 'none');
    this.#reveal();
  }

  /** Resolves once the sheets are in and the frame shows (it can be measured). */
  async whenVisible() {
    await this.visible;
    // Text takes its size once its fonts are in.
    await document.fonts?.ready;
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }

  /** Forget the reserved height (a new map: its own timeline). */
  resetHeight() {
    this.reserved = 0;
    this.body.style.minHeight = '';
  }

  /** Keep at least the height drawn now (stable height while stepping). */
  reserve() {
    if (!this.stable || this.body.hidden) return this.reserved;
    // Chains at their real size, not content-visibility's placeholder.
    const measuring = this.body.classList.contains('is-measuring');
    if (!measuring) this.body.classList.add('is-measuring');
    const h = Math.ceil(this.body.getBoundingClientRect().height);
    if (!measuring) this.body.classList.remove('is-measuring');
    if (h > this.reserved) {
      this.reserved = h;
      // The measure is the border box; so is the floor. The room a short
      // moment does not need stays below it (a grid would stretch its rows).
      this.body.style.boxSizing = 'border-box';
      this.body.style.alignContent = 'start';
      this.body.style.minHeight = `${h}px`;
    }
    return this.reserved;
  }

  // buckets="3,7,11": only those buckets of the array shown (and, while
  // doubling, the old buckets that feed them), with a note saying so.
  #filterBuckets(model) {
    const show = this.showBucket;
    const n = model?.newArray?.n ?? 0;
    const nOld = model?.oldArray?.n ?? 0;
    let shown = 0;
    for (const chain of this.newArray.root.querySelectorAll('.chain')) {
      const i = Number(chain.dataset.index);
      chain.hidden = !!show && !show(i);
      if (!chain.hidden) shown++;
    }
    for (const chain of this.oldArray.root.querySelectorAll('.chain')) {
      const i = Number(chain.dataset.index);
      chain.hidden = !!show && !(show(i) || show(i + nOld));
    }
    this.bucketsNote.hidden = !show || !n;
    if (show && n) this.bucketsNote.textContent = `Showing ${shown} of ${n} bucket${n === 1 ? '' : 's'} (${this.bucketsText}).`;
  }

  // Slots and fields fade to show a change of state; a new palette is not
  // one (a page that takes a link's theme after its first draw would make
  // the whole map fade from one theme to the other), so for two frames
  // nothing transitions.
  #landPalette() {
    this.body.classList.add('palette-switch');
    requestAnimationFrame(() => requestAnimationFrame(() => this.body.classList.remove('palette-switch')));
  }

  /**
   * Draws the player's current moment.
   * @param {import('../player/player.mjs').Player} p
   * @param {{ animate: boolean, follow: boolean, density: string }} options
   * @returns {{ model: ReturnType<typeof import('../render/map-model.mjs').readModel> | import('../render/swiss-model.mjs').SwissModel,
   *   marks: import('../render/highlights.mjs').Marks | ReturnType<typeof import('../render/swiss-model.mjs').swissMarks>,
   *   frame: ReturnType<import('../player/player.mjs').Player['frame']>, moment?: ReturnType<import('../player/player.mjs').Player['moment']> }}
   */
  draw(p, { animate, follow, density }) {
    landAll(this.layer);
    this.#showModel(p.swiss ? 'swiss' : 'buckets');
    if (p.swiss) return this.#drawSwiss(p, { follow, density });
    // The moment at the cursor, its bytes in the session (player.mjs moment()).
    const moment = p.moment();
    const { frame } = moment;
    // For big maps the detailed window follows the bucket the step is about.
    const header0 = moment.header;
    const n = header0.created ? 2 ** header0.B : 0;
    if (follow && n > 512) {
      const b = focusBucket(frame);
      if (b !== null && b < n && (b < this.windowFrom || b >= this.windowFrom + WINDOW_BUCKETS)) {
        this.windowFrom = b - (b % WINDOW_BUCKETS);
      }
    }
    const windowFrom = this.windowFrom;
    const model = this.moments.get(p, frame, `${density}|${windowFrom}`, () => readModel(p.map, { windowFrom, density }));
    this.windowFrom = model.newArray?.from ?? 0;
    const first = !this.model;
    this.model = model;
    if (first && this.display) this.setDisplay(this.display);
    if (first) this.#reveal();
    const marks = marksFor(frame, model, moment.iterator);
    const moving = animate && this.lastPosition !== null && Math.abs(frame.position - this.lastPosition) === 1;
    const moves = moving ? measureMoves(this.lastCells, liveLocations(model), duplicateKeys(model)) : [];

    this.headerView.update(model.header, { changes: moving });
    const hasMap = !!model.newArray;
    this.body.dataset.density = model.density;
    this.arrays.hidden = !hasMap;
    this.overviews.hidden = model.density !== 'overview';
    this.arrays.classList.toggle('has-old', !!model.oldArray);
    if (hasMap) {
      if (model.density === 'overview') {
        this.newOverview.update(p.map, model.header, { from: model.newArray.from, size: model.newArray.chains.length });
        this.oldOverview.root.hidden = !model.oldArray;
        if (model.oldArray) this.oldOverview.update(p.map, model.header);
      }
      this.newArray.update(model.newArray, { header: model.header, marks, waiting: waitingForEvacuation(model) });
      this.oldArray.root.hidden = !model.oldArray;
      if (model.oldArray) this.oldArray.update(model.oldArray, { header: model.header, marks });
    }
    this.poolView.update(hasMap ? model.pool : null, marks);
    this.body.classList.toggle('is-growing', !!model.oldArray);

    const cells = new Map();
    const seen = new Set();
    if (model.oldArray) this.oldArray.liveCells(cells, seen);
    this.newArray.liveCells(cells, seen);
    this.lastCells = cells;
    this.lastPosition = frame.position;
    if (moves.length) playMoves(moves, (loc) => this.newArray.cell(loc) ?? this.oldArray.cell(loc), this.layer);
    if (this.showBucket) this.#filterBuckets(model);
    if (follow && marks.focus) this.#followLater(() => this.#scrollTo(marks.focus));
    if (!this.tableBox.hidden) this.tableView.update(model);
    return { model, marks, frame, moment };
  }

  // The bucket map's parts or the Swiss table's, whichever the player has.
  #showModel(kind) {
    if (this.body.dataset.model === kind) return;
    this.body.dataset.model = kind;
    // The window is a bucket under 1.14, the opened table under 1.26.
    this.windowFrom = 0;
    const swiss = kind === 'swiss';
    this.swissView.root.hidden = !swiss;
    this.tableView.root.hidden = swiss;
    this.swissTableView.root.hidden = !swiss;
    for (const el of [this.legend, this.arrays, this.overviews, this.poolView.root, this.bucketsNote]) if (swiss) el.hidden = true;
    if (!swiss) this.legend.hidden = false;
    this.resetMotion();
    // The header, table and pictures follow the display settings again.
    if (this.display && this.model) this.setDisplay(this.display);
  }

  // Go 1.26: the model is read from the session's bytes (state()) at the
  // moment the player put them at; the step's marks come from its event.
  #drawSwiss(p, { follow, density }) {
    const moment = p.moment();
    const { frame } = moment;
    // A big map's opened table (windowFrom: its place in the overview),
    // known by address across moments, is read with its groups.
    const openAddr = this.model?.swiss ? this.model.tables[this.windowFrom]?.addr : undefined;
    this.swissDrawn = { p, density };
    // A big table is read as the window of its groups drawn, unless the
    // table view (every group read) is shown.
    const dense = density === 'compact' || density === 'overview';
    const read = { windowOf: this.tableBox.hidden ? (addr) => this.swissView.windowOf(addr) : null, dense };
    let model = readSwissModel(p.map, frame, openAddr ? [openAddr] : [], read);
    const marks = swissMarks(frame, model);
    let open = openAddr ? model.tables.findIndex((t) => t.addr === openAddr) : 0;
    const focusTable = follow ? focusTablePos(model, marks) : null;
    if (focusTable !== null) open = focusTable;
    open = Math.max(0, open);
    if (model.tables[open]?.summary) {
      model = readSwissModel(p.map, frame, [model.tables[open].addr], read);
      Object.assign(marks, swissMarks(frame, model));
    }
    this.windowFrom = open;
    const first = !this.model;
    this.model = model;
    if (first && this.display) this.setDisplay(this.display);
    if (first) this.#reveal();
    this.headerView.root.hidden = true;
    this.swissView.header.hidden = this.display?.header === 'none';
    this.body.dataset.density = model.density;
    this.body.classList.remove('is-growing');
    // density compact or overview: every table dense (control bytes; the
    // groups a step is about in full), as compare mode asks for.
    const theme = `${this.body.dataset.theme}:${matchMedia(this.darkSheet.media || 'not all').matches}`;
    this.swissView.update(model, marks, { dense, open, theme });
    this.lastPosition = frame.position;
    if (!this.tableBox.hidden) this.swissTableView.update(model);
    if (follow) this.#followLater(() => this.#keepInView(this.swissView.focusElement()));
    return { model, marks, frame, moment };
  }

  // Scrolling to the step reads the layout: on the next frame, once the
  // page has written all of this moment (narration, panels), the one
  // layout the frame needs serves it, instead of one forced here and
  // another after each later write. A newer followed moment replaces the
  // pending scroll, and one drawn since at another position cancels it.
  #followLater(scroll) {
    cancelAnimationFrame(this.followFrame);
    const at = this.lastPosition;
    this.followFrame = requestAnimationFrame(() => {
      if (this.lastPosition === at) scroll();
    });
  }

  // Inside the element only (never the host page): a group row scrolled
  // sideways, and a frame of fixed height scrolled, to show what the step marks.
  #keepInView(el) {
    if (!el) return;
    const behavior = prefersReducedMotion() ? 'auto' : 'smooth';
    for (const box of [el.closest('.sw-groups'), this.body]) {
      if (!box) continue;
      const b = box.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (box.scrollWidth > box.clientWidth + 1 && (r.left < b.left || r.right > b.right)) box.scrollBy({ left: r.left - b.left - 16, behavior });
      if (box.scrollHeight > box.clientHeight + 1 && (r.top < b.top || r.bottom > b.bottom)) box.scrollBy({ top: r.top - b.top - b.height / 3, behavior });
    }
  }

  #scrollTo(a) {
    const cell = this.newArray.cell(`${a}:0`) ?? this.oldArray.cell(`${a}:0`);
    const bucket = cell?.parentElement;
    if (!bucket) return;
    const box = this.arrays.getBoundingClientRect();
    const r = bucket.getBoundingClientRect();
    const behavior = prefersReducedMotion() ? 'auto' : 'smooth';
    if (this.arrays.scrollHeight > this.arrays.clientHeight + 1 && (r.top < box.top || r.bottom > box.bottom)) {
      this.arrays.scrollBy({ top: r.top - box.top - box.height / 3, behavior });
    }
    if (this.arrays.scrollWidth > this.arrays.clientWidth + 1 && (r.left < box.left || r.right > box.right)) {
      this.arrays.scrollBy({ left: r.left - box.left - 16, behavior });
    }
  }

  // The slot under the pointer or the keyboard focus, in words, in a
  // tooltip beside it (compact cells show only the tophash).
  #inspectCell(cell) {
    const rec = cell?._gomap;
    if (!rec) {
      this.inspect.hidden = true;
      return;
    }
    const st = slotState(rec.t);
    const parts = [`${rec.bucketName}, slot ${rec.slot}`, `tophash 0x${hex2(rec.t)} (${st.name})`];
    if (rec.t >= MIN_TOP_HASH) {
      parts.push(`key ${rec.keyText ?? '(unreadable)'}`, `value ${rec.value ?? ''}`);
    } else if (rec.storedKey !== null && rec.storedKey !== undefined) {
      parts.push(`stale key bytes ${rec.storedKey}`);
    }
    parts.push(`at 0x${rec.addr}`);
    const text = parts.join(' · ');
    setText(this.inspect, text);
    rec.el.setAttribute('aria-label', text);
    this.inspect.hidden = false;
    const r = rec.el.getBoundingClientRect();
    const tip = this.inspect.getBoundingClientRect();
    const left = Math.max(4, Math.min(window.innerWidth - tip.width - 4, r.left + r.width / 2 - tip.width / 2));
    const above = r.top - tip.height - 6;
    Object.assign(this.inspect.style, { left: `${left}px`, top: `${above > 4 ? above : r.bottom + 6}px` });
    this.onInspect({ ...rec, el: undefined, th: undefined, k: undefined, v: undefined });
  }
}

// Where each live key will be drawn (the new array wins over the old).
function liveLocations(model) {
  const locs = new Map();
  for (const arr of [model.oldArray, model.newArray]) {
    for (const chain of arr?.chains ?? []) {
      for (const b of chain) {
        for (let s = 0; s < 8; s++) if (b.t[s] >= MIN_TOP_HASH && b.k[s] !== null) locs.set(b.k[s], `${b.addr}:${s}`);
      }
    }
  }
  return locs;
}

// The same text twice in one array (NaN keys) has no single identity to follow.
function duplicateKeys(model) {
  const dups = new Set();
  for (const arr of [model.oldArray, model.newArray]) {
    const seen = new Set();
    for (const chain of arr?.chains ?? []) {
      for (const b of chain) {
        for (let s = 0; s < 8; s++) {
          const k = b.k[s];
          if (b.t[s] < MIN_TOP_HASH || k === null) continue;
          if (seen.has(k)) dups.add(k);
          seen.add(k);
        }
      }
    }
  }
  return dups;
}

// While doubling, a new bucket still waits for its old bucket to be evacuated.
function waitingForEvacuation(model) {
  const old = model.oldArray;
  if (!old || old.sameSize) return null;
  return (i) => {
    const c = old.chains[(i & (old.n - 1)) - old.from];
    if (!c) return false;
    const t0 = c[0].t[0];
    return !(t0 >= EVACUATED_X && t0 <= EVACUATED_EMPTY);
  };
}

// The new-array bucket index a moment is about: the current event's, or at
// an operation's end the bucket its last claim or find happened in.
function focusBucket(frame) {
  if (frame.event) return frame.event.old ? null : frame.event.bucket;
  const last = [...(frame.events ?? [])].reverse().find((e) => (e.e === 'claimSlot' || e.e === 'found') && !e.old);
  return last ? last.bucket : null;
}

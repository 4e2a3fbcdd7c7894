// <go-map-viz>: the map drawn from its bytes — the hmap header, the bucket
// array (and the old one beside it while growing), the overflow pool, and
// for big maps a zoomed-out overview with a detailed window.
//
// Two ways to use it:
//  - on its own, from attributes, as a blog post embeds it:
//      <go-map-viz map-type="map[int64]int64" seed="7" ops="fill 20; del 3"
//                  step="2" controls="minimal"></go-map-viz>
//    It loads the map module once per page, replays the scenario into its
//    own Player and shows the chosen step (README: "Embedding");
//  - driven by a page that runs its own Player (the playground): the page
//    sets `el.player = player` and calls `el.show({ animate })` after each
//    move of the cursor; the element then only draws.
// Attributes are read with web/share's grammar (settings.mjs) and mirrored
// by typed properties; changes are batched in a microtask. Moving the
// element in the document keeps its map (connectedCallback is idempotent).
// Events: `ready`, `step-change`, `gomap-error`, `gomap-window`,
// `gomap-inspect` (all CustomEvents; go-map-viz.d.ts types their detail).
import { h, setText } from '../render/dom.mjs';
import { BucketArrayView } from '../render/bucket-array.mjs';
import { HeaderView } from '../render/header-view.mjs';
import { PoolView } from '../render/pool-view.mjs';
import { OverviewView } from '../render/overview.mjs';
import { TableView } from '../render/table-view.mjs';
import { readModel, WINDOW_BUCKETS } from '../render/map-model.mjs';
import { marksFor } from '../render/highlights.mjs';
import { measureMoves, playMoves, landAll } from '../render/flip.mjs';
import { hex2, slotState, MIN_TOP_HASH, EVACUATED_X, EVACUATED_EMPTY } from '../player/tophash.mjs';
import { prefersReducedMotion } from '../render/dom.mjs';
import { styleURL } from '../render/style-url.mjs';
import { positionOfStep, stepOfFrame } from '../share/permalink.mjs';
import { describeFrame } from '../app/describe.mjs';
import { OBSERVED, PROPERTY_OF, SHARED_ATTRS, attributeText, needsReload, propertyValue, readSettings } from './settings.mjs';
import { buildPlayer, loadModule } from './standalone.mjs';
import { Playback } from './playback.mjs';
import { VizControls } from './viz-controls.mjs';

const STATES = [
  ['s-live', '8f', 'live', 'a key lives here; the byte is the top of its hash'],
  ['s-rest', '00', 'emptyRest', 'empty, and so is the rest of the chain'],
  ['s-one', '01', 'emptyOne', 'empty, later slots may be live'],
  ['s-x', '02', 'evacuatedX', 'moved to the X half'],
  ['s-y', '03', 'evacuatedY', 'moved to the Y half'],
  ['s-ee', '04', 'evacuatedEmpty', 'was empty when evacuated'],
];
const SHEETS = ['tokens-light.css', 'map.css', 'table.css', 'viz.css'];
// How long an element of its own may stay out of the document before its
// map is freed (a move puts it back at once; a tab panel may take a while).
const RELEASE_AFTER_MS = 10000;
const DARK_MEDIA = { auto: '(prefers-color-scheme: dark)', dark: 'all', light: 'not all' };

/** The step-change detail for a frame (see go-map-viz.d.ts). */
function stepDetail(frame, playing) {
  const step = stepOfFrame(frame);
  return {
    step: step === null ? 'end' : step.micro === null ? `${step.op}` : `${step.op}.${step.micro}`,
    position: frame.position,
    total: frame.total,
    op: frame.op + 1,
    micro: frame.phase === 'event' ? frame.step : null,
    phase: frame.phase,
    command: frame.command ?? null,
    playing,
  };
}

export class GoMapViz extends HTMLElement {
  static observedAttributes = OBSERVED;

  #built = false;
  #pending = false;
  #player = null;
  #ownPlayer = false;
  #loadToken = 0;
  #windowFrom = 0;
  #lastCells = new Map();
  #lastPosition = null;
  #emittedPosition = null;
  #emittedPlayer = null;
  #attrVersion = 0;
  #settingsVersion = -1;
  #settings = null;
  #warnings = [];
  #builtWith = null;    // the settings of the map on screen (own player)
  #tried = null;        // the settings of the last load, in flight, done or failed
  #shownStep;           // the step setting last sought to
  #shownAutoplay = false;
  #playback = new Playback();
  #resumeOnConnect = false;
  #freeTimer = 0;

  connectedCallback() {
    clearTimeout(this.#freeTimer);
    if (!this.#built) this.#build();
    // Properties set before the element was defined shadow the accessors.
    for (const prop of Object.values(PROPERTY_OF)) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const v = this[prop];
        delete this[prop];
        this[prop] = v;
      }
    }
    if (this.#resumeOnConnect) {
      this.#resumeOnConnect = false;
      this.#play({ fromStart: false });
    }
    if (!this.#player) this.#schedule();
  }

  disconnectedCallback() {
    // The map is kept on purpose: moving the element re-connects it with
    // its state. Only a running playback stops, and resumes on return.
    if (this.#playback.playing) {
      this.#playback.stop();
      this.#resumeOnConnect = true;
    }
    // An element of its own that stays out of the document gives its map's
    // memory back (a wasm session is not garbage-collected); if it returns
    // after that, it rebuilds the map from its attributes.
    clearTimeout(this.#freeTimer);
    if (this.#ownPlayer) this.#freeTimer = setTimeout(() => this.#release(), RELEASE_AFTER_MS);
  }

  #release() {
    if (this.isConnected || !this.#ownPlayer || !this.#player) return;
    this.#loadToken++;
    this.#player.free();
    this.#player = null;
    this.#ownPlayer = false;
    this.#builtWith = null;
    this.#tried = null;
    this.#resumeOnConnect = false;
    this.lastModel = null;
    this.#lastCells = new Map();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    this.#attrVersion++;
    this.#schedule();
  }

  /** A Player driven by the page; the element then only draws. */
  get player() {
    return this.#player;
  }

  set player(p) {
    if (this.#ownPlayer && this.#player && this.#player !== p) this.#player.free();
    this.#playback.stop();
    this.#loadToken++;
    this.#player = p;
    this.#ownPlayer = false;
    this.#builtWith = null;
    this.#tried = null;
    this.#lastCells = new Map();
    if (this.#built) this.#applyDisplay();
  }

  /** First bucket of the detailed window (big maps). */
  get windowFrom() {
    return this.#windowFrom;
  }

  set windowFrom(v) {
    this.#windowFrom = Math.max(0, Math.floor(v));
  }

  /** The model last drawn (header, arrays, pool, address index). */
  get model() {
    return this.lastModel ?? null;
  }

  /** Problems with the attributes, as shown in the element's note. */
  get warnings() {
    return this.#warnings.map((w) => ({ ...w }));
  }

  /** The step drawn now, in the attribute's grammar (`N`, `N.M` or `end`); null before a map is drawn. */
  get currentStep() {
    return this.#player ? stepDetail(this.#player.frame(), false).step : null;
  }

  /** Whether the element's own playback is running. */
  get playing() {
    return this.#playback.playing;
  }

  play() {
    this.#play({ fromStart: false });
  }

  pause() {
    this.#pause();
  }

  // The settings in use, re-read once per change of the attributes, so a
  // property reads back what was just set. A refused value keeps the one
  // in use before (settings.mjs).
  #settingsNow() {
    if (this.#settingsVersion !== this.#attrVersion || !this.#settings) {
      const r = readSettings((n) => this.getAttribute(n), this.#settings, import.meta.url);
      this.#settings = r.settings;
      this.#warnings = r.warnings;
      this.#settingsVersion = this.#attrVersion;
    }
    return this.#settings;
  }

  #build() {
    this.#built = true;
    const root = this.attachShadow({ mode: 'open' });
    // Until its sheets are in, the shadow content stays hidden: unstyled,
    // it would flash up several times its size on the host page (and an
    // embed page would report that height). A sheet that fails still counts.
    const links = SHEETS.map((sheet) => h('link', { rel: 'stylesheet', href: styleURL(sheet) }));
    let waiting = links.length;
    const settle = () => {
      if (--waiting === 0) this.body.hidden = false;
    };
    for (const link of links) {
      link.addEventListener('load', settle, { once: true });
      link.addEventListener('error', settle, { once: true });
    }
    root.append(...links);
    // The dark palette applies by the theme setting: by the system's
    // preference (auto), always (dark) or never (light).
    this.darkSheet = h('link', { rel: 'stylesheet', href: styleURL('tokens-dark.css'), media: DARK_MEDIA.auto });
    root.append(this.darkSheet);
    this.headerView = new HeaderView();
    this.poolView = new PoolView();
    this.newArray = new BucketArrayView({ old: false });
    this.oldArray = new BucketArrayView({ old: true });
    this.newOverview = new OverviewView({ old: false, onSelect: (from) => this.#selectWindow(from) });
    this.oldOverview = new OverviewView({ old: true });
    this.tableView = new TableView();
    this.overviews = h('div', { class: 'overviews', hidden: true }, this.oldOverview.root, this.newOverview.root);
    this.arrays = h('div', { class: 'arrays' }, this.oldArray.root, this.newArray.root);
    this.inspect = h('p', { class: 'inspect', role: 'tooltip', 'aria-hidden': 'true', hidden: true });
    this.note = h('div', { class: 'viz-note', role: 'status', hidden: true });
    this.message = h('p', { class: 'viz-message', role: 'status' });
    this.layer = h('div', { class: 'ghost-layer', 'aria-hidden': 'true' });
    this.controlBar = new VizControls((command, arg) => this.#command(command, arg));
    this.legend = h('ul', { class: 'legend', 'aria-label': 'slot states' },
      STATES.map(([cls, hex, name, what]) => h('li', { title: what },
        h('span', { class: `slot swatch ${cls}` }, h('span', { class: 'th', text: hex })), ` ${name}`)));
    this.pictures = h('div', { class: 'pictures', hidden: true }, this.overviews, this.arrays, this.poolView.root, this.inspect, this.legend);
    this.tableBox = h('div', { class: 'viz-table', hidden: true }, this.tableView.root);
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

  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#update();
    });
  }

  // Reads the attributes and does what changed: rebuild the map, seek,
  // start or stop playing, or only redraw.
  #update() {
    const settings = this.#settingsNow();
    this.#showWarnings();
    this.#applyDisplay();
    const pageDriven = this.#player && !this.#ownPlayer;
    if (pageDriven) {
      this.show({ animate: false, follow: false });
      return;
    }
    if (!SHARED_ATTRS.some((a) => this.hasAttribute(a))) return;
    this.#playback.speed = settings.speed;
    if (needsReload(this.#tried, settings)) {
      // A map not tried yet; one that failed is not tried again until its
      // attributes change.
      if (this.#builtWith && !needsReload(this.#builtWith, settings)) this.#backToBuilt();
      else {
        this.#load(settings);
        return;
      }
    }
    if (!this.#player) return;
    const stepText = propertyValue(settings, 'step');
    if (stepText !== this.#shownStep) {
      this.#shownStep = stepText;
      this.#pause();
      this.#player.seek(positionOfStep(settings.step, this.#player.history));
    }
    if (settings.autoplay !== this.#shownAutoplay) {
      this.#shownAutoplay = settings.autoplay;
      if (settings.autoplay) this.#play({ fromStart: settings.step === null });
      else this.#pause();
    }
    this.#draw({ animate: false });
  }

  #showWarnings() {
    const list = this.#warnings;
    this.note.hidden = list.length === 0;
    if (!list.length) {
      this.note.replaceChildren();
      return;
    }
    // Text nodes only: a hostile value is shown as the characters it is.
    this.note.replaceChildren(
      h('p', { text: list.length === 1 ? 'One attribute was not used as written:' : 'Some attributes were not used as written:' }),
      h('ul', {}, list.map((w) => h('li', { text: w.message }))));
  }

  // Theme, view and controls: how the map is shown, not which map.
  #applyDisplay() {
    const s = this.#settingsNow();
    const pageDriven = this.#player && !this.#ownPlayer;
    this.darkSheet.media = DARK_MEDIA[s.theme] ?? DARK_MEDIA.auto;
    this.body.dataset.theme = s.theme;
    this.body.dataset.view = s.view;
    this.body.classList.toggle('is-standalone', !pageDriven);
    // Nothing of the map shows before there is a map: empty overviews and
    // pool would make the element tall for a moment.
    this.pictures.hidden = s.view === 'table' || !this.lastModel;
    this.tableBox.hidden = s.view === 'buckets' || !this.lastModel;
    this.headerView.root.hidden = !this.lastModel;
    this.controlBar.setMode(pageDriven || !this.lastModel ? 'none' : s.controls);
  }

  // The attributes are back to the map on screen: forget the failed or
  // pending load and its message.
  #backToBuilt() {
    this.#loadToken++;
    this.#tried = this.#builtWith;
    setText(this.message, '');
  }

  async #load(settings) {
    this.#tried = settings;
    const token = ++this.#loadToken;
    this.#playback.stop();
    setText(this.message, this.#player ? 'Loading the new scenario…' : 'Loading…');
    let r;
    try {
      const gomap = await loadModule(settings.moduleSrc);
      if (token !== this.#loadToken) return;
      r = await buildPlayer(gomap, settings);
    } catch (err) {
      if (token === this.#loadToken) setText(this.message, `The map module could not be loaded: ${err?.message ?? err}`);
      return;
    }
    if (token !== this.#loadToken) {
      r.player?.free();
      return;
    }
    if (!r.ok) {
      // The map on screen (if any) stays as it was.
      setText(this.message, r.errors.slice(0, 20).map((e) => `${e.line ? `ops line ${e.line}` : 'set-up'}: ${e.message}`).join('\n'));
      this.dispatchEvent(new CustomEvent('gomap-error', { detail: { errors: r.errors } }));
      return;
    }
    if (this.#ownPlayer && this.#player) this.#player.free();
    this.#player = r.player;
    this.#ownPlayer = true;
    this.#builtWith = settings;
    this.#lastCells = new Map();
    this.#lastPosition = null;
    this.#windowFrom = 0;
    setText(this.message, '');
    this.#applyDisplay();
    const s = this.#settings;
    this.#shownStep = propertyValue(s, 'step');
    this.#shownAutoplay = s.autoplay;
    r.player.seek(positionOfStep(s.step, r.player.history));
    this.#draw({ animate: false, quiet: true });
    this.dispatchEvent(new CustomEvent('ready', { detail: { ...stepDetail(r.player.frame(), false), operations: r.player.history.length } }));
    if (s.autoplay) this.#play({ fromStart: s.step === null });
  }

  // ---- the element's own playback (standalone) -----------------------------

  #command(command, arg) {
    const p = this.#player;
    if (!p || !this.#ownPlayer) return;
    if (command === 'play') {
      if (this.#playback.playing) this.#pause();
      else this.#play({ fromStart: p.atHead });
      return;
    }
    this.#pause();
    const to = { 'to-start': 0, 'step-back': p.position - 1, 'step-forward': p.position + 1, 'to-end': p.total - 1, seek: arg }[command];
    if (to === undefined) return;
    const before = p.position;
    p.seek(to);
    this.#draw({ animate: Math.abs(p.position - before) === 1 });
  }

  #play({ fromStart }) {
    const p = this.#player;
    if (!p || !this.#ownPlayer || !this.isConnected) return;
    if (fromStart || p.atHead) p.seek(0);
    this.#playback.speed = this.#settingsNow().speed;
    this.#playback.start(() => {
      if (!this.#player || this.#player !== p || p.atHead) {
        this.#draw({ animate: false });
        return false;
      }
      p.seek(p.position + 1);
      this.#draw({ animate: true });
      if (!p.atHead) return true;
      queueMicrotask(() => this.#draw({ animate: false }));
      return false;
    });
    this.#draw({ animate: false });
  }

  #pause() {
    if (!this.#playback.playing) return;
    this.#playback.stop();
    if (this.#player) this.#draw({ animate: false });
  }

  // Draws the moment and refreshes the element's controls.
  #draw({ animate, quiet = false }) {
    const shown = this.show({ animate, follow: true, quiet });
    if (!shown || this.controlBar.mode === 'none') return;
    const d = describeFrame(this.#player, shown.frame, shown.model);
    this.controlBar.update(shown.frame, {
      playing: this.#playback.playing,
      counter: `${shown.frame.position} / ${shown.frame.total - 1}`,
      narration: `${d.counter}${d.fn ? ` · ${d.fn}` : ''}: ${d.text}`,
    });
  }

  #selectWindow(from) {
    this.#windowFrom = from;
    this.show({ animate: false, follow: false });
    this.dispatchEvent(new CustomEvent('gomap-window', { detail: { from } }));
  }

  /**
   * Draws the player's current moment.
   * @param {{ animate?: boolean, follow?: boolean, quiet?: boolean }} options
   *   animate: fly moved keys to their new cells; follow: scroll the step's
   *   bucket into view; quiet: no step-change event for this moment.
   */
  show({ animate = true, follow = true, quiet = false } = {}) {
    if (!this.#built) this.#build();
    const p = this.#player;
    if (!p) return null;
    landAll(this.layer);
    const frame = p.frame();
    // For big maps the detailed window follows the bucket the step is about.
    const header0 = p.map.header();
    const n = header0.created ? 2 ** header0.B : 0;
    if (follow && n > 512) {
      const b = focusBucket(frame);
      if (b !== null && b < n && (b < this.#windowFrom || b >= this.#windowFrom + WINDOW_BUCKETS)) {
        this.#windowFrom = b - (b % WINDOW_BUCKETS);
      }
    }
    const model = readModel(p.map, { windowFrom: this.#windowFrom, density: this.#settingsNow().density });
    this.#windowFrom = model.newArray?.from ?? 0;
    this.lastModel = model;
    this.#applyDisplay();
    const marks = marksFor(frame, model, model.header.iterator);
    const moving = animate && this.#lastPosition !== null && Math.abs(frame.position - this.#lastPosition) === 1;
    // Where will each live key be drawn? (new array wins over old)
    const nextLocs = new Map();
    const dups = new Set();
    for (const arr of [model.oldArray, model.newArray]) {
      if (!arr) continue;
      const inThisArray = new Set();
      for (const chain of arr.chains) {
        for (const b of chain) {
          for (let s = 0; s < 8; s++) {
            const k = b.k[s];
            if (b.t[s] < MIN_TOP_HASH || k === null) continue;
            // The same text twice (NaN keys) has no single identity to follow.
            if (inThisArray.has(k)) dups.add(k);
            inThisArray.add(k);
            nextLocs.set(k, `${b.addr}:${s}`);
          }
        }
      }
    }
    const moves = moving ? measureMoves(this.#lastCells, nextLocs, dups) : [];

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
      const oldChains = model.oldArray?.chains;
      const waiting = model.oldArray && !model.oldArray.sameSize
        ? (i) => {
          const o = i & (model.oldArray.n - 1);
          const c = oldChains[o - model.oldArray.from];
          if (!c) return false;
          const t0 = c[0].t[0];
          return !(t0 >= EVACUATED_X && t0 <= EVACUATED_EMPTY);
        }
        : null;
      this.newArray.update(model.newArray, { header: model.header, marks, waiting });
      this.oldArray.root.hidden = !model.oldArray;
      if (model.oldArray) this.oldArray.update(model.oldArray, { header: model.header, marks });
    }
    this.poolView.update(hasMap ? model.pool : null, marks);
    this.body.classList.toggle('is-growing', !!model.oldArray);

    const cells = new Map();
    const seen = new Set();
    if (model.oldArray) this.oldArray.liveCells(cells, seen);
    this.newArray.liveCells(cells, seen);
    this.#lastCells = cells;
    this.#lastPosition = frame.position;
    if (moves.length) playMoves(moves, (loc) => this.newArray.cell(loc) ?? this.oldArray.cell(loc), this.layer);
    if (follow && marks.focus) this.#scrollTo(marks.focus);
    if (!this.tableBox.hidden) this.tableView.update(model);
    if (frame.position !== this.#emittedPosition || p !== this.#emittedPlayer) {
      this.#emittedPosition = frame.position;
      this.#emittedPlayer = p;
      if (!quiet) this.dispatchEvent(new CustomEvent('step-change', { detail: stepDetail(frame, this.#playback.playing) }));
    }
    return { model, marks, frame };
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
    this.dispatchEvent(new CustomEvent('gomap-inspect', { detail: { slot: { ...rec, el: undefined, th: undefined, k: undefined, v: undefined } } }));
  }

  // Typed property mirrors of the attributes (mapType, hasher, seed, ops,
  // step, view, theme, speed, autoplay, controls, density, moduleSrc): a
  // getter gives the value in use, a setter writes the attribute.
  static {
    for (const [attr, prop] of Object.entries(PROPERTY_OF)) {
      Object.defineProperty(this.prototype, prop, {
        configurable: true,
        enumerable: true,
        get() {
          return propertyValue(this.#settingsNow(), prop);
        },
        set(value) {
          const text = attributeText(prop, value);
          if (text === null) this.removeAttribute(attr);
          else this.setAttribute(attr, text);
        },
      });
    }
  }
}

// The new-array bucket index a moment is about: the current event's, or at
// an operation's end the bucket its last claim or find happened in.
function focusBucket(frame) {
  if (frame.event) return frame.event.old ? null : frame.event.bucket;
  const last = [...(frame.events ?? [])].reverse().find((e) => (e.e === 'claimSlot' || e.e === 'found') && !e.old);
  return last ? last.bucket : null;
}

/** Defines <go-map-viz> once, however many times this module is imported. */
export function define(name = 'go-map-viz') {
  if (!customElements.get(name)) customElements.define(name, class extends GoMapViz {});
  return customElements.get(name);
}

define();

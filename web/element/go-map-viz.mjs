// <go-map-viz>: the map drawn from its bytes — the hmap header, the bucket
// array (and the old one beside it while growing), the overflow pool, and
// for big maps a zoomed-out overview with a detailed window.
//
// Two ways to use it:
//  - a page that runs its own Player sets `el.player = player` and calls
//    `el.show({ animate })` after each move of the cursor (the playground);
//  - on its own, with attributes: <go-map-viz map-type="map[string]int64"
//    seed="7" ops="fill 20; del k3" step="end"></go-map-viz> loads the module,
//    plays the ops and shows the chosen step.
// Attributes are mirrored by properties (mapType, hasher, seed, ops, step,
// view); changes are batched in a microtask. Moving the element in the
// document keeps its state (connectedCallback is idempotent).
// Events: `gomap-window` { from } when the overview window moves,
// `gomap-inspect` { slot } when a slot is hovered or focused,
// `gomap-ready` { player } after a standalone load, `gomap-error` { errors }.
import { h, setText } from '../render/dom.mjs';
import { BucketArrayView } from '../render/bucket-array.mjs';
import { HeaderView } from '../render/header-view.mjs';
import { PoolView } from '../render/pool-view.mjs';
import { OverviewView } from '../render/overview.mjs';
import { readModel, WINDOW_BUCKETS } from '../render/map-model.mjs';
import { marksFor } from '../render/highlights.mjs';
import { measureMoves, playMoves, landAll } from '../render/flip.mjs';
import { hex2, slotState, MIN_TOP_HASH, EVACUATED_X, EVACUATED_EMPTY } from '../player/tophash.mjs';
import { prefersReducedMotion } from '../render/dom.mjs';
import { styleURL } from '../render/style-url.mjs';

const ATTRS = { 'map-type': 'mapType', hasher: 'hasher', seed: 'seed', ops: 'ops', step: 'step', view: 'view' };
const STATES = [
  ['s-live', '8f', 'live', 'a key lives here; the byte is the top of its hash'],
  ['s-rest', '00', 'emptyRest', 'empty, and so is the rest of the chain'],
  ['s-one', '01', 'emptyOne', 'empty, later slots may be live'],
  ['s-x', '02', 'evacuatedX', 'moved to the X half'],
  ['s-y', '03', 'evacuatedY', 'moved to the Y half'],
  ['s-ee', '04', 'evacuatedEmpty', 'was empty when evacuated'],
];

export class GoMapViz extends HTMLElement {
  static observedAttributes = Object.keys(ATTRS);

  #built = false;
  #pending = false;
  #needsLoad = true;
  #player = null;
  #ownPlayer = false;
  #loadToken = 0;
  #windowFrom = 0;
  #lastCells = new Map();
  #lastPosition = null;

  constructor() {
    super();
    for (const [attr, prop] of Object.entries(ATTRS)) {
      Object.defineProperty(this, prop, {
        get: () => this.getAttribute(attr),
        set: (v) => (v === null || v === undefined ? this.removeAttribute(attr) : this.setAttribute(attr, String(v))),
      });
    }
  }

  connectedCallback() {
    if (!this.#built) this.#build();
    if (!this.#player && (this.hasAttribute('ops') || this.hasAttribute('map-type'))) this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name !== 'step' && name !== 'view') this.#needsLoad = true;
    this.#schedule();
  }

  /** A Player driven by the page; the element then only draws. */
  get player() {
    return this.#player;
  }

  set player(p) {
    if (this.#ownPlayer && this.#player && this.#player !== p) this.#player.free();
    this.#player = p;
    this.#ownPlayer = false;
    this.#needsLoad = false;
    this.#lastCells = new Map();
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

  #build() {
    this.#built = true;
    const root = this.attachShadow({ mode: 'open' });
    for (const sheet of ['tokens.css', 'map.css']) root.append(h('link', { rel: 'stylesheet', href: styleURL(sheet) }));
    this.headerView = new HeaderView();
    this.poolView = new PoolView();
    this.newArray = new BucketArrayView({ old: false });
    this.oldArray = new BucketArrayView({ old: true });
    this.newOverview = new OverviewView({ old: false, onSelect: (from) => this.#selectWindow(from) });
    this.oldOverview = new OverviewView({ old: true });
    this.overviews = h('div', { class: 'overviews' }, this.oldOverview.root, this.newOverview.root);
    this.arrays = h('div', { class: 'arrays' }, this.oldArray.root, this.newArray.root);
    this.inspect = h('p', { class: 'inspect', role: 'tooltip', 'aria-hidden': 'true', hidden: true });
    this.message = h('p', { class: 'viz-message', role: 'status' });
    this.layer = h('div', { class: 'ghost-layer', 'aria-hidden': 'true' });
    this.legend = h('ul', { class: 'legend', 'aria-label': 'slot states' },
      STATES.map(([cls, hex, name, what]) => h('li', { title: what },
        h('span', { class: `slot swatch ${cls}` }, h('span', { class: 'th', text: hex })), ` ${name}`)));
    this.body = h('div', { class: 'viz', part: 'viz' },
      this.headerView.root, this.message, this.overviews, this.arrays, this.poolView.root, this.inspect, this.legend, this.layer);
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
      if (!this.isConnected) return;
      if (this.#needsLoad && (this.hasAttribute('ops') || this.hasAttribute('map-type'))) this.#loadStandalone();
      else if (this.#player) {
        if (this.#ownPlayer) this.#seekAttr();
        this.show({ animate: false });
      }
    });
  }

  async #loadStandalone() {
    this.#needsLoad = false;
    const token = ++this.#loadToken;
    setText(this.message, 'Loading…');
    try {
      const src = this.getAttribute('module-src') ?? new URL('../wasm/gomap.mjs', import.meta.url).href;
      const [{ loadGoMap }, { Player, setupLines }] = await Promise.all([import(src), import('../player/player.mjs')]);
      GoMapViz.module ??= loadGoMap();
      const gomap = await GoMapViz.module;
      const setup = setupLines({ mapType: this.mapType ?? undefined, hasher: this.hasher ?? undefined, seed: this.seed ?? undefined });
      const r = await Player.load(gomap, [...setup, this.ops ?? ''].join('\n'));
      if (token !== this.#loadToken) {
        r.player?.free();
        return;
      }
      if (!r.ok) {
        // Lines of the ops attribute, not of the set-up put before it.
        // (line 0: one of the map-type, hasher or seed attributes).
        const errors = r.errors.map((e) => ({ ...e, line: Math.max(0, e.line - setup.length) }));
        setText(this.message, errors.map((e) => `${e.line ? `ops line ${e.line}` : 'attributes'}: ${e.message}`).join('\n'));
        this.dispatchEvent(new CustomEvent('gomap-error', { detail: { errors } }));
        return;
      }
      if (this.#ownPlayer && this.#player) this.#player.free();
      this.#player = r.player;
      this.#ownPlayer = true;
      setText(this.message, '');
      this.#seekAttr();
      this.show({ animate: false });
      this.dispatchEvent(new CustomEvent('gomap-ready', { detail: { player: r.player } }));
    } catch (err) {
      setText(this.message, `The map module could not be loaded: ${err.message}`);
    }
  }

  #seekAttr() {
    const step = this.step;
    if (step === null || step === 'end') this.#player.toEnd();
    else if (/^\d+$/.test(step)) this.#player.seek(Number(step));
  }

  #selectWindow(from) {
    this.#windowFrom = from;
    this.show({ animate: false, follow: false });
    this.dispatchEvent(new CustomEvent('gomap-window', { detail: { from } }));
  }

  /**
   * Draws the player's current moment.
   * @param {{ animate?: boolean, follow?: boolean }} options animate: fly moved
   *   keys to their new cells; follow: scroll the step's bucket into view.
   */
  show({ animate = true, follow = true } = {}) {
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
    const model = readModel(p.map, { windowFrom: this.#windowFrom, density: this.view ?? 'auto' });
    this.#windowFrom = model.newArray?.from ?? 0;
    this.lastModel = model;
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

  disconnectedCallback() {
    // Kept on purpose: moving the element re-connects it with its state. A
    // standalone player is freed only when replaced.
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

// Compare mode on the page: the reader's scenario on Go 1.14's bucket map
// and Go 1.26's Swiss table at once, over the whole window. One timeline
// per operation (both maps at the end of operation N), each side's own
// micro-steps steppable inside operation N, the two maps side by side
// (each a <go-map-viz> the session's Player drives), and the figures strip
// (compare-figures-view.mjs) under them. Opened from the page's Compare
// button or a link with compare=1 (app/main.mjs wires it).
import { h } from '../render/dom.mjs';
import { styleURL } from '../render/style-url.mjs';
import { describeFrame, narrationLine } from '../app/describe.mjs';
import { CompareSession, SIDES } from './compare-session.mjs';
import { figuresTable } from './compare-figures-view.mjs';
import { compareToSvg, compareToJson, exportStates } from './compare-export.mjs';
import { download } from '../app/export-actions.mjs';
import { svgToPng } from '../app/raster.mjs';
import { yieldToEventLoop } from '../player/bulk.mjs';
import { seekWhenReady } from '../player/player.mjs';

const SIDE_TITLE = { '1.14': 'Go 1.14: bucket map', '1.26': 'Go 1.26: Swiss table' };

function button(label, title, onclick) {
  return h('button', { type: 'button', class: 'cmp-btn', 'aria-label': title, title, text: label, onclick });
}

/** The scenario a Player holds, as text: its set-up lines and every operation. */
export function scenarioOf(player) {
  return [...player.setup, ...player.history.ops.map((o) => o.command)].join('\n');
}

export class ComparePanel {
  // Counts the moves asked for; a move whose copies were made in slices
  // (#move) shows only if no later move was asked for meanwhile, and a
  // later move stops the earlier one's copying (#copying aborted).
  #moves = 0;
  #copying = null;
  #busyMoves = 0;

  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {{ onClose?: () => void, container?: ShadowRoot | Element }} options
   *   container: draw inline there (the element's compare attribute)
   *   instead of over the whole window
   */
  constructor(gomap, { onClose, container = null } = {}) {
    this.inline = Boolean(container);
    this.gomap = gomap;
    this.session = null;
    this.onClose = onClose;
    this.sides = {};
    this.counter = h('p', { class: 'cmp-counter', 'aria-live': 'polite' });
    // Why a move did not happen (a moment the memory budget cannot show).
    this.notice = h('p', { class: 'cmp-notice', role: 'status', hidden: true });
    this.slider = h('input', { type: 'range', min: '0', max: '0', value: '0', class: 'cmp-slider', 'aria-label': 'Operation' });
    this.slider.addEventListener('input', () => this.seekOp(Number(this.slider.value)));
    // The table view: each side's slots as rows (the element's own table,
    // render/table-view.mjs and render/swiss-table-view.mjs) in place of its picture.
    this.showTable = false;
    this.tableToggle = h('button', { type: 'button', class: 'cmp-btn cmp-table-toggle', 'aria-pressed': 'false', title: 'Both maps as tables: a row per slot', text: 'Table', onclick: () => this.setTableView(!this.showTable) });
    const bar = h('div', { class: 'cmp-bar' },
      h('h2', { class: 'cmp-title', id: 'compare-title', text: 'Go 1.14 and Go 1.26, the same operations' }),
      button('◀◀', 'Before the first operation', () => this.seekOp(0)),
      button('◀', 'Previous operation', () => this.seekOp(this.session.op - 1)),
      this.slider,
      button('▶', 'Next operation', () => this.seekOp(this.session.op + 1)),
      button('▶▶', 'After the last operation', () => this.seekOp(this.session.length)),
      this.counter,
      this.tableToggle,
      this.inline ? null : h('span', { class: 'cmp-export', role: 'group', 'aria-label': 'Export both maps' },
        button('SVG', 'Export both maps as SVG', () => this.export('svg')),
        button('PNG', 'Export both maps as PNG', () => this.export('png')),
        button('JSON', 'Export both maps as JSON', () => this.export('json'))),
      this.inline ? null : button('Close', 'Close the comparison', () => this.close()),
      this.notice);
    const columns = h('div', { class: 'cmp-columns' }, SIDES.map((v) => this.#side(v)));
    this.figures = h('div', { class: 'cmp-figures-wrap', 'aria-label': 'figures of both maps' });
    this.root = this.inline
      ? h('section', { class: 'compare-view is-inline', 'aria-label': 'Go 1.14 and Go 1.26, the same operations', hidden: true }, bar, columns, this.figures)
      : h('section', { id: 'compare-view', class: 'compare-view', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'compare-title', hidden: true },
        bar, columns, this.figures);
    if (!this.inline) {
      this.root.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') this.close();
      });
    }
    this.css = h('link', { rel: 'stylesheet', href: styleURL('compare.css') });
    // The first moment is drawn once the sheet is in, so that each side's
    // box has its size when the step's place is scrolled into view.
    this.cssReady = new Promise((resolve) => {
      this.css.addEventListener('load', resolve, { once: true });
      this.css.addEventListener('error', resolve, { once: true });
    });
    if (this.inline) container.append(this.css, this.root);
    else {
      document.body.append(this.root);
      document.head.append(this.css);
    }
  }

  /** Takes an inline view out of its container, its maps freed. */
  remove() {
    this.close();
    this.root.remove();
    this.css.remove();
  }

  #side(v) {
    const micro = h('span', { class: 'cmp-micro' });
    const say = h('p', { class: 'cmp-say' });
    const box = h('section', { class: 'cmp-side', dataset: { side: v }, 'aria-label': SIDE_TITLE[v] },
      h('div', { class: 'cmp-side-head' },
        h('h3', { text: SIDE_TITLE[v] }),
        button('‹', `Go ${v}: previous micro-step of this operation`, () => this.microStep(v, -1)),
        micro,
        button('›', `Go ${v}: next micro-step of this operation`, () => this.microStep(v, +1))),
      say, h('div', { class: 'cmp-map' }));
    this.sides[v] = { viz: null, micro, say, box, step: null };
    return box;
  }

  get isOpen() {
    return !this.root.hidden;
  }

  /** Opens on a scenario text (its version line is ignored), at its end. */
  async open(text) {
    const r = await CompareSession.load(this.gomap, text);
    if (!r.ok) return r;
    this.text = text;
    this.#copying?.abort(); // a move's copy stops before its session is freed
    this.session?.free();
    this.session = r.session;
    // Each map is a <go-map-viz> the session's Player drives, made with its
    // player so that it never loads a map of its own.
    for (const v of SIDES) {
      const viz = document.createElement('go-map-viz');
      viz.setAttribute('controls', 'none');
      viz.setAttribute('header', 'compact');
      viz.setAttribute('density', this.session.players[v].map.header().count > 16 ? 'compact' : 'auto');
      viz.setAttribute('aria-label', SIDE_TITLE[v]);
      if (this.showTable) viz.setAttribute('view', 'table');
      viz.player = this.session.players[v];
      this.sides[v].viz = viz;
      this.sides[v].box.querySelector('.cmp-map').replaceChildren(viz);
    }
    this.slider.max = String(this.session.length);
    this.root.hidden = false;
    await this.cssReady;
    this.seekOp(this.session.length);
    if (!this.inline) {
      document.documentElement.classList.add('is-comparing');
      this.root.querySelector('.cmp-btn')?.focus();
    }
    return { ok: true };
  }

  close() {
    if (!this.isOpen) return;
    this.root.hidden = true;
    if (!this.inline) document.documentElement.classList.remove('is-comparing');
    for (const v of SIDES) {
      this.sides[v].viz?.remove();
      this.sides[v].viz = null;
    }
    this.#copying?.abort();
    this.session?.free();
    this.session = null;
    this.onClose?.();
  }

  /** Downloads both maps as shown: 'svg', 'png' or 'json'. */
  async export(kind) {
    const s = this.session;
    if (!s) return;
    const type = s.players['1.14'].map.header().type.name;
    const base = `go-map-compare-${type.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-op-${s.op}`;
    if (kind === 'json') {
      const states = { '1.14': s.players['1.14'].map.state(), '1.26': s.players['1.26'].map.state() };
      download(new Blob([compareToJson(states, this.text, { op: s.op })], { type: 'application/json' }), `${base}.json`);
      return;
    }
    const dark = matchMedia(/** @type {HTMLLinkElement} */ (document.getElementById('dark-tokens'))?.media || 'not all').matches;
    const titles = /** @type {{ '1.14': string, '1.26': string }} */ ({});
    for (const v of SIDES) titles[v] = `${SIDE_TITLE[v]} — ${this.sides[v].micro.textContent}`;
    const svg = compareToSvg(exportStates(s.players), { theme: dark ? 'dark' : 'light', title: `${this.counter.textContent} (${type})`, titles });
    if (kind === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
    else download((await svgToPng(svg)).blob, `${base}.png`);
  }

  /** Each side's slots as a table (true) or its picture (false). */
  setTableView(on) {
    this.showTable = on;
    this.tableToggle.setAttribute('aria-pressed', String(on));
    this.root.classList.toggle('is-table', on);
    for (const v of SIDES) {
      const viz = this.sides[v].viz;
      if (!viz) continue;
      if (on) viz.setAttribute('view', 'table');
      else viz.removeAttribute('view');
    }
  }

  /**
   * Both maps at the end of operation n. On a big map whose keyframe the
   * move restores, the copies are made a slice per task first (issue 18)
   * and the promise settles once the move is shown.
   */
  seekOp(n) {
    const s = this.session;
    if (!s) return Promise.resolve();
    return this.#move(n, undefined, () => this.#showOp(n));
  }

  #showOp(n) {
    if (!this.#said(this.session.seekOp(n))) {
      this.slider.value = String(this.session.op);
      return;
    }
    for (const v of SIDES) this.sides[v].step = null;
    this.#render();
    this.figures.replaceChildren(figuresTable(this.session.figures(), SIDES, {
      caption: this.session.op === 0 ? 'Figures before any operation' : `Figures at the end of operation ${this.session.op}`,
    }));
  }

  /** One side one micro-step on or back inside the current operation. */
  microStep(v, delta) {
    const s = this.session;
    if (!s || s.op === 0) return Promise.resolve();
    const count = s.stepCount(v, s.op);
    if (!count) return Promise.resolve();
    const side = this.sides[v];
    // null is the operation's end, after its last micro-step. From there,
    // forward starts the operation over at its first micro-step and back
    // goes to its last one.
    const next = side.step === null ? (delta > 0 ? 0 : count - 1) : Math.max(0, side.step + delta);
    const step = next >= count ? null : next;
    const at = { version: v, k: step ?? count };
    return this.#move(s.op, at, () => this.#showStep(v, step));
  }

  #showStep(v, step) {
    const s = this.session;
    const side = this.sides[v];
    const p = s.players[v];
    if (!this.#said(p.trySeek(step === null ? p.history.donePosition(s.op - 1) : p.history.position(s.op - 1, step)))) return;
    side.step = step;
    this.#renderSide(v);
  }

  // One move of both maps to operation n (with `step`: one side inside
  // it), through seekWhenReady: shown at once when it copies nothing big,
  // else after the copies are made a slice per task (the panel busy
  // meanwhile), unless the panel was closed or a later move asked for since.
  #move(n, step, show) {
    const s = this.session;
    const move = ++this.#moves;
    this.#copying?.abort();
    const copying = new AbortController();
    this.#copying = copying;
    const both = { seekIsLong: () => s.seekIsLong(n, step), prepareSeek: (_, how) => s.prepareSeek(n, { ...how, step }) };
    const shown = seekWhenReady(both, n, {
      yieldToEventLoop,
      signal: copying.signal,
      onBusy: (busy) => {
        this.#busyMoves += busy ? 1 : -1;
        if (this.#busyMoves) this.root.setAttribute('aria-busy', 'true');
        else this.root.removeAttribute('aria-busy');
      },
    }, () => {
      if (move === this.#moves && this.session === s) show();
    });
    return Promise.resolve(shown).then(() => {});
  }

  // Shows (or clears) the reason a move was refused; true when it was not.
  #said(r) {
    this.notice.hidden = r.ok;
    this.notice.textContent = r.ok ? '' : r.error;
    return r.ok;
  }

  #render() {
    const s = this.session;
    const cmd = s.op > 0 ? s.players['1.14'].history.ops[s.op - 1].command : null;
    this.slider.value = String(s.op);
    this.counter.textContent = s.op === 0 ? `Before any operation (of ${s.length})` : `Operation ${s.op} of ${s.length}: ${cmd}`;
    for (const v of SIDES) this.#renderSide(v);
  }

  #renderSide(v) {
    const s = this.session;
    const side = this.sides[v];
    const shown = side.viz.show({ animate: false });
    const count = s.op > 0 ? s.stepCount(v, s.op) : 0;
    side.micro.textContent = s.op === 0 ? 'no operation yet'
      : !count ? 'no micro-steps' : side.step === null ? `end of op ${s.op} (${count} micro-step${count === 1 ? '' : 's'})` : `micro-step ${side.step + 1} of ${count}`;
    if (shown?.frame) side.say.textContent = narrationLine(describeFrame(s.players[v], shown.frame, shown.model));
    // Measuring forces a layout: on the next frame, once both sides are
    // drawn, the frame's one layout serves it (the same moment only).
    const at = [s.op, side.step, side.viz];
    cancelAnimationFrame(side.revealFrame);
    side.revealFrame = requestAnimationFrame(() => {
      if (at[0] === this.session?.op && at[1] === side.step && at[2] === side.viz) this.#reveal(side, shown);
    });
  }

  // The element keeps the step's bucket or group in view inside itself;
  // the side's box around it scrolls too, so the place the step is about
  // (a lesson names it) is on screen.
  #reveal(side, shown, frames = 60) {
    const root = side.viz?.shadowRoot;
    const box = side.box.querySelector('.cmp-map');
    if (!root) return;
    // A new element shows nothing until its sheets are in (its frame is
    // hidden, the box has nothing to scroll yet), so try again on the next
    // frames (the same moment only).
    if ((!box.clientHeight || root.querySelector('.viz')?.hidden) && frames > 0) {
      // Kept in side.revealFrame, so a newer step cancels this retry too.
      const at = [this.session?.op, side.step, side.viz];
      side.revealFrame = requestAnimationFrame(() => {
        if (at[0] === this.session?.op && at[1] === side.step && at[2] === side.viz) this.#reveal(side, shown, frames - 1);
      });
      return;
    }
    // The map box scrolls on a wide screen; on a phone it is as tall as the
    // map and the whole view scrolls instead, for a micro-step only (opening
    // and whole operations leave the view where the reader put it).
    const scroller = box.scrollHeight > box.clientHeight + 1 ? box : side.step !== null ? this.root : null;
    if (!scroller || scroller.scrollHeight <= scroller.clientHeight + 1) return;
    const focus = shown?.marks?.focus;
    // Go 1.14: the whole chain of the step's bucket (an overflow bucket's
    // chain starts at its primary bucket, which the words name).
    const bucket = typeof focus === 'string' ? root.querySelector(`.bucket[data-addr="${focus}"]`) : null;
    const el = root.querySelector('.sw-focus') ?? bucket?.closest('.chain') ?? bucket;
    // A moment about the whole map (a fill, a clear) has no place of its
    // own: back to the top, where the header the words speak of is.
    if (!el) {
      if (scroller === box) box.scrollTop = 0;
      return;
    }
    const b = scroller.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) scroller.scrollTop += r.top - b.top - b.height / 3;
  }
}

// The moment fits the screen: on a wide screen the map element is laid out
// so that both bucket arrays sit under the player without scrolling, and
// whatever the step is about stays in view.
//
// Fitting: the element is told (data-fit) to use its fitted layout
// (styles/map.css: a compact hmap line, chains in columns of
// --gomap-rows / --gomap-old-rows rows). Candidates are tried from the
// roomiest to the densest — cell densities full → keys → compact, and for
// each, one column, then two, four… — and the first whose arrays end
// inside the viewport (with the page at its top) and inside the stage's
// width is kept. When none fits, the overview. A fit is kept until the
// map's shape (B, growing, overflow buckets) or the window changes, so a
// plain step costs only the check of that shape.
//
// Following: after each moment, the buckets and slots the step marked
// (hl-* classes) are brought into the viewport by scrolling the page (the
// one scroll area), above the player when the player is a bottom sheet.
import { densityFor } from '../render/map-model.mjs';

const LADDER = ['full', 'keys', 'compact', 'overview'];
const WIDE = '(min-width: 900px)'; // the player is above the map, not a bottom sheet
const FOCUS = ['hl-pick', 'hl-scan', 'hl-evac', 'hl-dest-x', 'hl-dest-y', 'hl-iter', 'hl-new', 'hl-probe', 'hl-write',
  'hl-found', 'hl-result', 'hl-src', 'hl-stop', 'hl-cursor', 'hl-cleared',
  // Go 1.26 (render/swiss-view.mjs): the one place each step is about.
  'sw-focus'].map((c) => `.${c}`).join(',');
const MARGIN = 6;
const MAY_FIT = 64;

export class PageLayout {
  /**
   * @param {{ viz: import('../element/go-map-viz.mjs').GoMapViz, player: HTMLElement }} parts the map element and the player card
   */
  constructor({ viz, player }) {
    this.viz = viz;
    this.player = player;
    this.shape = null;   // what the current fit was made for
    this.fitted = null;  // { density, rows, oldRows } in use
    // A new window size, or a player that grew or shrank (a notice shown
    // or dismissed, narration of another length) moves the room left for
    // the map: fit again, on the next frame, without moving the page.
    let pending = 0;
    const refit = () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        if (this.viz.model) this.update({ follow: false });
      });
    };
    addEventListener('resize', refit);
    if (typeof ResizeObserver === 'function') new ResizeObserver(refit).observe(player);
  }

  /**
   * update() on the next frame: measuring forces a layout, so it waits
   * until the page has written all of the moment (narration, panels) and
   * the frame's one layout serves it, still before that frame is painted.
   */
  updateLater() {
    cancelAnimationFrame(this.pendingUpdate);
    this.pendingUpdate = requestAnimationFrame(() => this.update());
  }

  /** After each drawn moment: fit the map when its shape changed, then follow the step. */
  update({ follow = true } = {}) {
    const model = this.viz.model;
    if (!model) return;
    const shape = shapeOf(model, this.#mapTop(), this.viz.clientWidth, this.viz.player?.map);
    if (shape !== this.shape) {
      this.#fit(model);
      this.shape = shapeOf(this.viz.model, this.#mapTop(), this.viz.clientWidth, this.viz.player?.map);
    }
    if (follow) this.follow();
  }

  #mapTop() {
    return Math.round(this.viz.getBoundingClientRect().top + scrollY);
  }

  #fit(model) {
    const viz = this.viz;
    // A map with no bucket array yet (empty, or Home on a history) draws
    // nothing the fit applies to: it keeps the fit it has, so that going
    // back to a million-key map (End after Home) finds the overview's
    // attributes in place and neither restyles nor redraws it (issue 18).
    if (!model.newArray && matchMedia(WIDE).matches) return;
    if (!matchMedia(WIDE).matches || !model.newArray) {
      if (viz.hasAttribute('data-fit')) {
        viz.removeAttribute('data-fit');
        viz.removeAttribute('density');
        viz.style.removeProperty('--gomap-rows');
        viz.style.removeProperty('--gomap-old-rows');
        this.fitted = null;
        viz.show({ animate: false, follow: false, quiet: true });
      }
      return;
    }
    const { header } = model;
    const n = 2 ** header.B;
    const old = model.oldArray;
    const nOld = old ? old.n : 0;
    const natural = densityFor(n);
    // Overflow buckets stacked under their chain's first bucket, or (when
    // there are some) beside it: whichever fits first.
    const directions = hasOverflow(model) ? ['stack', 'row'] : ['stack'];
    for (const density of LADDER.slice(LADDER.indexOf(natural))) {
      if (density === 'overview') break;
      for (const direction of directions) {
        for (const [rows, oldRows] of columnChoices(n, nOld)) {
          this.#apply(density, rows, oldRows, direction);
          const fits = this.#fits();
          if (fits.width && fits.height) return;
          if (!fits.width) break; // more columns are only wider
        }
      }
    }
    // A small map never becomes an overview: its densest cells, in as
    // many columns as the width allows, and the page scrolls.
    if (n <= 16) {
      let best = [...columnChoices(n, nOld)[0], directions.at(-1)];
      for (const direction of [...directions].reverse()) {
        for (const c of columnChoices(n, nOld)) {
          this.#apply('compact', ...c, direction);
          if (!this.#fits().width) break;
          best = [...c, direction];
        }
      }
      this.#apply('compact', ...best);
      return;
    }
    this.#apply('overview', 16, 16);
  }

  #apply(density, rows, oldRows, direction = 'stack') {
    const viz = this.viz;
    const f = this.fitted;
    const same = f && f.density === density && f.rows === rows && f.oldRows === oldRows && f.direction === direction;
    this.fitted = { density, rows, oldRows, direction };
    if (viz.getAttribute('data-fit') !== direction) viz.setAttribute('data-fit', direction);
    if (viz.getAttribute('density') !== density) viz.setAttribute('density', density);
    viz.style.setProperty('--gomap-rows', String(rows));
    viz.style.setProperty('--gomap-old-rows', String(oldRows || rows));
    if (!same) viz.show({ animate: false, follow: false, quiet: true });
  }

  // Whether the arrays end inside the viewport, the page scrolled to its
  // top, and inside the stage's width.
  #fits() {
    /** @type {HTMLElement} */
    const arrays = this.viz.shadowRoot?.querySelector('.arrays');
    if (!arrays || arrays.hidden) return { width: true, height: true };
    const width = arrays.scrollWidth <= arrays.clientWidth + 1 &&
      [.../** @type {HTMLCollectionOf<HTMLElement>} */ (arrays.children)].every((a) => a.hidden || a.scrollWidth <= a.clientWidth + 1);
    const bottom = arrays.getBoundingClientRect().bottom + scrollY;
    return { width, height: bottom <= innerHeight - MARGIN };
  }

  /** Scrolls the page so that what the step marked is in view. */
  follow() {
    const root = this.viz.shadowRoot;
    if (!root) return;
    const marked = [...root.querySelectorAll(FOCUS)].filter((el) => el.getClientRects().length);
    if (!marked.length) return;
    let top = Infinity;
    let bottom = -Infinity;
    let highestMark = marked[0];
    for (const el of marked) {
      const r = el.getBoundingClientRect();
      if (r.top < top) highestMark = el;
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    }
    const band = this.#visibleBand();
    // An array's title sticks to the top of the screen over its buckets
    // (map.css .array-head): the marks go below it, not under it (on a
    // phone the top row of the step's bucket was hidden there).
    const head = highestMark.closest('.array')?.querySelector('.array-head');
    const viewTop = band.top + (head ? head.getBoundingClientRect().height : 0);
    const viewBottom = band.bottom;
    if (top >= viewTop + MARGIN && bottom <= viewBottom - MARGIN) return;
    // The page goes as far up as it can while the marks stay in view, so
    // the narration above the map stays in view too when it can; marks
    // taller than the band show from their top.
    const docTop = top + scrollY;
    const docBottom = bottom + scrollY;
    const highest = Math.max(0, docBottom - viewBottom + MARGIN);
    const target = highest <= docTop - viewTop - MARGIN ? highest : docTop - viewTop - MARGIN;
    scrollTo({ top: target, behavior: 'instant' });
  }

  // The part of the viewport the map can be seen in: all of it, less the
  // player when it is a sheet stuck to the bottom of the screen.
  #visibleBand() {
    let bottom = innerHeight;
    if (getComputedStyle(this.player).position === 'sticky' && getComputedStyle(this.player).bottom === '0px') {
      bottom = Math.min(bottom, innerHeight - this.player.getBoundingClientRect().height);
    }
    return { top: 0, bottom };
  }
}

// Rows per column for the new and the old array, roomiest first: one
// column each, then the new array in columns as tall as the old array (old
// bucket i beside its X and Y destinations, i and i + n/2), then more
// columns for both.
export function columnChoices(n, nOld) {
  const out = [];
  if (!nOld) {
    for (let rows = n; rows >= 1; rows /= 2) out.push([rows, 0]);
    return out;
  }
  if (nOld < n) out.push([n, nOld]);
  for (let rows = nOld; rows >= 1; rows /= 2) out.push([rows, rows]);
  return out;
}

function hasOverflow(model) {
  return [model.newArray, model.oldArray].some((arr) => arr?.chains.some((c) => c.length > 1));
}

// What a fit depends on: the window and the map's width, the map's size, whether it grows,
// the number of buckets drawn (overflow buckets add rows) and where the
// map starts on the page.
function shapeOf(model, mapTop, width, map) {
  const count = (chains) => (chains ? chains.reduce((s, c) => s + c.length, 0) : 0);
  let drawn;
  if (model.density !== 'overview') drawn = `${count(model.newArray?.chains)}+${count(model.oldArray?.chains)}`;
  // Past 64 buckets no screen holds the detail (17–25 rows of at most
  // four columns), so an overview's detail is not read at every step.
  else if (2 ** model.header.B > MAY_FIT || !map) drawn = 'ov';
  else {
    // An overview chosen because the detail did not fit: the detail's
    // size is read, so a moment with fewer overflow buckets fits again.
    const s = map.state();
    drawn = `${count(s.buckets)}+${count(s.oldbuckets)}`;
  }
  return `${matchMedia(WIDE).matches}/${innerWidth}x${innerHeight}/${width}/${model.header.B}/${model.oldArray?.n ?? 0}/${drawn}/${mapTop}`;
}

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
// This file is the element's life: attributes read with web/share's
// grammar (settings.mjs) and mirrored by typed properties, changes batched
// in a microtask, its own map and playback, its events. What it shows and
// how a moment is drawn is viz-view.mjs. Moving the
// element in the document keeps its map (connectedCallback is idempotent).
// Events: `ready`, `step-change`, `gomap-error`, `gomap-window`,
// `gomap-inspect` (all CustomEvents; go-map-viz.d.ts types their detail).
import { positionOfStep, stepOfFrame } from '../share/permalink.mjs';
import { momentName } from '../share/step.mjs';
import { describeFrame, narrationLine } from '../app/describe.mjs';
import { OBSERVED, PROPERTY_OF, SHARED_ATTRS, attributeText, needsReload, propertyValue, readSettings, settingsInUse } from './settings.mjs';
import { buildPlayer, loadModule } from './standalone.mjs';
import { mapTypeRefusal } from '../share/map-type-check.mjs';
import { Playback } from './playback.mjs';
import { VizView } from './viz-view.mjs';
import { errorText } from '../player/error-place.mjs';
import { seekWhenReady, HEAP_COPY_SLICE } from '../player/player.mjs';
import { yieldToEventLoop } from '../player/bulk.mjs';

// How long an element of its own may stay out of the document before its
// map is freed (a move puts it back at once; a tab panel may take a while).
const RELEASE_AFTER_MS = 10000;
// A timeline this long is measured whole for its tallest moment; a longer
// one at about this many moments (element: stable height).
const RESERVE_ALL = 1500;

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
  // aria-label is the author's name for the map; it names the controls.
  static observedAttributes = [...OBSERVED, 'aria-label'];

  #ui = null;           // the shadow content (viz-view.mjs), made on first connection
  #pending = false;
  #player = null;
  #ownPlayer = false;
  #loadToken = 0;
  #emittedPosition = null;
  #emittedPlayer = null;
  #attrVersion = 0;
  #drawnVersion = -1;   // the #attrVersion of the last show()
  #settingsVersion = -1;
  #settings = null;
  #warnings = [];
  #builtWith = null;    // the settings of the map on screen (own player)
  #tried = null;        // the settings of the last load, in flight, done or failed
  #shownStep;           // the step setting last sought to
  #shownAutoplay = false;
  #playback = new Playback();
  #readerPlaying = false; // the running playback was started with the Play button
  #resumeOnConnect = false;
  #freeTimer = 0;
  #widthWatch = null;
  #reserveToken = 0;
  #moving = null;       // the reader's move whose big copy is being made (seekWhenReady)
  #comparePanel = null;

  connectedCallback() {
    clearTimeout(this.#freeTimer);
    this.#build();
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
      this.#play({ fromStart: false, resume: true });
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

  // A move's copy in slices stops before its player is freed or replaced
  // (its re-run would otherwise meet a freed map).
  #stopMoving() {
    this.#moving?.abort();
    this.#moving = null;
  }

  #release() {
    if (this.isConnected || !this.#ownPlayer || !this.#player) return;
    this.#loadToken++;
    this.#stopMoving();
    this.#player.free();
    this.#player = null;
    // compare mode's two maps go with it (a reconnection builds them again).
    this.#comparePanel?.remove();
    this.#comparePanel = null;
    if (this.#ui) this.#ui.body.style.display = '';
    this.#ownPlayer = false;
    this.#builtWith = null;
    this.#tried = null;
    this.#resumeOnConnect = false;
    if (this.#ui) {
      this.#ui.model = null;
      this.#ui.resetMotion();
      this.#nameControls();
    }
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'aria-label') {
      if (this.#ui) this.#nameControls();
      return;
    }
    this.#attrVersion++;
    this.#schedule();
  }

  // The controls group is named after the map it moves (or the author's
  // aria-label), so several elements on a page are told apart.
  #nameControls() {
    const own = this.#ownPlayer && this.#builtWith && this.#player;
    this.#ui.controlBar.setLabel({
      label: this.getAttribute('aria-label'),
      mapType: own ? this.#builtWith.mapType : null,
      operations: own ? this.#player.history.length : null,
    });
  }

  /** A Player driven by the page; the element then only draws. */
  get player() {
    return this.#player;
  }

  set player(p) {
    this.#stopMoving();
    if (this.#ownPlayer && this.#player && this.#player !== p) this.#player.free();
    this.#playback.stop();
    this.#loadToken++;
    this.#player = p;
    this.#ownPlayer = false;
    this.#builtWith = null;
    this.#tried = null;
    this.#ui?.resetMotion();
    if (this.#ui) {
      this.#nameControls();
      this.#applyDisplay();
    }
  }

  /** First bucket of the detailed window (big maps). */
  get windowFrom() {
    return this.#build().windowFrom;
  }

  set windowFrom(v) {
    this.#build().windowFrom = Math.max(0, Math.floor(v));
  }

  /** The model last drawn (header, arrays, pool, address index). */
  get model() {
    return this.#ui?.model ?? null;
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

  // The attributes, read once per change of them. A refused value keeps
  // the one in use before: for the map's own settings, those of the map on
  // screen (settings.mjs settingsInUse), not a value that was refused by
  // the core or is still loading.
  #settingsNow() {
    if (this.#settingsVersion !== this.#attrVersion || !this.#settings) {
      const previous = this.#settings && settingsInUse(this.#settings, this.#builtWith);
      const r = readSettings((n) => this.getAttribute(n), previous, import.meta.url);
      this.#settings = r.settings;
      this.#warnings = r.warnings;
      this.#settingsVersion = this.#attrVersion;
    }
    return this.#settings;
  }

  #build() {
    if (!this.#ui) this.addEventListener('keydown', (ev) => this.#onKey(ev));
    this.#ui ??= new VizView(this.attachShadow({ mode: 'open' }), {
      onSelectWindow: (from) => this.#selectWindow(from),
      onCommand: (command, arg) => this.#command(command, arg),
      onInspect: (slot) => this.dispatchEvent(new CustomEvent('gomap-inspect', { detail: { slot } })),
    });
    return this.#ui;
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
    this.#ui.showWarnings(this.#warnings);
    this.#applyDisplay();
    const pageDriven = this.#player && !this.#ownPlayer;
    if (pageDriven) {
      // A page that changed an attribute and then called show() itself
      // (PageLayout's refit: density, then show) has drawn it already; a
      // million-key map drawn twice in one task was a long task (issue 18).
      if (this.#drawnVersion !== this.#attrVersion) this.show({ animate: false, follow: false });
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
      this.#seek(this.#player, positionOfStep(settings.step, this.#player.history));
    }
    if (settings.autoplay !== this.#shownAutoplay) {
      this.#shownAutoplay = settings.autoplay;
      if (settings.autoplay) this.#play({ fromStart: settings.step === null });
      else this.#pause();
    }
    this.#draw({ animate: false });
  }

  // Theme, view and controls: how the map is shown, not which map.
  #applyDisplay() {
    const s = this.#settingsNow();
    this.#ui.setDisplay({
      theme: s.theme, view: s.view, controls: s.controls, standalone: !this.#player || this.#ownPlayer,
      header: s.header, buckets: s.buckets, height: s.height, maxHeight: s.maxHeight,
    });
  }

  // The attributes are back to the map on screen: forget the failed or
  // pending load and its message.
  #backToBuilt() {
    this.#loadToken++;
    this.#tried = this.#builtWith;
    this.#ui.setMessage('');
  }

  async #load(settings) {
    this.#tried = settings;
    const token = ++this.#loadToken;
    this.#playback.stop();
    this.#ui.setMessage(this.#player ? 'Loading the new scenario…' : 'Loading…');
    let r;
    let gomap;
    try {
      gomap = await loadModule(settings.moduleSrc);
      if (token !== this.#loadToken) return;
      // A map type the core does not make: its reason, nothing runs, and
      // the map on screen (if any) stays.
      const typeRefused = mapTypeRefusal(gomap, settings.mapType, 'map-type');
      if (typeRefused) {
        this.#ui.setMessage([typeRefused, this.#player ? 'The map shown is the previous one.' : 'No map was made.'].join('\n'), { error: true });
        this.dispatchEvent(new CustomEvent('gomap-error', { detail: { errors: [{ line: 0, field: 'mapType', message: typeRefused }] } }));
        return;
      }
      r = await buildPlayer(gomap, settings);
    } catch (err) {
      if (token === this.#loadToken) this.#ui.setMessage(`The map module could not be loaded: ${err?.message ?? err}`, { error: true });
      return;
    }
    if (token !== this.#loadToken) {
      r.player?.free();
      return;
    }
    if (!r.ok) {
      // The map on screen (if any) stays as it was.
      const lines = r.errors.slice(0, 20).map((e) => errorText(e, { lineWord: 'ops line' }));
      this.#ui.setMessage([this.#player ? 'The new scenario did not run; the map shown is the previous one:' : 'The scenario did not run:', ...lines].join('\n'), { error: true });
      this.dispatchEvent(new CustomEvent('gomap-error', { detail: { errors: r.errors } }));
      return;
    }
    // A step inside a big map's history may restore a keyframe of ~100 MB:
    // copied back a slice per task before the element moves to it.
    const target = positionOfStep(this.#settings.step, r.player.history);
    await seekWhenReady(r.player, target, { yieldToEventLoop }, () => true);
    // A big map's scan of its arrays has a task of its own before its first
    // drawing (Player.prescan: nothing for a small map).
    if (r.player.position === target) {
      r.player.prescan();
      await yieldToEventLoop();
    }
    if (token !== this.#loadToken) {
      r.player.free();
      return;
    }
    this.#stopMoving();
    if (this.#ownPlayer && this.#player) this.#player.free();
    this.#player = r.player;
    this.#ownPlayer = true;
    this.#builtWith = settings;
    this.#ui.resetMotion();
    this.#ui.windowFrom = 0;
    this.#ui.setMessage('');
    this.#nameControls();
    this.#applyDisplay();
    const s = this.#settings;
    this.#shownStep = propertyValue(s, 'step');
    this.#shownAutoplay = s.autoplay;
    const at = r.player.trySeek(positionOfStep(s.step, r.player.history));
    if (!at.ok) this.#ui.setMessage(at.error, { error: true });
    this.#ui.resetHeight();
    // An embed with nothing to step through says what its reader can do.
    if (!r.player.history.length) {
      this.#ui.setMessage(`An empty ${settings.mapType}: this map has no operations to step through. ` +
        'Its page can give it some (the ops attribute), or open the playground to insert keys and watch each step.');
    }
    this.#draw({ animate: false, quiet: true });
    // Without compare the element's own path stays synchronous from here on.
    if (s.compare || this.#comparePanel) {
      await this.#showCompare(s.compare ? gomap : null, r.player);
      if (token !== this.#loadToken) return;
    }
    this.dispatchEvent(new CustomEvent('ready', { detail: { ...stepDetail(r.player.frame(), false), operations: r.player.history.length } }));
    if (s.autoplay) this.#play({ fromStart: s.step === null });
    this.#reserveTimeline(r.player);
  }

  // compare: the scenario on both models (compare/compare-panel.mjs) in
  // place of the one map; its code loads on first use.
  async #showCompare(gomap, player) {
    this.#comparePanel?.remove();
    this.#comparePanel = null;
    this.#ui.body.style.display = '';
    if (!gomap) return;
    const { ComparePanel, scenarioOf } = await import('../compare/compare-panel.mjs');
    const panel = new ComparePanel(gomap, { container: this.shadowRoot });
    const r = await panel.open(scenarioOf(player));
    if (!r.ok) {
      panel.remove();
      this.#ui.setMessage(`Compare mode cannot run this scenario: ${r.error}`, { error: true });
      return;
    }
    this.#comparePanel = panel;
    this.#ui.body.style.display = 'none';
  }

  /** Compare mode's view while the compare attribute is on (null otherwise). */
  get comparePanel() {
    return this.#comparePanel;
  }

  // ---- the element's own playback (standalone) -----------------------------

  #command(command, arg) {
    const p = this.#player;
    if (!p || !this.#ownPlayer) return;
    // What the reader does with the controls is read out: a move, a
    // pause (where it stopped), and the end of a playback they started.
    if (command === 'play') {
      if (this.#playback.playing) this.#pause({ say: true });
      else this.#play({ fromStart: p.atHead, reader: true });
      return;
    }
    this.#pause();
    const to = { 'to-start': 0, 'step-back': p.position - 1, 'step-forward': p.position + 1, 'to-end': p.total - 1, seek: arg }[command];
    if (to === undefined) return;
    const before = p.position;
    // On a big map the move's copy is made a slice per task first, and the
    // redraw has a task of its own (issue 18); a later move supersedes it.
    this.#stopMoving();
    const moving = new AbortController();
    this.#moving = moving;
    seekWhenReady(p, to, { yieldToEventLoop, signal: moving.signal }, (long) => {
      if (moving.signal.aborted || this.#player !== p || !this.#seek(p, to)) return undefined;
      if (!long) return this.#draw({ animate: Math.abs(p.position - before) === 1, say: true });
      // The seek, the scan of the big map's arrays and its drawing: a task each.
      return yieldToEventLoop().then(() => {
        if (moving.signal.aborted || this.#player !== p) return undefined;
        p.prescan();
        return yieldToEventLoop();
      }).then(() => {
        if (!moving.signal.aborted && this.#player === p) this.#draw({ animate: false, say: true });
      });
    });
  }

  // A moment the memory budget has no room to show (several maps share one
  // module): nothing moves, playback stops, and the reader is told.
  #seek(p, position) {
    const r = p.trySeek(position);
    if (r.ok) return true;
    this.#playback.stop();
    this.#ui.setMessage(r.error, { error: true });
    this.dispatchEvent(new CustomEvent('gomap-error', { detail: { errors: [{ line: 0, field: 'memory', message: r.error }] } }));
    return false;
  }

  #play({ fromStart, reader = false, resume = false }) {
    const p = this.#player;
    if (!p || !this.#ownPlayer || !this.isConnected) return;
    if ((fromStart || p.atHead) && !this.#seek(p, 0)) return;
    this.#playback.speed = this.#settingsNow().speed;
    // A playback resumed after a move keeps whose it was.
    if (!resume) this.#readerPlaying = reader;
    this.#playback.start(() => {
      if (!this.#player || this.#player !== p || p.atHead) {
        this.#draw({ animate: false });
        return false;
      }
      if (!this.#seek(p, p.position + 1)) return false;
      this.#draw({ animate: true });
      if (!p.atHead) return true;
      queueMicrotask(() => this.#draw({ animate: false, say: this.#readerPlaying }));
      return false;
    });
    this.#draw({ animate: false });
  }

  #pause({ say = false } = {}) {
    if (!this.#playback.playing) return;
    this.#playback.stop();
    if (this.#player) this.#draw({ animate: false, say });
  }

  // Draws the moment and refreshes the element's controls. say: read the
  // moment out. Only what the reader asked for is: a playback's steps are
  // not (at 8 a second they would queue faster than they can be read, and
  // several elements playing by their autoplay would talk over each
  // other), nor what the host page's script does (it speaks for itself).
  #draw({ animate, quiet = false, say = false }) {
    const shown = this.show({ animate, follow: true, quiet });
    const bar = this.#ui.controlBar;
    if (shown && bar.mode !== 'none') {
      const d = describeFrame(this.#player, shown.frame, shown.model);
      bar.update(shown.frame, {
        playing: this.#playback.playing,
        counter: `step ${momentName(shown.frame)}`,
        narration: narrationLine(d),
        say,
      });
    }
    if (shown && this.#ownPlayer) this.#ui.reserve();
  }

  // Stable height: before the reader steps, the element takes the height
  // of the tallest moment of its timeline, so stepping never makes the
  // page around it jump (a moment missed later raises it once). The
  // moments (all of them, or for a long timeline the ends of operations,
  // the grows and an even sample) are drawn and measured in slices of a
  // few milliseconds, each slice ending with the reader's own step drawn
  // again: the browser paints only between tasks, so no other moment is
  // ever seen, and no event or announcement is made for them.
  async #reserveTimeline(p) {
    const ui = this.#ui;
    await ui.whenVisible();
    // A new width (a column that resized, a scrollbar that came) lays the
    // moments out anew: measure again, once the width has settled.
    if (!this.#widthWatch) {
      let width = Math.round(this.getBoundingClientRect().width);
      let timer = 0;
      this.#widthWatch = new ResizeObserver(() => {
        const now = Math.round(this.getBoundingClientRect().width);
        if (now === width || !this.#ownPlayer || !this.#player) return;
        width = now;
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.#ui.resetHeight();
          this.#reserveTimeline(this.#player);
        }, 100);
      });
      this.#widthWatch.observe(this);
    }
    const token = ++this.#reserveToken;
    const h = p.history;
    // A big map's moments are not measured: each would restore a keyframe
    // or give a big heap back, and draw a million-key map, in one task
    // (issue 18). The moment shown keeps its height.
    if (h.ops.some((o) => o.after.heapUsed > HEAP_COPY_SLICE)) {
      ui.reserve();
      this.dispatchEvent(new CustomEvent('gomap-height', { detail: { height: ui.reserved } }));
      return;
    }
    let positions;
    if (p.total <= RESERVE_ALL) positions = Array.from({ length: p.total }, (_, i) => i);
    else {
      const set = new Set();
      for (let j = 0; j < h.length && set.size < RESERVE_ALL / 2; j++) {
        set.add(h.donePosition(j));
        const before = j > 0 ? h.ops[j - 1].after : { B: 0 };
        if (h.ops[j].traced && h.ops[j].after.B > (before.B ?? 0)) {
          for (let k = 0; k < h.ops[j].eventCount; k += 4) set.add(h.position(j, k));
        }
      }
      const stride = Math.max(1, Math.floor(p.total / (RESERVE_ALL / 2)));
      for (let q = 0; q < p.total; q += stride) set.add(q);
      positions = [...set];
    }
    for (let i = 0; i < positions.length;) {
      if (this.#player !== p || !this.isConnected || token !== this.#reserveToken) return;
      const here = p.position;
      const t0 = performance.now();
      ui.body.classList.add('is-measuring');
      let refused = false;
      while (i < positions.length && performance.now() - t0 < 16) {
        // A moment with no room to show ends the measuring where it is.
        if (p.trySeek(positions[i++]).ok) {
          this.#drawQuietly();
          ui.reserve();
        } else refused = true;
      }
      if (refused) i = positions.length;
      if (!p.trySeek(here).ok) {
        ui.body.classList.remove('is-measuring');
        this.#seek(p, here); // says why, and stops
        return;
      }
      this.#drawQuietly();
      ui.reserve();
      ui.body.classList.remove('is-measuring');
      ui.resetMotion();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // The height it keeps is settled (an embed page reports it to its host).
    this.dispatchEvent(new CustomEvent('gomap-height', { detail: { height: ui.reserved } }));
  }

  // The moment drawn with its controls' text, and nothing else: no event,
  // no announcement, no scrolling, no keys flying.
  #drawQuietly() {
    const shown = this.show({ animate: false, follow: false, quiet: true });
    const bar = this.#ui.controlBar;
    if (!shown || bar.mode === 'none') return;
    const d = describeFrame(this.#player, shown.frame, shown.model);
    bar.update(shown.frame, { playing: this.#playback.playing, counter: `step ${momentName(shown.frame)}`, narration: narrationLine(d) });
  }

  // The arrow keys step when the focus is in the element (on its buttons,
  // or on the element itself when the page makes it focusable), except
  // where they move something of their own: the grid of slots, the
  // timeline slider, the overview's window.
  #onKey(ev) {
    const p = this.#player;
    if (!p || !this.#ownPlayer || ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const origin = ev.composedPath()[0];
    if (origin?.closest?.('input, textarea, select, [role="grid"], [role="slider"]')) return;
    const { op } = p.history.locate(p.position);
    const to = {
      ArrowLeft: ev.shiftKey ? p.history.donePosition(op - 1) : p.position - 1,
      ArrowRight: ev.shiftKey ? Math.max(p.history.donePosition(op), p.position + 1) : p.position + 1,
      Home: 0,
      End: p.total - 1,
    }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    ev.stopPropagation();
    this.#command('seek', Math.max(0, Math.min(p.total - 1, to)));
  }

  #selectWindow(from) {
    this.#ui.windowFrom = from;
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
    const ui = this.#build();
    const p = this.#player;
    if (!p) return null;
    const shown = ui.draw(p, { animate, follow, density: this.#settingsNow().density });
    this.#drawnVersion = this.#attrVersion;
    this.#applyDisplay();
    const { frame } = shown;
    if (frame.position !== this.#emittedPosition || p !== this.#emittedPlayer) {
      this.#emittedPosition = frame.position;
      this.#emittedPlayer = p;
      if (!quiet) this.dispatchEvent(new CustomEvent('step-change', { detail: stepDetail(frame, this.#playback.playing) }));
    }
    return shown;
  }

  // Typed property mirrors of the attributes (mapType, hasher, seed, ops,
  // step, view, theme, speed, autoplay, controls, density, moduleSrc): a
  // getter gives the value in use (the map's own settings: the map's on
  // screen), a setter writes the attribute.
  static {
    for (const [attr, prop] of Object.entries(PROPERTY_OF)) {
      Object.defineProperty(this.prototype, prop, {
        configurable: true,
        enumerable: true,
        get() {
          return propertyValue(settingsInUse(this.#settingsNow(), this.#builtWith), prop);
        },
        set(value) {
          const text = attributeText(prop, value);
          // el.step = x seeks to x even when the attribute already says x
          // (the reader may have stepped away since).
          if (prop === 'step' && text === this.getAttribute(attr)) {
            this.#shownStep = undefined;
            this.#schedule();
          }
          if (text === null) this.removeAttribute(attr);
          else this.setAttribute(attr, text);
        },
      });
    }
  }
}

/** Defines <go-map-viz> once, however many times this module is imported. */
export function define(name = 'go-map-viz') {
  if (!customElements.get(name)) customElements.define(name, class extends GoMapViz {});
  return customElements.get(name);
}

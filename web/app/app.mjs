// The playground's state and its flows: one Player (the map, its history
// and the cursor), what performing an operation does, playing, bulk work,
// loading a scenario, and drawing everything for the current moment.
// Controls (controls.mjs, transport.mjs) call into this; the panels it
// draws live in panels.mjs.
import { Player, NoRoomError, seekWhenReady } from '../player/player.mjs';
import { yieldToEventLoop } from '../player/bulk.mjs';
import { describeFrame } from './describe.mjs';
import { Panels } from './panels.mjs';

const BATCH = new Set(['fill', 'collide', 'iter']);
// A replaced map this small is kept as it is for Undo; a bigger one is
// rebuilt from its scenario (two big heaps at once would strain memory).
const KEEP_PLAYER_BYTES = 32 << 20;

// A map replaced is given back in a task of its own, not in the new map's
// first: for a million keys that is a long call of the core's (tens of ms).
function freeLater(player) {
  setTimeout(() => player.free(), 0);
}

export class App {
  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap the loaded module
   * @param {{ viz: import('../element/go-map-viz.mjs').GoMapViz, els: Record<string, HTMLElement> }} ui
   */
  constructor(gomap, { viz, els }) {
    this.gomap = gomap;
    this.viz = viz;
    this.els = els;
    this.player = null;
    this.playing = false;
    this.speed = 8;
    this.timer = 0;
    this.route = null;    // while a lesson step plays: the positions it visits
    this.busy = false;
    this.historyVersion = 0;
    this.shownVersion = -1;
    this.listeners = new Set();
    this.undoListeners = new Set();
    this.undoEntry = null;
    this.panels = new Panels(els);
    viz.addEventListener('gomap-window', () => this.render({ animate: false, follow: false }));
  }

  /** Called after every render with the frame (controls refresh their state). */
  onRender(fn) {
    this.listeners.add(fn);
  }

  // ---- maps ------------------------------------------------------------

  /** A new, empty map from set-up lines; the old one can be brought back (undo). */
  newMap(setup, { label = 'the new map' } = {}) {
    const r = Player.create(this.gomap, setup);
    if (!r.ok) return r;
    this.#swap(r.player, label);
    this.announce(`New map: ${setup.join(', ') || 'map[string]int64'}.`);
    return r;
  }

  #swap(player, label) {
    this.pause();
    const old = this.player;
    if (old) this.#remember(label, { player: old });
    this.player = player;
    this.viz.player = player;
    this.viz.windowFrom = 0;
    this.historyVersion++;
    this.render({ animate: false });
  }

  // ---- undo: the last change of the history, of any kind ------------------

  /** Called with { label, lost } after each change that can be undone, and with null when there is none. */
  onUndoChange(fn) {
    this.undoListeners.add(fn);
  }

  /** What Undo would take back, or null. */
  get undoLabel() {
    return this.undoEntry?.label ?? null;
  }

  // Before a change: how to come back. A map replaced whole is kept as it
  // is (its Player), unless it is big, then as its scenario; a history
  // changed in place by an appended operation is cut back; one that lost
  // later operations is replayed from its scenario.
  #remember(label, { player = null, appended = false, lost = 0 } = {}) {
    this.#forgetUndo();
    const p = player ?? this.player;
    const entry = { label, lost, position: p.position, length: p.history.length, operations: p.history.length };
    if (player && (player.map.header().heapUsed ?? 0) <= KEEP_PLAYER_BYTES) entry.player = player;
    else if (!appended) entry.text = p.scenarioText();
    if (player && !entry.player) freeLater(player);
    this.undoEntry = entry;
    for (const fn of this.undoListeners) fn({ label, lost, operations: entry.operations, replaced: !!player });
  }

  #forgetUndo() {
    const e = this.undoEntry;
    this.undoEntry = null;
    if (e?.player && e.player !== this.player) e.player.free();
  }

  /** Takes back the last change of the history. */
  async undo() {
    const e = this.undoEntry;
    if (!e || this.busy) {
      if (!e) this.announce('Nothing to undo.');
      return { ok: false };
    }
    this.pause();
    this.undoEntry = null;
    let target = e.player ?? null;
    if (!target && e.text !== undefined) {
      this.undoEntry = e;
      const r = await this.#load(e.text);
      this.undoEntry = null;
      if (!r.ok) {
        this.announce('The previous history could not be rebuilt.');
        return r;
      }
      target = r.player;
    }
    // The player shown after the undo: the one kept or rebuilt, else this
    // one with the appended operations cut off.
    const p = target ?? this.player;
    const move = () => (target ? p.seek(e.position) : p.truncate(e.length, e.position));
    await seekWhenReady(p, e.position, this.#slices(), (long) => {
      if (target) {
        const current = this.player;
        this.player = target;
        this.viz.player = target;
        this.viz.windowFrom = 0;
        freeLater(current);
      }
      return long ? this.#moveInTasks(p, move) : move();
    });
    this.historyVersion++;
    for (const fn of this.undoListeners) fn(null);
    this.render({ animate: false });
    this.announce(`Undone: ${e.label}.`);
    return { ok: true };
  }

  // How the page waits for a big map's copies (seekWhenReady): busy and
  // paused meanwhile.
  #slices() {
    return {
      yieldToEventLoop,
      onBusy: (busy) => {
        if (busy) this.pause();
        this.setBusy(busy);
      },
    };
  }

  // A big map's move in tasks of its own: the seek (the prepared restore
  // handed over, the heap it replaces given back), then the scan of its
  // arrays; the redraw follows. False when nothing moved (NoRoomError, or
  // another player took over meanwhile).
  async #moveInTasks(p, move) {
    await yieldToEventLoop();
    if (this.player !== p || !this.#moveCursor(move)) return false;
    await yieldToEventLoop();
    p.prescan();
    await yieldToEventLoop();
    return true;
  }

  /**
   * Replays scenario text into a new map. On errors the current map stays.
   * @param {string} text
   * @param {{ onProgress?: (fraction: number) => void, label?: string }} [options]
   * @returns {Promise<{ ok: boolean, errors?: {line: number, message: string}[] }>}
   */
  async loadScenario(text, { onProgress, label = 'the scenario' } = {}) {
    this.pause();
    const r = await this.#load(text, { onProgress });
    if (!r.ok) return r;
    this.#swap(r.player, label);
    this.announce(`Scenario loaded: ${r.player.history.length} operations.`);
    return r;
  }

  /**
   * @param {string} text
   * @param {{ onProgress?: (fraction: number) => void }} [options]
   */
  async #load(text, { onProgress } = {}) {
    const controller = new AbortController();
    this.bulkAbort = controller;
    this.setBusy(true);
    try {
      return await Player.load(this.gomap, text, { onProgress, yieldToEventLoop, signal: controller.signal });
    } catch (err) {
      // The module itself failed (out of memory): the map on screen stays.
      return { ok: false, errors: [{ line: 1, message: String(err?.message ?? err) }] };
    } finally {
      this.setBusy(false);
      this.bulkAbort = null;
    }
  }

  // ---- operations --------------------------------------------------------

  /**
   * Performs one command after the moment shown, then plays its micro-steps.
   * A promise of the same when a big map first copies its heap in slices.
   * @param {string} command
   * @param {{ prepared?: boolean }} [options] prepared: that copy is made
   * @returns {{ ok: boolean, error?: string } | Promise<{ ok: boolean, error?: string }>}
   */
  perform(command, { prepared = false } = {}) {
    if (this.busy) return { ok: false, error: 'Wait for the running operation to finish.' };
    // On a big map the operation may first copy its heap (a keyframe or its
    // restore): copied a slice per task, then performed (a promise, then).
    if (!prepared && this.player.startIsLong()) return this.#performAfterCopy(command);
    this.pause();
    const before = this.#beforeChange();
    const r = this.player.perform(command);
    if (!r.ok) {
      this.announce(r.error);
      return r;
    }
    this.#changed(before, command, r.op);
    const op = this.player.history.ops[r.op];
    // A single-key operation plays its micro-steps; a batch (fill, collide,
    // a whole loop) shows its result, and can be stepped through backwards.
    if (op.traced && !BATCH.has(op.kind) && op.eventCount <= 400) {
      this.render({ animate: false });
      this.play();
    } else {
      this.player.seek(this.player.history.donePosition(r.op));
      this.render({ animate: false, announce: true });
    }
    return r;
  }

  async #performAfterCopy(command) {
    const p = this.player;
    this.pause();
    this.setBusy(true);
    try {
      await p.prepareStart({ yieldToEventLoop });
    } finally {
      this.setBusy(false);
    }
    if (this.player !== p) return { ok: false, error: 'The map changed before the operation could run.' };
    return this.perform(command, { prepared: true });
  }

  /** fill N in chunks with a progress bar; the page stays responsive. */
  fill(n, options = {}) {
    return this.runLong(`fill ${n}`, options);
  }

  /**
   * Performs a command that may be long (a big fill, a collide that
   * searches many keys) in slices, with progress and Cancel, never
   * blocking the page for long; refuses what would take minutes
   * (Player.runLong). Short commands are perform().
   * @param {string} command
   * @param {{ onProgress?: (fraction: number) => void }} [options]
   */
  async runLong(command, { onProgress } = {}) {
    if (this.busy) return { ok: false, error: 'Wait for the running operation to finish.' };
    this.pause();
    const before = this.#beforeChange();
    const controller = new AbortController();
    this.bulkAbort = controller;
    this.setBusy(true);
    let r;
    let moved = false;
    try {
      r = await this.player.runLong(command, { onProgress, yieldToEventLoop, signal: controller.signal });
      if (r.op !== undefined) {
        this.#changed(before, command, r.op);
        moved = this.#moveCursor(() => this.player.seek(this.player.history.donePosition(r.op)));
        // A big map's redraw starts with a scan of its arrays: a task of its
        // own, still busy, so nothing else starts in the gap.
        if (moved) {
          this.player.prescan();
          await yieldToEventLoop();
        }
      }
    } finally {
      this.setBusy(false);
      this.bulkAbort = null;
    }
    if (moved) this.render({ animate: false, announce: true });
    else if (!r.ok) this.announce(r.error);
    return r;
  }

  // The history before an operation is added at the cursor: what it
  // would lose (the operations after the moment shown) and how to come back.
  #beforeChange() {
    const p = this.player;
    const shown = p.history.locate(p.position).op;
    const lost = p.history.ops.slice(shown + 1).map((o) => o.command);
    return { lost, text: lost.length ? p.scenarioText() : null, position: p.position, length: shown + 1 };
  }

  #changed(before, command, op) {
    this.historyVersion++;
    this.#forgetUndo();
    const label = before.lost.length
      ? `“${command}”, which replaced the ${before.lost.length === 1 ? 'operation' : `${before.lost.length} operations`} after it`
      : `“${command}”`;
    this.undoEntry = before.lost.length
      ? { label, lost: before.lost.length, position: before.position, text: before.text, operations: before.length + before.lost.length }
      : { label, lost: 0, position: before.position, length: before.length, operations: before.length };
    const done = this.player.history.ops[op];
    const prevAfter = op > 0 ? this.player.history.ops[op - 1].after : null;
    for (const fn of this.undoListeners) {
      fn({ label, lost: before.lost.length, lostCommands: before.lost, operations: this.undoEntry.operations, replaced: false,
        grewWithin: !!done && (done.after.B > (prevAfter?.B ?? 0)) && !done.after.growing && ['set', 'fill', 'collide'].includes(done.kind) });
    }
  }

  cancelBulk() {
    this.bulkAbort?.abort();
  }

  setBusy(busy) {
    this.busy = busy;
    document.getElementById('app')?.setAttribute('aria-busy', String(busy));
    for (const fn of this.listeners) fn({ busy });
  }

  // ---- the cursor ----------------------------------------------------------

  seek(position, options = {}) {
    if (!this.player || this.busy) return;
    const p = this.player;
    const before = p.position;
    // A big map's keyframe is copied back a slice per task first (one copy
    // of ~100 MB would block the page for tens of ms), then moved to and
    // redrawn in tasks of their own.
    const moved = seekWhenReady(p, position, this.#slices(), (long) => (long
      ? this.#moveInTasks(p, () => p.seek(position))
      : this.#moveCursor(() => p.seek(position))));
    if (moved instanceof Promise) {
      moved.then((done) => {
        if (done && this.player === p) this.render({ animate: false, ...options });
      });
    } else if (moved) {
      this.render({ animate: Math.abs(p.position - before) === 1, ...options });
    }
  }

  // Moves the player's cursor; a moment the memory budget has no room to
  // show (NoRoomError: nothing changed) stops playing and says so on the page.
  #moveCursor(move) {
    try {
      move();
      return true;
    } catch (err) {
      if (!(err instanceof NoRoomError)) throw err;
      this.pause();
      const notice = document.getElementById('link-notice');
      if (notice) {
        notice.textContent = err.message;
        notice.hidden = false;
      }
      this.announce(err.message);
      return false;
    }
  }

  step(delta) {
    this.pause();
    this.seek(this.player.position + delta, { announce: true });
  }

  stepOp(delta) {
    this.pause();
    const p = this.player;
    this.seek(delta > 0 ? p.nextOpPosition() : p.prevOpPosition(), { animate: false, announce: true });
  }

  toStart() {
    this.pause();
    this.seek(0, { announce: true });
  }

  toEnd() {
    this.pause();
    this.seek(this.player.total - 1, { announce: true });
  }

  /**
   * Plays from the moment shown to the end; with `route` (a lesson step:
   * the timeline positions to visit, in order) it visits those and stops.
   */
  play({ route = null } = {}) {
    if (!this.player || this.busy) return;
    this.route = route;
    if (!route && this.player.atHead) this.player.seek(this.player.history.stepStart[Math.max(0, this.player.history.length - 1)] ?? 0);
    this.playing = true;
    this.#schedule();
    for (const fn of this.listeners) fn({ playing: true });
  }

  pause() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    this.route = null;
    if (!this.playing) return;
    this.playing = false;
    for (const fn of this.listeners) fn({ playing: false });
    if (this.player) this.render({ animate: false, announce: true, follow: false });
  }

  togglePlay() {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(stepsPerSecond) {
    this.speed = stepsPerSecond;
  }

  #schedule() {
    this.timer = setTimeout(() => {
      this.timer = 0;
      if (!this.playing) return;
      const p = this.player.position;
      const next = this.route ? this.route.find((q) => q > p) : (this.player.atHead ? undefined : p + 1);
      if (next === undefined) {
        this.pause();
        return;
      }
      this.player.seek(next);
      const f = this.player.frame();
      this.render({ animate: next === p + 1, announce: f.phase === 'done' });
      this.#schedule();
    }, 1000 / this.speed);
  }

  // ---- drawing -------------------------------------------------------------

  /**
   * Draws the current moment: the map, the narration, the panels.
   * @param {{ animate?: boolean, announce?: boolean, follow?: boolean }} options
   */
  render({ animate = false, announce = false, follow = true } = {}) {
    const p = this.player;
    // A sliced operation is under way: the session is between moments.
    if (!p || this.busy) return;
    const shown = this.viz.show({ animate, follow });
    const { model, frame } = shown;
    const d = describeFrame(p, frame, model);
    this.els.stepCount.textContent = d.counter;
    this.els.stepFn.hidden = !d.fn;
    this.els.stepFn.textContent = d.fn ?? '';
    this.els.narration.textContent = d.text;
    if (announce) this.announce(`${d.fn ? `${d.fn}: ` : ''}${d.text}`);
    // For a big map the drawing alone is a long task (the overview scans
    // every bucket): the panels (another scan, for the stats) and the
    // controls' refresh run in a task of their own, if the cursor has not
    // moved meanwhile (then the newer render does it).
    clearTimeout(this.restTimer);
    const rest = () => {
      this.panels.update(p, frame, model);
      const historyChanged = this.shownVersion !== this.historyVersion;
      this.shownVersion = this.historyVersion;
      for (const fn of this.listeners) fn({ frame, model, historyChanged });
    };
    if (model.density !== 'overview') rest();
    else {
      this.restTimer = setTimeout(() => {
        if (this.player !== p || this.busy || p.position !== frame.position) return;
        p.moment();
        rest();
      }, 0);
    }
    return shown;
  }

  announce(text) {
    const live = this.els.announcer;
    // Re-setting the same text would not be read again; a trailing space
    // toggles it.
    live.textContent = live.textContent === text ? `${text} ` : text;
  }

  scenarioText() {
    return this.player?.scenarioText() ?? '';
  }
}


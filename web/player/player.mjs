// The player: one map session, its history, and a cursor on the timeline.
// Every moment it shows is the map's real bytes at that moment: the player
// restores the nearest keyframe, replays the operations after it, re-runs
// the current operation with a trace and winds the heap back to the chosen
// micro-step (GoMap.rewind). Renderers then read the session as usual.
//
// No DOM here; the page, the element and node tests all drive it alike.
import { History } from './history.mjs';
import { KeyframeStore } from './keyframes.mjs';
import { commandName, isSetupCommand, splitScenario } from './scenario-text.mjs';
import { ChunkPlanner } from './bulk.mjs';
import { trackScans, forgetScans, scanArray, addr, oldArrayLength } from './heap-scan.mjs';

// Roughly how fast a snapshot copies the heap; a keyframe is worth taking
// once replaying from the previous one would take longer than copying.
const SNAPSHOT_BYTES_PER_MS = 4e6;
// Operations whose micro-steps would be too many to show one by one run
// untraced and play as a single step (the history marks them `tooMany`, so
// the page can say why; a dump is untraced too, having no micro-steps).
const MAX_TRACED_INSERTS = 32;
const MAX_TRACED_SLOTS = 4096;
// The replay of many operations goes to the core in pieces (its scenario
// text limits are 50,000 lines and 4 MiB).
const REPLAY_BATCH = 5000;
const EVENT_CACHE_OPS = 64;
// A long scenario yields to the page this often (the page must never be
// blocked for 50 ms by what a link or a pasted scenario asks).
const SLICE_MS = 12;
// A big heap is copied this many bytes per task: the room a fill whose heap
// must move makes first (a copy of up to ~100 MB at a million keys), a
// keyframe taken after it and a keyframe's restore. Anything that sizes
// those copies (tests, the long-task flow) imports it from here.
export const HEAP_COPY_SLICE = 8 << 20;
// collide searches generated keys for ones that land in its bucket: about
// 2^B keys hashed per key inserted, 0.2–1.5 µs each in the browser. It is
// run in slices while B stays as it was (collide B N = collide B n1;
// collide B n2 exactly then); the part after an insert that starts a grow
// must run as one call, and is refused when that call would search more
// than UNSPLIT_TRIES keys. A whole collide that would search more than
// MAX_TRIES keys (seconds to minutes) is refused before anything runs.
const SLICE_TRIES = 20000;
const UNSPLIT_TRIES = 1_000_000;
const MAX_TRIES = 40_000_000;
const MAX_REPLAY_OPS = 64;
// The operations that run a loop's iterator (mapiterinit, mapiternext).
const LOOP_KINDS = new Set(['range', 'next', 'iter']);

/**
 * A moment the player cannot show because the memory budget has no room
 * for the copy it needs (a keyframe's restore was refused). Thrown before
 * anything changed: the history, the cursor and the map's bytes are as
 * they were. The page shows its message.
 */
export class NoRoomError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NoRoomError';
  }
}

/**
 * How a long run yields to the page: progress from 0 to 1, a function that
 * returns to the event loop between slices, and a signal that stops it there.
 * @typedef {{ onProgress?: (fraction: number) => void, yieldToEventLoop?: () => Promise<unknown>, signal?: AbortSignal }} LongRun
 */
/**
 * What one operation gave: its op, or why not (partial: a long fill stopped
 * part way; done and cancelled: how far a fill got).
 * @typedef {{ ok: boolean, op?: number, error?: string, partial?: boolean, done?: number, cancelled?: boolean }} OperationResult
 */
/** @typedef {Partial<Omit<import('../../wasm/gomap').SwissHeader, 'version' | 'type' | 'hasher'>>} SwissFields a Go 1.26 header's own fields */

/**
 * The one way to reach a moment that may copy a big heap (issue 18): when
 * `source.seekIsLong(at)` says reaching it would block the page, the copy
 * is made a slice per task first (`source.prepareSeek`), with
 * onBusy(true) before and onBusy(false) after, and `show(true)` runs after
 * it, while still busy; a later prepareSeek on the same source, or
 * `signal`, supersedes it (show is not called, the promise gives
 * undefined). Otherwise `show(false)` runs at once and its value is
 * returned as it is. `show(long)` does the seek and what follows it (long:
 * a big map, whose seek and redraw each deserve a task of their own).
 * @template T
 * @param {{ seekIsLong(at: any): boolean, prepareSeek(at: any, how: LongRun): Promise<boolean> }} source
 *   a Player, or what answers as one (compare mode's two players)
 * @param {any} at the position (what source's methods take)
 * @param {LongRun & { yieldToEventLoop: () => Promise<unknown>, onBusy?: (busy: boolean) => void }} how
 * @param {(long: boolean) => T} show
 * @returns {T | Promise<Awaited<T> | undefined>}
 */
export function seekWhenReady(source, at, how, show) {
  if (!source.seekIsLong(at)) return show(false);
  return preparedThenShown(source, at, how, show);
}

/**
 * @template T
 * @param {{ prepareSeek(at: any, how: LongRun): Promise<boolean> }} source
 * @param {any} at
 * @param {LongRun & { onBusy?: (busy: boolean) => void }} how
 * @param {(long: boolean) => T} show
 * @returns {Promise<Awaited<T> | undefined>}
 */
async function preparedThenShown(source, at, how, show) {
  how.onBusy?.(true);
  try {
    if (!(await source.prepareSeek(at, how))) return undefined;
    return await show(true);
  } finally {
    how.onBusy?.(false);
  }
}

/** @param {{ mapType?: string, hasher?: string, seed?: number|bigint|string|null, hint?: number|string, version?: string }} [setup] */
export function setupLines({ mapType, hasher, seed, hint, version } = {}) {
  const lines = [];
  if (mapType) lines.push(mapType);
  if (hasher) lines.push(`hasher ${hasher}`);
  if (seed !== undefined && seed !== null && seed !== '') lines.push(`seed ${seed}`);
  if (hint) lines.push(`hint ${hint}`);
  if (version) lines.push(`version ${version}`);
  return lines;
}

export class Player {
  #at = 0; // the position whose bytes the session holds; null once it moved elsewhere
  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {string[]} setup set-up lines ("map[string]int64", "seed 7", ...)
   * @param {{ budgetBytes?: number, maxKeyframes?: number }} [options]
   * @returns {{ ok: true, player: Player, error?: undefined, line?: undefined } | { ok: false, error: string, line?: number, player?: undefined }}
   */
  static create(gomap, setup = [], options = {}) {
    // `version 1.26` picks Go's Swiss table, a session of its own; its
    // version line is still run with the others (it is welcome once).
    const swiss = setup.some((line) => /^version\s+1\.26\s*$/.test(line.trim()));
    const made = gomap.createMap(swiss ? { version: '1.26' } : {});
    if (!made.ok) return /** @type {import('../../wasm/gomap').Failure} */ (made);
    const map = made.map;
    if (setup.length) {
      const outcomes = map.run(setup.join('\n'));
      const bad = outcomes.find((o) => o.error);
      if (bad) {
        map.free();
        return { ok: false, error: bad.message, line: bad.line }; // the place is its own field
      }
    }
    // Keyframe 0, the map before any operation, every moment replays from.
    const first = map.snapshot();
    if (!first.ok) {
      map.free();
      return { ok: false, error: first.error };
    }
    const asMap = /** @type {import('../../wasm/gomap').GoMap} */ (/** @type {unknown} */ (map));
    return { ok: true, player: new Player(gomap, asMap, setup, { ...options, first }) };
  }

  /**
   * Builds a new player from scenario text: set-up lines first, then every
   * operation in turn (large fills in chunks, yielding between them).
   * On any error the new player is discarded and the errors are returned,
   * so the caller's current map stays as it was.
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {string} text
   * @param {LongRun & { options?: { budgetBytes?: number, maxKeyframes?: number } }} [how]
   */
  static async load(gomap, text, { onProgress, yieldToEventLoop, signal, options } = {}) {
    const commands = splitScenario(text);
    const setup = [];
    let i = 0;
    while (i < commands.length && isSetupCommand(commands[i].text)) setup.push(commands[i++]);
    const made = Player.create(gomap, setup.map((c) => c.text), options);
    if (!made.ok) {
      const bad = made.line ? setup[made.line - 1] : undefined;
      const line = bad ? bad.line : setup[0]?.line;
      return { ok: false, errors: [{ line: line ?? 1, command: bad?.text, message: made.error }] };
    }
    const player = made.player;
    const errors = [];
    const ops = commands.slice(i);
    let since = performance.now();
    for (let n = 0; n < ops.length; n++) {
      if (signal?.aborted) break;
      const c = ops[n];
      const r = await player.runLong(c.text, { yieldToEventLoop, signal, onProgress: (f) => onProgress?.((n + f) / ops.length) });
      if (!r.ok) errors.push({ line: c.line, command: c.text, message: r.error });
      onProgress?.((n + 1) / ops.length);
      if (yieldToEventLoop && performance.now() - since > SLICE_MS) {
        await yieldToEventLoop();
        since = performance.now();
      }
    }
    if (errors.length || signal?.aborted) {
      player.free();
      return { ok: false, errors, aborted: !!signal?.aborted };
    }
    player.toEnd();
    return { ok: true, player };
  }

  /**
   * Performs one command, in slices when it would be long (a big `fill`,
   * a `collide` that searches many keys), yielding between them; refuses
   * before running it what a cost estimate says would block for long.
   * Same results as perform().
   * @param {string} command
   * @param {LongRun} [how]
   * @returns {Promise<OperationResult>}
   */
  async runLong(command, { yieldToEventLoop, signal, onProgress } = {}) {
    if (yieldToEventLoop) await this.prepareStart({ yieldToEventLoop });
    const bulk = Player.bulkCount(command);
    if (bulk !== null) return this.fill(bulk, { yieldToEventLoop, signal, onProgress });
    const c = Player.collideArgs(command);
    if (!c) return this.perform(command);
    const cost = this.collideCost(c);
    if (cost.error) return { ok: false, error: cost.error };
    // A traced collide is one call (its micro-steps are one trace).
    if (c.n <= MAX_TRACED_INSERTS && cost.tries > UNSPLIT_TRIES) {
      return { ok: false, error: `collide ${c.bucket} ${c.n} would hash about ${cost.tries.toLocaleString('en-US')} generated keys in one go (seconds with the page frozen). Collide into a smaller map.` };
    }
    if (c.n <= MAX_TRACED_INSERTS) return this.perform(command);
    return this.#collideSliced(c, { yieldToEventLoop, signal, onProgress });
  }

  /** { bucket, n } of a `collide I N` command, else null. */
  static collideArgs(command) {
    const m = /^collide\s+(\d+)\s+(\d+)\s*$/.exec(command.trim());
    return m ? { bucket: Number(m[1]), n: Number(m[2]) } : null;
  }

  /**
   * What collide would cost on the map as it stands, in keys hashed:
   * { tries, unsplit } (unsplit: those in the one call after a grow
   * starts), or { error } when it is refused.
   */
  collideCost({ bucket, n }) {
    const h = /** @type {import('../../wasm/gomap').Header & SwissFields} */ (this.map.header());
    // Swiss: the keys must land in one group of directory entry 0's table.
    const buckets = this.swiss ? (h.created ? (h.groups0 ?? 1) * Math.max(1, h.dirLen ?? 1) : 1)
      : h.created && h.buckets !== '0' ? 2 ** h.B : 1;
    const room = this.#roomBeforeGrow();
    const tail = Math.max(0, n - Math.min(n, room));
    const tries = n * buckets;
    const unsplit = tail * buckets;
    const fmt = (x) => Math.round(x).toLocaleString('en-US');
    const what = `collide ${bucket} ${n} would hash about ${fmt(tries)} generated keys to find ${fmt(n)} that land in bucket ${bucket} of ${fmt(buckets)}`;
    if (bucket >= buckets) return { tries: 0, unsplit: 0 };
    if (tries > MAX_TRIES) {
      return { error: `${what} (minutes in a browser); the playground runs at most ${fmt(MAX_TRIES)}. Collide fewer keys, or into a smaller map.` };
    }
    if (unsplit > UNSPLIT_TRIES) {
      return {
        error: `${what}; ${fmt(tail)} of them come after the insert that starts a grow and must be found in one go (about ${fmt(unsplit)} keys, seconds with the page frozen). ` +
          `Collide at most ${fmt(Math.min(n, room) + Math.floor(UNSPLIT_TRIES / buckets))} keys here, or in two steps (the second at the new size).`,
      };
    }
    return { tries, unsplit };
  }

  // collide B N in slices while B stays (see SLICE_TRIES); recorded as one
  // operation, `collide B N`.
  async #collideSliced({ bucket, n }, { yieldToEventLoop, signal, onProgress }) {
    const cost = this.collideCost({ bucket, n });
    if (!yieldToEventLoop || cost.tries <= SLICE_TRIES || !this.map.header().created) return this.perform(`collide ${bucket} ${n}`);
    const start = this.#startOperation();
    if (!start.ok) return start;
    const j = start.op;
    const h = this.map.header();
    const buckets = 2 ** h.B;
    const before = Math.min(n, this.#roomBeforeGrow());
    const planner = new ChunkPlanner(before, { targetMs: 15, first: Math.max(1, Math.floor(SLICE_TRIES / buckets)), min: 1 });
    let done = 0;
    let ms = 0;
    let error = null;
    this.#moved();
    const step = (size) => {
      const t0 = performance.now();
      const [o] = this.map.run(`collide ${bucket} ${size}`);
      this.#moved();
      const took = performance.now() - t0;
      ms += took;
      if (o.error) error = o.message;
      else done += size;
      return took;
    };
    for (let size = planner.next(); size > 0 && !error; size = planner.next()) {
      if (signal?.aborted) break;
      planner.took(step(size));
      onProgress?.(done / n);
      await yieldToEventLoop();
    }
    if (!error && !signal?.aborted && done < n) {
      step(n - done);
      onProgress?.(done / n);
    }
    if (done === 0) {
      // Nothing ran (a refused first slice leaves the map as it was).
      this.clean = j;
      this.journal = null;
      return { ok: false, error: error ?? 'The collide was cancelled.' };
    }
    this.#recordBulk(j, `collide ${bucket} ${done}`, ms);
    return error ? { ok: false, error: `Stopped after ${done} keys: ${error}`, partial: true, op: j }
      : { ok: true, op: j, done, cancelled: done < n };
  }

  /**
   * Whether a new operation from the moment shown first copies a big heap
   * (the restore of a keyframe, or a keyframe taken): then prepareStart().
   */
  startIsLong() {
    const j = this.#branchPoint();
    if (this.#blocks(this.#planBefore(j))) return true;
    return this.clean === j && this.#keyframeWanted(j) > HEAP_COPY_SLICE;
  }

  /**
   * Where a new operation starts: the restore and the keyframe it needs,
   * copied a slice per task (on a big map each is tens of ms at once), so
   * that perform() only hands them over. False when a later seek or
   * `signal` superseded it.
   * @param {LongRun} how
   */
  async prepareStart({ yieldToEventLoop, signal }) {
    const j = this.#branchPoint();
    if (!(await this.#prepare(this.#planBefore(j), { yieldToEventLoop, signal }))) return false;
    if (this.clean === j) await this.#offerKeyframeSliced(j, yieldToEventLoop);
    return true;
  }

  /**
   * Whether showing `position` would block the page for long: it restores
   * a keyframe over one copy slice, or puts one in place of a heap that big
   * (giving a million-key heap back takes the core tens of ms too); then
   * prepareSeek() first (seekWhenReady does both).
   */
  seekIsLong(position) {
    return this.#blocks(this.#seekPlan(position));
  }

  /**
   * Copies ahead, a slice per task, the keyframe that showing `position`
   * restores, so that the seek itself only hands the copy over (a
   * million-key heap is ~100 MB: tens of ms in one copy); an operation at
   * `position` whose events left the cache is re-run then too, in a task
   * of its own, so frame() finds them. The moment shown stays the same
   * (the session is put back when it is next read); any other model call
   * meanwhile only drops the copy (the restore then copies at once).
   * A later prepareSeek() or prepareStart() on this player, or `signal`,
   * stops it at its next slice: it resolves false, and true when done.
   * @param {number} position
   * @param {LongRun} how
   * @returns {Promise<boolean>}
   */
  prepareSeek(position, { yieldToEventLoop, signal }) {
    return this.#prepare(this.#seekPlan(position), { yieldToEventLoop, signal });
  }

  #seekTicket = 0;

  async #prepare(plan, { yieldToEventLoop, signal }) {
    const ticket = ++this.#seekTicket;
    const superseded = () => ticket !== this.#seekTicket || !!signal?.aborted;
    if (!plan) return !superseded();
    if (plan.keyframe) {
      while (!plan.keyframe.snap.prepareRestore({ maxCopyBytes: HEAP_COPY_SLICE })) {
        await yieldToEventLoop();
        if (superseded()) return false;
      }
    }
    if (plan.retrace >= 0) {
      await yieldToEventLoop();
      if (superseded()) return false;
      this.#retrace(plan.retrace);
    }
    return !superseded();
  }

  // Whether carrying out a plan (#seekPlan) would block the page for long.
  #blocks(plan) {
    if (!plan?.keyframe) return false;
    return plan.keyframe.bytes > HEAP_COPY_SLICE || this.#heldBytes() > HEAP_COPY_SLICE;
  }

  // What showing `position` starts with (#materialize, #ensureBefore,
  // #windTo, and frame()'s eventsOf): { keyframe } restored, or null, and
  // { retrace }: the traced operation re-run because its events left the
  // cache, or -1. Null when the session is already there.
  #seekPlan(position) {
    if (!Number.isFinite(position)) return null;
    const { op: j, step: k } = this.history.locate(Math.max(0, Math.min(this.total - 1, Math.round(position))));
    if (j < 0) return this.#planBefore(0);
    const op = this.history.ops[j];
    if (k < op.eventCount) {
      const events = this.events.get(j);
      if (events && this.journal?.op === j && this.journal.writes >= events[k].writes) return null;
      return this.#planBefore(j);
    }
    // Its done step: frame() reads a traced operation's events, and re-runs
    // the operation (from the map before it) when they left the cache.
    if (op.traced && !this.events.has(j)) return { keyframe: this.clean === j ? null : this.keyframes.atOrBefore(j), retrace: j };
    return this.#planBefore(j + 1);
  }

  // The plan that puts the session at the map before op j.
  #planBefore(j) {
    return this.clean === j ? null : { keyframe: this.keyframes.atOrBefore(j), retrace: -1 };
  }

  // The bytes of the heap the session holds now, which a restore gives
  // back: the history's summary of the moment it holds (no read across the
  // boundary), the header's figure when that moment is not in the history.
  #heldBytes() {
    const op = this.clean >= 0 ? this.clean - 1 : (this.journal?.op ?? null);
    if (op === -1) return this.keyframes.atOrBefore(0).bytes;
    const summary = op === null ? null : this.history.ops[op]?.after;
    return summary?.heapUsed ?? this.map.header().heapUsed ?? 0;
  }

  /** The N of a `fill N` large enough to run in chunks, else null. */
  static bulkCount(command) {
    const m = /^fill\s+(\d+)\s*$/.exec(command.trim());
    return m && Number(m[1]) > 2000 ? Number(m[1]) : null;
  }

  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {import('../../wasm/gomap').GoMap} map a SwissGoMap too: the player makes the same calls;
   *   the Swiss header's own fields are read as SwissFields
   * @param {string[]} setup
   * @param {{ budgetBytes?: number, maxKeyframes?: number, first?: object }} [options]
   */
  constructor(gomap, map, setup, { budgetBytes, maxKeyframes, first } = {}) {
    this.gomap = gomap;
    this.map = map;
    this.setup = setup;
    this.history = new History();
    this.keyframes = new KeyframeStore({
      budgetBytes,
      maxCount: maxKeyframes,
      replayMs: (a, b) => this.history.replayMs(a, b),
    });
    this.position = 0;
    this.clean = 0;        // the session holds the map before op `clean`; -1 when wound back
    this.journal = null;   // { op, writes }: the session's last traced op and where it stands
    this.events = new Map(); // op → events, most recently used last
    const header = map.header();
    this.variant = header.type.variant;
    // Go 1.26's Swiss table (SwissGoMap): no buckets, no incremental growth.
    this.swiss = map.version === '1.26';
    // Whether the set-up made the map (a hint does): an operation that
    // fails on a map not made yet may have made it (perform undoes that).
    this.createdAtStart = !!header.created;
    trackScans(map);
    this.keyframes.add(0, first, 4096);
  }

  free() {
    this.keyframes.clear();
    this.map.free();
  }

  get total() {
    return this.history.total;
  }

  get atHead() {
    return this.position === this.total - 1;
  }

  /** Setup lines plus one line per operation: the whole history as text. */
  scenarioText() {
    return [...this.setup, ...this.history.ops.map((o) => o.command)].join('\n');
  }

  // ---- doing things ----------------------------------------------------

  /**
   * Appends one operation after the one shown (later ones are discarded)
   * and moves the cursor to its first step.
   * @returns {OperationResult}
   */
  perform(command) {
    const text = command.trim();
    if (splitScenario(text).length !== 1) return { ok: false, error: 'Give one command at a time.' };
    if (isSetupCommand(text)) {
      return { ok: false, error: `Set-up command '${commandName(text)}' must come before the first operation.` };
    }
    const start = this.#startOperation();
    if (!start.ok) return start;
    const j = start.op;
    const traced = this.#traceable(text);
    const t0 = performance.now();
    this.#moved();
    const outcomes = this.map.run(text, { trace: traced });
    const ms = performance.now() - t0;
    const o = outcomes[outcomes.length - 1];
    if (!o || o.error) {
      // The core leaves the map as it was, but for the one side effect an
      // error can have: an operation on a map not made yet makes it. Only
      // then is the map put back (a small one: a quick restore); a big map
      // is never copied back here (tens of ms in one task).
      this.#moved();
      this.journal = null;
      const made = j === 0 ? this.createdAtStart : this.history.ops[j - 1].after.created;
      if (!made) {
        this.clean = -1;
        this.#ensureBefore(j);
      }
      return { ok: false, error: o?.message ?? 'nothing ran' };
    }
    const events = traced && !o.eventsTruncated ? (o.events ?? []) : null;
    this.history.push({
      command: o.op,
      kind: commandName(o.op),
      traced: events !== null,
      tooMany: events === null && commandName(o.op) !== 'dump',
      eventCount: events ? events.length : 0,
      ms,
      outcome: pickOutcome(o),
      after: this.#summary(),
    });
    if (events) this.#cacheEvents(j, events);
    this.clean = j + 1;
    this.journal = events ? { op: j, writes: Infinity } : null;
    this.position = this.history.position(j, 0);
    return { ok: true, op: j };
  }

  /**
   * fill N in chunks, yielding between them so the page stays responsive.
   * Recorded as one operation, `fill N` (identical keys and bytes as a
   * single fill: generated keys continue from the last one).
   * @param {number} n
   * @param {LongRun & { chunkMs?: number }} [how]
   * @returns {Promise<OperationResult>}
   */
  async fill(n, { onProgress, yieldToEventLoop, signal, chunkMs = 15 } = {}) {
    const start = this.#startOperation();
    if (!start.ok) return start;
    const j = start.op;
    let done = 0;
    let ms = 0;
    let error = null;
    const planner = new ChunkPlanner(n, { targetMs: chunkMs });
    this.#moved();
    for (let size = planner.next(this.#roomBeforeGrow()); size > 0; size = planner.next(this.#roomBeforeGrow())) {
      if (signal?.aborted) break;
      if (yieldToEventLoop && !(await this.#prepareFill(size, { yieldToEventLoop, signal }))) break;
      const growing = this.#growing();
      const t0 = performance.now();
      const [o] = this.map.run(`fill ${size}`);
      this.#moved();
      const took = performance.now() - t0;
      planner.took(took);
      // A grow just started: every insert now also evacuates old buckets
      // into fresh memory, several times slower than the last chunk's.
      if (!growing && this.#growing()) planner.shrink(4);
      ms += took;
      if (o.error) {
        error = o.message;
        break;
      }
      done += size;
      onProgress?.(done / n);
      if (yieldToEventLoop) await yieldToEventLoop();
    }
    // A cancelled or failed fill may leave a bigger heap half copied aside,
    // counted against the memory budget: give it back now (room for
    // nothing more is always there, so the copy is dropped).
    this.map.prepareFill(0);
    if (done === 0) {
      this.journal = null;
      return error ? { ok: false, error } : { ok: false, error: 'The fill was cancelled.' };
    }
    this.#recordBulk(j, `fill ${done}`, ms);
    // The keyframe copies the whole heap (~100 MB for a million keys: tens
    // of ms at once), so it is copied a slice per task.
    if (this.clean === j + 1) await this.#offerKeyframeSliced(j + 1, yieldToEventLoop);
    if (yieldToEventLoop) await yieldToEventLoop();
    return error ? { ok: false, error: `Stopped after ${done} keys: ${error}`, partial: true, op: j }
      : { ok: true, op: j, done, cancelled: done < n };
  }

  // The heap room `fill size` needs, made a slice per task (a heap that must
  // move is copied into its bigger buffer over several tasks, not in the
  // fill's); false if cancelled meanwhile. The map's bytes do not change.
  async #prepareFill(size, { yieldToEventLoop, signal }) {
    while (!this.map.prepareFill(size, { maxCopyBytes: HEAP_COPY_SLICE })) {
      await yieldToEventLoop();
      if (signal?.aborted) return false;
    }
    return true;
  }

  /**
   * Keeps operations 0 … n-1 only (an undo of operations appended after
   * them) and shows timeline position p.
   */
  truncate(n, p) {
    if (n < this.history.length) {
      this.position = this.history.donePosition(n - 1);
      this.#branch();
    }
    return this.seek(p);
  }

  // ---- moving the cursor -------------------------------------------------

  /**
   * The latest hash the core reported for each key over operations
   * 0 … upTo-1, as a lookup (16 hex digits, or undefined). Later hashes win:
   * a reseed empties the map first, so a key's last hash is the one its
   * slot holds now.
   * @returns {(key: string) => string | undefined}
   */
  reportedHashes(upTo) {
    const out = {};
    for (const o of this.history.ops.slice(0, upTo)) Object.assign(out, o.outcome?.hashes ?? {});
    return (k) => out[k];
  }

  /**
   * seek(p) for callers that show errors rather than catch them: a moment
   * the memory budget has no room to show moves nothing and says why.
   * @returns {{ ok: true } | { ok: false, error: string }}
   */
  trySeek(p) {
    try {
      this.seek(p);
      return { ok: true };
    } catch (err) {
      if (err instanceof NoRoomError) return { ok: false, error: err.message };
      throw err;
    }
  }

  /** Shows timeline position p (clamped): the map's bytes as they were then. */
  seek(p) {
    this.#materialize(Math.max(0, Math.min(this.total - 1, Math.round(p))));
    return this.frame();
  }

  #materialize(position) {
    const { op: j, step: k } = this.history.locate(position);
    if (j < 0) this.#ensureBefore(0);
    else if (k >= this.history.ops[j].eventCount) this.#ensureBefore(j + 1);
    else this.#windTo(j, k);
    this.position = position;
    this.#at = position;
  }

  /**
   * The moment at the cursor, for everything that draws or narrates it:
   * the session is first put at that moment's bytes (an operation just
   * performed leaves them at its end while the cursor names its first
   * micro-step; a re-traced operation moves them too), then read once.
   * The object is frozen; read the map's bytes (`map.state()`, `chains()`)
   * right after taking it, before anything else moves the session.
   * @returns {Readonly<{ position: number, frame: ReturnType<Player['frame']>, header: import('../../wasm/gomap').Header,
   *   iterator: import('../../wasm/gomap').Header['iterator'] | null, keys: { kind: string, from: number, keys: string[] } | null }>}
   */
  moment() {
    if (this.#at !== this.position) this.#materialize(this.position);
    const frame = this.frame();
    const header = this.map.header();
    const iterator = this.iteratorAt(header.iterator ?? null);
    const keys = this.yieldedKeys();
    // Reading the events back may re-run an operation; it puts the bytes back.
    if (this.#at !== this.position) this.#materialize(this.position);
    return Object.freeze({ position: this.position, frame, header, iterator, keys });
  }

  /**
   * Reads the bucket arrays of the moment shown, ahead of its redraw: a big
   * map's scan (2^18 buckets: 20–30 ms) then has a task of its own, and the
   * redraw finds it remembered. Nothing for a small map or a Swiss one.
   */
  prescan() {
    if (this.swiss) return;
    if (this.#at !== this.position) this.#materialize(this.position);
    const h = this.map.header();
    if (!h.created || !h.buckets || h.buckets === '0' || 2 ** h.B < 4096) return;
    const bucketsize = h.type.bucketsize;
    scanArray(this.map, { array: addr(h.buckets), n: 2 ** h.B, bucketsize });
    if (h.oldbuckets && h.oldbuckets !== '0') {
      scanArray(this.map, { array: addr(h.oldbuckets), n: oldArrayLength(h), bucketsize });
    }
  }

  stepForward() { return this.seek(this.position + 1); }
  stepBack() { return this.seek(this.position - 1); }
  toStart() { return this.seek(0); }
  toEnd() { return this.seek(this.total - 1); }

  /** To the done step of the next operation (or of this one if mid-way). */
  nextOp() {
    return this.seek(this.nextOpPosition());
  }

  prevOp() {
    return this.seek(this.prevOpPosition());
  }

  nextOpPosition() {
    const { op } = this.history.locate(this.position);
    const here = this.history.donePosition(op);
    return here > this.position ? here : this.history.donePosition(op + 1);
  }

  prevOpPosition() {
    return this.history.donePosition(this.history.locate(this.position).op - 1);
  }

  /** What is being shown: which op, which step, and its event. */
  frame() {
    const { op: j, step: k } = this.history.locate(this.position);
    const base = { position: this.position, total: this.total, variant: this.variant };
    if (j < 0) return { ...base, op: -1, step: 0, stepCount: 1, phase: 'origin', event: null, events: null };
    const op = this.history.ops[j];
    const events = op.traced ? this.eventsOf(j) : null;
    const phase = k >= op.eventCount ? 'done' : 'event';
    return {
      ...base,
      op: j,
      step: k,
      stepCount: op.eventCount + 1,
      phase,
      command: op.command,
      kind: op.kind,
      traced: op.traced,
      tooMany: !!op.tooMany,
      outcome: op.outcome,
      event: phase === 'event' ? events[k] : null,
      events,
    };
  }

  /** Op j's events, re-created by a traced run if no longer cached. */
  eventsOf(j) {
    const op = this.history.ops[j];
    if (!op?.traced) return null;
    const cached = this.events.get(j);
    if (cached) {
      this.events.delete(j);
      this.events.set(j, cached);
      return cached;
    }
    const events = this.#retrace(j);
    // The session moved; put it back where the cursor is.
    this.#materialize(this.position);
    return events;
  }

  // Re-runs traced op j from the map before it, for its events (cached);
  // the session is left at the map after it.
  #retrace(j) {
    this.#ensureBefore(j);
    this.#moved();
    const [o] = this.map.run(this.history.ops[j].command, { trace: true });
    if (o.error || !o.events) throw new Error(`re-running op ${j} failed: ${o.error}`);
    this.#cacheEvents(j, o.events);
    this.clean = j + 1;
    this.journal = { op: j, writes: Infinity };
    return o.events;
  }

  /**
   * The open iterator (header().iterator) as it was at this moment. The
   * session keeps the iterator outside the heap, so winding an operation
   * back leaves it as the operation finished; the operation's events say
   * what it was before: `wrapped` turns true at an iterWrap, and each
   * iterBucket sets checkBucket. (Before an operation's first iterBucket,
   * checkBucket is shown as the operation left it. A `range` draws its
   * start in its first step, so start and offset need nothing.)
   * @param {import('../../wasm/gomap').Header['iterator'] | null} live the iterator as the session has it now
   * @returns {import('../../wasm/gomap').Header['iterator'] | null}
   */
  iteratorAt(live) {
    const { op: j, step: k } = this.history.locate(this.position);
    if (!live || j < 0) return live;
    const op = this.history.ops[j];
    // Only a loop's own operations move the iterator.
    if (!LOOP_KINDS.has(op.kind) || !op.traced || k >= op.eventCount) return live;
    const events = this.eventsOf(j);
    const it = { ...live };
    if (events.slice(k + 1).some((e) => e.e === 'iterWrap')) it.wrapped = false;
    const lastBucket = events.slice(0, k + 1).findLast((e) => e.e === 'iterBucket');
    if (lastBucket) it.checkBucket = lastBucket.value;
    return it;
  }

  /**
   * The keys a loop has yielded up to this moment: the `iter` being shown,
   * or the open `range` loop (its first key plus every `next` since).
   * @returns {{ kind: 'iter'|'range', from: number, keys: string[] } | null}
   */
  yieldedKeys() {
    const { op: j, step: k } = this.history.locate(this.position);
    if (j < 0) return null;
    const ops = this.history.ops;
    const upTo = (n, keys) => {
      const op = ops[n];
      if (n !== j || k >= op.eventCount) return keys;
      const yielded = op.traced ? this.eventsOf(n).slice(0, k + 1).filter((e) => e.e === 'iterYield').length : 0;
      return keys.slice(0, yielded);
    };
    if (ops[j].kind === 'iter') return { kind: 'iter', from: j, keys: upTo(j, ops[j].outcome.keys ?? []) };
    let i = j;
    while (i >= 0 && ops[i].kind !== 'range') i--;
    if (i < 0) return null;
    const keys = [];
    for (let n = i; n <= j; n++) {
      if (ops[n].kind === 'range' || ops[n].kind === 'next') keys.push(...upTo(n, ops[n].outcome.keys ?? []));
    }
    return { kind: 'range', from: i, keys };
  }

  // ---- the session behind the cursor --------------------------------------

  // The session's bytes are about to change: no moment is materialized,
  // and scans of the old bytes are stale.
  #moved() {
    this.#at = null;
    forgetScans(this.map);
  }

  // Where a new operation goes: after the one shown.
  #branchPoint() {
    const { op } = this.history.locate(this.position);
    return op < 0 ? 0 : op + 1;
  }

  // Before a new operation: the session at the map before it, then the
  // operations after the one shown discarded. Putting the session there
  // comes first, so a refused restore (NoRoomError) changes nothing.
  #startOperation() {
    const j = this.#branchPoint();
    try {
      this.#ensureBefore(j);
    } catch (err) {
      if (err instanceof NoRoomError) return { ok: false, error: err.message };
      throw err;
    }
    this.#branch();
    this.#offerKeyframe(j);
    return { ok: true, op: j };
  }

  // Discards the operations after the one shown; returns the new op's index.
  #branch() {
    const keep = this.#branchPoint();
    if (keep < this.history.length) {
      this.history.truncate(keep);
      this.keyframes.dropAfter(keep);
      for (const j of [...this.events.keys()]) if (j >= keep) this.events.delete(j);
      if (this.journal && this.journal.op >= keep) this.journal = null;
      if (this.clean > keep) this.clean = -1;
    }
    return keep;
  }

  // Puts the session at the map before op j, not wound back.
  #ensureBefore(j) {
    if (this.clean === j) return;
    const kf = this.keyframes.atOrBefore(j);
    // The copy back is made beside the live map; the budget may have no
    // room for it (other maps, compare mode). Then nothing has changed.
    if (!kf.snap.restore()) {
      // Only a lack of memory is the reader's to fix; a keyframe the
      // session no longer has is a fault of the player, said as it is.
      const why = kf.snap.restoreError?.() ?? '';
      if (why && !why.startsWith('out of memory')) throw new Error(`keyframe before operation ${kf.index + 1}: ${why}`);
      const { inUse, ceiling } = this.gomap.memory?.() ?? {};
      const mib = (b) => `${Math.ceil(b / 2 ** 20)} MiB`;
      throw new NoRoomError('Not enough memory to show that moment: it needs a copy of the map ' +
        `${kf.index === 0 ? 'before the first operation' : `before operation ${kf.index + 1}`}, and the playground's memory budget ` +
        `${inUse !== undefined ? `(${mib(inUse)} of ${mib(ceiling)} in use) ` : ''}has no room for it. ` +
        'The map shown is unchanged; free memory (a smaller map, fewer maps open) and try again.');
    }
    this.#moved();
    const from = kf.index;
    for (let a = from; a < j; a += REPLAY_BATCH) {
      const b = Math.min(j, a + REPLAY_BATCH);
      const text = this.history.ops.slice(a, b).map((o) => o.command).join('\n');
      const bad = this.map.run(text).find((o) => o.error);
      if (bad) throw new Error(`replaying op ${a + bad.line - 1} failed: ${bad.error}`);
    }
    this.clean = j;
    this.journal = null;
    if (from < j) this.#offerKeyframe(j);
  }

  // Shows step k of op j: the session runs op j traced and winds back.
  #windTo(j, k) {
    this.#moved();
    let events = this.events.get(j);
    if (events && this.journal?.op === j && this.journal.writes >= events[k].writes) {
      this.map.rewind(events[k].writes);
    } else {
      this.#ensureBefore(j);
      const [o] = this.map.run(this.history.ops[j].command, { trace: true });
      if (o.error || !o.events) throw new Error(`re-running op ${j} failed: ${o.error}`);
      events = o.events;
      this.#cacheEvents(j, events);
      this.map.rewind(events[k].writes);
    }
    this.journal = { op: j, writes: events[k].writes };
    this.clean = -1;
  }

  // A keyframe before op j when replaying from the previous one would cost
  // more than copying the heap, or would replay many operations. The session
  // must be at the map before op j. Taking one ends the last op's journal.
  #offerKeyframe(j) {
    const bytes = this.#keyframeWanted(j);
    if (!bytes) return;
    const snap = this.map.snapshot();
    // Refused by the memory budget: no keyframe (one that cannot restore
    // would be worse than none); moments after it replay from an earlier one.
    if (!snap.ok) return;
    this.keyframes.add(j, snap, bytes);
    this.journal = null;
  }

  // The bytes a keyframe before op j would take, if one is worth taking
  // (#offerKeyframe's rule), else 0.
  #keyframeWanted(j) {
    if (this.keyframes.has(j)) return 0;
    // The heap before op j is the one op j-1 left: its summary says how big,
    // without reading the header across the boundary again.
    const heapUsed = j > 0 && j <= this.history.length ? this.history.ops[j - 1].after.heapUsed : this.map.header().heapUsed;
    const bytes = (heapUsed ?? 0) + 4096;
    const prev = this.keyframes.atOrBefore(j);
    const gap = this.history.replayMs(prev.index, Math.min(j, this.history.length));
    return gap < bytes / SNAPSHOT_BYTES_PER_MS && j - prev.index < MAX_REPLAY_OPS ? 0 : bytes;
  }

  // #offerKeyframe with the heap copied a slice per task first
  // (GoMap.prepareSnapshot); the session must stay at the map before op j.
  async #offerKeyframeSliced(j, yieldToEventLoop) {
    const bytes = this.#keyframeWanted(j);
    if (!bytes) return;
    if (yieldToEventLoop && bytes > HEAP_COPY_SLICE) {
      while (!this.map.prepareSnapshot({ maxCopyBytes: HEAP_COPY_SLICE })) {
        await yieldToEventLoop();
        if (this.clean !== j) return;
      }
    }
    this.#offerKeyframe(j);
  }

  // How many new keys fit before an insert starts a grow (that insert
  // allocates the doubled array and may grow the heap: at B 17 → 18 it
  // alone takes tens of milliseconds), so a chunked fill ends a chunk just
  // before it and runs it in a chunk of its own. Go 1.14's rule: an insert
  // that makes count > 8 and count > 6.5 × 2^B starts a grow, unless one
  // is already running.
  // (While a grow runs the next one cannot start, so the room is at
  // least this.)
  #roomBeforeGrow() {
    // A Swiss table grows one table at a time (at most 1,024 slots moved).
    if (this.swiss) return Infinity;
    const h = this.map.header();
    if (!h.created || h.buckets === '0') return Infinity;
    const limit = Math.max(8, Math.floor((13 * 2 ** h.B) / 2));
    return Math.max(0, limit - (h.count ?? 0));
  }

  #growing() {
    if (this.swiss) return false;
    const h = this.map.header();
    return !!h.oldbuckets && h.oldbuckets !== '0';
  }

  #traceable(command) {
    const name = commandName(command);
    const args = command.trim().split(/\s+/);
    if (name === 'fill') return Number(args[1]) <= MAX_TRACED_INSERTS;
    if (name === 'collide') return Number(args[2]) <= MAX_TRACED_INSERTS;
    if (name === 'dump') return false;
    if (LOOP_KINDS.has(name)) {
      const h = /** @type {import('../../wasm/gomap').Header & SwissFields} */ (this.map.header());
      if (!h.created) return true;
      if (this.swiss) return (h.slots ?? 0) <= MAX_TRACED_SLOTS;
      const slots = ((2 ** h.B) + (h.noverflow ?? 0)) * 8 * (h.oldbuckets !== '0' ? 2 : 1);
      return slots <= MAX_TRACED_SLOTS;
    }
    return true;
  }

  // Records what a sliced fill or collide did as op j, one untraced
  // operation (`command`: what ran, its count), and shows its first step.
  #recordBulk(j, command, ms) {
    this.history.push({
      command,
      kind: commandName(command),
      traced: false,
      tooMany: true,
      eventCount: 0,
      ms,
      outcome: {},
      after: this.#summary(),
    });
    this.clean = j + 1;
    this.journal = null;
    this.position = this.history.position(j, 0);
  }

  #cacheEvents(j, events) {
    this.events.delete(j);
    this.events.set(j, events);
    while (this.events.size > EVENT_CACHE_OPS) this.events.delete(this.events.keys().next().value);
  }

  #summary() {
    const h = /** @type {import('../../wasm/gomap').Header & SwissFields} */ (this.map.header());
    return {
      created: !!h.created,
      count: h.count ?? 0,
      B: h.B ?? 0,
      noverflow: h.noverflow ?? 0,
      heapUsed: h.heapUsed ?? 0,
      growing: !!h.oldbuckets && h.oldbuckets !== '0',
      ...(this.swiss ? { dirLen: h.dirLen ?? 0, globalDepth: h.globalDepth ?? 0, slots: h.slots ?? 0 } : {}),
    };
  }
}

function pickOutcome(o) {
  const out = {};
  if (o.result !== undefined) out.result = o.result;
  if (o.keys) out.keys = o.keys;
  if (o.start !== undefined) out.start = o.start;
  if (o.offset !== undefined) out.offset = o.offset;
  // Go 1.26's iterator draws (decimal text).
  if (o.entry !== undefined) out.entry = o.entry;
  if (o.dir !== undefined) out.dir = o.dir;
  if (o.hashes) {
    // Enough to name the keys an op hashed; a big fill logs thousands.
    const entries = Object.entries(o.hashes);
    out.hashes = Object.fromEntries(entries.slice(0, 256));
  }
  return out;
}

// Compare mode's model: the same scenario on Go 1.14's bucket map and Go
// 1.26's Swiss table, one Player each (web/player/player.mjs, so each
// side keeps its own micro-steps, keyframes and rewinding), and one
// timeline per operation: moment N is both sides at the end of operation
// N. Inside operation N either side can be stepped through its own
// micro-steps. DOM-free.
import { Player } from '../player/player.mjs';
import { bucketFigures, swissFigures, movedByLastGrowth } from './compare-figures.mjs';
import { SIDES, sideScenario } from './side-scenario.mjs';
import { fixedHistories } from '../render/moment-cache.mjs';

export { SIDES, sideScenario };

// What movedByLastGrowth reads.
const GROWTH_EVENTS = new Set(['growStart', 'evacuateEntry', 'rehash', 'growToTable', 'moveEntry']);

export class CompareSession {
  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {string} text a scenario (its version line, if any, is ignored)
   */
  static async load(gomap, text) {
    const players = {};
    for (const v of SIDES) {
      const r = await Player.load(gomap, sideScenario(text, v));
      if (!r.ok) {
        for (const p of Object.values(players)) p.free();
        return { ok: false, side: v, error: r.error ?? r.errors };
      }
      players[v] = r.player;
    }
    if (players['1.14'].history.length !== players['1.26'].history.length) {
      for (const p of Object.values(players)) p.free();
      return { ok: false, error: 'the two maps ran a different number of operations' };
    }
    // The growth events of every operation, from one traced replay per side
    // (the Player runs big operations untraced; the model is deterministic,
    // so the replay is the same map).
    const growth = {};
    // The hashes each operation logged (the core keeps up to 4,096 per
    // operation; a Player's history keeps 256), for the probe figures.
    const hashes = {};
    for (const v of SIDES) {
      const made = gomap.createMap(v === '1.26' ? { version: '1.26' } : {});
      if (!made.ok) continue;
      try {
        const outcomes = made.map.run(sideScenario(text, v), { trace: true }).filter((o) => o.operation);
        if (outcomes.length === players[v].history.length) {
          growth[v] = outcomes.map((o) => (o.events ?? []).filter((e) => GROWTH_EVENTS.has(e.e)));
          hashes[v] = outcomes.map((o) => o.hashes ?? {});
        }
      } finally {
        made.map.free();
      }
    }
    return { ok: true, session: new CompareSession(players, growth, hashes) };
  }

  /** @type {Map<number, object>} both sides' figures at the end of op N, read once */
  figuresAt;

  constructor(players, growth = {}, hashes = {}) {
    this.players = players;
    // The operations never change once the session is made: a moment's
    // model can be read once (render/moment-cache.mjs).
    for (const p of Object.values(players)) fixedHistories.add(p);
    this.growth = growth;
    this.hashes = hashes;
    this.op = 0; // operations done and shown (0: none)
    this.seekOp(players['1.14'].history.length);
  }

  get length() {
    return this.players['1.14'].history.length;
  }

  /**
   * Both sides at the end of operation n (0: before any). A side whose
   * moment the memory budget has no room to show moves neither: the side
   * already moved goes back, and the reason is returned.
   * @returns {{ ok: true, error?: undefined } | { ok: false, error: string }}
   */
  seekOp(n) {
    const op = Math.max(0, Math.min(n, this.length));
    const moved = [];
    for (const p of Object.values(this.players)) {
      const before = p.position;
      const r = p.trySeek(op === 0 ? 0 : p.history.donePosition(op - 1));
      if (!r.ok) {
        for (const [q, at] of moved) q.trySeek(at);
        return r;
      }
      moved.push([p, before]);
    }
    this.op = op;
    return { ok: true };
  }

  /**
   * Whether showing operation n (with `step`: one side at micro-step k of
   * it, as seekStep) restores a keyframe big enough to block the page on
   * either side (Player.seekIsLong); then prepareSeek() first.
   * @param {number} n
   * @param {{ version: string, k: number }} [step]
   */
  seekIsLong(n, step) {
    return this.#targets(n, step).some(([p, at]) => p.seekIsLong(at));
  }

  /**
   * Copies ahead, a slice per task, each side's keyframe that seekOp(n)
   * (or seekStep with `step`) restores, so that the seek itself only hands
   * the copies over (Player.prepareSeek). Nothing shown changes. False
   * when a later move (or `signal`) superseded it on either side.
   * @param {number} n
   * @param {{ yieldToEventLoop: () => Promise<unknown>, signal?: AbortSignal, step?: { version: string, k: number } }} options
   * @returns {Promise<boolean>}
   */
  async prepareSeek(n, { yieldToEventLoop, signal, step }) {
    for (const [p, at] of this.#targets(n, step)) {
      if (!(await p.prepareSeek(at, { yieldToEventLoop, signal }))) return false;
    }
    return true;
  }

  // Each side's player and the position seekOp(n) / seekStep shows on it.
  #targets(n, step) {
    const op = Math.max(0, Math.min(n, this.length));
    return Object.entries(this.players).map(([v, p]) => {
      const end = op === 0 ? 0 : p.history.donePosition(op - 1);
      if (!step || step.version !== v || op === 0) return [p, end];
      return [p, Math.min(p.history.position(op - 1, step.k), end)];
    });
  }

  /** One side at micro-step k of operation n (the other stays at the end of n). */
  seekStep(version, n, k) {
    const r = this.seekOp(n);
    const p = this.players[version];
    const j = this.op - 1;
    if (!r.ok || j < 0) return r;
    return p.trySeek(Math.min(p.history.position(j, k), p.history.donePosition(j)));
  }

  /** The micro-steps of operation n on one side (0 for an untraced op). */
  stepCount(version, n) {
    return this.players[version].history.ops[n - 1]?.eventCount ?? 0;
  }

  /** Both sides' figures at the end of the current operation. */
  figures() {
    // The operations never change once the session is made, so the figures
    // at the end of op N are read once (two full state dumps per side).
    this.figuresAt ??= new Map();
    const known = this.figuresAt.get(this.op);
    if (known) return known;
    const out = {};
    for (const v of SIDES) {
      const p = this.players[v];
      const ops = p.history.ops.slice(0, this.op);
      const events = this.growth[v]?.slice(0, this.op) ?? ops.map((o, j) => (o.traced ? p.eventsOf(j) : null));
      const moved = movedByLastGrowth(v, events);
      const state = p.map.state();
      if (v === '1.14') {
        out[v] = bucketFigures(state, moved);
      } else {
        out[v] = swissFigures(state, this.#hashesUpTo(v, this.op) ?? p.reportedHashes(this.op), moved);
      }
    }
    this.figuresAt.set(this.op, out);
    return out;
  }

  // The latest logged hash per key over ops 0 … n-1, as a lookup (null
  // without the traced replay).
  #hashesUpTo(v, n) {
    const log = this.hashes[v];
    if (!log) return null;
    const out = {};
    for (const h of log.slice(0, n)) Object.assign(out, h);
    return (k) => out[k];
  }

  free() {
    for (const p of Object.values(this.players)) p.free();
  }
}

// Moments read once. A player whose history never changes (compare mode's:
// its operations are fixed when the session is made) shows the same bytes
// every time it comes back to a moment, so the model read from them (a full
// state() of the bucket map: ~3 ms at 1,600 keys, most of it the module
// writing and the page parsing JSON) is kept and reused, for the last few
// moments shown. A moment is named by its operation's record (a history
// that did change would hold new records) and its micro-step.

const KEPT = 12;

/** Players whose history is fixed (CompareSession marks its two). */
export const fixedHistories = new WeakSet();

export class MomentCache {
  #kept = [];

  /**
   * The model of the moment `frame` shows on player `p` with these read
   * options: the one read last time it was shown, or read(); read() every
   * time for a player whose history may change.
   * @template T
   * @param {import('../player/player.mjs').Player} p
   * @param {{ op: number, step: number }} frame
   * @param {string} how what else the read depends on (density, window)
   * @param {() => T} read
   * @returns {T}
   */
  get(p, frame, how, read) {
    if (!fixedHistories.has(p)) return read();
    const anchor = frame.op >= 0 ? p.history.ops[frame.op] : p;
    const key = `${frame.step}|${how}`;
    const at = this.#kept.findIndex((e) => e.anchor === anchor && e.key === key);
    if (at >= 0) {
      const [hit] = this.#kept.splice(at, 1);
      this.#kept.unshift(hit);
      return hit.model;
    }
    const model = read();
    this.#kept.unshift({ anchor, key, model });
    this.#kept.length = Math.min(this.#kept.length, KEPT);
    return model;
  }
}

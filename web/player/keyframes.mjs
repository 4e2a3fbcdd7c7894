// Keyframes: snapshots of the whole session taken before an operation, so
// that showing any moment restores the nearest one and replays only the
// few operations after it — stepping back never replays from the start.
//
// Snapshots are full copies of the simulated heap, so their number and
// bytes are bounded. When the budget is exceeded the keyframe whose removal
// costs least is dropped: the one whose neighbours are closest in replay
// time. Keyframe 0 (the map before any operation) is never dropped, so
// every moment stays reachable.

export class KeyframeStore {
  /**
   * @param {{ budgetBytes?: number, maxCount?: number,
   *           replayMs: (from: number, to: number) => number }} options
   */
  constructor({ budgetBytes = 256 << 20, maxCount = 400, replayMs }) {
    this.budgetBytes = budgetBytes;
    this.maxCount = maxCount;
    this.replayMs = replayMs;
    /** @type {{ index: number, snap: { restore(): boolean, free(): void }, bytes: number }[]} */
    this.entries = [];
    this.bytes = 0;
  }

  get count() {
    return this.entries.length;
  }

  has(index) {
    return this.#find(index) >= 0;
  }

  /** The keyframe with the largest index ≤ index. */
  atOrBefore(index) {
    let best = null;
    for (const e of this.entries) {
      if (e.index <= index) best = e;
      else break;
    }
    return best;
  }

  add(index, snap, bytes) {
    const at = this.#find(index);
    if (at >= 0) {
      this.bytes -= this.entries[at].bytes;
      this.entries[at].snap.free();
      this.entries[at] = { index, snap, bytes };
    } else {
      let i = this.entries.length;
      while (i > 0 && this.entries[i - 1].index > index) i--;
      this.entries.splice(i, 0, { index, snap, bytes });
    }
    this.bytes += bytes;
    this.#evict(index);
  }

  /** Forgets keyframes after index (their operations were discarded). */
  dropAfter(index) {
    while (this.entries.length && this.entries[this.entries.length - 1].index > index) {
      const e = this.entries.pop();
      this.bytes -= e.bytes;
      e.snap.free();
    }
  }

  clear() {
    for (const e of this.entries) e.snap.free();
    this.entries = [];
    this.bytes = 0;
  }

  // Removes the cheapest keyframes until within budget; `keep` (the one just
  // added) and index 0 stay.
  #evict(keep) {
    while (this.entries.length > 1 && (this.bytes > this.budgetBytes || this.entries.length > this.maxCount)) {
      let victim = -1;
      let best = Infinity;
      for (let i = 1; i < this.entries.length; i++) {
        if (this.entries[i].index === keep) continue;
        const prev = this.entries[i - 1].index;
        const next = i + 1 < this.entries.length ? this.entries[i + 1].index : null;
        // Dropping entry i makes moments up to `next` replay from `prev`.
        const cost = next === null ? this.replayMs(prev, this.entries[i].index) : this.replayMs(prev, next);
        // Large snapshots free more room per unit of replay cost.
        const score = cost / Math.max(1, this.entries[i].bytes);
        if (score < best) {
          best = score;
          victim = i;
        }
      }
      if (victim < 0) break;
      const [e] = this.entries.splice(victim, 1);
      this.bytes -= e.bytes;
      e.snap.free();
    }
  }

  #find(index) {
    for (let i = 0; i < this.entries.length; i++) if (this.entries[i].index === index) return i;
    return -1;
  }
}

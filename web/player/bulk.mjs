// Sizing the chunks of a bulk fill. The page must never block for long
// (the budget is 200 ms per task), and how many inserts fit in a few tens of
// milliseconds depends on the key type, the machine and whether the map is
// in the middle of growing. So each chunk is sized from how long the last
// ones took, aiming at `targetMs`.

export class ChunkPlanner {
  constructor(total, { targetMs = 25, first = 2000, min = 250, max = 200000 } = {}) {
    this.remaining = total;
    this.targetMs = targetMs;
    this.size = Math.min(first, total);
    this.min = min;
    this.max = max;
    this.last = 0;
  }

  /** How many to insert next; 0 when finished. */
  next() {
    this.last = Math.min(this.size, this.remaining);
    return this.last;
  }

  /** Reports how long the chunk just planned took. */
  took(ms) {
    this.remaining -= this.last;
    const perKey = Math.max(ms, 0.05) / Math.max(1, this.last);
    // Grow gently (a slow chunk after a fast one is usually a grow or a
    // memory expansion, which a big chunk would make worse), shrink at once.
    const ideal = this.targetMs / perKey;
    this.size = Math.round(Math.max(this.min, Math.min(this.max, ideal < this.size ? ideal : Math.min(ideal, this.size * 2))));
  }
}

/** Resolves on the next turn of the event loop, after pending input and paint. */
export function yieldToEventLoop() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Sizing the chunks of a bulk fill. The page must never block for long
// (a task of 50 ms is already long), and how many inserts fit in a few tens of
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

  /**
   * How many to insert next; 0 when finished.
   * @param {number} cap at most this many (a chunk ends before a costly insert)
   */
  next(cap = Infinity) {
    this.last = Math.min(this.size, this.remaining, Math.max(1, cap));
    return this.last;
  }

  /** The next chunks will be slower by about this factor: start smaller. */
  shrink(factor) {
    this.size = Math.max(this.min, Math.round(this.size / factor));
  }

  /** Reports how long the chunk just planned took. */
  took(ms) {
    this.remaining -= this.last;
    // A chunk cut short (a single costly insert) says little about the rest.
    if (this.last < this.min) return;
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

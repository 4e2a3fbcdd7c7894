// The history of one map: the operations done to it, in order, each with
// how many micro-steps it plays as. Positions on the timeline are numbered
// 0 … total-1: position 0 is the map before any operation; then each
// operation j contributes its events (steps 0 … E-1) and one final "done"
// step (step E), which shows the map after it.
//
// An operation stores only what cannot be read back from the map's bytes:
// its command, whether it was traced, its event count, what it returned
// (result, yielded keys, hashes) and a few header numbers after it for the
// charts over time. Events themselves are re-created on demand by running
// the command again from a keyframe, which is deterministic.

export class History {
  constructor() {
    /** @type {Op[]} */
    this.ops = [];
    this.stepStart = [1]; // stepStart[j]: timeline position of op j's step 0
    this.msPrefix = [0];  // msPrefix[j]: time to replay ops 0 … j-1
  }

  get length() {
    return this.ops.length;
  }

  /** Timeline positions in all: the origin plus every op's steps. */
  get total() {
    return this.stepStart[this.ops.length];
  }

  /**
   * @typedef {{ command: string, kind: string, traced: boolean, tooMany?: boolean, eventCount: number,
   *   ms: number, outcome: import('../../wasm/gomap').Outcome, after: { heapUsed?: number, [field: string]: unknown } }} Op
   * tooMany: untraced because its micro-steps would be too many to show (not a dump, which has none)
   */
  push(op) {
    this.ops.push(op);
    const j = this.ops.length - 1;
    this.stepStart.push(this.stepStart[j] + op.eventCount + 1);
    this.msPrefix.push(this.msPrefix[j] + op.ms);
  }

  /** Keeps ops 0 … n-1. */
  truncate(n) {
    if (n >= this.ops.length) return;
    this.ops.length = n;
    this.stepStart.length = n + 1;
    this.msPrefix.length = n + 1;
  }

  /** Estimated milliseconds to replay ops from … to-1. */
  replayMs(from, to) {
    return this.msPrefix[to] - this.msPrefix[from];
  }

  /** Timeline position → { op, step }; op -1 is the origin. */
  locate(position) {
    if (position <= 0 || this.ops.length === 0) return { op: -1, step: 0 };
    const p = Math.min(position, this.total - 1);
    // The last op whose first step is at or before p.
    let lo = 0;
    let hi = this.ops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.stepStart[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return { op: lo, step: p - this.stepStart[lo] };
  }

  /** { op, step } → timeline position; step -1 means the op's done step. */
  position(op, step = 0) {
    if (op < 0) return 0;
    const e = this.ops[op].eventCount;
    return this.stepStart[op] + (step < 0 || step > e ? e : step);
  }

  /** The position of op j's done step (the map after op j). */
  donePosition(op) {
    return op < 0 ? 0 : this.stepStart[op + 1] - 1;
  }
}

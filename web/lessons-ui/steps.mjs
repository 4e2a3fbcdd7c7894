// A lesson on the player's timeline. The page loads a lesson as one
// scenario (its set-up, then every step's ops), so step k is a run of
// operations in the history, and on the timeline the stretch from the map
// before its first operation to the map after its last. No DOM here.
import { splitScenario } from '../player/scenario-text.mjs';
import { lessonScenario } from '../lessons/check.mjs';

// A step plays its operations micro-step by micro-step, but not endlessly:
// an operation with more micro-steps than MAX_OP_EVENTS (a fill of 26 keys,
// a long loop) jumps straight to its result, and only the step's last
// operations that fit in BUDGET micro-steps together are played out —
// the ones before them jump. The narration is about the step's end, and at
// 8 steps a second, 80 moments is ten seconds of watching.
export const MAX_OP_EVENTS = 80;
export const BUDGET = 80;

/**
 * The scenario text and, per step, the history indices of its first and last operation.
 * @returns {{ text: string, ops: number, steps: { first: number, last: number }[] }}
 */
export function lessonPlan(lesson) {
  const { text } = lessonScenario(lesson);
  let next = 0;
  const steps = lesson.steps.map((step) => {
    const n = splitScenario(step.ops).length;
    const range = { first: next, last: next + n - 1 };
    next += n;
    return range;
  });
  return { text, ops: next, steps };
}

/** The set-up lines of a lesson (for the page's set-up form). */
export function setupOf(lesson) {
  return splitScenario(lesson.setup).map((c) => c.text);
}

/**
 * Step k on the timeline: `start` is the map before it (the end of step
 * k-1, or the empty map), `end` the map after it.
 * @param {import('../player/history.mjs').History} history
 */
export function stepBounds(history, plan, k) {
  const { first, last } = plan.steps[k];
  return { start: history.donePosition(first - 1), end: history.donePosition(last) };
}

/**
 * The moments to visit when step k plays, in order, after its start.
 * @returns {number[]}
 */
export function stepRoute(history, plan, k, { maxOpEvents = MAX_OP_EVENTS, budget = BUDGET } = {}) {
  const { first, last } = plan.steps[k];
  const played = new Set();
  let left = budget;
  for (let j = last; j >= first; j--) {
    const op = history.ops[j];
    if (!op.traced || op.eventCount === 0 || op.eventCount > maxOpEvents) continue;
    if (op.eventCount > left) break;
    left -= op.eventCount;
    played.add(j);
  }
  const route = [];
  for (let j = first; j <= last; j++) {
    const done = history.donePosition(j);
    if (played.has(j)) for (let p = history.position(j, 0); p <= done; p++) route.push(p);
    else route.push(done);
  }
  return route;
}

/**
 * Which step a timeline position belongs to: the step whose operations
 * made the map drawn there. A step's narration is about its end, so the
 * position where step k-1 ends and step k starts (one map, drawn once)
 * belongs to step k-1 whichever way the cursor came; position 0, the map
 * before any operation, to the first step. The tour plays a step from
 * that shared position, and holds the step it is playing there
 * (tour.mjs), as long as the play lasts.
 */
export function stepAt(history, plan, position) {
  for (let k = 0; k < plan.steps.length; k++) {
    if (position <= stepBounds(history, plan, k).end) return k;
  }
  return plan.steps.length - 1;
}

/** Whether the history is still the lesson's own (the reader may have added operations). */
export function followsPlan(history, plan, commands) {
  return history.length === plan.ops && history.ops.every((op, j) => op.command === commands[j]);
}

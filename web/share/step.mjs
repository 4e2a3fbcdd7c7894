// The step in a link (`N` or `N.M`, see fields.mjs) and the player's
// timeline position (web/player/history.mjs), which counts every
// micro-step of every operation from 0. Links name operations, not
// positions, so a link stays right if an operation's micro-steps are
// counted differently later.

/**
 * The step a player frame shows; null when it is the last step, so a link
 * made at the end opens at the end.
 * @param {{ op: number, step: number, phase: string, position: number, total: number }} frame
 */
export function stepOfFrame(frame) {
  if (frame.position >= frame.total - 1) return null;
  if (frame.op < 0) return { op: 0, micro: null };
  if (frame.phase === 'done') return { op: frame.op + 1, micro: null };
  return { op: frame.op + 1, micro: frame.step };
}

/**
 * The one name of a moment, everywhere (the player's counter and timeline,
 * a link's step=, export titles and file names, the element's step):
 * `0` before any operation, `N` the map after operation N (from 1),
 * `N.M` micro-step M (from 0) of operation N.
 * @param {{ op: number, step: number, phase: string }} frame
 */
export function momentName(frame) {
  if (frame.op < 0) return '0';
  return frame.phase === 'done' ? `${frame.op + 1}` : `${frame.op + 1}.${frame.step}`;
}

/**
 * The player's counter for a moment of operation frame.op, the same for
 * both models: "Operation N of T: command · step N.M (micro-step M of 0–L)",
 * or at the operation's end "step N, done (after micro-steps 0–L)".
 * @param {{ command: string, traced?: boolean, tooMany?: boolean }} op
 * @param {{ op: number, step: number, phase: string, stepCount: number }} frame
 * @param {number} total operations in the history
 */
export function operationCounter(op, frame, total) {
  const last = frame.stepCount - 2;
  const steps = last === 0 ? 'micro-step 0' : `micro-steps 0–${last}`;
  const where = frame.phase === 'done'
    ? (op.traced ? `step ${frame.op + 1}, done (after ${steps})` : op.tooMany ? `step ${frame.op + 1}, untraced: one step` : `step ${frame.op + 1}, one step`)
    : `step ${momentName(frame)} (micro-step ${frame.step} of ${last === 0 ? '0' : `0–${last}`})`;
  const command = op.command.length > 60 ? op.command.slice(0, 57) + '…' : op.command;
  return `Operation ${frame.op + 1} of ${total}: ${command} · ${where}`;
}

/**
 * The timeline position of a step, clamped to the history: an operation
 * past the last one is the last step, a micro-step past an operation's
 * last one is that operation's done step.
 * @param {{ op: number, micro: number|null } | null} step
 * @param {import('../player/history.mjs').History} history
 */
export function positionOfStep(step, history) {
  const last = history.total - 1;
  if (step === null || step === undefined || step.op > history.length) return last;
  if (step.op === 0) return 0;
  return history.position(step.op - 1, step.micro ?? -1);
}

// The player's counter line, shared by both models' narration
// (share/step.mjs operationCounter): the moment's one name, and plurals
// that read right for an operation of a single micro-step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationCounter } from '../../web/share/step.mjs';

const long = `set "${'x'.repeat(80)}" 1`;

// [why, operation, moment (op, step, phase, stepCount), operations, the line]
const CASES = [
  ['a traced operation at a micro-step', { command: 'set 5 1', traced: true }, [2, 3, 'step', 9], 4,
    'Operation 3 of 4: set 5 1 · step 3.3 (micro-step 3 of 0–7)'],
  ['a traced operation at its end', { command: 'set 5 1', traced: true }, [2, 8, 'done', 9], 4,
    'Operation 3 of 4: set 5 1 · step 3, done (after micro-steps 0–7)'],
  ['one micro-step is one, not a range 0–0 (end)', { command: 'clear', traced: true }, [0, 1, 'done', 2], 1,
    'Operation 1 of 1: clear · step 1, done (after micro-step 0)'],
  ['one micro-step is one, not a range 0–0 (at it)', { command: 'clear', traced: true }, [0, 0, 'step', 2], 1,
    'Operation 1 of 1: clear · step 1.0 (micro-step 0 of 0)'],
  ['an operation too big to trace is one step', { command: 'fill 100000', tooMany: true }, [0, 0, 'done', 1], 1,
    'Operation 1 of 1: fill 100000 · step 1, untraced: one step'],
  ['an untraced command is one step', { command: 'dump' }, [1, 0, 'done', 1], 2,
    'Operation 2 of 2: dump · step 2, one step'],
  ['a long command is cut', { command: long, traced: true }, [0, 2, 'done', 3], 1,
    `Operation 1 of 1: ${long.slice(0, 57)}… · step 1, done (after micro-steps 0–1)`],
];

test('the counter line names the operation, its step and its micro-steps', () => {
  for (const [why, op, [opIndex, step, phase, stepCount], operations, line] of CASES) {
    assert.equal(operationCounter(op, { op: opIndex, step, phase, stepCount }, operations), line, why);
  }
});

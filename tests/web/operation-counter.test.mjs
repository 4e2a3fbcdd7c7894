// The player's counter line, shared by both models' narration
// (share/step.mjs operationCounter): the moment's one name, and plurals
// that read right for an operation of a single micro-step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationCounter } from '../../web/share/step.mjs';

test('a traced operation names its micro-steps, at a step and at its end', () => {
  const op = { command: 'set 5 1', traced: true };
  assert.equal(operationCounter(op, { op: 2, step: 3, phase: 'step', stepCount: 9 }, 4),
    'Operation 3 of 4: set 5 1 · step 3.3 (micro-step 3 of 0–7)');
  assert.equal(operationCounter(op, { op: 2, step: 8, phase: 'done', stepCount: 9 }, 4),
    'Operation 3 of 4: set 5 1 · step 3, done (after micro-steps 0–7)');
});

test('one micro-step is one, not a range 0–0', () => {
  const op = { command: 'clear', traced: true };
  assert.equal(operationCounter(op, { op: 0, step: 1, phase: 'done', stepCount: 2 }, 1),
    'Operation 1 of 1: clear · step 1, done (after micro-step 0)');
  assert.equal(operationCounter(op, { op: 0, step: 0, phase: 'step', stepCount: 2 }, 1),
    'Operation 1 of 1: clear · step 1.0 (micro-step 0 of 0)');
});

test('untraced operations are one step, and a long command is cut', () => {
  assert.equal(operationCounter({ command: 'fill 100000', tooMany: true }, { op: 0, step: 0, phase: 'done', stepCount: 1 }, 1),
    'Operation 1 of 1: fill 100000 · step 1, untraced: one step');
  assert.equal(operationCounter({ command: 'dump' }, { op: 1, step: 0, phase: 'done', stepCount: 1 }, 2),
    'Operation 2 of 2: dump · step 2, one step');
  const long = `set "${'x'.repeat(80)}" 1`;
  assert.equal(operationCounter({ command: long, traced: true }, { op: 0, step: 2, phase: 'done', stepCount: 3 }, 1),
    `Operation 1 of 1: ${long.slice(0, 57)}… · step 1, done (after micro-steps 0–1)`);
});

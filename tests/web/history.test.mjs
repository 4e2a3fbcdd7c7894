import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from '../../web/player/history.mjs';

const op = (eventCount, ms = 1) => ({ command: 'x', kind: 'set', traced: eventCount > 0, eventCount, ms, outcome: {}, after: {} });

test('positions number the origin, then each op\'s steps and its done step', () => {
  const h = new History();
  assert.equal(h.total, 1);
  assert.deepEqual(h.locate(0), { op: -1, step: 0 });
  h.push(op(3));
  h.push(op(0));
  h.push(op(2));
  assert.equal(h.total, 1 + 4 + 1 + 3);
  assert.deepEqual(h.locate(1), { op: 0, step: 0 });
  assert.deepEqual(h.locate(4), { op: 0, step: 3 });
  assert.deepEqual(h.locate(5), { op: 1, step: 0 });
  assert.deepEqual(h.locate(6), { op: 2, step: 0 });
  assert.deepEqual(h.locate(8), { op: 2, step: 2 });
  assert.deepEqual(h.locate(99), { op: 2, step: 2 });
  for (let p = 0; p < h.total; p++) {
    const { op: j, step } = h.locate(p);
    assert.equal(h.position(j, step), p);
  }
  assert.equal(h.donePosition(0), 4);
  assert.equal(h.donePosition(-1), 0);
});

test('truncating keeps the prefix sums right', () => {
  const h = new History();
  h.push(op(1, 5));
  h.push(op(1, 7));
  h.push(op(1, 9));
  assert.equal(h.replayMs(0, 3), 21);
  h.truncate(1);
  assert.equal(h.length, 1);
  assert.equal(h.total, 3);
  h.push(op(4, 2));
  assert.equal(h.replayMs(0, 2), 7);
  assert.equal(h.total, 8);
});

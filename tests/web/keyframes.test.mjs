import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyframeStore } from '../../web/player/keyframes.mjs';

function fakeSnap(log, id) {
  return { id, restore: () => true, free: () => log.push(id) };
}

test('the nearest keyframe at or before a moment is found', () => {
  const freed = [];
  const k = new KeyframeStore({ replayMs: (a, b) => b - a });
  k.add(0, fakeSnap(freed, 0), 10);
  k.add(5, fakeSnap(freed, 5), 10);
  k.add(9, fakeSnap(freed, 9), 10);
  assert.equal(k.atOrBefore(4).index, 0);
  assert.equal(k.atOrBefore(5).index, 5);
  assert.equal(k.atOrBefore(100).index, 9);
});

test('over budget, the keyframe that is cheapest to lose goes, never keyframe 0', () => {
  const freed = [];
  // Replay cost: ops 0..9 cheap, ops 10.. expensive.
  const cost = (a, b) => { let s = 0; for (let i = a; i < b; i++) s += i < 10 ? 1 : 100; return s; };
  const k = new KeyframeStore({ budgetBytes: 40, replayMs: cost });
  for (const i of [0, 3, 6, 12]) k.add(i, fakeSnap(freed, i), 10);
  assert.equal(k.count, 4);
  k.add(14, fakeSnap(freed, 14), 10);
  assert.ok(k.bytes <= 40);
  assert.ok(k.has(0) && k.has(14));
  assert.deepEqual(freed, [3]); // dropping 3 merges two cheap gaps
});

test('a count limit applies too, and dropped or cleared snapshots are freed', () => {
  const freed = [];
  const k = new KeyframeStore({ maxCount: 3, replayMs: (a, b) => b - a });
  for (let i = 0; i < 10; i++) k.add(i, fakeSnap(freed, i), 1);
  assert.equal(k.count, 3);
  assert.equal(freed.length, 7);
  k.dropAfter(0);
  assert.equal(k.count, 1);
  k.clear();
  assert.equal(freed.length, 10);
});

test('replacing a keyframe frees the old snapshot', () => {
  const freed = [];
  const k = new KeyframeStore({ replayMs: () => 0 });
  k.add(0, fakeSnap(freed, 'a'), 5);
  k.add(0, fakeSnap(freed, 'b'), 7);
  assert.deepEqual(freed, ['a']);
  assert.equal(k.bytes, 7);
});

// Issue 18: snapshots and restores of a big heap made in slices
// (prepareSnapshot, prepareRestore), so a page never copies ~100 MB in one
// task. The sliced copy must give the very bytes a copy at once gives, hold
// its room in the memory budget while it is made, go stale when the map
// changes under it, and give everything back. Also: a restore of a freed
// snapshot says so (not "out of memory"), and chains() refuses a window the
// array does not have, naming the argument.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, newMap } from './load.mjs';

const gomap = await loadModule();
const MiB = 1 << 20;

// Calls prepare until it says the copy is whole; returns how many calls.
function slices(prepare) {
  let calls = 1;
  while (!prepare()) calls++;
  return calls;
}

test('a snapshot and a restore made in slices hold the same bytes as copies made at once', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64', seed: 3 });
  assert.ok(m.fill(200000).ok);
  const heapUsed = m.header().heapUsed;
  assert.ok(heapUsed > 8 * MiB, `heap ${heapUsed}`);
  const bytesAtSnapshot = m.heapCopy();
  const stateAtSnapshot = JSON.stringify(m.state());

  const inUseBefore = gomap.memory().inUse;
  let calls = 1;
  while (!m.prepareSnapshot({ maxCopyBytes: MiB })) {
    calls++;
    // The copy being made counts in the budget as it is made.
    assert.ok(gomap.memory().inUse >= inUseBefore + heapUsed, 'the sliced copy holds its room');
  }
  assert.equal(calls, Math.ceil(heapUsed / MiB));
  const sliced = m.snapshot();
  assert.ok(sliced.ok, sliced.error);
  const afterSliced = gomap.memory().inUse;
  const atOnce = m.snapshot();
  assert.ok(atOnce.ok);
  assert.equal(gomap.memory().inUse - afterSliced, afterSliced - inUseBefore, 'both snapshots take the same room');

  assert.ok(m.fill(5000).ok);
  assert.equal(slices(() => sliced.prepareRestore({ maxCopyBytes: 2 * MiB })), Math.ceil(heapUsed / (2 * MiB)));
  assert.equal(sliced.restore(), true, sliced.restoreError());
  assert.deepEqual(m.heapCopy(), bytesAtSnapshot);
  assert.equal(JSON.stringify(m.state()), stateAtSnapshot);
  assert.equal(m.checkInvariants(), '');

  // The same map as the copy made at once, and it goes on the same way.
  assert.ok(m.fill(7).ok);
  const afterSlicedRestore = JSON.stringify(m.state());
  assert.equal(atOnce.restore(), true);
  assert.deepEqual(m.heapCopy(), bytesAtSnapshot);
  assert.ok(m.fill(7).ok);
  assert.equal(JSON.stringify(m.state()), afterSlicedRestore);

  sliced.free();
  atOnce.free();
  m.free();
  assert.equal(gomap.memory().inUse, 0, 'the budget is given back');
});

test('a write between slices makes the copy stale: the snapshot is of the map as it is when taken', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64', seed: 5 });
  assert.ok(m.fill(150000).ok);
  assert.equal(m.prepareSnapshot({ maxCopyBytes: MiB }), false);
  assert.ok(m.set(1, 12345).ok); // a write to a bucket already copied
  while (!m.prepareSnapshot({ maxCopyBytes: 64 * MiB }));
  assert.ok(m.set(2, 777).ok); // a write after the copy is whole
  const snap = m.snapshot();
  const bytes = m.heapCopy();
  assert.ok(m.delete(1).ok && m.delete(2).ok);
  assert.equal(snap.restore(), true);
  assert.deepEqual(m.heapCopy(), bytes);
  assert.equal(m.get(1).value, '12345');
  assert.equal(m.get(2).value, '777');
  snap.free();
  m.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('a sliced copy that is not used is dropped by the next operation, and by freeing its snapshot', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  assert.ok(m.fill(100000).ok);
  const mapOnly = gomap.memory().inUse;
  const snap = m.snapshot();
  const base = gomap.memory().inUse;
  assert.equal(snap.prepareRestore({ maxCopyBytes: MiB }), false);
  assert.ok(gomap.memory().inUse > base);
  assert.ok(m.get(1).ok); // any operation drops it
  assert.equal(gomap.memory().inUse, base);
  assert.equal(m.prepareSnapshot({ maxCopyBytes: MiB }), false);
  assert.equal(snap.prepareRestore({ maxCopyBytes: MiB }), false); // one copy at a time: replaces it
  assert.ok(gomap.memory().inUse > base);
  snap.free();
  assert.equal(gomap.memory().inUse, mapOnly, 'freeing the snapshot drops it and its copy');
  m.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('restore() of a freed snapshot says so, not out of memory; the map is unchanged', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.set(1, 1);
  const snap = m.snapshot();
  m.set(2, 2);
  snap.free();
  assert.equal(snap.restore(), false);
  assert.match(snap.restoreError(), /^restore: snapshot \d+ was freed$/);
  assert.equal(snap.prepareRestore(), true);
  assert.equal(m.header().count, 2);
  // The session itself, asked for an id it never gave: named as such.
  assert.equal(m.session.restore(987654), false);
  assert.match(m.session.restoreError(), /^restore: no snapshot 987654 in this session/);
  assert.equal(m.header().count, 2);
  m.free();
});

test('chains() refuses a start or count that is not a whole number from 0, or a start past the array, naming it', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.fill(100); // B 4: 16 buckets
  const before = JSON.stringify(m.state());
  for (const [from, count, pattern] of [
    [-1, 4, /^chains: from must be an integer from 0, got -1/],
    [0, -3, /^chains: count must be an integer from 0, got -3/],
    [NaN, 4, /^chains: from must be an integer from 0, got NaN/],
    [1.5, 4, /^chains: from must be an integer from 0, got 1.5$/],
    ['2', 4, /^chains: from must be an integer from 0, got string/],
    [0, Infinity, /^chains: count must be an integer from 0, got Infinity$/],
    [16, 1, /^chains: from 16 is past the current array, which has 16 buckets$/],
  ]) {
    const r = m.chains(false, from, count);
    assert.equal(r.ok, false, `${from}, ${count}`);
    assert.match(r.error, pattern);
  }
  // No grow running: the old array has no buckets, so its window 0 is empty
  // and any other start is past it.
  assert.deepEqual(m.chains(true, 0, 1), []);
  assert.match(m.chains(true, 1, 1).error, /^chains: from 1 is past the old array, which has 0 buckets$/);
  // A window cut at the array's end is a window.
  assert.equal(m.chains(false, 12, 100).length, 4);
  assert.equal(m.chains(false, 16, 0).length, 0);
  assert.equal(JSON.stringify(m.state()), before);
  m.free();
});

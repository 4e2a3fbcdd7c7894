// Growth, deletion and iteration through the JavaScript API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, newMap } from './load.mjs';

const gomap = await loadModule();

test('the ninth insert doubles a map from one bucket to two', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  for (let i = 1; i <= 8; i++) assert.equal(m.set(i, i * 10).ok, true);
  assert.equal(m.header().B, 0);
  m.set(9, 90);
  const h = m.header();
  assert.equal(h.B, 1);
  assert.equal(h.count, 9);
  assert.equal(h.oldbuckets, '0', 'a grow from one bucket finishes within the insert');
  assert.equal(m.checkInvariants(), '');
  m.free();
});

test('growth from B=2 to B=3 stays in progress across several writes', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  for (let i = 1; i <= 26; i++) m.set(i, i);
  m.set(27, 27);
  let h = m.header();
  assert.equal(h.B, 3);
  assert.notEqual(h.oldbuckets, '0');
  assert.equal(h.nevacuate < 4, true);
  for (let i = 28; h.oldbuckets !== '0'; i++) {
    m.set(i, i);
    h = m.header();
    assert.equal(m.checkInvariants(), '');
  }
  assert.equal(h.flags & 8, 0, 'sameSizeGrow is clear once the grow is done');
  m.free();
});

test('deleting the last keys of a chain turns emptyOne into emptyRest', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64', hasher: 'identity' });
  // identity hash, B=0: keys fill slots 0.. in order
  for (let i = 0; i < 4; i++) m.set(i, i);
  m.delete(1);
  let slots = m.state().buckets[0][0].t;
  assert.deepEqual(slots.slice(0, 5), [5, 1, 5, 5, 0]);
  m.delete(3);
  slots = m.state().buckets[0][0].t;
  assert.deepEqual(slots.slice(0, 5), [5, 1, 5, 0, 0]);
  m.delete(2);
  slots = m.state().buckets[0][0].t;
  assert.deepEqual(slots.slice(0, 5), [5, 0, 0, 0, 0], 'the run of emptyOne before the end becomes emptyRest');
  assert.equal(m.get(1).found, false);
  assert.equal(m.get(0).value, '0');
  m.free();
});

test('iteration with a pinned start visits buckets from start, slots rotated by offset', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64', hasher: 'identity' });
  for (let i = 0; i < 16; i++) m.set(i, i);   // B=1 after 9 keys... then 2 at 14
  const h = m.header();
  assert.equal(h.B, 2);
  const r = m.iterate({ start: 3, offset: 2 });
  assert.equal(r.ok, true);
  assert.equal(r.keys.length, 16);
  assert.equal(r.start, 3);
  // identity hash: key k lives in bucket k & 3; bucket 3 comes first
  assert.deepEqual(r.keys.slice(0, 4).map(Number).map((k) => k & 3), [3, 3, 3, 3]);
  assert.deepEqual(new Set(r.keys.map(Number)), new Set([...Array(16).keys()]));
  assert.equal(m.header().flags & 3, 3, 'iterator and oldIterator are set and stay set');
  m.free();
});

test('a range opened before a grow keeps walking the old array and sees deletions', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  for (let i = 1; i <= 26; i++) m.set(i, i);
  const first = m.range({ start: 0, offset: 0 });
  assert.equal(first.keys.length, 1);
  const seen = new Set(first.keys);
  m.set(1000, 1);          // starts a grow to B=3 during the iteration
  assert.notEqual(m.header().oldbuckets, '0');
  const victim = [...Array(26).keys()].map((i) => String(i + 1)).find((k) => !seen.has(k));
  m.delete(Number(victim));
  const rest = m.next(100);
  for (const k of rest.keys) seen.add(k);
  assert.equal(seen.has(victim), false, 'a key deleted during iteration is not yielded');
  assert.equal(seen.has('1000'), false, 'keys added to the new array are not visited');
  assert.equal(seen.size, 25);
  m.free();
});

test('rewind shows the bytes at a micro-step of the last operation', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64', hasher: 'identity' });
  for (let i = 0; i < 8; i++) m.set(i * 2, i);
  const before = m.snapshot();
  const step = m.set(100, 1, { trace: true });   // the 9th key: grow and evacuate
  const kinds = step.events.map((e) => e.e);
  assert.ok(kinds.includes('growStart'));
  assert.ok(kinds.includes('evacuateEntry'));
  const grow = step.events.find((e) => e.e === 'growStart');
  m.rewind(grow.writes);
  const mid = m.header();
  assert.equal(mid.B, 1);
  assert.notEqual(mid.oldbuckets, '0', 'right after hashGrow the old array is still attached');
  assert.equal(mid.count, 8);
  m.rewind(0);
  assert.equal(m.header().B, 0);
  before.restore();
  assert.equal(m.header().count, 8);
  before.free();
  m.free();
});

test('a million int64 inserts in one batch call', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  const n = 1_000_000;
  const keys = new BigInt64Array(n);
  for (let i = 0; i < n; i++) keys[i] = BigInt(i);
  assert.deepEqual(m.setInt64Batch(keys, keys), { ok: true });
  assert.equal(m.header().count, n);
  assert.equal(m.get(123456).value, '123456');
  m.free();
});

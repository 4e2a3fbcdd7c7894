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
  const heapBefore = m.header().heapUsed;
  const step = m.set(100, 1, { trace: true });   // the 9th key: grow and evacuate
  const heapAfter = m.header().heapUsed;
  assert.ok(heapAfter > heapBefore, 'the grow allocated a new array');
  const kinds = step.events.map((e) => e.e);
  assert.ok(kinds.includes('growStart'));
  assert.ok(kinds.includes('evacuateEntry'));
  const grow = step.events.find((e) => e.e === 'growStart');
  m.rewind(grow.writes);
  const mid = m.header();
  assert.equal(mid.B, 1);
  assert.notEqual(mid.oldbuckets, '0', 'right after hashGrow the old array is still attached');
  assert.equal(mid.count, 8);
  // The new array is allocated by then; the overflow bucket the key lands
  // in (identity hash: every key in bucket 0) comes later.
  assert.ok(heapBefore < mid.heapUsed && mid.heapUsed < heapAfter, `heap at growStart: ${mid.heapUsed}`);
  m.rewind(0);
  assert.equal(m.header().B, 0);
  assert.equal(m.header().heapUsed, heapBefore, 'before the operation, the new array is not allocated yet');
  before.restore();
  assert.equal(m.header().count, 8);
  before.free();
  m.free();
});

test('hashWriting is set while a write runs and cleared at its last step (spec 4.3, 4.4, 4.5)', () => {
  const HASH_WRITING = 4;
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  for (let i = 1; i <= 12; i++) m.set(i, i);
  for (const [name, run] of [['insert', () => m.set(100, 1, { trace: true })],
    ['update', () => m.set(3, 7, { trace: true })], ['delete', () => m.delete(5, { trace: true })],
    ['clear', () => m.run('clear', { trace: true })[0]]]) {
    const { events } = run();
    // rewind only winds back, so the last step first.
    m.rewind(events[events.length - 1].writes);
    assert.equal(m.header().flags & HASH_WRITING, 0, `${name}: cleared by the last step`);
    if (name === 'clear') continue;  // one step (clearMap): nothing to see in between
    const first = events.findIndex((e) => e.e !== 'hashKey');
    assert.ok(first > 0 && first < events.length - 1, name);
    m.rewind(events[first].writes);
    assert.equal(m.header().flags & HASH_WRITING, HASH_WRITING, `${name}: set after hashing (${events[first].e})`);
    m.rewind(0);
    assert.equal(m.header().flags & HASH_WRITING, 0, `${name}: not yet set before the operation`);
    m.run('get 1');  // moves on past the journal
  }
  // A delete on an empty map returns before hashing: no write at all.
  const empty = newMap(gomap, { mapType: 'map[int64]int64' });
  empty.set(1, 1);
  empty.delete(1);
  const none = empty.delete(1, { trace: true });
  assert.ok(none.events.every((e) => e.writes === 0), 'nothing written');
  empty.free();
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

// Issue 18 through the JavaScript API: the memory budget reached for real
// (clear error, map unchanged, module still usable, memory given back), a
// failed allocation in the facade, snapshots against the budget, and the
// small defects of the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, newMap } from './load.mjs';

const gomap = await loadModule();
const MiB = 1 << 20;

const header = (m) => {
  const { count, B, buckets, heapUsed } = m.header();
  return { count, B, buckets, heapUsed };
};

test('the budget is 1 GiB and nothing is held between tests', () => {
  const { inUse, ceiling } = gomap.memory();
  assert.equal(ceiling, 1024 * MiB);
  assert.equal(inUse, 0);
});

test('maps up to the ceiling: the next is refused clearly, the others unchanged and usable, memory given back', () => {
  const baseAlloc = gomap.allocatedBytes();
  // [128]byte/[128]byte with hint 800000: B 17, a 287 MiB bucket array each.
  const type = { mapType: 'map[[128]byte][128]byte', hint: 800000 };
  const maps = [];
  for (let i = 0; i < 3; i++) {
    const m = newMap(gomap, type);
    const r = m.set(`k${i}`, 'v');
    assert.ok(r.ok, r.error);
    maps.push(m);
  }
  const before = maps.map(header);
  const inUse = gomap.memory().inUse;
  assert.ok(inUse > 3 * 287 * MiB && inUse <= 1024 * MiB, `in use ${inUse / MiB} MiB`);

  const fourth = newMap(gomap, type);
  const r = fourth.set('x', 'y');
  assert.equal(r.ok, false);
  assert.match(r.error, /^line 1: hint 800000: out of memory: growing the simulated heap to \d+ MiB needs that much of the playground's memory budget \(1024 MiB, shared by every map, snapshot and trace\), and \d+ MiB is free$/);
  assert.equal(fourth.header().created, false);
  assert.equal(gomap.memory().inUse, inUse, 'the refused map holds nothing');

  // A traced insert that would start a grow needs a doubled array: refused
  // whole, the map exactly as it was.
  const heapBefore = maps[0].withHeap((v) => v.slice(0, 4096));
  const fill = maps[0].run('fill 900000', { trace: true })[0];
  assert.match(fill.error, /^line 1: (900000 more keys would need about|out of memory)/);
  assert.deepEqual(maps.map(header), before);
  assert.deepEqual(maps[0].withHeap((v) => v.slice(0, 4096)), heapBefore);

  // A snapshot would pass the ceiling: refused, as a value.
  const snap = maps[1].snapshot();
  assert.equal(snap.ok, false);
  assert.match(snap.error, /^out of memory: a snapshot of this map needs \d+ MiB of the playground's memory budget/);
  assert.equal(snap.restore(), false);
  assert.equal(maps[1].snapshotCount(), 0);

  // Still usable: every map answers, and small maps come and go.
  for (const [i, m] of maps.entries()) {
    assert.deepEqual(m.get(`k${i}`), { ...m.get(`k${i}`), ok: true, found: true });
    assert.equal(m.checkInvariants(), '');
  }
  const small = newMap(gomap, { mapType: 'map[int64]int64' });
  assert.ok(small.fill(10000).ok);
  small.free();

  // Freeing one map makes room: the snapshot that was refused now fits.
  maps.pop().free();
  const again = maps[1].snapshot();
  assert.equal(again.ok, true, again.error);
  // Restoring copies it beside the live map: refused while that does not
  // fit (the map stays as it was), done once another map is freed.
  maps[1].set('after', 'x');
  assert.equal(again.restore(), false);
  assert.equal(maps[1].get('after').found, true);
  maps.shift().free();
  assert.equal(again.restore(), true);
  assert.equal(maps[0].get('after').found, false);
  again.free();

  fourth.free();
  for (const m of maps) m.free();
  assert.equal(gomap.memory().inUse, 0, 'the budget is given back');
  assert.ok(gomap.allocatedBytes() - baseAlloc < 64 * 1024, `allocator holds ${gomap.allocatedBytes() - baseAlloc} more bytes`);
  // wasm memory never shrinks, but it never passed 2 GB either.
  const memory = gomap.module.HEAPU8.length;
  assert.ok(memory < 2048 * MiB, `wasm memory ${memory / MiB} MiB`);
});

test('issue 18: hint 900000 on [128]byte/[128]byte is refused, and the module lives on', () => {
  const m = newMap(gomap, { mapType: 'map[[128]byte][128]byte', hint: 900000 });
  const r = m.set('a', 'b');
  assert.equal(r.ok, false);
  assert.match(r.error, /hint 900000 needs more memory than the simulated heap allows \(512 MiB\)/);
  m.free();
  const other = newMap(gomap, { mapType: 'map[int64]int64' });
  assert.ok(other.set(1, 2).ok);
  other.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('setInt64Batch: the entry limit is checked before anything is copied', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.fill(10);
  const before = JSON.stringify(m.state());
  const alloc = gomap.allocatedBytes();
  const n = (1 << 21) + 1;
  const r = m.setInt64Batch(new BigInt64Array(n), new BigInt64Array(n));
  assert.equal(r.ok, false);
  assert.match(r.error, /^2097153 more keys would take the map past 2097152 entries/);
  assert.equal(JSON.stringify(m.state()), before);
  assert.equal(gomap.allocatedBytes(), alloc, 'no buffer was allocated for the refused batch');
  m.free();
});

test('setInt64Batch: a failed malloc is an error, never a write at address 0', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.fill(10);
  // One batch first, so the heap room a batch reserves is already there.
  assert.ok(m.setInt64Batch(BigInt64Array.of(100n), BigInt64Array.of(1n)).ok);
  const before = JSON.stringify(m.state());
  const module = gomap.module;
  const realMalloc = module._malloc;
  for (const failing of [1, 2]) {
    let calls = 0;
    const alloc = gomap.allocatedBytes();
    module._malloc = (size) => (++calls === failing ? 0 : realMalloc(size));
    try {
      const r = m.setInt64Batch(BigInt64Array.of(1n, 2n), BigInt64Array.of(3n, 4n));
      assert.equal(r.ok, false);
      assert.match(r.error, /^out of memory: no room in the module for 2 key\/value pairs/);
    } finally {
      module._malloc = realMalloc;
    }
    assert.equal(gomap.allocatedBytes(), alloc, 'the buffer that was allocated is freed');
    assert.equal(JSON.stringify(m.state()), before);
  }
  // Usable afterwards, and the batch goes through once memory is there.
  assert.ok(m.setInt64Batch(BigInt64Array.of(1n, 2n), BigInt64Array.of(3n, 4n)).ok);
  assert.equal(m.get(2).value, '4');
  m.free();
});

test('createMap(null) and other non-objects are a clear error that leaks nothing', () => {
  const before = gomap.allocatedBytes();
  for (const bad of [null, 5, 'map[int64]int64', [], true]) {
    const r = gomap.createMap(bad);
    assert.equal(r.ok, false, String(bad));
    assert.match(r.error, /^options must be an object, got /);
  }
  for (let i = 0; i < 100; i++) gomap.createMap(null);
  assert.equal(gomap.allocatedBytes(), before);
});

test('hash K H on a key in the map is refused through the API too', () => {
  const m = newMap(gomap, { mapType: 'map[string]int64' });
  m.set('a', 1);
  const r = m.pinHash('a', 5n);
  assert.equal(r.ok, false);
  assert.match(r.error, /key is already in the map: its hash cannot change while it is stored/);
  m.set('a', 2);
  assert.equal(m.header().count, 1);
  assert.deepEqual(m.iterate().keys, ['a']);
  m.free();
});

test('keys that are not UTF-8 come back apart', () => {
  const m = newMap(gomap, { mapType: 'map[string]int64' });
  const outcomes = m.run('set "\\xff" 1\nset "\\xfe" 2\nset "\\xed\\xa0\\x80" 3\niter');
  assert.deepEqual([...outcomes[3].keys].sort(), ['"\\xed\\xa0\\x80"', '"\\xfe"', '"\\xff"']);
  assert.deepEqual(Object.keys(outcomes[0].hashes), ['"\\xff"']);
  m.free();
});

test('runScenario with dumpsOnly prints a failed line as its error alone', () => {
  const m = newMap(gomap, {});
  const lines = m.runScenario('fill 5\nbogus\ndump', { dumpsOnly: true });
  assert.deepEqual(lines[0], { line: 2, op: 'bogus', error: "line 2: unknown command 'bogus'" });
  assert.equal(lines[1].count, 5);
  m.free();
});

test('a freed map answers nothing: header() throws as every other call does, remembered header or not', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.set(1, 1);
  assert.equal(m.header().count, 1); // now remembered
  m.free();
  assert.throws(() => m.header(), /this GoMap was freed/);
  assert.throws(() => m.state(), /this GoMap was freed/);
});

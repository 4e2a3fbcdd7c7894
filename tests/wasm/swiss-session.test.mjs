// Go 1.26's map in wasm (SwissSession through createMap({ version: '1.26' })):
// its dumps equal the native gomap CLI's (whose Swiss model is checked
// against Go 1.26 in tests/conformance), its state() is those dumps plus
// addresses drawn from the same bytes, its trace events have named fields,
// its micro-steps wind back to real bytes, and bad input changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gomapCli, loadModule, newMap, noCli } from './load.mjs';

const gomap = await loadModule();
const scenarioDir = new URL('../conformance/scenarios/', import.meta.url);

const SCENARIOS = [
  'swiss-small-02-ninth-insert',
  'swiss-del-02-tombstone-reuse',
  'swiss-grow-02-first-split',
  'swiss-grow-04-directory-doubling-shared',
  'swiss-clear-03-fulltest-stale-bytes',
  'swiss-type-02-string-faststr',
  'swiss-iter-07-grow-during',
  'swiss-type-11-200byte-indirect-key',
];

function cli(text, args = []) {
  let out;
  try {
    out = execFileSync(gomapCli, args, { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout;
  }
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const STATE_KEYS = ['model', 'count', 'seed', 'dirLen', 'globalDepth', 'tombstonePossible', 'clearSeq', 'small', 'directory', 'tables'];

// The contract's fields of a dump line or of state().swiss, without the
// viewer's additions (addresses, tombstones, stale elements, detached).
function contractState(s) {
  const group = ({ addr, ...g }) => ({ ...g, s: g.s.map(({ staleV, ...slot }) => slot) });
  const out = {};
  for (const k of STATE_KEYS) if (k in s) out[k] = s[k];
  if (out.small) out.small = group(out.small);
  if (out.tables) out.tables = out.tables.map(({ addr, groupsAddr, tombstones, groupCount, ...t }) => ({ ...t, groups: t.groups.map(group) }));
  return out;
}

const swissMap = (options = {}) => newMap(gomap, { version: '1.26', ...options });

for (const name of SCENARIOS) {
  const text = readFileSync(new URL(`${name}.scn`, scenarioDir), 'utf8');

  test(`runScenario equals the native CLI, traces included: ${name}`, { skip: noCli }, () => {
    const m = swissMap();
    const fromWasm = m.runScenario(text, { trace: true });
    m.free();
    assert.deepEqual(fromWasm, cli(text, ['--trace']));
  });

  test(`state() after each line, run the page's way, equals the CLI's dump: ${name}`, { skip: noCli }, () => {
    const m = swissMap();
    const lines = text.split('\n');
    const dumps = cli(text + '\ndump', ['--dumps-only']);
    let next = 0;
    for (const line of [...lines, 'dump']) {
      const outcomes = m.run(line, { trace: true });
      const last = outcomes[outcomes.length - 1];
      if (!last || last.op !== 'dump') continue;
      const expected = dumps[next++];
      assert.deepEqual(contractState(m.state().swiss), contractState(expected), `at line ${expected.line}`);
    }
    assert.equal(next, dumps.length, 'every dump compared');
    assert.equal(m.checkInvariants(), '');
    m.free();
  });
}

test('state(): tombstones per table are the 0xFE control bytes, addresses are the bytes\' places', () => {
  const m = swissMap({ mapType: 'map[int64]int64', seed: 3 });
  m.run('fill 40');
  for (let k = 1; k <= 30; k += 2) m.delete(k);
  const { header, swiss } = m.state();
  assert.equal(swiss.count, 25);
  const type = header.type;
  let sawTombstone = false;
  for (const t of swiss.tables) {
    const deleted = t.groups.flatMap((g) => g.ctrl).filter((c) => c === 0xfe).length;
    assert.equal(t.tombstones, deleted);
    assert.equal(t.tombstones, (t.capacity * 7) / 8 - t.used - t.growthLeft);
    sawTombstone ||= deleted > 0;
    t.groups.forEach((g, i) => assert.equal(BigInt('0x' + g.addr), BigInt('0x' + t.groupsAddr) + BigInt(i * type.groupSize)));
    // The control bytes are at the group's address in the heap.
    m.withHeap((view, base) => {
      const off = Number(BigInt('0x' + t.groups[0].addr) - BigInt(base));
      assert.deepEqual([...view.subarray(off, off + 8)], t.groups[0].ctrl);
    });
  }
  // Deleted int64 keys keep their bytes (the element is cleared): the state
  // shows every deleted key as stale and no other.
  const stale = swiss.tables.flatMap((t) => t.groups.flatMap((g) => g.s.filter((s) => 'stale' in s)));
  assert.ok(sawTombstone);
  assert.deepEqual(stale.map((s) => Number(s.stale)).sort((a, b) => a - b), Array.from({ length: 15 }, (_, i) => 2 * i + 1));
  assert.ok(stale.every((s) => s.staleV === 0));
  m.free();
});

test('state({ near }) of a big map: groups only for the tables near the step, the rest summarized; a small map whole', () => {
  const m = swissMap({ mapType: 'map[int64]int64', seed: 4 });
  m.run('fill 20000');
  const full = m.state().swiss;
  const { events } = m.set(777777, 1, { trace: true });
  const store = events.find((e) => e.e === 'storeEntry');
  const near = m.state({ near: [store.groupAddr], maxGroups: 256 }).swiss;
  assert.equal(near.tables.length, full.tables.length);
  const withGroups = near.tables.filter((t) => !t.summary);
  assert.equal(withGroups.length, 1);
  const t = withGroups[0];
  assert.ok(t.groups.some((g) => g.addr === store.groupAddr));
  assert.ok(t.groups[store.group].ctrl[store.slot] === store.ctrl);
  for (const s of near.tables.filter((x) => x.summary)) {
    assert.deepEqual(s.groups, []);
    const same = full.tables.find((x) => x.addr === s.addr);
    assert.equal(s.groupCount, same.groups.length);
    assert.equal(s.used, same.used);
  }
  // Under the budget every table comes whole, whatever `near` says.
  const small = swissMap({ mapType: 'map[int64]int64', seed: 4 });
  small.run('fill 40');
  assert.deepEqual(small.state({ near: [], maxGroups: 256 }), small.state());
  small.free();
  m.free();
});

test('trace events carry named fields per kind: a split moves entries left and right', () => {
  const m = swissMap({ mapType: 'map[int64]int64', seed: 11 });
  m.run('fill 896');
  // Fill until one insert splits a table (the traced one).
  let events = [];
  for (let k = 100000; k < 100400 && !events.some((e) => e.e === 'rehash' && e.how === 'split'); k++) {
    events = m.set(k, 1, { trace: true }).events;
  }
  const rehash = events.find((e) => e.e === 'rehash');
  assert.equal(rehash.how, 'split');
  const moves = events.filter((e) => e.e === 'moveEntry');
  assert.equal(moves.length, 896);
  assert.ok(moves.every((e) => ['left', 'right'].includes(e.side) && Number.isInteger(e.destGroup) && Number.isInteger(e.destSlot)));
  assert.ok(events.every((e) => !('value2' in e) && typeof e.fn === 'string' && Number.isInteger(e.writes)));
  const install = events.filter((e) => e.e === 'installTable');
  assert.equal(install.length, 2);
  const probe = events.find((e) => e.e === 'probeGroup');
  assert.ok(Array.isArray(probe.matchH2Slots) && Array.isArray(probe.matchEmptySlots) && /^[0-9a-f]{16}$/.test(probe.matchH2));
  m.free();
});

test('micro-steps wind back to real bytes: each move of the 9th insert is in the new table, the small group intact', () => {
  const m = swissMap({ mapType: 'map[int64]int64', seed: 5 });
  m.run('fill 8');
  const snap = m.snapshot();
  const before = m.state().swiss.small;
  const { events } = m.set(9, 9, { trace: true });
  const moves = events.filter((e) => e.e === 'moveEntry');
  assert.equal(moves.length, 8);
  for (const [i, mv] of moves.entries()) {
    snap.restore();
    m.set(9, 9, { trace: true });
    assert.equal(m.rewind(mv.writes).ok, true);
    const { swiss } = m.state();
    assert.deepEqual(swiss.small, before, 'the small group is untouched until the directory is installed');
    const table = swiss.detached.find((t) => t.addr === mv.table);
    assert.equal(table.used, i + 1);
    const slot = table.groups[mv.destGroup];
    assert.equal(slot.ctrl[mv.destSlot], mv.ctrl);
    assert.deepEqual(slot.s[mv.destSlot], before.s[mv.fromSlot]);
  }
  // Wound back to before the insert's first write: the map as it was.
  snap.restore();
  m.set(9, 9, { trace: true });
  m.rewind(0);
  assert.deepEqual(m.state().swiss.small, before);
  // Forward again: the snapshot then the operation whole.
  snap.restore();
  m.set(9, 9);
  assert.equal(m.state().swiss.tables[0].used, 9);
  snap.free();
  m.free();
});

test('bad input: a clear error, the map unchanged, the session usable', () => {
  const m = swissMap({ mapType: 'map[int32]int64', seed: 1 });
  m.run('fill 20; del 3');
  const before = JSON.stringify(m.state());
  const cases = [
    () => m.run('bogus 1')[0].error,
    () => m.run('set 99999999999 1')[0].error,
    () => m.set('x', 1).error,
    () => m.set(1.5, 1).error,
    () => m.run('fill 99999999')[0].error,
    () => m.run('collide 99 2')[0].error,
    () => m.run('version 1.14')[0].error,
    () => m.run('seed 5')[0].error,
    () => m.iterate({ entry: -1, dir: 0 }).error,
    () => m.run('range entry=1 start=2')[0].error,
    () => m.chains().error,
    () => m.setInt64Batch(new BigInt64Array(1), new BigInt64Array(1)).error,
  ];
  const errors = cases.map((f) => f());
  for (const e of errors) assert.match(e, /\w/);
  assert.match(errors[0], /unknown command 'bogus'/);
  assert.match(errors[4], /fill count .* over the limit/);
  assert.match(errors[6], /Go 1\.26/);
  assert.match(errors[7], /before the first operation/);
  assert.equal(JSON.stringify(m.state()), before);
  assert.equal(m.get(4).found, true);
  assert.equal(m.set(1000, 1).ok, true);
  m.free();
});

test('createMap checks Go 1.26 options: 64-bit seed, go126 hasher, identity for integer keys only', () => {
  const big = gomap.createMap({ version: '1.26', mapType: 'map[string]int64', seed: 0xfedcba9876543210n });
  assert.equal(big.ok, true);
  assert.equal(big.map.header().created, false);
  big.map.set('a', 1);
  assert.equal(big.map.state().swiss.seed, 'fedcba9876543210');
  big.map.free();
  assert.match(gomap.createMap({ version: '1.26', seed: 1n << 64n }).error, /seed/);
  assert.match(gomap.createMap({ version: '1.26', hasher: 'go999' }).error, /go126/);
  assert.match(gomap.createMap({ version: '1.27' }).error, /1\.26/);
  const id = gomap.createMap({ version: '1.26', mapType: 'map[string]int64', hasher: 'identity' });
  const err = id.ok ? id.map.set('a', 1).error : id.error;
  assert.match(err, /identity works only with integer keys/);
});

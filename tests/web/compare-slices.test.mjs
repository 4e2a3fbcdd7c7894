// Issue 18: compare mode's seeks on a big map restore each side's keyframe
// in slices. CompareSession.seekIsLong says when a move would copy a big
// heap at once; CompareSession.prepareSeek copies both sides' keyframes a
// slice per task (Player.prepareSeek) so that seekOp only hands them over.
// The moments shown are the bytes of an independent replay of each side.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { spyRestores as spy } from './restore-spy.mjs';
import { CompareSession, SIDES, sideScenario } from '../../web/compare/compare-session.mjs';
import { HEAP_COPY_SLICE as SLICE } from '../../web/player/player.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

const TYPE = 'map[int64]int64';

// Each side's heap after `ops`, replayed in a map of its own.
function replay(version, ops) {
  const { map } = gomap.createMap(version === '1.26' ? { version: '1.26' } : {});
  map.run(sideScenario([TYPE, ...ops].join('\n'), version));
  const bytes = map.heapCopy();
  map.free();
  return bytes;
}

test('a compare seek back to a big fill restores both sides in slices: the bytes of a replay', async () => {
  const r = await CompareSession.load(gomap, [TYPE, 'fill 400000', 'set 1 1'].join('\n'));
  assert.ok(r.ok, String(r.error));
  const s = r.session;
  assert.equal(s.op, 2);
  const logs = {};
  const heaps = {};
  for (const v of SIDES) {
    const p = s.players[v];
    assert.ok(p.keyframes.has(1), `${v}: a keyframe after the fill`);
    logs[v] = spy(p.keyframes.atOrBefore(1).snap);
    heaps[v] = p.map.header().heapUsed;
    assert.ok(heaps[v] > 2 * SLICE, `${v}: heap ${heaps[v]}`);
  }
  assert.equal(s.seekIsLong(1), true);
  // Keyframe 0 is tiny, but the big heaps it replaces are given back by
  // the core in one call of tens of ms: a move of its own too.
  assert.equal(s.seekIsLong(0), true);

  let yields = 0;
  await s.prepareSeek(1, { yieldToEventLoop: () => Promise.resolve(yields++) });
  for (const v of SIDES) {
    // the slices of a copy of the heap at the keyframe (the fill's, a
    // little smaller than after set 1 1 or the same)
    assert.ok(logs[v].slices >= 2 && logs[v].slices <= Math.ceil(heaps[v] / SLICE), `${v}: ${logs[v].slices} slices`);
    assert.equal(logs[v].restores, 0, `${v}: nothing shown changes while preparing`);
  }
  assert.ok(yields >= 2);
  assert.equal(s.op, 2);

  assert.ok(s.seekOp(1).ok);
  assert.equal(s.op, 1);
  for (const v of SIDES) {
    const p = s.players[v];
    assert.equal(logs[v].restores, 1, v);
    assert.equal(logs[v].unprepared, 0, `${v}: the restore only handed the copy over`);
    assert.equal(logs[v].slices, Math.ceil(p.map.header().heapUsed / SLICE), v);
    assert.deepEqual(p.map.heapCopy(), replay(v, ['fill 400000']), v);
    assert.equal(p.map.checkInvariants(), '', v);
  }

  // On to the end again: from the fill's moment that starts from a big
  // keyframe too, prepared the same way.
  if (s.seekIsLong(2)) await s.prepareSeek(2, { yieldToEventLoop: () => Promise.resolve() });
  assert.ok(s.seekOp(2).ok);
  assert.equal(s.seekIsLong(2), false, 'at the moment shown nothing is copied');
  for (const v of SIDES) assert.deepEqual(s.players[v].map.heapCopy(), replay(v, ['fill 400000', 'set 1 1']), v);
  s.free();
  assert.equal(gomap.memory().inUse, 0);
});

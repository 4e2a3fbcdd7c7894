// Issue 18: no seek blocks the page because it copies a big heap at once.
// A later prepareSeek supersedes an earlier one (overlapping loops would
// take turns replacing each other's copy and never finish); the done step
// of an operation whose events left the cache is re-run ahead, after its
// keyframe's restore is copied in slices; a failing command on a big map
// copies nothing back; and seekWhenReady, the one place the page's seeks go through, is at once
// when nothing is long. Every moment shown is the bytes of a replay.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { spyRestores as spy } from './restore-spy.mjs';
import { Player, HEAP_COPY_SLICE as SLICE, seekWhenReady } from '../../web/player/player.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

const TYPE = 'map[int64]int64';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const replay = (ops) => {
  const { map } = gomap.createMap({ mapType: TYPE });
  map.run(ops.join('\n'));
  const bytes = map.heapCopy();
  map.free();
  return bytes;
};

// Counts the traced runs the session makes.
function tracedRuns(map) {
  const log = { n: 0 };
  const run = map.run.bind(map);
  map.run = (text, options) => {
    if (options?.trace) log.n++;
    return run(text, options);
  };
  return log;
}

async function bigPlayer(extra = []) {
  const { player } = Player.create(gomap, [TYPE]);
  assert.ok((await player.fill(400000, { yieldToEventLoop: tick })).ok);
  for (const c of extra) assert.ok(player.perform(c).ok, c);
  player.toEnd();
  return player;
}

test('a second prepareSeek supersedes the first: it stops at its next slice, the second completes', async () => {
  const player = await bigPlayer(['set 1 1']);
  const fill = spy(player.keyframes.atOrBefore(1).snap);
  const atFill = player.history.donePosition(0);
  assert.equal(player.seekIsLong(atFill), true);
  const first = player.prepareSeek(atFill, { yieldToEventLoop: tick });
  // A drag of the slider: the next move asks before the first is copied.
  const second = player.prepareSeek(0, { yieldToEventLoop: tick });
  assert.equal(await first, false, 'the first move was superseded');
  assert.equal(await second, true);
  assert.equal(fill.slices, 1, 'the first loop stopped after the slice it had made');
  player.seek(0);
  assert.equal(fill.restores, 0);
  assert.equal(player.map.header().count ?? 0, 0);

  // An AbortSignal stops one too; a seek after it still shows the bytes.
  const controller = new AbortController();
  const slicesBefore = fill.slices;
  const aborted = player.prepareSeek(atFill, { yieldToEventLoop: tick, signal: controller.signal });
  controller.abort();
  assert.equal(await aborted, false);
  const slices = fill.slices;
  assert.ok(slices - slicesBefore <= 1, `${slices - slicesBefore} slices after the abort`);
  assert.ok(slices < Math.ceil(player.history.ops[0].after.heapUsed / SLICE));
  assert.equal(await player.prepareSeek(atFill, { yieldToEventLoop: tick }), true);
  player.seek(atFill);
  assert.equal(fill.unprepared, 0, 'the copy that ended was prepared whole');
  assert.deepEqual(player.map.heapCopy(), replay(['fill 400000']));
  player.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('the done step of an operation whose events left the cache is re-run ahead, its restore in slices', async () => {
  // 70 traced inserts after the fill: the cache keeps the last 64 operations' events.
  const sets = Array.from({ length: 70 }, (_, i) => `set ${1000000 + i} ${i}`);
  const player = await bigPlayer(sets);
  const j = 3;
  assert.equal(player.history.ops[j].traced, true);
  assert.equal(player.events.has(j), false, 'op 3 left the cache');
  const fill = spy(player.keyframes.atOrBefore(j).snap);
  const heap = player.history.ops[0].after.heapUsed;
  const at = player.history.donePosition(j);
  assert.equal(player.seekIsLong(at), true);
  const traced = tracedRuns(player.map);
  let yields = 0;
  assert.equal(await player.prepareSeek(at, { yieldToEventLoop: () => tick().then(() => yields++) }), true);
  assert.equal(fill.slices, Math.ceil(heap / SLICE));
  assert.ok(yields > fill.slices - 1, `the copy and the re-run in tasks of their own: ${yields} yields`);
  assert.equal(traced.n, 1, 'the operation was re-run while preparing');
  assert.equal(player.events.has(j), true);
  // The seek only reads what was prepared.
  const frame = player.seek(at);
  assert.equal(traced.n, 1, 'no traced run in the seek');
  assert.equal(fill.restores, 1);
  assert.equal(fill.unprepared, 0);
  assert.equal(frame.events.length, player.history.ops[j].eventCount);
  assert.equal(frame.phase, 'done');
  player.moment();
  assert.deepEqual(player.map.heapCopy(), replay(['fill 400000', ...sets.slice(0, j)]));
  assert.equal(player.seekIsLong(at), false);
  player.free();
});

test('a failing command on a big map copies nothing back; on a map not made yet it unmakes it', async () => {
  const player = await bigPlayer();
  const logs = [0, 1].map((k) => spy(player.keyframes.atOrBefore(k).snap));
  const before = player.map.heapCopy();
  const r = player.perform('set x 1');
  assert.equal(r.ok, false);
  assert.match(r.error, /int64/);
  assert.deepEqual(logs.map((l) => l.restores), [0, 0], 'no keyframe restored');
  assert.deepEqual(player.map.heapCopy(), before);
  assert.equal(player.history.length, 1);
  assert.ok(player.perform('set 5 5').ok, 'the session goes on');
  player.toEnd();
  assert.deepEqual(player.map.heapCopy(), replay(['fill 400000', 'set 5 5']));
  player.free();

  // The one side effect an error can have: an operation makes the map.
  const fresh = Player.create(gomap, [TYPE]).player;
  assert.equal(fresh.map.header().created, false);
  assert.equal(fresh.perform('set x 1').ok, false);
  assert.equal(fresh.map.header().created, false, 'the map is as it was: not made');
  assert.ok(fresh.perform('set 1 1').ok);
  fresh.toEnd();
  assert.deepEqual(fresh.map.heapCopy(), replay(['set 1 1']));
  fresh.free();
});

test('seekWhenReady: at once when nothing is long; else busy, prepared, then shown unless superseded', async () => {
  const player = await bigPlayer(['set 1 1']);
  const busy = [];
  const how = { yieldToEventLoop: tick, onBusy: (b) => busy.push(b) };
  // The moment shown: nothing to copy, show runs now and its value is returned.
  assert.equal(seekWhenReady(player, player.position, how, (long) => `now ${long}`), 'now false');
  assert.deepEqual(busy, []);

  const atFill = player.history.donePosition(0);
  const shown = [];
  const older = seekWhenReady(player, atFill, how, (long) => shown.push(['older', long]));
  const newer = seekWhenReady(player, 0, how, (long) => {
    shown.push(['newer', long, busy.at(-1)]);
    player.seek(0);
    return 'shown';
  });
  assert.ok(older instanceof Promise && newer instanceof Promise);
  assert.equal(await older, undefined, 'superseded: not shown');
  assert.equal(await newer, 'shown');
  assert.deepEqual(shown, [['newer', true, true]], 'shown while still busy, after its copy');
  assert.deepEqual(busy, [true, true, false, false]);
  assert.equal(player.map.header().count ?? 0, 0);
  player.free();
});

// Issue 18: a big heap's keyframe is copied a slice per task, both ways.
// After a big fill the player takes its keyframe from a copy made with
// GoMap.prepareSnapshot between yields; a seek that restores it can be
// prepared (Player.prepareSeek) so the seek only hands the copy over. The
// moments shown are the bytes of an independent replay either way. A
// keyframe the session no longer has is an error of its own, not "not
// enough memory".
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player, NoRoomError, HEAP_COPY_SLICE as SLICE } from '../../web/player/player.mjs';
import { spyRestores } from './restore-spy.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

const replay = (ops) => {
  const { map } = gomap.createMap({ mapType: 'map[int64]int64', seed: 9 });
  map.run(ops.join('\n'));
  const bytes = map.heapCopy();
  map.free();
  return bytes;
};

// Counts the slices of each kind of copy the player asks for, and the
// snapshots and restores made without one.
function spy(player) {
  const log = { snapshotSlices: 0, snapshotsUnprepared: 0, restoreSlices: 0 };
  const map = player.map;
  const prepareSnapshot = map.prepareSnapshot.bind(map);
  let ready = false;
  map.prepareSnapshot = (o) => {
    log.snapshotSlices++;
    ready = prepareSnapshot(o);
    return ready;
  };
  const snapshot = map.snapshot.bind(map);
  map.snapshot = () => {
    if (!ready && map.header().heapUsed > SLICE) log.snapshotsUnprepared++;
    ready = false;
    const snap = snapshot();
    const prepareRestore = snap.prepareRestore;
    snap.prepareRestore = (o) => {
      log.restoreSlices++;
      return prepareRestore(o);
    };
    return snap;
  };
  return log;
}

test('a big fill takes its keyframe in slices, and a prepared seek restores it: the bytes of a replay', async () => {
  const { player } = Player.create(gomap, ['map[int64]int64', 'seed 9']);
  const log = spy(player);
  const yields = { n: 0 };
  const yieldToEventLoop = () => {
    yields.n++;
    return Promise.resolve();
  };
  const r = await player.fill(600000, { yieldToEventLoop });
  assert.ok(r.ok, r.error);
  const heapUsed = player.map.header().heapUsed;
  assert.ok(heapUsed > 4 * SLICE, `heap ${heapUsed}`);
  assert.ok(player.keyframes.has(1), 'a keyframe after the fill');
  assert.equal(log.snapshotSlices, Math.ceil(heapUsed / SLICE));
  assert.equal(log.snapshotsUnprepared, 0);
  const afterFill = replay(['fill 600000']);
  assert.deepEqual(player.map.heapCopy(), afterFill);

  // A small operation after it, from a link: no copy at once either.
  assert.ok((await player.runLong('set 1 1', { yieldToEventLoop })).ok);
  player.toEnd();
  assert.equal(log.snapshotsUnprepared, 0);

  // Back to the end of the fill: the restore is long, so it is prepared.
  const atFill = player.history.donePosition(0);
  assert.equal(player.seekIsLong(atFill), true);
  await player.prepareSeek(atFill, { yieldToEventLoop });
  assert.equal(log.restoreSlices, Math.ceil(heapUsed / SLICE));
  player.seek(atFill);
  assert.deepEqual(player.map.heapCopy(), afterFill);
  assert.equal(player.map.checkInvariants(), '');
  // Keyframe 0 is tiny, but going back to it gives the big heap back (the
  // core takes tens of ms for that): a seek of its own, one small copy.
  assert.equal(player.seekIsLong(0), true);
  const small = log.restoreSlices;
  const keyframe0 = spyRestores(player.keyframes.atOrBefore(0).snap);
  assert.equal(await player.prepareSeek(0, { yieldToEventLoop }), true);
  assert.equal(log.restoreSlices, small, 'keyframe 0 is not one of the spied (big) ones');
  assert.equal(keyframe0.slices, 1, 'keyframe 0 is copied in one slice');
  player.seek(0);
  assert.equal(keyframe0.unprepared, 0, 'its restore hands the prepared copy over');
  assert.equal(player.map.header().count ?? 0, 0);
  assert.equal(player.seekIsLong(0), false, 'at the moment shown nothing is copied');
  player.toEnd();
  assert.deepEqual(player.map.heapCopy(), replay(['fill 600000', 'set 1 1']));

  // A new operation from inside `set 1 1` (the session is wound back): it
  // starts from the fill's keyframe, so that is copied back first.
  player.seek(player.history.position(1, 0));
  assert.equal(player.startIsLong(), true);
  const slicesBefore = log.restoreSlices;
  await player.prepareStart({ yieldToEventLoop });
  assert.equal(log.restoreSlices - slicesBefore, Math.ceil(heapUsed / SLICE));
  assert.ok(player.perform('set 2 2').ok);
  assert.equal(log.snapshotsUnprepared, 0);
  player.toEnd();
  assert.deepEqual(player.map.heapCopy(), replay(['fill 600000', 'set 1 1', 'set 2 2']));
  assert.equal(player.startIsLong(), false, 'at the head of a clean session nothing is copied');
  player.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('a keyframe the session no longer has is said as it is, not as a lack of memory', () => {
  const { player } = Player.create(gomap, ['map[int64]int64']);
  for (const c of ['set 1 1', 'set 2 2']) assert.ok(player.perform(c).ok);
  player.toEnd();
  player.keyframes.atOrBefore(0).snap.free(); // a fault of the player's own
  let error = null;
  try {
    player.seek(0);
  } catch (err) {
    error = err;
  }
  assert.ok(error && !(error instanceof NoRoomError), `${error}`);
  assert.match(error.message, /keyframe before operation 1: restore: snapshot \d+ was freed/);
  assert.equal(player.map.header().count, 2, 'the map is as it was');
  player.free();
});

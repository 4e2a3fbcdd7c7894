// The player when the memory budget has no room (issue 18): showing a
// moment may need a keyframe copied back beside the live map, and the
// module refuses that copy when the budget (1 GiB, shared by every map and
// snapshot) is full. The player then says so clearly and changes nothing:
// not the history, not the cursor, not the map's bytes. Once room is made,
// the same moments show the right bytes. The budget is reached for real.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player, NoRoomError } from '../../web/player/player.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

const SETUP = ['map[[128]byte][128]byte', 'hint 300000'];
const heapHead = (p) => p.map.withHeap((v) => v.slice(0, 1 << 16));
const room = () => gomap.memory().ceiling - gomap.memory().inUse;

// Maps that take the budget until less than `bytes` is free.
function fillBudgetBelow(bytes) {
  const fillers = [];
  for (let hint = 300000; hint >= 1000 && room() >= bytes;) {
    const made = gomap.createMap({ mapType: 'map[[128]byte][128]byte', hint });
    const r = made.map.set('1', '1');
    if (r.ok) fillers.push(made.map);
    else {
      made.map.free();
      hint = Math.floor(hint / 2);
    }
  }
  assert.ok(room() < bytes, `could not fill the budget: ${room()} bytes free`);
  return fillers;
}

test('a restore the budget refuses: a clear error, nothing changed, and it works once there is room', () => {
  const made = Player.create(gomap, SETUP);
  assert.ok(made.ok, made.error);
  const p = made.player;
  for (const c of ['set 1 1', 'set 2 2']) assert.ok(p.perform(c).ok);
  p.toEnd();
  // A moment inside the last operation: the session is wound back, so the
  // next operation first needs keyframe 0 copied back (replaying from it).
  const mid = p.history.position(1, 0);
  p.seek(mid);
  const copyCost = p.map.header().heapUsed;
  const fillers = fillBudgetBelow(copyCost);

  const before = { position: p.position, ops: p.history.ops.map((o) => o.command), header: p.map.header(), heap: heapHead(p) };
  const unchanged = (where) => {
    assert.equal(p.position, before.position, `${where}: the cursor moved`);
    assert.deepEqual(p.history.ops.map((o) => o.command), before.ops, `${where}: the history changed`);
    assert.deepEqual(p.map.header(), before.header, `${where}: the map changed`);
    assert.deepEqual(heapHead(p), before.heap, `${where}: the heap's bytes changed`);
  };

  // A new operation from this moment: refused as a value.
  const r = p.perform('set 3 3');
  assert.equal(r.ok, false);
  assert.match(r.error, /^Not enough memory to show that moment: it needs a copy of the map before (the first operation|operation \d+), and the playground's memory budget \(\d+ MiB of 1024 MiB in use\) has no room for it\. The map shown is unchanged/);
  unchanged('perform');
  // Going back to the end of the first operation (after the keyframe the
  // player took there, which holds the map): the same, thrown as
  // NoRoomError (the page shows its message).
  assert.throws(() => p.seek(p.history.donePosition(0)), (err) => err instanceof NoRoomError && /Not enough memory/.test(err.message));
  unchanged('seek');
  // trySeek (the element, compare mode) says the same without throwing.
  const tried = p.trySeek(p.history.donePosition(0));
  assert.equal(tried.ok, false);
  assert.match(tried.error, /Not enough memory/);
  unchanged('trySeek');
  // …and a fill the same way.
  return p.runLong('fill 10', { yieldToEventLoop: async () => {} }).then((f) => {
    assert.equal(f.ok, false);
    assert.match(f.error, /^Not enough memory/);
    unchanged('fill');

    // Room made: the same requests work, with the right bytes.
    for (const m of fillers) m.free();
    p.seek(p.history.donePosition(0));
    assert.equal(p.map.header().count, 1);
    p.seek(mid);
    assert.ok(p.perform('set 3 3').ok);
    p.toEnd();
    assert.deepEqual(p.history.ops.map((o) => o.command), ['set 1 1', 'set 2 2', 'set 3 3']);
    assert.equal(p.map.header().count, 3);
    assert.equal(p.map.get('3').found, true);
    assert.equal(p.map.checkInvariants(), '');
    p.free();
    assert.equal(gomap.memory().inUse, 0, 'the budget is given back');
  });
});

test('a keyframe the budget refuses is not kept (a refused snapshot cannot restore)', () => {
  const made = Player.create(gomap, SETUP);
  assert.ok(made.ok, made.error);
  const p = made.player;
  assert.ok(p.perform('set 0 0').ok); // makes the map (the hint's 137 MiB)
  const kept = p.keyframes.count;
  const fillers = fillBudgetBelow(p.map.header().heapUsed + (1 << 20));
  // Many operations: the player would like a keyframe after 64 of them.
  for (let i = 1; i < 70; i++) assert.ok(p.perform(`set ${i} ${i}`).ok);
  assert.equal(p.keyframes.count, kept, 'no keyframe taken while the budget is full');
  for (const m of fillers) m.free();
  p.seek(0);
  p.toEnd();
  assert.equal(p.map.header().count, 70);
  p.free();
  assert.equal(gomap.memory().inUse, 0);
});

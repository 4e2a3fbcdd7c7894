// Every picture is the bytes of the moment it names. The page performs an
// operation and draws at once, with the cursor on the operation's first
// micro-step; it then plays or steps. Whatever the path to a position, what
// the renderer reads there (player.moment(), then readModel on the session)
// must equal a seek to that position from somewhere else.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { readModel } from '../../web/render/map-model.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

// What the drawing shows: the count, and every slot of both arrays
// (tophash, key, value) in order.
function drawn(player) {
  const m = player.moment();
  const model = readModel(player.map, { density: 'full' });
  const slots = [];
  for (const arr of [model.newArray, model.oldArray]) {
    for (const chain of arr?.chains ?? []) {
      for (const b of chain) for (let s = 0; s < 8; s++) slots.push(`${b.t[s]}:${b.k[s]}:${b.v?.[s] ?? ''}`);
    }
  }
  return { position: m.position, step: `${m.frame.op}.${m.frame.step}`, count: m.header.count ?? 0, B: m.header.B ?? 0, slots: slots.join(' ') };
}

// A second player, built the same way, sent straight to `position`.
function bySeek(setup, commands, position) {
  const { player } = Player.create(gomap, setup);
  for (const c of commands) player.perform(c);
  player.seek(player.total - 1);
  player.seek(position);
  const d = drawn(player);
  player.free();
  return d;
}

const CASES = [
  // name, set-up, history before, the operation under test
  ['a plain insert', ['map[string]int64', 'seed 7'], ['set a 1', 'set b 2'], 'set c 3'],
  ['the insert that starts a grow (B 0 → 1)', ['map[int64]int64', 'seed 1'], ['fill 8'], 'set 9 9'],
  ['an insert that evacuates (B 2 → 3)', ['map[string]int64', 'seed 7'], ['fill 26', 'set apple 1'], 'set banana 2'],
  ['a delete', ['map[int64]int64', 'seed 3'], ['fill 12'], 'del 5'],
  ['a traced fill', ['map[int64]int64', 'seed 5'], ['set 1 1'], 'fill 20'],
  ['a collide into one chain', ['map[int64]int64', 'seed 3', 'hint 9'], [], 'collide 0 10'],
  ['a range and its next', ['map[string]int64', 'seed 9'], ['fill 12', 'range'], 'next 3'],
];

for (const [name, setup, before, command] of CASES) {
  test(`${name}: every position drawn after performing equals a seek there`, () => {
    const { player } = Player.create(gomap, setup);
    for (const c of before) assert.equal(player.perform(c).ok, true, c);
    const r = player.perform(command);
    assert.equal(r.ok, true, command);
    const first = player.history.position(r.op, 0);
    const done = player.history.donePosition(r.op);
    assert.ok(done > first, `${command} has micro-steps`);
    const commands = [...before, command];
    // Right after performing, as the page draws it: the first micro-step,
    // never the map the whole operation left.
    assert.equal(player.position, first);
    const atFirst = drawn(player);
    assert.deepEqual(atFirst, bySeek(setup, commands, first), 'the first micro-step right after the operation');
    // Then every position of it, forwards as playback goes, and backwards.
    for (let p = first + 1; p <= done; p++) {
      player.stepForward();
      assert.deepEqual(drawn(player), bySeek(setup, commands, p), `forwards to position ${p}`);
    }
    for (let p = done - 1; p >= first - 1; p--) {
      player.stepBack();
      assert.deepEqual(drawn(player), bySeek(setup, commands, p), `backwards to position ${p}`);
    }
    player.free();
  });
}

test('a moment stays right when reading its events re-runs an operation', () => {
  const { player } = Player.create(gomap, ['map[string]int64', 'seed 9']);
  for (const c of ['fill 12', 'range', 'next 3', 'set q 1']) player.perform(c);
  // Inside `next 3`, with its events dropped from the cache: moment() reads
  // them again (a traced re-run moves the session) and must put the bytes back.
  const p = player.history.position(2, 1);
  player.seek(p);
  player.events.clear();
  const d = drawn(player);
  assert.deepEqual(d, bySeek(['map[string]int64', 'seed 9'], ['fill 12', 'range', 'next 3', 'set q 1'], p));
  player.free();
});

test('a moment is frozen', () => {
  const { player } = Player.create(gomap, ['map[int64]int64']);
  player.perform('set 1 1');
  const m = player.moment();
  assert.ok(Object.isFrozen(m));
  assert.throws(() => { 'use strict'; m.position = 9; });
  player.free();
});

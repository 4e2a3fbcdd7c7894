// The player against the real module: whatever moment it shows must be the
// bytes an independent session has at that moment.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

// The state at (op j, step k) computed the slow way, from nothing.
function reference(setup, commands, j, k) {
  const { map } = gomap.createMap({});
  if (setup.length) map.run(setup.join('\n'));
  if (j > 0) map.run(commands.slice(0, j).join('\n'));
  if (k !== null) {
    const [o] = map.run(commands[j], { trace: true });
    if (k < o.events.length) map.rewind(o.events[k].writes);
  }
  const s = map.state();
  map.free();
  return s;
}

const strip = (s) => ({ ...s, header: { ...s.header, iterator: undefined } });

test('every moment of a history shows the bytes of an independent replay', () => {
  const setup = ['map[string]int64', 'seed 11'];
  const { player } = Player.create(gomap, setup);
  const commands = [];
  for (let i = 1; i <= 30; i++) commands.push(`set k${i} ${i}`);
  commands.push('del k3', 'get k4', 'del k30', 'range', 'next 2', 'set zz 1', 'clear');
  for (const c of commands) assert.equal(player.perform(c).ok, true, c);
  // Walk the whole timeline backwards (the hard direction), checking often.
  for (let p = player.total - 1; p >= 0; p -= 7) {
    const f = player.seek(p);
    const ref = f.op < 0 ? reference(setup, commands, 0, null) && null : reference(setup, commands, f.op, f.phase === 'done' ? Infinity : f.step);
    if (f.op < 0) {
      assert.equal(player.map.header().created, false);
      continue;
    }
    const expected = f.phase === 'done' ? reference(setup, commands, f.op + 1, null) : ref;
    assert.deepEqual(strip(player.map.state()), strip(expected), `position ${p} (op ${f.op} step ${f.step})`);
  }
  player.free();
});

test('stepping back across a grow shows the map before it started', () => {
  const { player } = Player.create(gomap, ['map[int64]int64', 'seed 3']);
  for (let i = 1; i <= 26; i++) player.perform(`set ${i} ${i}`);
  player.perform('set 27 27'); // 27th insert: B 2 → 3, incremental
  const f = player.frame();
  const grow = f.events.findIndex((e) => e.e === 'growStart');
  assert.ok(grow > 0);
  player.seek(player.history.position(f.op, grow));
  assert.equal(player.map.header().B, 3);
  assert.notEqual(player.map.header().oldbuckets, '0');
  player.stepBack();
  assert.equal(player.map.header().B, 2);
  assert.equal(player.map.header().oldbuckets, '0');
  player.toEnd();
  assert.equal(player.map.header().count, 27);
  player.free();
});

test('a new operation while looking at the past discards the later ones', () => {
  const { player } = Player.create(gomap, ['map[int64]int64']);
  for (let i = 1; i <= 5; i++) player.perform(`set ${i} 1`);
  player.seek(player.history.donePosition(1));
  assert.equal(player.perform('set 100 1').ok, true);
  assert.equal(player.history.length, 3);
  player.toEnd();
  assert.equal(player.map.header().count, 3);
  assert.equal(player.scenarioText(), 'map[int64]int64\nset 1 1\nset 2 1\nset 100 1');
  player.free();
});

test('bad input is refused and the map stays as it was', () => {
  const { player } = Player.create(gomap, ['map[int64]int64']);
  player.perform('set 1 1');
  const before = JSON.stringify(player.map.state());
  const r = player.perform('set abc 1');
  assert.equal(r.ok, false);
  assert.match(r.error, /abc/);
  assert.equal(JSON.stringify(player.map.state()), before);
  assert.equal(player.history.length, 1);
  assert.equal(player.perform('seed 4').ok, false);
  assert.equal(player.perform('set 1 1; set 2 2').ok, false);
  player.free();
});

test('a chunked fill gives the same map as one fill', async () => {
  const { player } = Player.create(gomap, ['map[string]int64', 'seed 5']);
  let progress = 0;
  const r = await player.fill(30000, { onProgress: (f) => { progress = f; }, yieldToEventLoop: () => Promise.resolve(), chunkMs: 2 });
  assert.equal(r.ok, true);
  assert.equal(progress, 1);
  assert.equal(player.history.ops[0].command, 'fill 30000');
  const { map } = gomap.createMap({ mapType: 'map[string]int64', seed: 5 });
  map.run('fill 30000');
  assert.equal(player.map.checkInvariants(), '');
  assert.deepEqual(player.map.heapCopy(), map.heapCopy());
  map.free();
  // Stepping back over the fill restores the empty map instantly.
  player.toStart();
  assert.equal(player.map.header().created, false);
  player.toEnd();
  assert.equal(player.map.header().count, 30000);
  player.free();
});

test('keyframes stay within their budget on a long history', () => {
  const { player } = Player.create(gomap, ['map[int64]int64'], { budgetBytes: 1 << 20, maxKeyframes: 50 });
  for (let i = 0; i < 400; i++) player.perform(`set ${i} ${i}`);
  assert.ok(player.keyframes.count <= 50);
  assert.ok(player.keyframes.bytes <= 1 << 20);
  assert.ok(player.map.snapshotCount() <= 50);
  player.seek(player.history.donePosition(123));
  assert.equal(player.map.header().count, 124);
  player.free();
});

test('loading scenario text builds the history; an error keeps nothing', async () => {
  const ok = await Player.load(gomap, 'map[int64]int64\nseed 9\nfill 20; del 3\nrange\nnext 3');
  assert.equal(ok.ok, true);
  assert.equal(ok.player.history.length, 4);
  assert.equal(ok.player.map.header().count, 19);
  const y = ok.player.yieldedKeys();
  assert.equal(y.kind, 'range');
  assert.equal(y.keys.length, 4);
  ok.player.free();
  const bad = await Player.load(gomap, 'map[int64]int64\nset 1 1\nset x 2\nseed 3');
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.errors.map((e) => e.line), [3, 4]);
});

test('yielded keys grow step by step inside a traced next', () => {
  const { player } = Player.create(gomap, ['map[int64]int64', 'seed 1']);
  player.perform('fill 10');
  player.perform('range start=0 offset=0');
  player.perform('next 3');
  const f = player.frame();
  const all = player.history.ops[2].outcome.keys;
  assert.equal(all.length, 3);
  let seen = 0;
  for (let k = 0; k < f.stepCount; k++) {
    player.seek(player.history.position(2, k));
    const n = player.yieldedKeys().keys.length;
    assert.ok(n >= seen);
    seen = n;
  }
  assert.equal(seen, 4);
  player.free();
});

test('the iterator at a moment inside an operation is the one that moment had, not the one the operation left', () => {
  const { player } = Player.create(gomap, ['map[int64]int64', 'seed 5']);
  for (const c of ['fill 20', 'range start=2 offset=0', 'next 8']) assert.equal(player.perform(c).ok, true, c);
  const live = () => player.map.header().iterator ?? null;
  const ops = player.history.ops;
  const at = (j, k) => {
    player.seek(player.history.position(j, k));
    return player.iteratorAt(live());
  };
  // range draws its start in its first step: start and offset hold throughout.
  assert.equal(player.eventsOf(1)[0].e, 'iterStart');
  assert.equal(at(1, 0).startBucket, 2);
  // next 8 runs past the last bucket: wrapped is false up to that step, true from it.
  const nextEvents = player.eventsOf(2);
  const wrap = nextEvents.findIndex((e) => e.e === 'iterWrap');
  assert.ok(wrap > 0, 'the loop wraps during next 8');
  for (let k = 0; k < ops[2].eventCount; k++) {
    const it = at(2, k);
    assert.equal(it.wrapped, k >= wrap, `next step ${k}`);
    const lastBucket = nextEvents.slice(0, k + 1).findLast((e) => e.e === 'iterBucket');
    if (lastBucket) assert.equal(it.checkBucket, lastBucket.value, `next step ${k}`);
  }
  // At the done step the live iterator is the answer.
  player.seek(player.history.donePosition(2));
  assert.deepEqual(player.iteratorAt(live()), live());
  assert.equal(live().wrapped, true);
});

// Long operations run in slices (the page must never be blocked for 50 ms
// by what a link or a pasted scenario asks) and give the very bytes of one
// call; what would take minutes is refused before anything runs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { ChunkPlanner } from '../../web/player/bulk.mjs';

let gomap;
before(async () => {
  gomap = await loadModule();
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

// Runs `command` through runLong, logging each call to the core.
async function sliced(setupText, command) {
  const loaded = await Player.load(gomap, setupText, { yieldToEventLoop: tick });
  assert.equal(loaded.ok, true);
  const player = loaded.player;
  const calls = [];
  const run = player.map.run.bind(player.map);
  player.map.run = (text, options) => {
    calls.push(text);
    return run(text, options);
  };
  let yields = 0;
  const r = await player.runLong(command, { yieldToEventLoop: async () => { yields++; await tick(); } });
  player.map.run = run;
  return { player, r, calls, yields };
}

function oneCall(setupText, command) {
  const { map } = gomap.createMap({});
  map.run(setupText);
  const [o] = map.run(command);
  assert.equal(o.error, undefined);
  const s = map.state();
  map.free();
  return s;
}

test('a big fill ends a slice before the insert that starts a grow, and runs that insert alone', async () => {
  const setup = 'map[int64]int64\nseed 1';
  const { player, r, calls } = await sliced(setup, 'fill 60000');
  assert.equal(r.ok, true);
  // B reaches 13 (6.5 × 2^12 = 26,624 < 60,000): grows start at 9, 14, 27, … 26,625 keys.
  const sizes = calls.filter((c) => c.startsWith('fill ')).map((c) => Number(c.split(' ')[1]));
  assert.equal(sizes.reduce((a, b) => a + b, 0), 60000);
  let count = 0;
  const limits = [];
  // (The small grows of the first slice, on a map not made yet, cost nothing.)
  for (let B = 9; B <= 13; B++) limits.push(Math.floor((13 * 2 ** B) / 2));
  for (const n of sizes) {
    // A slice never runs from below a limit to past it, unless it is the single insert crossing it.
    const crossed = limits.filter((l) => count < l && count + n > l);
    assert.ok(crossed.length === 0 || (n === 1 && count === crossed[0]), `fill ${n} at count ${count} crosses ${crossed}`);
    count += n;
  }
  player.seek(player.total - 1);
  assert.deepEqual(player.map.state(), oneCall(setup, 'fill 60000'));
  assert.equal(player.history.ops.at(-1).command, 'fill 60000');
  player.free();
});

test('a collide that searches many keys runs in slices, with the bytes of one call', async () => {
  const setup = 'map[string]int64\nseed 2\nfill 3000';
  const { player, r, calls, yields } = await sliced(setup, 'collide 5 400');
  assert.equal(r.ok, true, r.error);
  assert.ok(calls.length > 3 && yields > 3, `${calls.length} calls, ${yields} yields`);
  player.seek(player.total - 1);
  assert.deepEqual(player.map.state(), oneCall(setup, 'collide 5 400'));
  assert.equal(player.history.ops.at(-1).command, 'collide 5 400');
  // The timeline has it as one untraced operation.
  assert.equal(player.history.length, 2);
  assert.equal(player.history.ops.at(-1).tooMany, true);
  player.free();
});

test('a collide across a grow: slices before it, the rest in one call, the same bytes', async () => {
  // 6.5 × 2^8 = 1,664: the 1,665th key starts a grow; 1,600 + 100 crosses it
  // (64 keys in slices, the 36 from the grow on in one call).
  const setup = 'map[int64]int64\nseed 4\nfill 1600';
  const { player, r, calls } = await sliced(setup, 'collide 3 100');
  assert.equal(r.ok, true, r.error);
  assert.ok(calls.length >= 2, calls.join(', '));
  assert.equal(calls.at(-1), 'collide 3 36', 'the 36 keys from the grow on, in one call');
  player.seek(player.total - 1);
  assert.deepEqual(player.map.state(), oneCall(setup, 'collide 3 100'));
  player.free();
});

test('a collide that would take minutes is refused before anything runs, the map as it was', async () => {
  // The example: a 55-character link froze a tab for 7 s.
  const loaded = await Player.load(gomap, 'map[[128]byte][256]byte\nfill 7000', { yieldToEventLoop: tick });
  const player = loaded.player;
  const before = JSON.stringify(player.map.state());
  const t0 = performance.now();
  const r = await player.runLong('collide 0 100000', { yieldToEventLoop: tick });
  assert.ok(performance.now() - t0 < 50, 'refused at once');
  assert.equal(r.ok, false);
  assert.match(r.error, /collide 0 100000 would hash about 204,800,000 generated keys/);
  assert.equal(JSON.stringify(player.map.state()), before);
  assert.equal(player.history.length, 1);
  player.free();
  // And from scenario text (a link, a pasted scenario): an error naming the line.
  const bad = await Player.load(gomap, 'map[[128]byte][256]byte\nfill 7000\ncollide 0 100000', { yieldToEventLoop: tick });
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].line, 3);
  assert.match(bad.errors[0].message, /minutes/);
});

test('a traced collide (one call) is refused when its search alone would freeze the page', async () => {
  const loaded = await Player.load(gomap, 'map[int64]int64\nseed 1\nfill 250000', { yieldToEventLoop: tick });
  const player = loaded.player;
  const r = await player.runLong('collide 0 30', { yieldToEventLoop: tick });
  assert.equal(r.ok, false);
  assert.match(r.error, /in one go/);
  player.free();
});

test('a long scenario yields on a time budget, not every 50 operations', async () => {
  let yields = 0;
  const iters = Array.from({ length: 400 }, () => 'iter').join('\n');
  const r = await Player.load(gomap, `map[int64]int64\nseed 1\nfill 20000\n${iters}`, { yieldToEventLoop: async () => { yields++; await tick(); } });
  assert.equal(r.ok, true);
  // 400 iterations of 20,000 keys take well over 12 ms; the old rule yielded 8 times.
  assert.ok(yields > 8, `${yields} yields`);
  r.player.free();
});

test('the chunk planner keeps to a cap and shrinks after a grow starts', () => {
  const p = new ChunkPlanner(10000, { first: 2000, min: 250 });
  assert.equal(p.next(1), 1);
  p.took(40); // a single costly insert says nothing about the rest
  assert.equal(p.next(), 2000);
  p.took(10);
  p.shrink(4);
  assert.ok(p.next() <= 1000);
});

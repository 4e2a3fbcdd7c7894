// The header crosses the wasm boundary once per state of the map, however
// many readers a moment has (the player, the drawing, the narration): the
// GoMap facade keeps the last header until something changes the map.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { readModel } from '../../web/render/map-model.mjs';
import { readSwissModel } from '../../web/render/swiss-model.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

// What the page does with a moment: take it, read the picture's model, read the header again.
function draw(player) {
  const m = player.moment();
  if (player.swiss) readSwissModel(player.map, m.frame);
  else readModel(player.map, {});
  player.map.header();
  return m;
}

for (const version of ['1.14', '1.26']) {
  test(`Go ${version}: an Insert crosses for its header once (the step drawn; its end came with exec); a step once`, () => {
    const { player } = Player.create(gomap, [...(version === '1.26' ? ['version 1.26'] : []), 'map[int64]int64']);
    for (let i = 0; i < 12; i++) player.perform(`set ${i} 1`);
    draw(player);
    const map = player.map;
    let before = map.headerReads;
    const r = player.perform('set 100 1');
    assert.equal(r.ok, true);
    assert.equal(map.headerReads - before, 0, 'perform: the header after the operation came back with exec');
    assert.equal(map.header().count, player.swiss ? map.header().count : 13, 'and it is the new one');
    before = map.headerReads;
    const m = draw(player);
    assert.equal(m.frame.step, 0, 'the page draws the first micro-step');
    assert.equal(map.headerReads - before, 1, 'drawing the first micro-step');
    before = map.headerReads;
    draw(player);
    assert.equal(map.headerReads - before, 0, 'the same moment again: no read');
    player.seek(player.position + 1);
    draw(player);
    assert.equal(map.headerReads - before, 1, 'one step forward');
  });
}

test('a header read after a change is the new one, and each reader gets its own copy', () => {
  const { map } = gomap.createMap({ mapType: 'map[int64]int64' });
  map.run('set 1 1');
  const h0 = map.header();
  h0.count = 99;
  assert.equal(map.header().count, 1, 'a reader changing its copy changes nobody else\'s');
  const snap = map.snapshot();
  map.run('set 2 2');
  assert.equal(map.header().count, 2);
  assert.equal(snap.restore(), true);
  assert.equal(map.header().count, 1, 'restore() brings the old header back');
  map.run('set 3 3', { trace: true });
  const events = map.events;
  assert.equal(map.rewind(events[0].writes).ok, true);
  assert.equal(map.header().count, 1, 'rewind() shows the count before the insert');
  snap.free();
  map.free();
});

// A fixed history's moments read once (web/render/moment-cache.mjs, compare
// mode's bucket side): every moment the cache hands back equals a fresh read
// of the session's bytes at that moment, a revisit does not read again, and
// a player whose history may change is read every time.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { readModel } from '../../web/render/map-model.mjs';
import { MomentCache, fixedHistories } from '../../web/render/moment-cache.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

async function loaded(text) {
  const r = await Player.load(gomap, text);
  assert.ok(r.ok, JSON.stringify(r.errors));
  return r.player;
}

test('a fixed history: each moment, cached or not, is the bytes at that moment', async () => {
  const p = await loaded('map[int64]int64\nseed 3\nfill 60\nset 5 1\ndel 7\nset 900 2');
  fixedHistories.add(p);
  const cache = new MomentCache();
  let reads = 0;
  const read = () => {
    reads++;
    return readModel(p.map, { density: 'compact' });
  };
  const positions = [...Array(p.total).keys()];
  for (const round of [0, 1]) {
    const before = reads;
    // Back and forth over the timeline, as compare mode's steps go.
    for (const pos of round ? positions.toReversed() : positions) {
      const frame = p.seek(pos);
      const model = cache.get(p, frame, 'compact|0', read);
      assert.deepEqual(model, readModel(p.map, { density: 'compact' }), `position ${pos}, round ${round}`);
      assert.deepEqual(model.header, p.map.header(), `position ${pos}: header`);
    }
    // The second round revisits the last 12 moments shown without reading them.
    if (round) assert.ok(reads - before <= positions.length - Math.min(12, positions.length), `${reads - before} reads on the way back`);
  }
  p.free();
});

test('a history that may change is read every time', async () => {
  const p = await loaded('map[int64]int64\nseed 3\nfill 20\nset 5 1');
  const cache = new MomentCache();
  let reads = 0;
  const frame = p.seek(p.total - 1);
  for (let i = 0; i < 3; i++) cache.get(p, frame, 'compact|0', () => ++reads);
  assert.equal(reads, 3);
  // Nothing read while the history could change was kept: once the history
  // changed and is fixed, the same last position is read afresh and shows
  // the new operation's bytes.
  p.seek(p.history.donePosition(0));
  assert.ok(p.perform('set 900 2').ok);
  fixedHistories.add(p);
  let fresh = 0;
  const a = cache.get(p, p.seek(p.total - 1), 'compact|0', () => { fresh++; return readModel(p.map, { density: 'compact' }); });
  assert.equal(fresh, 1, 'read afresh');
  assert.equal(a.header.count, 21);
  p.free();
});

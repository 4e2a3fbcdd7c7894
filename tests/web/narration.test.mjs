// Every event of real traces gets a sentence that names real things (no
// "undefined" or "[object"), and the Go function carries the fast suffix
// where Go has one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { goFunction, narrateEvent, narrateDone } from '../../web/player/narration.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

test('function names get the variant suffix only where Go has fast copies', () => {
  assert.equal(goFunction('mapassign', 'faststr'), 'mapassign_faststr');
  assert.equal(goFunction('evacuate', 'fast64'), 'evacuate_fast64');
  assert.equal(goFunction('mapaccess2', 'fast32'), 'mapaccess2_fast32');
  assert.equal(goFunction('hashGrow', 'fast64'), 'hashGrow');
  assert.equal(goFunction('mapassign', 'generic'), 'mapassign');
});

const scenarios = {
  'map[string]int64': 'seed 2\nfill 26\nset a 1\nset a 2\nget a\nget nope\ndel k3\ndel nope\nrange\nnext 3\nset b 1\nclear\ndel x',
  'map[int64]int64': 'seed 2\nfill 60\nrange\nset 1000 1\nnext 5\ndel 7\nget 8\niter',
  'map[float64]int64': 'seed 2\nset NaN 1\nset -0 1\nset 0 2\nfill 20\nset 1.5 3\ndel 1.5',
  'map[[4]byte]int64': 'collide 0 20\ndel k20\ndel k19\ndel k1',
  'map[[200]byte]int64': 'fill 12\ndel k4',
  'map[int32]int64': 'hint 53\ncollide 3 20\nget 5',
};

test('every event of varied scenarios narrates as a real sentence', async () => {
  const seenKinds = new Set();
  for (const [type, text] of Object.entries(scenarios)) {
    const loaded = await Player.load(gomap, `${type}\n${text}`);
    assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
    const p = loaded.player;
    for (let pos = 1; pos < p.total; pos++) {
      const f = p.seek(pos);
      const h = p.map.header();
      if (f.phase === 'done') {
        const s = narrateDone(p.history.ops[f.op], f.events, h, { keyIsText: /string|byte/.test(type) });
        assert.ok(s.length > 5 && !/undefined|\[object/.test(s), s);
        continue;
      }
      const e = f.event;
      seenKinds.add(e.e);
      const ctx = {
        variant: f.variant, kind: f.kind, command: f.command, B: h.B, keyIsText: true,
        noldbuckets: h.oldbuckets !== '0' ? (h.flags & 8 ? 2 ** h.B : 2 ** (h.B - 1)) : 2 ** Math.max(0, h.B - 1),
        sameSize: (h.flags & 8) !== 0, hasPointers: h.type.hasPointers,
        keyAt: () => 'k', keyForHash: () => null, where: (a, s) => `bucket 0, slot ${s}`,
        prev: f.events[f.step - 1] ?? null,
      };
      const { fn, text: s } = narrateEvent(e, ctx);
      assert.ok(fn && s.length > 10, `${e.e}: ${s}`);
      assert.ok(!/undefined|\[object/.test(s), `${e.e}: ${s}`);
    }
    p.free();
  }
  for (const kind of ['hashKey', 'pickBucket', 'compareTophash', 'compareKey', 'stopAtEmptyRest', 'found', 'notFound',
    'claimSlot', 'allocFirstBucket', 'growStart', 'evacuateBucket', 'evacuateEntry', 'evacuateEmpty',
    'advanceNevacuate', 'growFinish', 'markEmptyOne', 'promoteEmptyRest', 'clearMap', 'iterStart', 'iterBucket',
    'iterSkip', 'iterYield', 'overflowPrealloc', 'overflowFresh', 'countOverflow', 'clearOldBucket', 'updateKey']) {
    assert.ok(seenKinds.has(kind), `no scenario produced ${kind}`);
  }
});

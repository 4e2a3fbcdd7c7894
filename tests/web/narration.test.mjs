// Every event of real traces gets a sentence that names real things (no
// "undefined" or "[object"), and the Go function carries the fast suffix
// where Go has one. The hash step says what the map's hasher did (a seed
// or none), an untraced operation says why only when it was too big, and
// counts agree with their nouns.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { goFunction, narrateEvent, narrateDone, counted } from '../../web/player/narration.mjs';
import { describeFrame } from '../../web/app/describe.mjs';
import { readModel } from '../../web/render/map-model.mjs';
import { lessonScenario } from '../../web/lessons/check.mjs';
import lessons from '../../web/lessons/index.mjs';

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
    'advanceNevacuate', 'growFinish', 'markEmptyOne', 'promoteEmptyRest', 'countDown', 'clearMap', 'iterStart', 'iterBucket',
    'iterSkip', 'iterYield', 'overflowPrealloc', 'overflowFresh', 'countOverflow', 'clearOldBucket', 'updateKey']) {
    assert.ok(seenKinds.has(kind), `no scenario produced ${kind}`);
  }
});

// The page's words for a moment (app/describe.mjs), as the narration line shows them.
async function momentsOf(text) {
  const loaded = await Player.load(gomap, text);
  assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
  const p = loaded.player;
  const out = [];
  for (let pos = 1; pos < p.total; pos++) {
    const f = p.seek(pos);
    out.push({ op: f.command, phase: f.phase, e: f.event?.e ?? null, ...describeFrame(p, f, readModel(p.map)) });
  }
  p.free();
  return out;
}
// Evacuation's rehash ("Rehash 5 to learn which half…") says nothing of seeds.
const hashSentences = (moments) => moments.filter((m) => m.e === 'hashKey' && !m.text.startsWith('Rehash')).map((m) => m.text);

test('the identity hasher\'s hash step says the key is its own hash, with no seed (lesson growth, step 2)', async () => {
  const growth = lessons.find((l) => l.id === 'growth');
  const said = hashSentences(await momentsOf(lessonScenario(growth).text));
  assert.ok(said.length > 10);
  for (const s of said) {
    assert.match(s, /^The identity hasher hashes -?\d+ to its own bits, with no seed: 0x[0-9a-f]{16}\. Its top byte gives the tophash 0x[0-9a-f]{2}/, s);
    assert.doesNotMatch(s, /map's seed|hash0/, s);
  }
  const [first] = hashSentences(await momentsOf('map[int64]int64\nhasher identity\nset 27 1'));
  assert.equal(first, 'The identity hasher hashes 27 to its own bits, with no seed: 0x000000000000001b. ' +
    'Its top byte gives the tophash 0x05 (its top byte 0x00 is below 5, so 5 is added).');
  const [int32] = hashSentences(await momentsOf('map[int32]int64\nhasher identity\nset -1 1'));
  assert.match(int32, /^The identity hasher hashes -1 to its own bits, sign-extended to 64 bits, with no seed: 0xffffffffffffffff\./);
});

test('Go\'s hashers mix in the map\'s seed, and the hash step names it as the header shows it; f64hash\'s zeros and NaN are their own case', async () => {
  for (const [hasher, name] of [['go114', 'Go 1.14\'s hash'], ['go119', 'Go 1.19\'s hash']]) {
    const said = hashSentences(await momentsOf(`map[int64]int64\nhasher ${hasher}\nseed 255\nset 27 1`));
    assert.equal(said.length, 1);
    assert.match(said[0], new RegExp(`^Hash 27 with ${name} and the map's seed \\(hash0 = 0x000000ff\\): 0x[0-9a-f]{16}\\. Its top byte`));
  }
  const floats = hashSentences(await momentsOf('map[float64]int64\nseed 255\nset -0 1\nset NaN 2\nset 1.5 3\nset +Inf 4\nget NaN\ndel NaN'));
  assert.match(floats[0], /^f64hash hashes both zeros alike, from the map's seed \(hash0 = 0x000000ff\) alone, not the key's bits: 0x/);
  assert.match(floats[1], /^f64hash hashes NaN from the map's seed \(hash0 = 0x000000ff\) and a fresh random number, so no lookup can find this key again/);
  assert.match(floats[2], /^Hash 1\.5 with Go 1\.14's hash and the map's seed \(hash0 = 0x000000ff\)/);
  assert.match(floats[3], /^Hash \+Inf with Go 1\.14's hash/, '+Inf is no NaN, whatever Number() thinks');
  // Looking NaN up or deleting it: this probe, not the stored key, is lost.
  assert.match(floats[4], /and a fresh random number, so this search cannot find any NaN key/);
  assert.match(floats[5], /and a fresh random number, so this search cannot find any NaN key/);
});

test('Go 1.19\'s reseed gives the new hash0 in hex, as the header shows it', async () => {
  const moments = await momentsOf('map[string]int64\nversion 1.19\nset a 1\ndel a');
  const reseed = moments.filter((m) => /new seed/.test(m.text));
  assert.equal(reseed.length, 1, moments.map((m) => m.text).join('\n'));
  assert.match(reseed[0].text, /Go 1\.19 gives an empty map a new seed: hash0 is now 0x[0-9a-f]{8}\./);
});

test('a dump is "No change." with no word of micro-steps; only an operation too big to trace says so', async () => {
  const moments = await momentsOf('map[int64]int64\nhasher identity\nset 100 1\ndump\nfill 40\ncollide 0 33');
  const done = (op) => moments.find((m) => m.op === op && m.phase === 'done');
  assert.equal(done('dump').text, 'No change.');
  assert.match(done('dump').counter, /: dump · step 2, one step$/);
  assert.equal(done('fill 40').text, 'Inserted 40 generated keys; the map holds 41. (Too many micro-steps to show one by one.)');
  assert.match(done('fill 40').counter, /: fill 40 · step 3, untraced: one step$/);
  assert.match(done('collide 0 33').text, /\(Too many micro-steps to show one by one\.\)$/);
  // The lessons that dump (growth step 3, first-bucket and overflow step 1).
  for (const id of ['growth', 'first-bucket', 'overflow']) {
    const dumps = (await momentsOf(lessonScenario(lessons.find((l) => l.id === id)).text)).filter((m) => m.op === 'dump');
    assert.ok(dumps.length >= 1, id);
    for (const m of dumps) assert.equal(m.text, 'No change.', id);
  }
});

test('counts agree with their nouns: one key, one bucket, one entry', async () => {
  assert.equal(counted(1, 'key'), '1 key');
  assert.equal(counted(0, 'key'), '0 keys');
  assert.equal(counted(7, 'entry', 'entries'), '7 entries');
  assert.equal(counted(1, 'entry', 'entries'), '1 entry');
  assert.equal(counted(1048576, 'key'), '1,048,576 keys');
  const moments = await momentsOf('map[int64]int64\nhasher identity\nset 1 1\nset 2 2\ndel 1\ndel 2\nfill 1\ncollide 0 1\niter\nclear');
  const done = moments.filter((m) => m.phase === 'done').map((m) => m.text);
  assert.deepEqual(done, [
    'm[1] = 1 added a new key; the map holds 1.',
    'm[2] = 2 added a new key; the map holds 2.',
    'delete(m, 1) done; the map holds 1 key.',
    'delete(m, 2) done; the map holds 0 keys.',
    'Inserted 1 generated key; the map holds 1.',
    'Inserted 1 key that hashes to bucket 0; the map holds 2.',
    done[6],
    'The map is empty; it keeps its 1 bucket.',
  ]);
  assert.match(done[6], /^A whole for range loop from bucket 0, offset \d, yielded 2 keys\.$/);
  const header = { count: 1, B: 0 };
  assert.equal(narrateDone({ command: 'set 5 1', kind: 'set', traced: false }, null, header, { keyIsText: false }), 'm[5] = 1. The map holds 1 key.');
  assert.equal(narrateDone({ command: 'iter', kind: 'iter', outcome: { start: 0, offset: 3, keys: ['5'] } }, [], header), 'A whole for range loop from bucket 0, offset 3, yielded 1 key.');
  assert.equal(narrateDone({ command: 'clear', kind: 'clear' }, [], { count: 0, B: 3 }), 'The map is empty; it keeps its 8 buckets.');
  const grow = (B, sameSize) => narrateEvent({ e: 'growStart', fn: 'hashGrow', value: sameSize ? '0' : '1', value2: B }, { variant: 'fast64' }).text;
  assert.match(grow(1, false), /B becomes 1 \(2 buckets\)/);
  assert.match(grow(0, true), /too many overflow buckets for 1 bucket,/);
});

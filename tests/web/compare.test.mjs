// Compare mode's figures (web/compare/) held to the models: the same
// scenario on both sides through the page's Player, and the gomap CLI as the
// oracle. Probe lengths are checked against lookups the CLI traces (groups
// a Go 1.26 get reads, buckets a Go 1.14 get reads), bytes against the
// header, moves against the trace of the growing operation.
//
//   node --test tests/web/compare.test.mjs   (GOMAP, GOMAP_WASM_DIR as elsewhere)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModule } from './wasm-module.mjs';
import { CompareSession, sideScenario } from '../../web/compare/compare-session.mjs';
import { probeLength, movedByLastGrowth } from '../../web/compare/compare-figures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gomap = process.env.GOMAP ?? join(root, 'build', 'native-release', 'gomap');
const module = await loadModule();

function cli(text) {
  const r = spawnSync(gomap, ['--trace', '-'], { input: text, maxBuffer: 1 << 30 });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// What each get of the CLI read: groups for 1.26, distinct buckets for 1.14.
function lookupLengths(text, version, keys) {
  const dumps = cli(`${sideScenario(text, version)}\n${keys.map((k) => `get ${k}`).join('\n')}\n`).slice(-keys.length);
  return dumps.map((d) => {
    assert.match(d.result, / true$/, `${d.op}: found`);
    return version === '1.26'
      ? d.trace.filter((e) => e.e === 'probeGroup').length
      : new Set(d.trace.filter((e) => e.addr).map((e) => e.addr)).size;
  });
}

test('sideScenario puts each side\'s version after the type line and drops any other', () => {
  assert.equal(sideScenario('map[int64]int64\nseed 7\nfill 3', '1.26'), 'map[int64]int64\nversion 1.26\nseed 7\nfill 3');
  assert.equal(sideScenario('map[int64]int64\nversion 1.26\nfill 3', '1.14'), 'map[int64]int64\nfill 3');
});

test('probeLength walks the triangular sequence', () => {
  // 8 groups from group 5: 5, 6, 0, 3, 7, 4, 2, 1.
  assert.deepEqual([5, 6, 0, 3, 7, 4, 2, 1].map((g) => probeLength(5n, 8, g)), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(probeLength(0n, 1, 0), 1);
});

test('100 keys with real hashes: probe lengths, bytes, load factor equal the models\'', async () => {
  const text = 'map[int64]int64\nseed 7\nfill 100';
  const r = await CompareSession.load(module, text);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  const { session } = r;
  assert.equal(session.length, 1);
  const f = session.figures();
  const keys = Array.from({ length: 100 }, (_, i) => String(i + 1));
  for (const v of ['1.14', '1.26']) {
    const lengths = lookupLengths(text, v, keys);
    const last = cli(`${sideScenario(text, v)}\n`).at(-1);
    assert.equal(f[v].count, 100);
    assert.equal(f[v].probe.longest, Math.max(...lengths), `${v} longest probe`);
    assert.ok(Math.abs(f[v].probe.average - mean(lengths)) < 1e-12, `${v} average probe ${f[v].probe.average} vs ${mean(lengths)}`);
    const h = session.players[v].map.header();
    assert.equal(f[v].bytes, h.heapUsed);
    assert.ok(f[v].bytes > 0);
    assert.equal(f[v].bytesPerEntry, h.heapUsed / 100);
    if (v === '1.26') {
      const slots = last.tables.reduce((n, t) => n + t.capacity, 0);
      assert.equal(f[v].loadFactor, 100 / slots);
      assert.equal(f[v].tables, last.tables.length);
    } else {
      assert.equal(f[v].loadFactor, 100 / (2 ** last.B * 8));
    }
  }
  // Measured, not assumed: 1.26's 100 keys sit in 128 slots, 1.14's in 16 buckets of 8.
  assert.equal(f['1.26'].loadFactor, 100 / 128);
  session.free();
});

test('probe lengths over a fill of more keys than a Player keeps hashes for (the hashes of the traced replay)', async () => {
  // A Player's history keeps 256 hashes an operation; 1,000 keys in one
  // fill and a second fill after it: every live key's probe is known.
  const text = 'map[int64]int64\nseed 1\nhint 1000\nfill 600\nfill 400';
  const r = await CompareSession.load(module, text);
  assert.ok(r.ok);
  const f = r.session.figures();
  const keys = Array.from({ length: 1000 }, (_, i) => String(i + 1));
  for (const v of ['1.14', '1.26']) {
    assert.ok(f[v].probe, `${v}: probe figures known`);
    const lengths = lookupLengths(text, v, keys);
    assert.equal(f[v].probe.longest, Math.max(...lengths), `${v} longest probe`);
    assert.ok(Math.abs(f[v].probe.average - mean(lengths)) < 1e-12, `${v} average probe ${f[v].probe.average} vs ${mean(lengths)}`);
  }
  r.session.free();
});

test('Go 1.14 chains: the buckets a lookup reads, with overflow buckets', async () => {
  // Toy hash, B = 1: the even keys all go to bucket 0, 13 of them, so its chain is 2 buckets long.
  const text = `map[int64]int64\nhasher identity\nhint 13\n${Array.from({ length: 13 }, (_, i) => `set ${2 * (i + 1)} 1`).join('\n')}`;
  const { session } = await CompareSession.load(module, text);
  const f = session.figures();
  const keys = Array.from({ length: 13 }, (_, i) => String(2 * (i + 1)));
  const lengths = lookupLengths(text, '1.14', keys);
  assert.equal(f['1.14'].longestChain, 2);
  assert.equal(f['1.14'].probe.longest, Math.max(...lengths));
  assert.equal(f['1.14'].probe.average, mean(lengths));
  assert.deepEqual(lengths.filter((n) => n === 2).length, 5, '8 in the bucket, 5 in its overflow');
  session.free();
});

test('entries moved by the last growth and growth in progress, per operation', async () => {
  const text = `map[int64]int64\nhasher identity\n${Array.from({ length: 30 }, (_, i) => `set ${i + 1} 1`).join('\n')}`;
  const { session } = await CompareSession.load(module, text);
  for (const v of ['1.14', '1.26']) {
    const dumps = cli(`${sideScenario(text, v)}\n`).filter((d) => d.op?.startsWith('set'));
    for (let n = 1; n <= 30; n++) {
      session.seekOp(n);
      const f = session.figures()[v];
      const want = movedByLastGrowth(v, dumps.slice(0, n).map((d) => d.trace));
      assert.equal(f.moved, want, `${v} after op ${n}`);
      assert.equal(f.growing, v === '1.14' && Array.isArray(dumps[n - 1].oldbuckets), `${v} growing after op ${n}`);
    }
  }
  // Go 1.26: the 15th insert rebuilds the table of 16 slots with all 14 entries at once.
  session.seekOp(15);
  assert.equal(session.figures()['1.26'].moved, 14);
  // Go 1.14: the 27th insert starts a doubling that is not finished by it.
  session.seekOp(27);
  const old = session.figures()['1.14'];
  assert.equal(old.growing, true);
  assert.ok(old.moved > 0 && old.moved < 27, `moved ${old.moved}`);
  session.free();
});

test('stepping inside one side leaves the other at the operation\'s end', async () => {
  const { session } = await CompareSession.load(module, 'map[int64]int64\nseed 7\nfill 14\nset 15 15');
  const n = 2;
  const steps = session.stepCount('1.26', n);
  assert.ok(steps > 14, `the grow has ${steps} micro-steps`);
  session.seekStep('1.26', n, 3);
  const p = session.players['1.26'];
  assert.deepEqual(p.history.locate(p.position), { op: 1, step: 3 });
  const q = session.players['1.14'];
  assert.equal(q.position, q.history.donePosition(1));
  session.free();
});

test('moves are counted for operations the Player runs untraced (a fill of 100)', async () => {
  const text = 'map[int64]int64\nseed 7\nfill 100';
  const { session } = await CompareSession.load(module, text);
  assert.equal(session.players['1.26'].history.ops[0].traced, false, 'the page runs this fill without micro-steps');
  const f = session.figures();
  for (const v of ['1.14', '1.26']) {
    const [d] = cli(`${sideScenario(text, v)}\n`).slice(-1);
    assert.equal(f[v].moved, movedByLastGrowth(v, [d.trace]), v);
  }
  // 1.26: the last rebuild was the 57th insert, 56 entries into 128 slots.
  assert.equal(f['1.26'].moved, 56);
  session.free();
});

test('compare is a link field and a boolean attribute; links without it are unchanged', async () => {
  const { decodeState, encodeState } = await import('../../web/share/fragment.mjs');
  const { parseElementAttributes, elementAttributes } = await import('../../web/share/embed.mjs');
  const plain = 'v=1&type=map[int64]int64&ops=fill+3';
  const r = decodeState(`#${plain}`);
  assert.ok(r.ok);
  assert.equal(r.state.compare, false);
  assert.equal(encodeState(r.state), plain, 'an old link reads and writes as before');
  const on = decodeState(`#${plain}&compare=1`);
  assert.equal(on.state.compare, true);
  assert.match(encodeState(on.state), /&compare=1/);
  const attrs = (o) => (name) => (name in o ? o[name] : null);
  assert.equal(parseElementAttributes(attrs({ 'map-type': 'map[int64]int64', compare: '' })).state.compare, true);
  const off = parseElementAttributes(attrs({ 'map-type': 'map[int64]int64', compare: 'false' }));
  assert.equal(off.state.compare, true, 'present means on');
  assert.match(off.warnings[0].message, /boolean attribute/);
  assert.deepEqual(elementAttributes(on.state).find(([n]) => n === 'compare'), ['compare', '']);
  assert.equal(elementAttributes(r.state).find(([n]) => n === 'compare'), undefined);
});

test('a side the memory budget cannot show moves neither side: the moved one goes back, the reason is returned', () => {
  // Two stand-in players on 3 operations; the 1.26 side refuses any moment but the end.
  const side = (refuse) => ({
    position: 30,
    history: { length: 3, donePosition: (j) => 10 * (j + 1), position: (j, k) => 10 * j + k + 1, ops: [] },
    trySeek(p) {
      if (refuse && p !== 30) return { ok: false, error: 'Not enough memory to show that moment' };
      this.position = p;
      return { ok: true };
    },
  });
  const players = { '1.14': side(false), '1.26': side(true) };
  const session = new CompareSession(players);
  assert.equal(session.op, 3);
  const r = session.seekOp(1);
  assert.deepEqual(r, { ok: false, error: 'Not enough memory to show that moment' });
  assert.equal(session.op, 3, 'the operation shown is unchanged');
  assert.equal(players['1.14'].position, 30, 'the side that had moved went back');
  assert.equal(players['1.26'].position, 30);
  assert.equal(session.seekStep('1.14', 2, 0).ok, false, 'a micro-step inside a refused operation is refused too');
  assert.equal(players['1.14'].position, 30);
});

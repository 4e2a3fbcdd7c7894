// Go 1.26's map on the page, without a browser: what the Swiss picture draws
// (render/swiss-model.mjs) equals the gomap CLI's dump of the same scenario
// (the CLI's Swiss model is checked against Go 1.26 in tests/conformance);
// at every micro-step the control bytes drawn are the heap's bytes; every
// step's marks point at something drawn (a move's two ends hold the same
// key); every event narrates as a real sentence with its runtime function;
// and the hash panel's h2 is the control byte of the slot the key is in.
import { FUNCTIONS as GO126_FUNCTIONS } from '../../web/source/maps-go-1.26.mjs';
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { cliDump, noCli } from '../wasm/load.mjs';
import { Player } from '../../web/player/player.mjs';
import { readSwissModel, swissMarks, findGroup, allTables, ctrlState, moveEnds } from '../../web/render/swiss-model.mjs';
import { describeSwissFrame, narrateSwissEvent, swissHashFocus, swissHashParts, swissFunction } from '../../web/player/swiss-narration.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

// The contract's shape, rebuilt from what the picture draws.
function drawnAsDump(model) {
  const group = (g) => ({
    ctrl: g.ctrl,
    s: g.slots.map((s) => {
      if (s.state === 'full') return { k: s.key, v: /^-?\d+$/.test(s.value) ? Number(s.value) : s.value };
      return s.stale !== null ? { stale: s.stale } : {};
    }),
  });
  const out = { count: model.header.count, seed: model.header.seed, dirLen: model.header.dirLen, globalDepth: model.header.globalDepth };
  if (model.small) out.small = group(model.small);
  if (model.tables.length) {
    out.directory = model.directory.map((e) => e.table);
    out.tables = model.tables.map((t) => ({ index: t.index, localDepth: t.localDepth, capacity: t.capacity, used: t.used, growthLeft: t.growthLeft, groups: t.groups.map(group) }));
  }
  return out;
}

function dumpPart(d) {
  const out = { count: d.count, seed: d.seed, dirLen: d.dirLen, globalDepth: d.globalDepth };
  if (d.small) out.small = d.small;
  if (d.tables) {
    out.directory = d.directory;
    out.tables = d.tables;
  }
  return out;
}

async function swissPlayer(text) {
  const r = await Player.load(gomap, `version 1.26\n${text}`);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.player.swiss, true);
  return r.player;
}

// Sets keys until one insert splits a table (its trace has a split rehash).
function setUntilSplit(p, from) {
  for (let k = from; k < from + 2000; k++) {
    assert.equal(p.perform(`set ${k} ${k}`).ok, true);
    const events = p.eventsOf(p.history.length - 1);
    if (events.some((e) => e.e === 'rehash' && e.how === 'split')) return p.history.length - 1;
  }
  throw new Error('no split');
}

const SCENARIOS = {
  'int64: small map, the 9th insert, deletes into tombstones': 'map[int64]int64\nseed 7\nfill 8\nset 9 9\nfill 12\ndel 3\ndel 4\ndel 9\nset 3 33\nget 5\nget 99',
  'string keys: update, delete, clear, iterate': 'map[string]int64\nseed 3\nset a 1\nset b 2\nset a 3\nfill 14\ndel b\nrange entry=5 dir=1\nnext 3\nclear\nset c 1',
  '[16]byte keys: stale bytes and a grow': 'map[[16]byte]int64\nseed 11\nfill 20\ndel k2\ndel k5\nset k40 1\niter',
};

for (const [name, text] of Object.entries(SCENARIOS)) {
  test(`drawn = the CLI's dump at every operation's end: ${name}`, { skip: noCli }, async () => {
    const p = await swissPlayer(text);
    for (let j = 0; j < p.history.length; j++) {
      p.seek(p.history.donePosition(j));
      const model = readSwissModel(p.map, p.moment().frame);
      const upTo = ['version 1.26', ...p.setup.filter((l) => !/^version/.test(l)), ...p.history.ops.slice(0, j + 1).map((o) => o.command)].join('\n');
      assert.deepEqual(drawnAsDump(model), dumpPart(cliDump(upTo)), `after ${p.history.ops[j].command}`);
    }
    p.free();
  });

  test(`every micro-step: the bytes drawn, marks on drawn things, words with a runtime function: ${name}`, async () => {
    const p = await swissPlayer(text);
    const kinds = new Set();
    for (let pos = 0; pos < p.total; pos++) {
      p.seek(pos);
      const { frame } = p.moment();
      const model = readSwissModel(p.map, frame);
      // The control bytes drawn are the heap's, at the group's address.
      p.map.withHeap((view, base) => {
        const groups = [...(model.small ? [model.small] : []), ...allTables(model).flatMap((t) => t.groups)];
        for (const g of groups) {
          const off = Number(BigInt('0x' + g.addr) - BigInt(base));
          assert.deepEqual([...view.subarray(off, off + 8)], g.ctrl);
          g.slots.forEach((s, i) => assert.equal(s.state, ctrlState(view[off + i])));
        }
      });
      const marks = swissMarks(frame, model);
      for (const key of marks.slots.keys()) assert.ok(findGroup(model, key.split(':')[0]), `mark on a drawn group at ${frame.position}`);
      if (marks.focus?.group) assert.ok(findGroup(model, marks.focus.group));
      const d = describeSwissFrame(p, frame, model);
      assert.doesNotMatch(d.text, /undefined|\[object|NaN(?! )/, d.text);
      if (frame.event) {
        kinds.add(frame.event.e);
        // A function of Go 1.26's internal/runtime/maps, as its source has it.
        assert.ok(Object.hasOwn(GO126_FUNCTIONS, d.fn), `${frame.event.e}: ${d.fn} is a function of the source data`);
      }
    }
    assert.ok(kinds.has('hash') && kinds.has('probeGroup') || kinds.has('skipHash'));
    p.free();
  });
}

test('a split: each moved entry is drawn at both ends (same key), left or right by its hash bit; the directory doubles', async () => {
  const p = await swissPlayer('map[int64]int64\nseed 5\nfill 896');
  const j = setUntilSplit(p, 100000);
  const events = p.eventsOf(j);
  const first = p.history.position(j, 0);
  const kinds = new Set(events.map((e) => e.e));
  for (const k of ['rehash', 'moveEntry', 'directoryDouble', 'installTable']) assert.ok(kinds.has(k), k);
  const moveSteps = events.map((e, i) => [e, i]).filter(([e]) => e.e === 'moveEntry');
  let left = 0;
  let right = 0;
  // Every 60th move (and the last): the entry is in both tables then.
  for (const [e, i] of moveSteps.filter((_, n) => n % 60 === 0 || n === moveSteps.length - 1)) {
    p.seek(first + i);
    const { frame } = p.moment();
    const model = readSwissModel(p.map, frame);
    const { from, to } = moveEnds(model, events, i);
    const src = findGroup(model, from.addr).group.slots[from.slot];
    const dst = findGroup(model, to.addr).group.slots[to.slot];
    assert.equal(dst.state, 'full');
    assert.equal(dst.key, src.key);
    assert.equal(dst.ctrl, e.ctrl);
    const marks = swissMarks(frame, model);
    assert.deepEqual(marks.slots.get(`${to.addr}:${to.slot}`), [e.side === 'right' ? 'sw-move-right' : 'sw-move-left']);
    // The split bit (the table's new localDepth-th top bit) decides the side.
    const hash = p.history.ops[j].outcome.hashes?.[dst.key];
    if (hash) assert.equal((BigInt('0x' + hash) >> 63n) === 1n ? 'right' : 'left', e.side);
    if (e.side === 'right') right++;
    else left++;
    const d = describeSwissFrame(p, frame, model);
    assert.match(d.text, new RegExp(`Entry ${dst.key} moves .* — the ${e.side} table, as its split bit is ${e.side === 'right' ? 1 : 0}`));
    assert.equal(d.fn, 'table.uncheckedPutSlot');
  }
  assert.ok(left > 0 && right > 0);
  p.seek(p.history.donePosition(j));
  const end = readSwissModel(p.map, p.moment().frame);
  assert.equal(end.header.dirLen, 2);
  assert.equal(end.tables.length, 2);
  assert.ok(end.tables.every((t) => t.localDepth === 1 && t.capacity === 1024));
  p.free();
});

test('hash panel: h2 is the control byte of the key\'s slot; h1 and the directory bits are the hash\'s', async () => {
  const p = await swissPlayer('map[string]int64\nseed 9\nfill 40\nset apple 1');
  p.toEnd();
  const { frame } = p.moment();
  const model = readSwissModel(p.map, frame);
  const f = swissHashFocus(p, frame, model);
  assert.equal(f.key, 'apple');
  const hash = BigInt('0x' + f.hash);
  assert.equal(f.h2, Number(hash & 0x7fn));
  assert.equal(BigInt('0x' + f.h1), hash >> 7n);
  const slot = allTables(model).flatMap((t) => t.groups.flatMap((g) => g.slots)).find((s) => s.key === 'apple');
  assert.equal(slot.ctrl, f.h2);
  // The probe starts at h1 & (groups - 1) and the slot is found on the probe path.
  const parts = swissHashParts(f.hash, { globalDepth: model.header.globalDepth, groups: model.tables[0].groups.length });
  assert.equal(parts.probeStart, Number((hash >> 7n) & BigInt(model.tables[0].groups.length - 1)));
  p.free();
});

test('narration: every kind a real trace makes has words; deletes say empty or tombstone as the bytes do', async () => {
  const p = await swissPlayer('map[int64]int64\nseed 2\nfill 14\ndel 3\nclear\nset 1 1\niter');
  const seen = new Set();
  for (let j = 0; j < p.history.length; j++) {
    for (const [i, e] of (p.eventsOf(j) ?? []).entries()) {
      p.seek(p.history.position(j, i));
      const { frame } = p.moment();
      const model = readSwissModel(p.map, frame);
      const { text } = narrateSwissEvent(e, { model, events: frame.events, step: i, op: p.history.ops[j], key: null });
      assert.ok(text.length > 20 && !/undefined|\[object/.test(text), `${e.e}: ${text}`);
      seen.add(e.e);
      if (e.e === 'deleteTombstone') assert.equal(findGroup(model, e.groupAddr).group.ctrl[e.slot], 0xfe);
      if (e.e === 'deleteEmpty') assert.equal(findGroup(model, e.groupAddr).group.ctrl[e.slot], 0x80);
    }
  }
  for (const k of ['hash', 'growToSmall', 'growToTable', 'moveEntry', 'chooseSlot', 'storeEntry', 'clearMap', 'iterStart', 'iterYield', 'iterEnd']) assert.ok(seen.has(k), k);
  assert.equal(swissFunction({ fn: 'PutSlot', e: 'storeEntry' }, { small: true }), 'Map.putSlotSmall');
  assert.equal(swissFunction({ fn: 'PutSlot', e: 'storeEntry' }, { small: true, variant: 'fast64' }), 'Map.putSlotSmallFast64');
  // A compiled lookup or assignment holds the table's probe loop itself.
  assert.equal(swissFunction({ fn: 'getWithKey', e: 'probeGroup' }), 'runtime_mapaccess2');
  assert.equal(swissFunction({ fn: 'PutSlot', e: 'probeGroup' }, { variant: 'faststr' }), 'runtime_mapassign_faststr');
  p.free();
});

test('the Go 1.26 presets load as Swiss maps, end as the CLI says, and their last step shows what they promise', { skip: noCli }, async () => {
  const { PRESETS } = await import('../../web/app/presets.mjs');
  const swiss = PRESETS.filter((p) => p.id.startsWith('swiss-'));
  assert.equal(swiss.length, 3);
  const promised = { 'swiss-small-to-table': ['growToTable', 'moveEntry'], 'swiss-tombstone': ['rememberTombstone', 'chooseSlot'], 'swiss-split': ['directoryDouble', 'installTable'] };
  for (const preset of swiss) {
    const r = await Player.load(gomap, preset.text);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    const p = r.player;
    assert.equal(p.swiss, true);
    p.toEnd();
    const model = readSwissModel(p.map, p.moment().frame);
    assert.deepEqual(drawnAsDump(model), dumpPart(cliDump(p.scenarioText())), preset.id);
    const kinds = new Set(p.eventsOf(p.history.length - 1).map((e) => e.e));
    for (const k of promised[preset.id]) assert.ok(kinds.has(k), `${preset.id}: ${k}`);
    p.free();
  }
  // The tombstone preset's delete does leave 0xFE.
  const r = await Player.load(gomap, swiss.find((x) => x.id === 'swiss-tombstone').text);
  assert.ok(r.player.eventsOf(1).some((e) => e.e === 'deleteTombstone'));
  r.player.free();
});

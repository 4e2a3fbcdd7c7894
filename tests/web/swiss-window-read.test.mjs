// A big table read as the window of its groups the view draws
// (render/swiss-model.mjs readSwissModel with windowOf; SwissGoMap
// state({ groups: false }) and groups()), instead of whole: at every
// micro-step and end of a grow, a split, inserts, a delete and a clear, the
// step's marks, the window (its range, what it leaves out above and below)
// and every group it draws, bytes and all, are those of the table read
// whole; the tables' fields and the header too (issue 15: a step of a map
// of 10,000 keys read 128 groups to draw 16).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { readSwissModel, swissMarks, groupWindow, allTables, GROUP_WINDOW } from '../../web/render/swiss-model.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

async function player(text) {
  const r = await Player.load(gomap, `version 1.26\n${text}`);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  return r.player;
}

const marksText = (m) => JSON.stringify({ ...m, slots: [...m.slots], groups: [...m.groups], tables: [...m.tables], dir: [...m.dir] });
const fields = (t) => ({ ...t, groups: undefined, window: undefined, entries: t.entries });

// Every position of the last `ops` operations, through their micro-steps.
function* positions(p, ops) {
  for (let j = Math.max(0, p.history.length - ops); j < p.history.length; j++) {
    for (let pos = p.history.position(j, 0); pos <= p.history.donePosition(j); pos++) yield pos;
  }
}

function compareAt(p, at, { dense, from = 0, pinned = false }) {
  p.seek(at);
  const { frame } = p.moment();
  const whole = readSwissModel(p.map, frame);
  const read = readSwissModel(p.map, frame, [], { windowOf: () => ({ from, pinned }), dense });
  assert.deepEqual(read.header, whole.header, `${at}: header`);
  assert.deepEqual(read.directory, whole.directory, `${at}: directory`);
  const marks = swissMarks(frame, whole);
  assert.equal(marksText(swissMarks(frame, read)), marksText(marks), `${at}: marks`);
  const wholeTables = allTables(whole);
  const readTables = allTables(read);
  assert.equal(readTables.length, wholeTables.length, `${at}: tables`);
  let windows = 0;
  readTables.forEach((t, i) => {
    const w = wholeTables[i];
    assert.deepEqual(fields(t), fields(w), `${at}: table ${i}'s fields`);
    if (w.summary) return;
    assert.equal(t.groupCount, w.groups.length);
    if (t.groupCount <= GROUP_WINDOW) {
      assert.deepEqual(t.groups, w.groups, `${at}: table ${i} read whole`);
      return;
    }
    windows++;
    const expect = groupWindow(w, marks, from, { pinned });
    const got = groupWindow(t, marks, from, { pinned });
    assert.deepEqual(got, expect, `${at}: table ${i}'s window`);
    assert.deepEqual(t.groups, expect.groups, `${at}: table ${i} read just the groups drawn`);
    assert.equal(got.groups.length + got.above + got.below, w.groups.length);
  });
  return windows;
}

test('10,000 keys (tables summarized): each step reads the drawn window of its tables, the same as read whole', async () => {
  const p = await player('map[string]int64\nseed 1\nfill 10000\nset hello 1\ndel k77\nset world 2');
  let windows = 0;
  for (const at of positions(p, 3)) windows += compareAt(p, at, { dense: false });
  assert.ok(windows > 10, `windows compared (${windows})`);
  // A window the reader paged away from the step (pinned), and one past the table's end.
  for (const from of [48, 500]) windows += compareAt(p, p.history.position(p.history.length - 1, 2), { dense: false, from, pinned: true });
});

test('a table splitting and growing, drawn dense (compare mode): the moves\' ends and the new tables are read as drawn', async () => {
  const p = await player('map[int64]int64\nseed 5\nfill 896\nset 9001 1\nset 9002 2\ndel 5\nclear');
  const kinds = new Set();
  let windows = 0;
  for (const at of positions(p, 4)) {
    windows += compareAt(p, at, { dense: true });
    const e = p.moment().frame.event;
    if (e) kinds.add(e.e);
  }
  for (const k of ['rehash', 'moveEntry', 'installTable', 'storeEntry', 'clearGroup']) {
    assert.ok(kinds.has(k), `the scenario steps through ${k} (${[...kinds].join(' ')})`);
  }
  assert.ok(kinds.has('deleteEmpty') || kinds.has('deleteTombstone'), 'and a delete');
  assert.ok(windows > 20, `windows compared (${windows})`);
});

test('a map read whole stays whole unless drawn dense (its figures need every group)', async () => {
  const p = await player('map[int64]int64\nseed 5\nfill 800\nset 5001 1');
  const { frame } = p.moment();
  const read = readSwissModel(p.map, frame, [], { windowOf: () => ({ from: 0, pinned: false }) });
  assert.equal(read.tables[0].groups.length, 128);
  assert.equal(read.tables[0].window, null);
  const dense = readSwissModel(p.map, frame, [], { windowOf: () => ({ from: 0, pinned: false }), dense: true });
  assert.ok(dense.tables[0].groups.length < 128 && dense.tables[0].window, 'dense: a window');
});

test('groups(): a table\'s groups as state() gives them; bad input refused by name, the map unchanged', async () => {
  const made = gomap.createMap({ version: '1.26', mapType: 'map[string]int64', seed: 1 });
  const map = made.map;
  map.run('fill 3000');
  const state = map.state();
  const t = state.swiss.tables.at(-1);
  assert.deepEqual(map.groups(t.addr, 40, 16), t.groups.slice(40, 56));
  assert.deepEqual(map.groups(t.addr, t.groups.length - 3, 16), t.groups.slice(-3), 'cut at the table\'s end');
  assert.deepEqual(map.groups(t.addr, t.groups.length + 5, 2), []);
  const tables = map.state({ near: [t.addr], maxGroups: 0, groups: false }).swiss.tables;
  assert.ok(tables.every((x) => x.groups.length === 0), 'no groups listed');
  assert.deepEqual(tables.filter((x) => !x.summary).map((x) => x.addr), [t.addr], 'the near table is the one not summarized');
  const refused = [
    [['zz', 0, 1], /table must be a hex address, got 'zz'/],
    [[42, 0, 1], /table must be a hex address, got 42/],
    [['c000000000', 0, 1], /no table at 0xc000000000/],
    [[t.addr, -1, 2], /from must be an integer from 0, got -1/],
    [[t.addr, 0, 1.5], /count must be an integer from 0, got 1.5/],
    [[t.addr, 0, NaN], /count must be an integer from 0, got NaN/],
  ];
  for (const [args, why] of refused) {
    const r = map.groups(...args);
    assert.equal(r.ok, false, JSON.stringify(args));
    assert.match(r.error, why);
  }
  assert.deepEqual(map.state(), state, 'the map as it was');
  map.free();
});

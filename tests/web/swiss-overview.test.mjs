// A big Go 1.26 map zoomed out (render/swiss-overview.mjs, issue 15): the
// bars and the caption are the tables' own numbers, equal to the gomap CLI's
// dump of the same scenario; the table a step is about is the one holding
// the key it wrote, read with its groups; the window of groups drawn holds
// the slot the step names and stays a screenful.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { cliDump, noCli } from '../wasm/load.mjs';
import { Player } from '../../web/player/player.mjs';
import { readSwissModel, swissMarks, focusTablePos, groupWindow, GROUP_WINDOW, MAX_DRAWN_GROUPS } from '../../web/render/swiss-model.mjs';
import { overviewFigures, tableGrid } from '../../web/render/swiss-overview.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });
const TEXT = 'map[int64]int64\nseed 5\nfill 20000\nset -77 1\ndel 400';

test('zoomed out: every table\'s bar numbers and the totals = the CLI\'s dump', { skip: noCli }, async () => {
  const r = await Player.load(gomap, `version 1.26\n${TEXT}`);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  const p = r.player;
  p.seek(p.history.donePosition(p.history.length - 1));
  const model = readSwissModel(p.map, p.moment().frame);
  // Too many groups to draw: most tables come as summaries (the overview's case).
  assert.ok(model.tables.filter((t) => t.summary).length > 0);
  assert.ok(model.tables.reduce((n, t) => n + t.groupCount, 0) > MAX_DRAWN_GROUPS);
  const dump = cliDump(`version 1.26\n${TEXT}`);
  assert.deepEqual(model.tables.map((t) => [t.capacity, t.used, t.growthLeft, t.localDepth]),
    dump.tables.map((t) => [t.capacity, t.used, t.growthLeft, t.localDepth]));
  assert.deepEqual(model.directory.map((e) => e.table), dump.directory);
  const f = overviewFigures(model);
  assert.equal(f.used, dump.count);
  assert.equal(f.tables, dump.tables.length);
  assert.equal(f.capacity, dump.tables.reduce((n, t) => n + t.capacity, 0));
  assert.equal(f.dirLen, dump.dirLen);
  // A table's tombstones: the deleted control bytes of its groups (del 400 left one or none).
  const tomb = dump.tables.reduce((n, t) => n + t.groups.reduce((m, g) => m + g.ctrl.filter((c) => c === 0xfe).length, 0), 0);
  assert.equal(f.tombstones, tomb);
  const shared = dump.directory.filter((pos) => dump.directory.filter((x) => x === pos).length > 1).length;
  assert.equal(f.shared, shared);
  p.free();
});

test('the step\'s table is the one its write lands in, read whole; the group window holds its slot', async () => {
  const r = await Player.load(gomap, `version 1.26\n${TEXT}`);
  const p = r.player;
  const op = p.history.ops.findIndex((o) => o.command === 'set -77 1');
  const events = p.eventsOf(op);
  const store = events.findIndex((e) => e.e === 'storeEntry');
  assert.ok(store >= 0);
  // Every micro-step of the insert: the focus table (when the step has a place) is read with its groups.
  for (let k = 0; k < events.length; k++) {
    p.seek(p.history.position(op, k));
    const { frame } = p.moment();
    const model = readSwissModel(p.map, frame);
    const marks = swissMarks(frame, model);
    const pos = focusTablePos(model, marks);
    if (marks.focus?.group || marks.focus?.table) {
      assert.notEqual(pos, null, `step ${k} (${frame.event?.e}) names a live table`);
      assert.equal(model.tables[pos].summary, false);
    }
    if (k === store) {
      const t = model.tables[pos];
      const win = groupWindow(t, marks);
      const g = win.groups.find((x) => x.addr === frame.event.groupAddr);
      assert.ok(g, 'the written group is drawn');
      assert.ok(win.to - win.from <= GROUP_WINDOW && win.groups.length <= GROUP_WINDOW + 4);
      // After the store the slot holds the key (the heap, read again).
      p.seek(p.history.donePosition(op));
      const after = readSwissModel(p.map, p.moment().frame);
      const slot = after.tables.flatMap((x) => x.groups).find((x) => x.addr === frame.event.groupAddr).slots[frame.event.slot];
      assert.equal(slot.key, '-77');
    }
  }
  p.free();
});

test('the tables\' grid: at most 128 columns, every table a cell', () => {
  for (const n of [1, 5, 128, 129, 512, 2041]) {
    const { cols, rows } = tableGrid(n);
    assert.ok(cols <= 128 && cols * rows >= n && cols * (rows - 1) < n, `${n}`);
  }
});

test('stats panel and table view under Go 1.26: numbers and rows = the CLI\'s dump; probe lengths from the reported hashes', { skip: noCli }, async () => {
  const { swissStats, swissStatsOfModel } = await import('../../web/render/swiss-stats.mjs');
  const { swissRows } = await import('../../web/render/swiss-table-view.mjs');
  const text = 'map[int64]int64\nseed 3\nfill 300\ndel 4\ndel 9\ndel 100\nset 5000 1';
  const r = await Player.load(gomap, `version 1.26\n${text}`);
  const p = r.player;
  p.seek(p.history.donePosition(p.history.length - 1));
  const { frame } = p.moment();
  const dump = cliDump(`version 1.26\n${text}`);
  const hashes = {};
  for (const o of p.history.ops) Object.assign(hashes, o.outcome?.hashes ?? {});
  const s = swissStats(p.map.state({ near: [], maxGroups: MAX_DRAWN_GROUPS }), (k) => hashes[k]);
  const ctrls = dump.tables.flatMap((t) => t.groups.flatMap((g) => g.ctrl));
  const capacity = dump.tables.reduce((n, t) => n + t.capacity, 0);
  assert.equal(s.count, dump.count);
  assert.equal(s.tables, dump.tables.length);
  assert.equal(s.capacity, capacity);
  assert.equal(s.tombstones, ctrls.filter((c) => c === 0xfe).length);
  assert.equal(s.loadFactor, dump.count / capacity);
  // Every full slot's group is on its key's probe sequence, so each length is at least 1.
  if (s.probe) assert.ok(s.probe.average >= 1 && s.probe.longest >= 1);
  else assert.ok(s.probeWhy.length > 0);
  // The table view: one row per slot, keys where the dump has them.
  const model = readSwissModel(p.map, frame);
  // The page reads the same numbers from the picture's model.
  assert.deepEqual(swissStatsOfModel(model, (k) => hashes[k]), s);
  const rows = swissRows(model);
  assert.equal(rows.length, ctrls.length);
  const dumpKeys = dump.tables.flatMap((t) => t.groups.flatMap((g) => g.s.map((x) => ('k' in x ? String(x.k) : ''))));
  assert.deepEqual(rows.map((row) => (row[4] === 'full' ? row[5] : '')), dumpKeys);
  assert.deepEqual(rows.map((row) => row[3]), ctrls.map((c) => `0x${c.toString(16).padStart(2, '0')}`));
  p.free();
});

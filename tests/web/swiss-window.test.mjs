// A big table drawn as a window of its groups (render/swiss-model.mjs
// groupWindow, used by render/swiss-view.mjs for any table of more than
// GROUP_WINDOW groups): for every micro-step of inserts into a 1,024-slot
// table, the window holds the group the step is about, the groups left
// out above and below add up with those drawn to the table's groups, and
// the groups drawn are the CLI's dump of those groups (issue 15).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { cliDump, noCli } from '../wasm/load.mjs';
import { Player } from '../../web/player/player.mjs';
import { readSwissModel, swissMarks, groupWindow, GROUP_WINDOW } from '../../web/render/swiss-model.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });
// The link: fill 800 leaves one table of 1,024 slots (128 groups).
const TEXT = 'map[int64]int64\nseed 5\nfill 800\nset 5001 1\nset 5002 1\nset 5003 1';

function dumpGroup(g) {
  return {
    ctrl: g.ctrl,
    s: g.slots.map((s) => {
      if (s.state === 'full') return { k: s.key, v: Number(s.value) }; // the dump writes keys as strings
      return s.stale !== null ? { stale: s.stale } : {};
    }),
  };
}

async function player() {
  const r = await Player.load(gomap, `version 1.26\n${TEXT}`);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  return r.player;
}

test('every micro-step of an insert into a 1,024-slot table: the window holds the step\'s group; drawn + above + below = 128', async () => {
  const p = await player();
  let checked = 0;
  let from = 0;
  for (let op = p.history.length - 3; op < p.history.length; op++) {
    const events = p.eventsOf(op);
    for (let k = 0; k < events.length; k++) {
      p.seek(p.history.position(op, k));
      const { frame } = p.moment();
      const model = readSwissModel(p.map, frame);
      assert.equal(model.tables.length, 1);
      const t = model.tables[0];
      assert.equal(t.capacity, 1024);
      assert.equal(t.groups.length, 128);
      const marks = swissMarks(frame, model);
      const win = groupWindow(t, marks, from);
      from = win.from;
      assert.equal(win.groups.length + win.above + win.below, 128, `step ${k}`);
      assert.ok(win.to - win.from === GROUP_WINDOW && win.from % GROUP_WINDOW === 0);
      // Every group the step marks is drawn, the focus group among them.
      const drawn = new Set(win.groups.map((g) => g.addr));
      if (marks.focus?.group) {
        assert.ok(drawn.has(marks.focus.group), `step ${k} (${frame.event?.e}): its group is in the window`);
        checked++;
      }
      for (const addr of marks.groups.keys()) assert.ok(drawn.has(addr), `step ${k}: marked group ${addr} drawn`);
      // Above: only groups before the window; below: only after it.
      const idx = win.groups.map((g) => g.index);
      assert.equal(win.above, win.from - idx.filter((i) => i < win.from).length);
      assert.equal(win.below, 128 - win.to - idx.filter((i) => i >= win.to).length);
    }
  }
  assert.ok(checked >= 3, 'the inserts have steps about a group');
  p.free();
});

test('a window paged by the reader keeps its place (pinned) and still draws the step\'s groups', async () => {
  const p = await player();
  const op = p.history.length - 1;
  const k = p.eventsOf(op).findIndex((e) => e.e === 'storeEntry');
  p.seek(p.history.position(op, k));
  const { frame } = p.moment();
  const model = readSwissModel(p.map, frame);
  const marks = swissMarks(frame, model);
  const t = model.tables[0];
  const at = groupWindow(t, marks).from;
  const away = at === 0 ? GROUP_WINDOW : 0;
  const win = groupWindow(t, marks, away, { pinned: true });
  assert.equal(win.from, away);
  assert.ok(win.groups.some((g) => g.addr === marks.focus.group));
  assert.equal(win.groups.length + win.above + win.below, 128);
  // Past the end: the last full window.
  assert.equal(groupWindow(t, marks, 500, { pinned: true }).from, 128 - GROUP_WINDOW);
  p.free();
});

test('the groups a window draws are the CLI\'s dump of those groups', { skip: noCli }, async () => {
  const p = await player();
  p.seek(p.history.donePosition(p.history.length - 1));
  const dump = cliDump(`version 1.26\n${TEXT}`);
  assert.equal(dump.tables.length, 1);
  for (const from of [0, 64, 112]) {
    const { frame } = p.moment();
    const model = readSwissModel(p.map, frame);
    const marks = swissMarks(frame, model);
    const win = groupWindow(model.tables[0], marks, from, { pinned: true });
    assert.ok(win.groups.length >= GROUP_WINDOW);
    for (const g of win.groups) assert.deepEqual(dumpGroup(g), dump.tables[0].groups[g.index], `group ${g.index}`);
  }
  p.free();
});

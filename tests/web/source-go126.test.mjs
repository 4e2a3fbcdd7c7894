// The source pane for Go 1.26's Swiss map: its data is Go's own source
// (checked against the installed Go 1.26 when there is one), every anchor
// is found in its function, and every micro-step of real traced runs lands
// on a line of the function the narration names.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { FUNCTIONS, GO_VERSION } from '../../web/source/maps-go-1.26.mjs';
import { ANCHORS, SMALL_ANCHORS, findAnchor, swissSourceLine } from '../../web/source/swiss-source-lines.mjs';
import { extract, render, GOROOT } from '../../scripts/extract-go126-source.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let gomap;
before(async () => { gomap = await loadModule(); });

test('the data is the installed Go 1.26 source, code only', { skip: !existsSync(`${GOROOT}/VERSION`) && 'no Go 1.26 here' }, () => {
  const file = fileURLToPath(new URL('../../web/source/maps-go-1.26.mjs', import.meta.url));
  assert.equal(readFileSync(file, 'utf8'), render(extract()), 'run node scripts/extract-go126-source.mjs');
  assert.match(GO_VERSION, /^1\.26\./);
  for (const [fn, lines] of Object.entries(FUNCTIONS)) {
    assert.ok(lines.every((l) => !l.trimStart().startsWith('//')), `${fn} has no comment lines`);
  }
});

test('every anchor is found in its function', () => {
  for (const [fn, kinds] of [...Object.entries(ANCHORS), ...Object.entries(SMALL_ANCHORS)]) {
    assert.ok(FUNCTIONS[fn], `${fn} is in the source data`);
    for (const [kind, anchor] of Object.entries(kinds)) {
      assert.notEqual(findAnchor(FUNCTIONS[fn], anchor), null, `${fn}/${kind}`);
    }
  }
});

// Runs a scenario on the page's player and visits every micro-step.
function everyStep(setup, ops) {
  const { player } = Player.create(gomap, ['version 1.26', ...setup]);
  const seen = [];
  for (const op of ops) {
    const r = player.perform(op);
    assert.equal(r.ok, true, `${op}: ${r.error}`);
    const j = r.op;
    const start = player.history.position(j, 0);
    const end = player.history.donePosition(j);
    for (let p = start; p < end; p++) {
      player.seek(p);
      const m = player.moment();
      const state = player.map.state();
      const small = !!state.swiss?.small && !(state.swiss.tables ?? []).length;
      seen.push({ op, frame: m.frame, at: swissSourceLine(m.frame, { small }) });
    }
  }
  return seen;
}

const RUNS = [
  ['map[int64]int64', ['set 1 1', 'get 1', 'get 99', 'del 1', 'fill 9', 'fill 8', 'del 3', 'get 3', 'clear', 'fill 20', 'iter']],
  ['map[string]int64', ['set a 1', 'set a 2', 'get a', 'fill 10', 'del a', 'get k2', 'iter']],
  ['map[[16]byte]int64', ['fill 8', 'get k1', 'del k2', 'fill 1', 'fill 10', 'del k5', 'iter', 'clear']],
  ['map[int32]int64', ['fill 7', 'get 3', 'fill 2', 'get 3', 'del 4']],
];

for (const [type, ops] of RUNS) {
  test(`${type}: every micro-step shows a function of Go 1.26 and, but for a few kinds, its line`, () => {
    const seen = everyStep([type], ops);
    assert.ok(seen.length > 50, `${seen.length} steps visited`);
    const missing = seen.filter((s) => s.at.fn === null).map((s) => `${s.op}: ${s.frame.event.fn}/${s.frame.event.e}`);
    assert.deepEqual([...new Set(missing)], [], 'steps whose function is not in the data');
    const noLine = seen.filter((s) => s.at.line === null).map((s) => `${s.at.fn}/${s.frame.event.e}`);
    assert.deepEqual([...new Set(noLine)], [], 'steps with no line');
  });
}

test('steps land on the line that does them', () => {
  const line = (fn, e, variant = 'fast64', small = false, events = []) => {
    const at = swissSourceLine({ event: { fn, e }, events, step: events.length, variant }, { small });
    return `${at.fn}: ${at.lines[at.line].trim()}`;
  };
  assert.equal(line('PutSlot', 'storeEntry'), 'runtime_mapassign_fast64: g.ctrls().set(i, ctrl(h2Hash))');
  assert.equal(line('PutSlot', 'compareKey', 'generic'), 'runtime_mapassign: if typ.Key.Equal(key, slotKey) {');
  assert.equal(line('PutSlot', 'storeEntry', 'faststr', true), 'Map.putSlotSmallFastStr: g.ctrls().set(i, ctrl(h2(hash)))');
  assert.equal(line('Delete', 'deleteTombstone'), 'table.Delete: g.ctrls().set(i, ctrlDeleted)');
  assert.equal(line('pruneTombstones', 'pruneStart'), 'table.pruneTombstones: if t.tombstones()*10 < t.capacity {');
  assert.equal(line('installTableSplit', 'directoryDouble'), 'Map.installTableSplit: newDir := make([]*table, m.dirLen*2)');
  assert.equal(line('PutSlot', 'hash', 'fast64', true, [{ fn: 'PutSlot', e: 'growToTable' }]), 'Map.growToTable: hash := typ.Hasher(key, m.seed)');
  assert.equal(line('getWithKey', 'notFound', 'generic'), 'runtime_mapaccess2: return unsafe.Pointer(&zeroVal[0]), false');
  // The same event kind in a small map and in a table: other lines of one function.
  const fast64 = (e, small) => swissSourceLine({ event: { fn: 'getWithKey', e }, events: [], step: 0, variant: 'fast64' }, { small });
  assert.ok(fast64('compareKey', false).line > fast64('probeGroup', false).line, 'a table key compare comes after its probe');
  assert.ok(fast64('compareKey', true).line < fast64('hash', false).line, 'a small map key compare comes before any hashing');
  assert.ok(fast64('found', true).line < fast64('found', false).line);
});

// A Go 1.26 map travels in a link, an element's attributes and an iframe's
// fragment as the same map: `version=1.26` (old links without a version stay
// Go 1.14's), its 64-bit seed, its own default hasher (go126) and a chosen
// go114; replayed, the same bytes at the same moment.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { refusedMapFields, stateOfPlayer } from '../../web/app/link-state.mjs';
import { decodeState, encodeState, positionOfStep, toScenarioText } from '../../web/share/permalink.mjs';
import { elementAttributes, parseElementAttributes } from '../../web/share/embed.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

const CASES = [
  { setup: ['map[int64]int64', 'seed 7', 'version 1.26'], ops: ['fill 14', 'del 3', 'set 3 30'], at: (p) => p.history.position(2, 3) },
  { setup: ['map[string]int64', 'seed 18446744073709551615', 'version 1.26'], ops: ['fill 9', 'iter'], at: (p) => p.history.donePosition(0) },
  { setup: ['map[int64]int64', 'hasher go114', 'seed 3', 'version 1.26'], ops: ['fill 20', 'del 5'], at: (p) => p.history.position(1, 1) },
  { setup: ['map[int64]int64', 'hasher identity', 'version 1.26'], ops: ['set 5 1', 'set 13 1'], at: (p) => p.history.donePosition(1) },
];

test('a Go 1.26 map: link and attributes replay into the same bytes at the same step', async () => {
  for (const c of CASES) {
    const p = Player.create(gomap, c.setup).player;
    assert.equal(p.swiss, true);
    for (const op of c.ops) assert.equal(p.perform(op).ok, true, op);
    p.seek(c.at(p));
    const fragment = encodeState(stateOfPlayer(p));
    assert.match(fragment, /&version=1\.26/);
    const back = decodeState(fragment);
    assert.deepEqual(back.warnings, [], fragment);
    assert.deepEqual(refusedMapFields(fragment, back), []);
    const viaAttrs = parseElementAttributes((name) => new Map(elementAttributes(back.state)).get(name) ?? null);
    assert.deepEqual(viaAttrs.warnings, []);
    for (const state of [back.state, viaAttrs.state]) {
      const r = await Player.load(gomap, toScenarioText(state));
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.equal(r.player.swiss, true);
      r.player.seek(positionOfStep(state.step, r.player.history));
      assert.equal(r.player.position, p.position, fragment);
      assert.deepEqual(r.player.map.state(), p.map.state(), fragment);
      r.player.free();
    }
    p.free();
  }
});

test('old links stay Go 1.14; a 64-bit seed or go126 without version 1.26 is refused with a reason', () => {
  assert.equal(decodeState('v=1&type=map[int64]int64&seed=7').state.version, '1.14');
  const wide = decodeState('v=1&type=map[int64]int64&seed=4294967296');
  assert.equal(wide.state.seed, null);
  assert.match(wide.warnings.map((w) => w.message).join(' '), /hash0 is a uint32 before Go 1\.26/);
  const hasher = decodeState('v=1&type=map[int64]int64&hasher=go126');
  assert.equal(hasher.state.hasher, 'go114');
  assert.match(hasher.warnings.map((w) => w.message).join(' '), /go126 hashes Go 1\.26's map/);
  // With the version the same values are the map's own.
  const ok = decodeState('v=1&type=map[int64]int64&version=1.26&seed=4294967296&hasher=go126');
  assert.deepEqual(ok.warnings, []);
  // A version line in the scenario counts as the field would.
  const inOps = decodeState(`v=1&type=map[int64]int64&seed=4294967296&ops=${encodeURIComponent('version 1.26\nset 1 1')}`);
  assert.deepEqual(inOps.warnings, []);
});

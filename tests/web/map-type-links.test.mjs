// Every map type the core models travels in a link (type=), an element's
// map-type attribute and an iframe's fragment (issue 16): the page's map,
// put in a link and opened again, is the same type with the same bytes, on
// Go 1.14's bucket map and Go 1.26's Swiss map. A type the core refuses is
// refused with the core's own message (the same text `gomap --layout`
// prints), and text that is not one map[K]V word never reaches the core.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { refusedMapFields, stateOfPlayer } from '../../web/app/link-state.mjs';
import { decodeState, encodeState, positionOfStep, toScenarioText } from '../../web/share/permalink.mjs';
import { elementAttributes, parseElementAttributes } from '../../web/share/embed.mjs';
import { FIELD_BY_KEY, parseField } from '../../web/share/fields.mjs';
import { mapTypeRefusal } from '../../web/share/map-type-check.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

const CLI = new URL('../../build/native-release/gomap', import.meta.url).pathname;

let gomap;
before(async () => { gomap = await loadModule(); });

// [type, keys and elements to set (Go literal text, one token each)]
const TYPES = [
  ['map[struct{X, Y int32}]bool', ['set {1, 2} true', 'set {-3, 4} false', 'fill 20']],
  ['map[[2]int64]string', ['set {1, 2} "a b"', 'set {3, -4} ""', 'fill 12']],
  ['map[string][]byte', ['set "k" {104, 105}', 'set "n" nil', 'fill 9']],
  ['map[float32]uint8', ['set 1.5 7', 'set -0 1', 'set NaN 2', 'fill 10']],
  ['map[string]string', ['set "a" "x y"', 'fill 15']],
  ['map[int]struct{}', ['set 5 {}', 'fill 11']],
  ['map[struct{A struct{B [3]int8; C bool}; D string}]complex128', ['set {{{1, 2, 3}, true}, "d"} (1+2i)', 'fill 9']],
  ['map[[200]byte]int64', ['set "big" 1', 'fill 9']],
];

test('composite types: link and attributes replay into the same type and bytes, both models', async () => {
  for (const [type, ops] of TYPES) {
    for (const version of ['1.14', '1.26']) {
      const setup = version === '1.26' ? [type, 'seed 7', 'version 1.26'] : [type, 'seed 7'];
      const created = Player.create(gomap, setup);
      assert.equal(created.ok, true, `${type} ${version}: ${JSON.stringify(created.errors ?? created.error)}`);
      const p = created.player;
      for (const op of ops) assert.equal(p.perform(op).ok, true, `${type}: ${op}`);
      p.seek(p.history.donePosition(Math.max(0, p.history.length - 2)));
      const fragment = encodeState(stateOfPlayer(p));
      // Braces and blanks are escaped (a link cut at a space or a brace is
      // no link); brackets and commas stay readable.
      assert.doesNotMatch(fragment, /[{} "]/, fragment);
      assert.ok(fragment.startsWith(`v=1&type=${type.replaceAll('{', '%7B').replaceAll('}', '%7D').replaceAll(' ', '+')}`), fragment);
      const back = decodeState(fragment);
      assert.deepEqual(back.warnings, [], fragment);
      assert.deepEqual(refusedMapFields(fragment, back), []);
      assert.equal(back.state.mapType, type);
      assert.equal(mapTypeRefusal(gomap, back.state.mapType, 'type'), null);
      const viaAttrs = parseElementAttributes((name) => new Map(elementAttributes(back.state)).get(name) ?? null);
      assert.deepEqual(viaAttrs.warnings, []);
      assert.equal(viaAttrs.state.mapType, type);
      for (const state of [back.state, viaAttrs.state]) {
        const r = await Player.load(gomap, toScenarioText(state));
        assert.equal(r.ok, true, JSON.stringify(r.errors));
        assert.equal(r.player.swiss, version === '1.26');
        r.player.seek(positionOfStep(state.step, r.player.history));
        assert.equal(r.player.position, p.position, fragment);
        assert.deepEqual(r.player.map.state(), p.map.state(), fragment);
        r.player.free();
      }
      p.free();
    }
  }
});

// Types the field takes as one map[K]V word and the core refuses.
const CORE_REFUSES = [
  'map[func()]int', 'map[[]int]int', 'map[[1000]int]int', 'map[[2][2][2][2][2][2][2][2][2]int]int', 'map[*int]int',
  'map[chan int]int', 'map[interface{}]int', 'map["a"]int', 'map[x]y', 'map[[257]byte]int64', 'map[string]int64+fill',
];

test('a type the core refuses: the core\'s message, naming the field; no map is made', async () => {
  const field = FIELD_BY_KEY.get('type');
  for (const type of CORE_REFUSES) {
    assert.deepEqual(parseField(field, type), { value: type, notes: [] }, type);
    const message = mapTypeRefusal(gomap, type, 'type');
    assert.ok(message?.startsWith('type: '), `${type}: ${message}`);
    assert.ok(message.includes(`${JSON.stringify(type)} was refused: `), message);
    assert.equal(mapTypeRefusal(gomap, type, 'map-type').replace(/^map-type: /, 'type: '), message);
    if (existsSync(CLI)) {
      // The same reason the core gives on the command line.
      let cli = '';
      try {
        execFileSync(CLI, ['--layout', type], { encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        cli = String(err.stderr).trim().replace(/^gomap: /, '');
      }
      assert.ok(cli && message.endsWith(cli), `${type}: ${message} vs ${cli}`);
    }
    // What the page, element and embed would have run is refused whole.
    const loaded = await Player.load(gomap, toScenarioText({ ...decodeState('').state, mapType: type }));
    assert.equal(loaded.ok, false, type);
  }
});

test('text that is not one map type is refused before the core sees it', () => {
  const field = FIELD_BY_KEY.get('type');
  for (const [raw, why] of [
    ['map[string]int64;fill 9', /more than one word/], ['map[string]int64 set a 1', /more than one word/],
    ['map[string]int64#x', /more than one word/], ['map[string]int64\nfill 9', /line break/],
    ['map[\u202estring]int64', /bidirectional/], ['map[string]int64\u0000', /control character U\+0000$/],
    ['int64', /is not a map type/], ['<img src=x>', /is not a map type/], ['', /is not a map type/],
    [`map[struct{${'A int; '.repeat(200)}}]int`, /characters long; the limit is 1024/],
  ]) {
    const r = parseField(field, raw);
    assert.match(r.error ?? '', why, JSON.stringify(raw.slice(0, 40)));
    const d = decodeState(`v=1&type=${encodeURIComponent(raw)}`);
    assert.equal(d.state.mapType, 'map[string]int64');
    assert.match(d.warnings[0].message, /^type: /);
    assert.equal(refusedMapFields(`v=1&type=${encodeURIComponent(raw)}`, d).length, raw === '' ? 1 : 1);
  }
});

// Issue 16 through the JavaScript API: any map type the core models is
// accepted as written (blanks and ';' inside struct{…} included), keys and
// elements are Go literals, the core's own messages reach the caller, and a
// refused type or literal leaves nothing half-made or changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadModule, newMap, gomapCli } from './load.mjs';

const gomap = await loadModule();

test('a struct-keyed map: created, set, get and del with composite literals, on both models', () => {
  for (const version of ['1.14', '1.26']) {
    const m = newMap(gomap, { mapType: 'map[struct{A int8; B string}]bool', version });
    assert.equal(m.header().type.name ?? m.header().type, 'map[struct{A int8; B string}]bool');
    assert.equal(m.set('{1, "a b"}', true).ok, true);
    assert.equal(m.set('{-2, ";#"}', false).ok, true);
    const got = m.get('{1, "a b"}');
    assert.equal(got.found, true);
    assert.equal(got.value, 'true');
    // The dump's key text is fmt.Sprint's.
    assert.deepEqual(Object.keys(got.hashes), ['{1 a b}']);
    assert.equal(m.get('{-2, ";#"}').value, 'false');
    assert.equal(m.delete('{1, "a b"}').ok, true);
    assert.equal(m.get('{1, "a b"}').found, false);
    assert.equal(m.header().count, 1);
    m.free();
  }
});

test('map[struct{X, Y int32}]bool is accepted with its blank, and its layout is Go 1.14\'s', () => {
  const m = newMap(gomap, { mapType: 'map[struct{X, Y int32}]bool' });
  assert.equal(m.set('{3, 4}', true).ok, true);
  assert.equal(m.get('{3, 4}').found, true);
  m.free();
  const { ok, layout } = gomap.mapLayout('map[struct{X, Y int32}]bool');
  assert.equal(ok, true);
  // tophash 8 + 8 keys of 8 bytes + 8 bools + the overflow pointer.
  assert.equal(layout.bucketsize, 8 + 64 + 8 + 8);
  assert.equal(layout.variant, 'fast64');
  assert.equal(layout.key.align, 4);
});

test('other types of the issue: map[string]string, map[[2]int64]string, map[int]struct{}, map[complex128]int', () => {
  const cases = [
    ['map[string]string', 'k', 'v', 'v'],
    ['map[[2]int64]string', '{1, 2}', 'x', 'x'],
    ['map[int]struct{}', 7, undefined, '{}'],
    ['map[complex128]int', '(1+2i)', 5, '5'],
  ];
  for (const [mapType, key, value, printed] of cases) {
    const m = newMap(gomap, { mapType });
    const s = m.set(key, value);
    assert.equal(s.ok, true, `${mapType}: ${s.error}`);
    const g = m.get(key);
    assert.equal(g.found, true, mapType);
    assert.equal(g.value, printed, mapType);
    m.free();
  }
});

test('a refused type gives the core\'s message with its column, and no map', () => {
  const before = gomap.memory().inUse;
  for (const [mapType, words] of [
    ['map[func()]int', /func types are not comparable.*column 1/],
    ['map[[]int]int', /not comparable/],
    ['map[*int]int', /pointer types are not modelled/],
    ['map[struct{A int8; B chan int}]bool', /chan|not modelled/],
    ['map[string]int64\nclear', /one line/],
  ]) {
    const r = gomap.createMap({ mapType });
    assert.equal(r.ok, false, mapType);
    assert.match(r.error, words);
    assert.equal(gomap.mapLayout(mapType.split('\n')[0]).ok, !mapType.includes('\n') ? false : true);
  }
  assert.equal(gomap.memory().inUse, before);
});

test('a bad literal is refused with the core\'s message and the map is unchanged', () => {
  const m = newMap(gomap, { mapType: 'map[struct{A int8; B string}]bool' });
  m.set('{1, "a"}', true);
  const before = JSON.stringify(m.state());
  for (const key of ['{1, 2}', '{1, "a", 3}', '{1, "x"} true; clear', 5, '{1, "a"}\nclear']) {
    const r = m.set(key, true);
    assert.equal(r.ok, false, String(key));
    assert.ok(r.error.length > 10);
  }
  assert.match(m.set('{1, 2}', true).error, /column/);
  assert.equal(JSON.stringify(m.state()), before);
  assert.equal(m.get('{1, "a"}').found, true);
  m.free();
});

test('splitCommands is the core\'s tokenizer: composites stay one token', () => {
  const r = gomap.splitCommands('set {1, "a b"} (1+2i); map[struct{A int8; B string}]bool # c\nget [1 2]');
  assert.equal(r.ok, true);
  assert.deepEqual(r.commands.map((c) => c.tokens), [
    ['set', '{1, "a b"}', '(1+2i)'],
    ['map[struct{A int8; B string}]bool'],
    ['get', '[1', '2]'],
  ]);
});

test('mapLayout agrees with the CLI\'s --layout (the core\'s one answer)', { skip: !existsSync(gomapCli) && 'no native gomap' }, () => {
  for (const type of ['map[string]int64', 'map[struct{X, Y int32}]bool', 'map[[2]int64]string', 'map[int]struct{}',
    'map[string][]byte', 'map[float32]uint8', 'map[[129]byte]int8', 'map[struct{A int8; B float64; C bool}]complex64']) {
    const cli = JSON.parse(execFileSync(gomapCli, ['--layout', type], { encoding: 'utf8' }));
    assert.deepEqual(gomap.mapLayout(type).layout, cli, type);
  }
});

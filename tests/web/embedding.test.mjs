// The non-DOM parts of embedding and sharing: the element's settings
// (refused values keep the map), the playground's link state (a link
// replays into the same bytes), which links the page refuses, the embed
// page's message checks, and the PNG export's canvas size.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings, needsReload, propertyValue, attributeText, settingsInUse } from '../../web/element/settings.mjs';
import { refusedMapFields, stateOfPlayer } from '../../web/app/link-state.mjs';
import { decodeState, encodeState, positionOfStep, toScenarioText } from '../../web/share/permalink.mjs';
import { isHeightRequest, heightMessage } from '../../web/embed/height.mjs';
import { rasterSize, svgSize, MAX_AREA, MAX_SIDE } from '../../web/app/raster.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

const BASE = 'https://maps.example/go/element/go-map-viz.mjs';
const attrs = (o) => (name) => (Object.hasOwn(o, name) ? o[name] : null);

test('element settings: good attributes are used, typed', () => {
  const { settings, warnings } = readSettings(attrs({
    'map-type': 'map[int64]int64', seed: '0x10', ops: 'fill 3', step: '2.1', speed: '2.5', autoplay: '', controls: 'minimal',
    view: 'both', theme: 'dark', density: 'compact',
  }), null, BASE);
  assert.deepEqual(warnings, []);
  assert.equal(settings.seed, 16);
  assert.deepEqual(settings.step, { op: 2, micro: 1 });
  assert.equal(propertyValue(settings, 'step'), '2.1');
  assert.equal(settings.speed, 2.5);
  assert.equal(settings.autoplay, true);
  assert.equal(settings.density, 'compact');
  assert.equal(propertyValue(readSettings(attrs({}), null, BASE).settings, 'step'), 'end');
});

test('element settings: a refused value keeps the one in use (the default at first), with a warning', () => {
  const first = readSettings(attrs({ 'map-type': '<img src=x onerror=alert(1)>', seed: 'NaN', step: 'javascript:alert(1)' }), null, BASE);
  assert.equal(first.settings.mapType, 'map[string]int64');
  assert.equal(first.settings.seed, null);
  assert.equal(first.settings.step, null);
  assert.deepEqual(first.warnings.map((w) => w.field), ['mapType', 'seed', 'step']);
  const good = readSettings(attrs({ 'map-type': 'map[int64]int64', seed: '7', ops: 'fill 5', step: '1' }), null, BASE).settings;
  for (const [attr, bad] of [['seed', 'Infinity'], ['seed', '-1'], ['map-type', 'map[x]y;fill 9'], ['ops', 'set a\u0000 1'],
    ['ops', 'x'.repeat(70000)], ['ops', 'set \ud800 1'], ['step', '"onload=alert(1)'], ['speed', 'NaN'], ['hasher', 'identity;']]) {
    const r = readSettings(attrs({ 'map-type': 'map[int64]int64', seed: '7', ops: 'fill 5', step: '1', [attr]: bad }), good, BASE);
    assert.equal(needsReload(good, r.settings), false, `${attr}=${bad.slice(0, 20)} must not rebuild the map`);
    assert.deepEqual(r.settings.step, good.step);
    assert.ok(r.warnings.length >= 1 && r.warnings[0].message.startsWith(`${attr}:`), `${attr}: ${r.warnings[0]?.message}`);
    assert.ok(!r.warnings[0].message.includes('\u0000'));
  }
  // On a live element the message names what is kept, not the default.
  const kept = readSettings(attrs({ 'map-type': 'map[int64]int64', seed: 'NaN', ops: 'set a\u0000 1', speed: 'fast' }), { ...good, speed: 2 }, BASE);
  assert.equal(kept.settings.seed, 7);
  assert.match(kept.warnings.find((w) => w.field === 'seed').message, /^seed: .*; keeping 7$/);
  assert.match(kept.warnings.find((w) => w.field === 'ops').message, /; keeping the scenario in use$/);
  assert.match(kept.warnings.find((w) => w.field === 'speed').message, /; keeping 2$/);
  // identity with string keys contradicts itself: the hasher in use stays.
  const r = readSettings(attrs({ 'map-type': 'map[string]int64', hasher: 'identity' }), { ...good, hasher: 'go119' }, BASE);
  assert.equal(r.settings.hasher, 'go119');
});

test('element settings: module-src stays on the element\'s origin; density is checked', () => {
  for (const bad of ['https://evil.example/x.mjs', 'data:text/javascript,alert(1)', 'javascript:alert(1)', 'blob:https://maps.example/1', '//evil.example/x.mjs']) {
    const r = readSettings(attrs({ ops: 'fill 1', 'module-src': bad }), null, BASE);
    assert.equal(r.settings.moduleSrc, null, bad);
    assert.match(r.warnings[0].message, /^module-src: must be on the element's own origin/);
  }
  assert.equal(readSettings(attrs({ 'module-src': '../wasm/gomap-single.mjs' }), null, BASE).settings.moduleSrc, 'https://maps.example/go/wasm/gomap-single.mjs');
  const fileBase = 'file:///home/t/site/element/go-map-viz.mjs';
  assert.equal(readSettings(attrs({ 'module-src': 'data:text/javascript,1' }), null, fileBase).settings.moduleSrc, null, 'no data: beside a file page');
  const d = readSettings(attrs({ density: 'huge' }), { ...readSettings(attrs({}), null, BASE).settings, density: 'keys' }, BASE);
  assert.equal(d.settings.density, 'keys');
  assert.match(d.warnings[0].message, /^density: "huge" is not one of/);
});

test('property setters write attribute text; null and false remove', () => {
  assert.equal(attributeText('seed', 7), '7');
  assert.equal(attributeText('seed', null), null);
  assert.equal(attributeText('autoplay', true), '');
  assert.equal(attributeText('autoplay', false), null);
  assert.equal(attributeText('step', 3), '3');
});

let gomap;
before(async () => {
  gomap = await loadModule();
});

// Regression: after a map-type change whose scenario failed, el.mapType
// read map[int64]int64 and el.hasher identity while the element still drew
// the string-keyed go114 map; after a failed ops change el.ops read the
// failed text.
test('element properties read the map on screen, not settings its scenario failed with', async () => {
  const written = { 'map-type': 'map[string]int64', hasher: 'identity', ops: 'set a 1' };
  const first = readSettings(attrs(written), null, BASE);
  assert.equal(first.settings.hasher, 'go114', 'identity with string keys is refused');
  const shown = first.settings;
  const ok = await Player.load(gomap, toScenarioText(shown));
  assert.equal(ok.ok, true);
  ok.player.free();

  // With integer keys identity is no contradiction any more, so the
  // attributes now ask for map[int64]int64 with identity, where `a` is no key.
  const second = readSettings(attrs({ ...written, 'map-type': 'map[int64]int64' }), settingsInUse(first.settings, shown), BASE);
  assert.deepEqual([second.settings.mapType, second.settings.hasher, second.warnings.length], ['map[int64]int64', 'identity', 0]);
  assert.equal(needsReload(shown, second.settings), true);
  const failed = await Player.load(gomap, toScenarioText(second.settings));
  assert.equal(failed.ok, false);
  const inUse = settingsInUse(second.settings, shown);
  assert.deepEqual(['mapType', 'hasher', 'seed', 'ops'].map((k) => propertyValue(inUse, k)), ['map[string]int64', 'go114', null, 'set a 1']);

  // A refused value now keeps the shown map's, not the failed attempt's.
  const third = readSettings(attrs({ ...written, 'map-type': 'map[int64]int64', hasher: 'fnv' }), inUse, BASE);
  assert.equal(third.settings.hasher, 'go114');
  assert.deepEqual(third.warnings.map((w) => w.field), ['hasher']);

  // A failed ops change: ops reads the scenario on screen; the look is the attributes'.
  const shownOps = readSettings(attrs({ ops: 'set a 1; set b 2', step: '1' }), null, BASE).settings;
  const bad = readSettings(attrs({ ops: 'set a 1; get', step: '2', view: 'table' }), shownOps, BASE).settings;
  assert.equal((await Player.load(gomap, toScenarioText(bad))).ok, false);
  const after = settingsInUse(bad, shownOps);
  assert.deepEqual([after.ops, propertyValue(after, 'step'), after.view], ['set a 1; set b 2', '2', 'table']);
  // Before any map is drawn there is nothing else to read than the attributes.
  assert.equal(settingsInUse(bad, null), bad);
});

test('a playground link replays into the same bytes at the same step', async () => {
  const cases = [
    { setup: ['map[int64]int64', 'hasher go119', 'seed 0x2a', 'hint 20'], ops: ['fill 30', 'del 3', 'set 100 7'], at: (p) => p.history.position(1, 2) },
    { setup: ['map[string]int64', 'hashkey 1 2', 'rand 5 6', 'version 1.19'], ops: ['set "a;b" 1', 'set "#x" 2', 'del "a;b"'], at: (p) => p.history.donePosition(1) },
    { setup: ['map[[4]byte]int64'], ops: [], at: () => 0 },
  ];
  for (const c of cases) {
    const made = Player.create(gomap, c.setup);
    const p = made.player;
    for (const op of c.ops) assert.equal(p.perform(op).ok, true, op);
    p.seek(c.at(p));
    const fragment = encodeState(stateOfPlayer(p, { speed: 20 }));
    const back = decodeState(fragment);
    assert.deepEqual(back.warnings, [], fragment);
    assert.deepEqual(refusedMapFields(fragment, back), []);
    assert.equal(back.state.speed, 20);
    const r = await Player.load(gomap, toScenarioText(back.state));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    r.player.seek(positionOfStep(back.state.step, r.player.history));
    assert.equal(r.player.position, p.position, fragment);
    assert.deepEqual(r.player.map.state(), p.map.state(), fragment);
    r.player.free();
    p.free();
  }
});

test('the page refuses a link that lost part of its map, not one with display problems', () => {
  const refused = (f) => refusedMapFields(f, decodeState(f)).map((w) => w.field);
  assert.deepEqual(refused('v=1&type=map[int64]int64&seed=NaN&ops=fill+3'), ['seed']);
  assert.deepEqual(refused('v=1&type=%3Cimg+src%3Dx%3E&ops=fill+3'), ['mapType']);
  assert.deepEqual(refused('v=1&type=map[string]int64&hasher=identity'), ['hasher']);
  assert.deepEqual(refused('v=1&ops=set+a%01+1'), ['ops']);
  assert.deepEqual(refused('v=1&ops=set+%ED%A0%80+1'), ['ops']);
  assert.deepEqual(refused('v=1&type=map[int64]int64&ops=fill+3&step=NaN&speed=Infinity&theme=%22onload%3D&zzz=1'), []);
  assert.deepEqual(refused('v=1&ops=set+%E2%80%AEx+1'), [], 'a bidi note keeps the scenario');
});

test('the embed page answers one message shape and nothing else', () => {
  assert.equal(isHeightRequest({ type: 'go-map-viz:request-height' }), true);
  for (const junk of [null, undefined, 'go-map-viz:request-height', ['go-map-viz:request-height'], { type: 'go-map-viz:height', height: 1 },
    { type: 'go-map-viz:request-height', extra: '<img src=x onerror=alert(1)>' }, Object.create({ type: 'go-map-viz:request-height' }),
    { type: { toString: () => 'go-map-viz:request-height' } }, new Map([['type', 'go-map-viz:request-height']])]) {
    assert.equal(isHeightRequest(junk), false, String(junk));
  }
  assert.deepEqual(heightMessage(412.2), { type: 'go-map-viz:height', height: 413 });
  assert.deepEqual(heightMessage(NaN), { type: 'go-map-viz:height', height: 0 });
});

test('the PNG canvas fits every browser\'s limits however big the map', () => {
  assert.deepEqual(rasterSize(600, 400), { width: 1200, height: 800, scale: 2 });
  for (const [w, h] of [[3000, 40000], [60000, 700], [20000, 20000], [16384, 1]]) {
    const r = rasterSize(w, h);
    assert.ok(r.width <= MAX_SIDE && r.height <= MAX_SIDE, `${w}×${h} → ${r.width}×${r.height}`);
    assert.ok(r.width * r.height <= MAX_AREA, `${w}×${h} → ${r.width}×${r.height}`);
  }
  assert.throws(() => rasterSize(0, 10), RangeError);
  assert.deepEqual(svgSize('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480.5" viewBox="0 0 640 480.5">'), { width: 640, height: 480.5 });
});

// Issue 18's hostile pass over the JavaScript API's optional arguments:
// options given as null mean the defaults (they threw a TypeError from
// inside the facade), and a Go 1.26 map's state({ near, maxGroups }) refuses
// what is not a list of hex addresses or a count, naming it, where it used
// to drop bad addresses and read a bad count as 256 without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, newMap } from './load.mjs';

const gomap = await loadModule();

test('options given as null mean the defaults, on every method that takes them', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  assert.equal(m.set(1, 10, null).ok, true);
  assert.equal(m.get(1, null).value, '10');
  assert.deepEqual(m.run('get 1', null).map((o) => o.result), ['10 true']);
  assert.equal(m.runScenario('fill 3\ndump', null).length, 2);
  assert.equal(m.iterate(undefined, null).ok, true);
  assert.equal(m.range(undefined, null).ok, true);
  assert.equal(m.next(1, null).ok, true);
  assert.equal(m.delete(1, null).ok, true);
  assert.equal(m.prepareFill(10, null), true);
  assert.equal(m.prepareSnapshot(null), true);
  const snap = m.snapshot();
  assert.equal(snap.prepareRestore(null), true);
  assert.equal(snap.restore(), true);
  assert.equal(m.clear(null).ok, true);
  assert.equal(m.header().count, 0);
  snap.free();
  m.free();
});

test('a Go 1.26 state({ near, maxGroups }) refuses what is not a list of hex addresses or a count', () => {
  const m = newMap(gomap, { version: '1.26', mapType: 'map[int64]int64' });
  assert.ok(m.fill(100).ok);
  const table = m.state().swiss.tables[0].addr;
  for (const [options, pattern] of [
    [{ near: table }, /^state: near must be an array of hex addresses, got string$/],
    [{ near: [table, 5] }, /^state: near must be an array of hex addresses, got number in it$/],
    [{ near: ['0xc000'] }, /^state: near must be an array of hex addresses, got '0xc000' in it$/],
    [{ near: [table], maxGroups: -1 }, /^state: maxGroups must be an integer from 0, got -1$/],
    [{ near: [table], maxGroups: '8' }, /^state: maxGroups must be an integer from 0, got string$/],
  ]) {
    const r = m.state(options);
    assert.equal(r.ok, false, JSON.stringify(options));
    assert.match(r.error, pattern);
  }
  // Good ones read as before; null means the whole state.
  assert.equal(m.state({ near: [table], maxGroups: 0 }).swiss.count, 100);
  assert.equal(m.state(null).swiss.count, 100);
  m.free();
  assert.equal(gomap.memory().inUse, 0);
});

test('withHeap without a function is an error value, not a TypeError from inside the facade', () => {
  const m = newMap(gomap, { mapType: 'map[int64]int64' });
  m.set(1, 1);
  for (const bad of [undefined, 5, 'f', null]) {
    const r = m.withHeap(bad);
    assert.equal(r.ok, false);
    assert.match(r.error, /^withHeap needs a function \(view, base\) => …, got /);
  }
  assert.equal(m.withHeap((view) => view.length > 0), true);
  m.free();
});

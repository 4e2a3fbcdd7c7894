// SwissSession.groups(table, from, count) checks its range in C++ itself (the
// facade's own checks aside): a fraction, a negative, NaN, an infinity or a
// number past 2^53 - 1 is refused with a message naming the argument, never
// read as another index, and the session is unchanged and still answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, newMap } from './load.mjs';

const gomap = await loadModule();

test('groups() in the module refuses a range that is not whole numbers, naming from or count; the session is unchanged', () => {
  const m = newMap(gomap, { version: '1.26', mapType: 'map[int64]int64', seed: 4 });
  m.run('fill 200'); // a directory of tables
  const before = JSON.stringify(m.state());
  const table = m.state().swiss.tables[0].addr;
  const raw = (from, count) => JSON.parse(m.session.groups(table, from, count));
  const whole = raw(0, 2);
  assert.equal(whole.groups.length, 2);
  for (const [from, count, named] of [
    [1.5, 2, 'from'],
    [-1, 2, 'from'],
    [NaN, 2, 'from'],
    [Infinity, 2, 'from'],
    [2 ** 53, 2, 'from'],
    [1e300, 2, 'from'],
    [0, 0.25, 'count'],
    [0, -3, 'count'],
    [0, NaN, 'count'],
    [0, 2 ** 64, 'count'],
  ]) {
    const out = raw(from, count);
    assert.equal(out.groups, undefined, `${from}, ${count}`);
    assert.match(out.error, new RegExp(`^groups: ${named} must be (a group index \\()?a whole number from 0 to 2\\^53 - 1`), `${from}, ${count}`);
    assert.equal(JSON.stringify(m.state()), before);
  }
  // Still usable: the same window reads the same, the largest whole count is cut at the table's end.
  assert.deepEqual(raw(0, 2), whole);
  assert.equal(raw(0, 2 ** 53 - 1).groups.length, m.state().swiss.tables[0].groups.length);
  assert.equal(m.set(5, 6).ok, true);
  m.free();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkPlanner } from '../../web/player/bulk.mjs';

test('chunks add up to the total and adapt to how long they take', () => {
  const p = new ChunkPlanner(100000, { targetMs: 20, first: 1000 });
  let sum = 0;
  const sizes = [];
  for (let n = p.next(); n > 0; n = p.next()) {
    sizes.push(n);
    sum += n;
    p.took(n * 0.001); // 1 µs a key: 20,000 fit in 20 ms
  }
  assert.equal(sum, 100000);
  assert.ok(Math.max(...sizes) <= 20000);
  assert.ok(sizes[1] > sizes[0]);
});

test('a slow chunk shrinks the next one at once', () => {
  const p = new ChunkPlanner(1e6, { targetMs: 20, first: 10000 });
  p.next();
  p.took(200);
  assert.ok(p.next() <= 1000);
});

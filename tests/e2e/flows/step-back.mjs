// Run a scenario that ends in a grow, then step backwards across the grow:
// every step back is instant (keyframes) and shows the map as it was, down
// to B and the missing old array before hashGrow.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState, shownHeader, shownArrays, frame, runScenario } from '../harness.mjs';

export const name = 'step back across a grow';

export async function run(env) {
  const page = await openPage(env);
  await runScenario(page, 'map[int64]int64\nseed 3\nfill 26\nset 27 27\nset 28 28', 3);
  assert.equal((await shownHeader(page)).B, '3');
  await page.getByRole('button', { name: 'Previous operation' }).click(); // end of set 27
  let f = await frame(page);
  assert.equal(f.op, 1);
  let crossed = false;
  let slowest = 0;
  for (let i = 0; i < 200; i++) {
    const t0 = Date.now();
    await page.keyboard.press('ArrowLeft');
    slowest = Math.max(slowest, Date.now() - t0);
    f = await frame(page);
    assert.deepEqual(await drawnEqualsState(page), [], `op ${f.op} step ${f.step}`);
    const h = await shownHeader(page);
    if (h.B === '2') {
      crossed = true;
      assert.equal(h.oldbuckets, 'nil');
      assert.equal((await shownArrays(page)).oldbuckets, null, 'no old array before the grow');
      await screenshot(page, 'step-back-before-grow');
      break;
    }
  }
  assert.ok(crossed, 'never got back before the grow');
  assert.equal(f.op, 1, 'the grow is inside set 27');
  // And forward again over the grow.
  await page.keyboard.press('ArrowRight');
  assert.equal((await shownHeader(page)).B, '3');
  assert.ok(slowest < 1500, `a step back took ${slowest} ms`);
  // Back to the very start: the map before any operation.
  await page.keyboard.press('Home');
  assert.equal((await frame(page)).position, 0);
  assert.match(await page.locator('#narration').textContent(), /before any operation/);
  await page.keyboard.press('End');
  assert.equal((await shownHeader(page)).count, '28');
  return page;
}

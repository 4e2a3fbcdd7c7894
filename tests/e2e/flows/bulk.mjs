// A million inserts through the Fill form: a progress bar moves, the page
// answers while it runs, and the result is drawn as a zoomed-out overview
// with a detailed window that equals the map's bytes.
import assert from 'node:assert/strict';
import { openPage, screenshot, shownHeader, shownArrays, compareChains, newMap, fillKeys } from '../harness.mjs';

export const name = 'big bulk fill';

export async function run(env) {
  const page = await openPage(env);
  await newMap(page, 'map[int64]int64', { seed: 1 });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await fillKeys(page, 1000000);
  const bar = page.getByRole('progressbar', { name: 'Fill progress' });
  await bar.waitFor({ state: 'visible' });
  // The page answers while the fill runs.
  let answered = 0;
  let worst = 0;
  while (await page.evaluate(() => window.goMapPlayground.app.busy)) {
    const t0 = Date.now();
    await page.evaluate(() => 1);
    worst = Math.max(worst, Date.now() - t0);
    answered++;
  }
  assert.ok(answered >= 3, `the page answered only ${answered} times during the fill`);
  assert.ok(worst < 1000, `the page did not answer for ${worst} ms`);
  await bar.waitFor({ state: 'hidden' });
  const header = await shownHeader(page);
  assert.equal(header.count, '1000000');
  assert.equal(header.B, '18');
  const longest = await page.evaluate(() => window.__longest);
  console.log(`    longest task during the fill: ${longest.toFixed(0)} ms; the page answered ${answered} times, worst wait ${worst} ms`);
  const overview = page.getByRole('slider', { name: /overview of the bucket array/ });
  await overview.waitFor();
  // The detailed window equals the map's own chains there.
  const check = async () => {
    const shown = await shownArrays(page);
    const from = shown.buckets[0].index;
    const chains = await page.evaluate((f) => window.goMapPlayground.app.player.map.chains(false, f, 32), from);
    const expected = [];
    chains.forEach((c, i) => { expected[from + i] = c; });
    return compareChains(shown.buckets, expected, 'buckets');
  };
  assert.deepEqual(await check(), []);
  // Move the window with the keyboard.
  await overview.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const first = (await shownArrays(page)).buckets[0].index;
  assert.ok(first > 0, 'the window moved');
  assert.deepEqual(await check(), []);
  await screenshot(page, 'bulk-million-overview', { fullPage: true });
  return page;
}

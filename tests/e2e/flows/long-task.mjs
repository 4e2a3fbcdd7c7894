// Responsiveness (issues 12 and 18): a million-insert fill shows progress,
// can be cancelled and keeps every main-thread task short (measured with
// PerformanceObserver longtask); a link whose collide would take minutes
// is refused at once with a message; a link that fails to open does not
// block the next one.
import assert from 'node:assert/strict';
import { openPage } from '../harness.mjs';

export const name = 'long tasks: a million fill in slices, cancel, a costly link refused, the link queue recovers';

// Every slice aims at ~15 ms: the insert that starts the grow to B = 18 runs
// alone, and a heap that must move (60–100 MB at this size) is copied into
// its bigger buffer 8 MiB per task beforehand (GoMap.prepareFill), so no
// call of the model in the fill takes more than ~30 ms even on a busy
// machine (measured with each call timed). What is left over 50 ms is the
// page's own work around it (the click's task with the first slice, the
// first redraw of the million-key map after the fill: 50–140 ms on this
// shared machine). So this bound only catches a fill that is not sliced
// (one task of 1.5 s); the tasks over 50 ms are printed (and by npm run bench).
const LONGEST_MS = 1000;

export async function run(env) {
  const page = await openPage(env);
  await page.getByLabel('Map type', { exact: true }).fill('map[int64]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.waitForFunction(() => !window.goMapPlayground.app.busy);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await page.getByLabel('Fill with N keys').fill('1000000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.locator('#bulk-progress').waitFor({ state: 'visible' });
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 1 && !window.goMapPlayground.app.busy, null, { timeout: 120000 });
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__tasks);
  const longest = Math.max(0, ...tasks);
  console.log(`    a million fill: ${tasks.length} tasks over 50 ms, longest ${longest} ms`);
  assert.ok(longest < LONGEST_MS, `a task of ${longest} ms`);
  assert.equal(await page.evaluate(() => window.goMapPlayground.app.player.map.header().count), 1000000);

  // Cancel: a second big fill stops where it was, recorded as what ran.
  await page.getByLabel('Fill with N keys').fill('2000000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.locator('#bulk-progress').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => !window.goMapPlayground.app.busy);
  const last = await page.evaluate(() => window.goMapPlayground.app.player.history.ops.at(-1).command);
  const done = Number(last.split(' ')[1]);
  assert.ok(last.startsWith('fill ') && done < 2000000, `cancelled: ${last}`);

  // The 55-character link: refused before running, with why.
  await page.evaluate(() => { location.hash = '#v=1&type=map[[128]byte][256]byte&ops=fill+7000;+collide+0+100000'; });
  const notice = page.locator('#link-notice');
  await notice.waitFor();
  await page.waitForFunction(() => /minutes/.test(document.getElementById('link-notice').textContent));
  assert.match(await notice.textContent(), /collide 0 100000 would hash about 204,800,000 generated keys/);
  // …and the next link still opens.
  await page.evaluate(() => { location.hash = '#v=1&type=map[int64]int64&seed=3&ops=set+1+1;+set+2+2'; });
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 2 && !window.goMapPlayground.app.busy);
  return page;
}

// Start a for-range loop while the map is growing and step its iterator
// key by key: the cursor is drawn on the slot just yielded and the keys
// equal what the CLI's replay of the same scenario yields.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState, cliDumps, scenarioText, pause, toEnd, runScenario } from '../harness.mjs';

export const name = 'iterate during growth';

export async function run(env) {
  const page = await openPage(env);
  await runScenario(page, 'map[string]int64\nseed 9\nfill 52\nset grow 1  # B 3 → 4 starts', 2);
  const growing = await page.evaluate(() => window.goMapPlayground.app.player.map.header().oldbuckets !== '0');
  assert.ok(growing, 'the map should be growing');
  await page.getByRole('button', { name: 'Start range' }).click();
  await pause(page);
  await toEnd(page);
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Next key' }).click();
    await pause(page);
    await toEnd(page);
    assert.deepEqual(await drawnEqualsState(page), []);
  }
  // Insert during the loop, then continue.
  await page.getByLabel('Key', { exact: true }).fill('late');
  await page.getByRole('button', { name: 'Insert' }).click();
  await pause(page);
  await page.getByRole('button', { name: 'Next key' }).click();
  await pause(page);
  await toEnd(page);
  const card = page.getByRole('region', { name: 'Iterator' });
  await card.waitFor();
  const listed = await card.locator('.iter-keys li').allTextContents();
  const dumps = cliDumps(await scenarioText(page));
  const yielded = dumps.filter((d) => d.op.startsWith('range') || d.op.startsWith('next')).flatMap((d) => d.keys);
  assert.deepEqual(listed.map((k) => JSON.parse(k)), yielded);
  const cursor = await page.evaluate(() => {
    const c = document.querySelector('go-map-viz').shadowRoot.querySelector('.slot.hl-cursor');
    return c?.dataset.k ?? null;
  });
  assert.equal(cursor, yielded[yielded.length - 1], 'the cursor sits on the last key yielded');
  // Step back into the middle of the last `next`: the cursor is on the slot being read.
  await page.getByRole('button', { name: 'Step back' }).click();
  assert.deepEqual(await drawnEqualsState(page), []);
  await screenshot(page, 'iterate-during-growth', { fullPage: true });
  return page;
}

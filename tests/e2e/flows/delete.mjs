// Delete keys out of a full bucket and its overflow bucket and watch the
// slots turn emptyOne, then emptyRest as nothing live follows them —
// back-propagating over earlier emptyOne slots. Checked against the CLI.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState, shownArrays, cliDumps, scenarioText, compareChains, pause, toEnd } from '../harness.mjs';

export const name = 'delete into emptyRest';

async function chain0(page) {
  const shown = await shownArrays(page);
  return shown.buckets.find((c) => c.index === 0).buckets;
}

async function del(page, key) {
  await page.getByLabel('Key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Delete' }).click();
  await pause(page);
  await toEnd(page);
  assert.deepEqual(await drawnEqualsState(page), []);
}

export async function run(env) {
  const page = await openPage(env);
  await page.getByLabel('Map type', { exact: true }).fill('map[int64]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.getByText('More: hint').click();
  await page.getByLabel('make hint').fill('9'); // B=1 from the start
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByLabel('Number of colliding keys').fill('10');
  await page.getByLabel('Bucket', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Collide' }).click();
  await pause(page);
  await toEnd(page);
  let c = await chain0(page);
  assert.equal(c.length, 2, 'ten keys in one bucket need an overflow bucket');
  const keys = c.flat().filter((s) => s.t >= 5).map((s) => s.k);
  assert.equal(keys.length, 10);
  // The key in the overflow bucket's slot 1 (the last one): its slot becomes emptyRest at once.
  await del(page, c[1][1].k);
  c = await chain0(page);
  assert.equal(c[1][1].t, 0);
  assert.equal(c[1][1].text, 'rest');
  // A key in the middle of the primary bucket: a hole, emptyOne.
  const middle = c[0][5].k;
  await del(page, middle);
  c = await chain0(page);
  assert.equal(c[0][5].t, 1);
  assert.equal(c[0][5].text, 'one');
  await screenshot(page, 'delete-1-emptyOne', { fullPage: true });
  // Slot 6, then 7... no: delete 7 first (stays emptyOne: the overflow bucket still has a key).
  await del(page, c[0][7].k);
  c = await chain0(page);
  assert.equal(c[0][7].t, 1, 'slot 7 has a live key after it (overflow slot 0)');
  // Remove the overflow bucket's last key: its slot 0 and, backwards, slots 7 of the
  // primary bucket become emptyRest; slot 6 is live and stops the run.
  const walked = [];
  await page.getByLabel('Key', { exact: true }).fill(c[1][0].k);
  await page.getByRole('button', { name: 'Delete' }).click();
  await pause(page);
  await page.getByRole('button', { name: 'Previous operation' }).click();
  for (let i = 0; i < 60; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    const f = await page.evaluate(() => window.goMapPlayground.app.player.frame());
    assert.deepEqual(await drawnEqualsState(page), []);
    if (f.event) walked.push(f.event.e);
    if (f.event?.e === 'promoteEmptyRest' && walked.filter((e) => e === 'promoteEmptyRest').length === 2) {
      await screenshot(page, 'delete-2-emptyRest-back-propagates', { fullPage: true });
    }
    if (f.phase === 'done') break;
  }
  assert.deepEqual(walked.filter((e) => e === 'promoteEmptyRest').length, 2, `steps: ${walked.join(' ')}`);
  c = await chain0(page);
  assert.deepEqual(c[1].map((s) => s.t), [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(c[0][7].t, 0);
  assert.ok(c[0][6].t >= 5);
  assert.equal(c[0][5].t, 1);
  const dumps = cliDumps(await scenarioText(page));
  const shown = await shownArrays(page);
  assert.deepEqual(compareChains(shown.buckets, dumps[dumps.length - 1].buckets, 'buckets'), []);
  return page;
}

// Insert until the map grows, then walk the insert's micro-steps one by one
// with the keyboard and watch evacuation: at every step the picture equals
// the map's bytes, an old array appears beside the new one, entries move
// to X and Y, and nevacuate advances.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState, shownArrays, shownHeader, cliDumps, scenarioText, compareChains, pause, frame, toEnd, newMap, fillKeys } from '../harness.mjs';

export const name = 'insert until growth and watch evacuation step by step';

export async function run(env) {
  const page = await openPage(env);
  await newMap(page, 'map[string]int64', { seed: 7 });
  await fillKeys(page, 26);
  await toEnd(page);
  assert.equal((await shownHeader(page)).B, '2');
  assert.deepEqual(await drawnEqualsState(page), []);

  await page.getByLabel('Key', { exact: true }).fill('apple');
  await page.getByLabel('Value', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Insert' }).click();
  // The insert starts playing; take the controls.
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await pause(page);
  await page.keyboard.press('Shift+ArrowLeft'); // to the end of the fill
  let f = await frame(page);
  assert.equal(f.phase, 'done');
  const seen = new Set();
  let sawOld = false;
  let sawX = false;
  let sawY = false;
  let shots = 0;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('ArrowRight');
    f = await frame(page);
    seen.add(f.e);
    const diffs = await drawnEqualsState(page);
    assert.deepEqual(diffs, [], `step ${f.step} (${f.e})`);
    const shown = await shownArrays(page);
    if (shown.oldbuckets) {
      sawOld = true;
      const cells = shown.oldbuckets.flatMap((c) => c.buckets.flat());
      sawX ||= cells.some((c) => c.t === 2 && c.text === '→X');
      sawY ||= cells.some((c) => c.t === 3 && c.text === '→Y');
    }
    if (f.e === 'growStart') await screenshot(page, 'growth-1-grow-starts');
    if (f.e === 'evacuateEntry' && shots++ === 3) {
      const narration = await page.locator('#narration').textContent();
      assert.match(narration, /Move "k\d+" from old slot \d to [XY]: bucket \d/);
      await screenshot(page, 'growth-2-evacuating', { fullPage: true });
    }
    if (f.phase === 'done') break;
  }
  for (const kind of ['hashKey', 'growStart', 'evacuateBucket', 'evacuateEntry', 'advanceNevacuate', 'claimSlot']) {
    assert.ok(seen.has(kind), `no ${kind} step was shown`);
  }
  assert.ok(sawOld, 'the old array was never drawn');
  assert.ok(sawX && sawY, 'no evacuatedX / evacuatedY slot was drawn');
  const header = await shownHeader(page);
  assert.equal(header.B, '3');
  assert.notEqual(header.oldbuckets, 'nil', 'a B=2→3 grow is still running after one insert');
  assert.equal(header.nevacuate, '1');
  // The whole history replayed by the CLI gives the same picture.
  const dumps = cliDumps(await scenarioText(page));
  const last = dumps[dumps.length - 1];
  const shown = await shownArrays(page);
  assert.deepEqual(compareChains(shown.buckets, last.buckets, 'buckets'), []);
  assert.deepEqual(compareChains(shown.oldbuckets, last.oldbuckets, 'oldbuckets'), []);
  assert.equal(header.count, String(last.count));
  await screenshot(page, 'growth-3-after-insert', { fullPage: true });
  return page;
}

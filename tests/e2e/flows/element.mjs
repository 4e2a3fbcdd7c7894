// <go-map-viz> on its own, as a blog post would embed it: attributes in,
// the map drawn, equal to the CLI's dump of the same scenario; changing an
// attribute redraws; moving the element keeps it.
import assert from 'node:assert/strict';
import { openPage, addViz, shownArrays, cliDumps, compareChains, SHOTS } from '../harness.mjs';

export const name = 'the <go-map-viz> element on its own';

const readEmbedded = async (page) => (await shownArrays(page, '#embedded')).buckets;

export async function run(env) {
  const page = await openPage(env);
  const ops = 'fill 20; del 3; set 100 7';
  await page.evaluate(() => {
    for (const id of ['host-a', 'host-b']) {
      const host = document.createElement('section');
      host.id = id;
      host.style.maxWidth = '760px';
      host.style.margin = '16px auto';
      document.body.append(host);
    }
  });
  await addViz(page, 'embedded', [['map-type', 'map[int64]int64'], ['seed', '5'], ['ops', ops]], '#host-a');
  const dumps = cliDumps(`map[int64]int64\nseed 5\n${ops.replaceAll('; ', '\n')}`);
  assert.deepEqual(compareChains(await readEmbedded(page), dumps[dumps.length - 1].buckets, 'buckets'), []);
  // Step 0 is the map before any operation; the last step is the end.
  await page.evaluate(() => { document.getElementById('embedded').step = '0'; });
  await page.waitForFunction(() => document.getElementById('embedded').shadowRoot.querySelector('.arrays').hidden);
  await page.evaluate(() => { document.getElementById('embedded').step = 'end'; });
  await page.waitForFunction(() => !document.getElementById('embedded').shadowRoot.querySelector('.arrays').hidden);
  // Moving it does not reload or lose it.
  const before = await readEmbedded(page);
  await page.evaluate(() => document.getElementById('host-b').append(document.getElementById('embedded')));
  await page.waitForTimeout(100);
  assert.deepEqual(await readEmbedded(page), before);
  await page.locator('#embedded').screenshot({ path: `${SHOTS}/element-standalone.png` });
  // A new ops attribute replays.
  await page.evaluate(() => {
    const el = document.getElementById('embedded');
    window.__ready = new Promise((res) => el.addEventListener('ready', res, { once: true }));
    el.ops = 'fill 3';
  });
  await page.evaluate(() => window.__ready);
  const three = (await readEmbedded(page)).flatMap((c) => c.buckets.flat()).filter((c) => c.t >= 5).length;
  assert.equal(three, 3);
  // Bad ops: an error event and a message, no exception.
  const errors = await page.evaluate(() => new Promise((res) => {
    const el = document.getElementById('embedded');
    el.addEventListener('gomap-error', (e) => res(e.detail.errors), { once: true });
    el.ops = 'set x 1';
  }));
  assert.equal(errors[0].line, 1);
  return page;
}

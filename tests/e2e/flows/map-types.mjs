// The map-type field (issue 16): a one-click choice makes a struct-keyed
// map whose layout panel shows the core's numbers (= `gomap --layout`), a
// composite key inserted through the Key field is drawn as the map's bytes
// say, a type Go refuses gets the core's message under the field and leaves
// the map on screen as it was, and Go 1.26 shows the Swiss slot and group.
// Screenshots at 1366x768 and 375x812 show the field and the panel fit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openPage, screenshot, drawnEqualsState, shownHeader, toEnd } from '../harness.mjs';

export const name = 'map-type field: choices, layout panel, composite keys, refused types';

const CLI = process.env.GOMAP_CLI ?? new URL('../../../build/native-release/gomap', import.meta.url).pathname;

export async function run(env) {
  let page;
  for (const viewport of [{ width: 1366, height: 768 }, { width: 375, height: 812 }]) {
    await page?.close();
    page = await openPage(env, { viewport });
    const field = page.getByLabel('Map type', { exact: true });
    const panel = page.locator('#layout-panel');
    // Today's default and its layout.
    assert.equal(await field.inputValue(), 'map[string]int64');
    const def = JSON.parse(execFileSync(CLI, ['--layout', 'map[string]int64'], { encoding: 'utf8' }));
    assert.match(await panel.textContent(), new RegExp(`Bucket${def.bucketsize} bytes`));

    await page.getByRole('button', { name: 'map[struct{X, Y int32}]bool' }).click();
    const want = JSON.parse(execFileSync(CLI, ['--layout', 'map[struct{X, Y int32}]bool'], { encoding: 'utf8' }));
    const text = await panel.textContent();
    assert.match(text, new RegExp(`Bucket${want.bucketsize} bytes`));
    assert.match(text, new RegExp(`Hash${want.hasher}`));
    assert.match(text, new RegExp(`Variant${want.variant}`));
    assert.match(text, /Indirectno/);
    await page.waitForFunction(() => document.querySelector('#map-type').value.includes('struct'));

    await page.getByLabel('Key', { exact: true }).fill('{1, 2}');
    await page.getByLabel('Value', { exact: true }).fill('true');
    await page.getByRole('button', { name: 'Insert' }).click();
    await toEnd(page);
    assert.deepEqual(await drawnEqualsState(page), []);
    assert.equal((await shownHeader(page)).count, '1');
    // A key too long for its slot: cut on screen, whole in the tooltip.
    await page.getByLabel('Key', { exact: true }).fill('{-2147483648, 2147483647}');
    await page.getByRole('button', { name: 'Insert' }).click();
    await toEnd(page);
    assert.deepEqual(await drawnEqualsState(page), []);
    const tips = await page.evaluate(() => [...document.querySelector('go-map-viz').shadowRoot.querySelectorAll('.slot .k[title]')].map((k) => [k.title, k.textContent]));
    assert.deepEqual(tips, [['{-2147483648 2147483647}', '{-2147483648 2147483647}']]);
    await screenshot(page, `map-types-struct-${viewport.width}`);

    // A type Go refuses: the core's message under the field, the map kept.
    await field.fill('map[func()]int');
    await field.press('Enter');
    const error = page.locator('#map-type-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /func types are not comparable.*column 1/);
    assert.equal((await shownHeader(page)).count, '2');
    assert.deepEqual(await drawnEqualsState(page), []);
    await page.locator('#map-type-error').scrollIntoViewIfNeeded();
    await screenshot(page, `map-types-refused-${viewport.width}`);

    // The field and the panel fit the column: nothing wider than the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  }
  // Go 1.26: the Swiss slot and group from the same JSON.
  await page.getByLabel('Map type', { exact: true }).fill('map[struct{X, Y int32}]bool');
  await page.getByLabel('Go version').selectOption('1.26');
  const want = JSON.parse(execFileSync(CLI, ['--layout', 'map[struct{X, Y int32}]bool'], { encoding: 'utf8' }));
  const text = await page.locator('#layout-panel').textContent();
  assert.match(text, new RegExp(`Slot${want.swiss.slotSize} bytes`));
  assert.match(text, new RegExp(`Group${want.swiss.groupSize} bytes`));
  await screenshot(page, 'map-types-swiss-375');
  return page;
}

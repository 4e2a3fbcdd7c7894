// The map-type field (issue 16): a one-click choice makes a struct-keyed
// map whose layout panel shows the core's numbers (= `gomap --layout`), a
// composite key inserted through the Key field is drawn as the map's bytes
// say, a type Go refuses gets the core's message under the field and leaves
// the map on screen as it was, and Go 1.26 shows the Swiss slot and group.
// Screenshots at 1366x768 and 375x812 show the field and the panel fit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openPage, addViz, shownArrays, screenshot, drawnEqualsState, shownHeader, toEnd, coreState, cliDumps, compareChains, settledHash } from '../harness.mjs';
import { encodeState } from '../../../web/share/fragment.mjs';

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
  await page.close();
  await linksAndAttributes(env);
  return refusals(env);
}


// Composite types in links and attributes (issue 16): a link opens the map,
// the address the page then writes (its permalink, what Share copies) opens
// the same type and bytes in a new page, under Go 1.14 and Go 1.26; an
// element's map-type builds the map the CLI builds from the same text.
async function linksAndAttributes(env) {
  const cases = [
    { mapType: 'map[struct{X, Y int32}]bool', version: '1.14', ops: 'set {1, 2} true; fill 12; del {3, 9}' },
    { mapType: 'map[[2]int64]string', version: '1.26', ops: 'set {1, 2} "a b"; fill 20' },
    { mapType: 'map[string][]byte', version: '1.14', ops: 'set "k" {104, 105}; fill 9' },
    { mapType: 'map[float32]uint8', version: '1.26', ops: 'set 1.5 7; set NaN 1; fill 9' },
  ];
  for (const c of cases) {
    const first = await openPage(env, { path: `#${encodeState({ ...c, seed: 11 })}` });
    await first.waitForFunction((t) => window.goMapPlayground.app.player?.setup[0] === t, c.mapType, { timeout: 20000 });
    assert.equal(await first.getByLabel('Map type', { exact: true }).inputValue(), c.mapType);
    if (c.version === '1.14') assert.deepEqual(await drawnEqualsState(first), []);
    const address = await settledHash(first);
    assert.ok(address.startsWith('#v=1&type='), address);
    // Blanks and braces are escaped; brackets and commas stay readable.
    assert.doesNotMatch(address, /[ {}"]/, address);
    assert.match(address, /^#v=1&type=map\[/, address);
    const want = await coreState(first);
    await first.close();
    const again = await openPage(env, { path: address });
    await again.waitForFunction((t) => window.goMapPlayground.app.player?.setup[0] === t, c.mapType, { timeout: 20000 });
    assert.equal(await again.getByLabel('Map type', { exact: true }).inputValue(), c.mapType);
    assert.deepEqual(await coreState(again), want, `${c.mapType} ${c.version}: the reopened link has other bytes`);
    assert.equal(await again.evaluate(() => location.hash), address);
    await again.close();
  }
  // <go-map-viz map-type=…>: drawn = the CLI's dump of the same scenario.
  const page = await openPage(env);
  const ops = 'set {1, -2} "x"; fill 14; del {3, 9}';
  await addViz(page, 'typed', [['map-type', 'map[[2]int64]string'], ['seed', '5'], ['ops', ops]]);
  const dumps = cliDumps(`map[[2]int64]string\nseed 5\n${ops.replaceAll('; ', '\n')}`);
  const drawn = (await shownArrays(page, '#typed')).buckets;
  assert.deepEqual(compareChains(drawn, dumps.at(-1).buckets, 'buckets'), []);
  assert.equal(await page.evaluate(() => document.getElementById('typed').mapType), 'map[[2]int64]string');
  await page.close();
}

// Types the core refuses, from a link, an attribute and an iframe: the
// core's reason naming the field, nothing run, the map kept.
async function refusals(env) {
  const page = await openPage(env, { path: '#v=1&type=map[%5B300%5Dbyte]int64&ops=fill+3' });
  const notice = page.locator('#link-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /type: "map\[\[300\]byte\]int64" was refused: key type '\[300\]byte': array length 300 is over this playground's limit of 256/);
  assert.equal((await shownHeader(page)).count, '5', 'the welcome map stays');
  await addViz(page, 'kept', [['map-type', 'map[struct{A float64; B [2]int8}]bool'], ['ops', 'set {1.5, {1, 2}} true']]);
  const before = await page.evaluate(() => JSON.stringify(document.getElementById('kept').player.map.state()));
  await page.evaluate(() => document.getElementById('kept').setAttribute('map-type', 'map[func()]int'));
  await page.waitForFunction(() => /^map-type: "map\[func\(\)\]int" was refused: key type 'func\(\)': func types are not comparable/
    .test(document.getElementById('kept').shadowRoot.querySelector('.viz-message').textContent));
  assert.equal(await page.evaluate(() => JSON.stringify(document.getElementById('kept').player.map.state())), before);
  assert.equal(await page.evaluate(() => document.getElementById('kept').mapType), 'map[struct{A float64; B [2]int8}]bool');
  assert.equal(await page.evaluate(() => window.__vizReady.kept), 1, 'nothing was rebuilt');
  await page.close();
  const embed = await openPage(env, { path: 'embed.html#v=1&type=map[chan+int]int&ops=fill+3', ready: false });
  await embed.locator('#notes').waitFor({ state: 'visible', timeout: 20000 });
  assert.match(await embed.locator('#notes').textContent(), /type: "map\[chan int\]int" was refused: key type 'chan int': channel types are not modelled/);
  assert.equal(await embed.evaluate(() => document.getElementById('viz').player ?? null), null, 'no map was made');
  return embed;
}

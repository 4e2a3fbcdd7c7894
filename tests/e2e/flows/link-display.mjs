// A permalink's look on the playground page: theme, view and controls in
// the page's own fragment are honoured as the embed page honours them.
// The theme colours the whole page (and the map inside its element, and
// the SVG export), the view shows the buckets, the table or both in the
// map's place, and controls is kept for the Embed snippets while the page
// keeps all of its own. Bad values give the embed page's very messages,
// in the notice, and change nothing of the map; a link refused for its map
// changes nothing of the look either.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, trapsFired, screenshot, playerSnapshot } from '../harness.mjs';

export const name = 'permalink theme, view and controls on the page (as on the embed page)';

const MAP = 'v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+3&step=1';
// The palettes' page backgrounds (styles/tokens-light.css, tokens-dark.css).
const LIGHT_BG = 'rgb(244, 245, 247)';
const DARK_BG = 'rgb(14, 17, 22)';

// What a reader sees of the look: the page's colours, the element's view,
// which of the page's own parts are there.
const look = (page) => page.evaluate(() => {
  const viz = document.getElementById('map-view');
  const body = viz.shadowRoot.querySelector('.viz');
  const shown = (el) => !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
  return {
    bg: getComputedStyle(document.documentElement).backgroundColor,
    scheme: getComputedStyle(document.documentElement).colorScheme,
    theme: body.dataset.theme,
    view: body.dataset.view,
    pictures: shown(viz.shadowRoot.querySelector('.array-new')),
    tableRows: shown(viz.shadowRoot.querySelector('.viz-table')) ? viz.shadowRoot.querySelectorAll('.viz-table tbody tr').length : 0,
    tableCard: shown(document.getElementById('table-card')),
    transport: ['to-start', 'prev-op', 'step-back', 'play', 'step-forward', 'next-op', 'to-end', 'timeline', 'narration']
      .filter((id) => shown(document.getElementById(id))),
    elementControls: shown(viz.shadowRoot.querySelector('.viz-controls')),
  };
});

const noticeItems = (page) => page.evaluate(() => {
  const n = document.getElementById('link-notice');
  return n.hidden ? [] : [...n.querySelectorAll('li')].map((li) => li.textContent);
});

async function go(page, fragment) {
  await page.evaluate(() => { document.getElementById('link-notice').hidden = true; });
  await page.evaluate((f) => { location.hash = f; }, fragment);
}

// The embed page's notes for a fragment: the messages the page must match.
async function embedNotes(env, fragment) {
  const embed = await openPage(env, { path: `embed.html#${fragment}`, ready: false });
  await embed.waitForFunction(() => document.getElementById('viz').player?.map, null, { timeout: 20000 });
  const notes = await embed.evaluate(() => [...document.querySelectorAll('#notes li')].map((li) => li.textContent));
  await embed.close();
  return notes;
}

export async function run(env) {
  // A reader whose system is light opens a dark link that shows both views.
  const link = `${MAP}&view=both&theme=dark&controls=minimal`;
  const page = await openPage(env, { path: `#${link}`, traps: true, colorScheme: 'light' });
  const dark = await look(page);
  assert.equal(dark.bg, DARK_BG, 'the page is dark');
  assert.equal(dark.scheme, 'dark');
  assert.equal(dark.theme, 'dark', 'the map element has the theme');
  assert.equal(dark.view, 'both');
  assert.equal(dark.pictures, true, 'view=both: the buckets');
  assert.ok(dark.tableRows > 0, 'view=both: and the table, in the map\'s place');
  assert.equal(dark.tableCard, false, 'the page\'s own table card does not repeat it');
  assert.equal(dark.transport.length, 9, `controls=minimal leaves the page's player whole: ${dark.transport}`);
  assert.equal(dark.elementControls, false, 'the page drives the element: no controls of its own');
  assert.deepEqual(await noticeItems(page), []);
  await screenshot(page, 'link-display-dark');

  // The look does not touch the map: the same link without it, the same bytes and step.
  const plain = await openPage(env, { path: `#${MAP}` });
  assert.equal(await playerSnapshot(page), await playerSnapshot(plain));
  assert.equal((await look(plain)).bg, LIGHT_BG);
  await plain.close();

  // The address the page writes keeps the look as the reader moves on.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.waitForFunction(() => /&step=2\.0&view=both&theme=dark&controls=minimal$/.test(location.hash), null, { timeout: 5000 });
  // Share and Embed pass it on; controls means what it means in an embed.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this moment' });
  await share.waitFor();
  assert.match(await share.getByLabel('Link to this moment').inputValue(), /&view=both&theme=dark&controls=minimal$/);
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this moment' });
  await dialog.waitFor();
  // The Embed options start from the link's look.
  assert.deepEqual(await page.evaluate(() => ['controls', 'view', 'theme'].map((k) => document.getElementById(`embed-${k}`).value)), ['minimal', 'both', 'dark']);
  assert.match(await dialog.getByLabel('2. Once per embed: the element').inputValue(), / step="2\.0" controls="minimal" view="both" theme="dark">Loading the Go map… \(If this stays, the page’s script tag needs type="module"\.\)<\/go-map-viz>$/);
  assert.match(await dialog.getByLabel(/^Or an iframe/).inputValue(), /&amp;view=both&amp;theme=dark&amp;controls=minimal" /);
  assert.match(await dialog.locator('.share-carried').textContent(), /theme dark, view both, controls minimal\. Controls set the element's and the iframe's own buttons; this page keeps all of its own\./);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // The export is drawn in the page's theme, not the system's.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  const svg = await readFile(await dl.path(), 'utf8');
  assert.match(svg, /<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="#0e1116"/, 'a dark SVG');

  // Bad values: the embed page's messages, the same map, the defaults.
  const before = await playerSnapshot(page);
  const bad = `${MAP}&view=overview&theme=neon&controls=${encodeURIComponent('<b>x</b>')}`;
  await go(page, bad);
  await page.locator('#link-notice').waitFor({ state: 'visible', timeout: 10000 });
  const items = await noticeItems(page);
  assert.deepEqual(items, await embedNotes(env, bad), 'the page says what the embed page says');
  assert.deepEqual(items, [
    'view: "overview" is not one of buckets, table, both; using the default, buckets',
    'theme: "neon" is not one of auto, light, dark; using the default, auto',
    'controls: "<b>x</b>" is not one of full, minimal, none; using the default, full',
  ]);
  assert.match(await page.locator('#link-notice > p').textContent(), /^Some of this link was not used:/);
  assert.equal(await page.locator('#link-notice b').count(), 0, 'text, not markup');
  await page.waitForFunction(() => /&step=1$/.test(location.hash), null, { timeout: 5000 });
  const after = JSON.parse(await playerSnapshot(page));
  const was = JSON.parse(before);
  assert.deepEqual({ ...after, position: null }, { ...was, position: null }, 'the same map, history and scenario');
  const fallback = await look(page);
  assert.deepEqual([fallback.bg, fallback.theme, fallback.view, fallback.pictures, fallback.tableRows, fallback.tableCard],
    [LIGHT_BG, 'auto', 'buckets', true, 0, true], 'each refused value is at its default, as the messages say');

  // A link refused for its map changes nothing, its look included.
  const shown = await playerSnapshot(page);
  await go(page, 'v=1&type=map[int64]int64&seed=NaN&ops=fill+3&theme=dark&view=table');
  await page.locator('#link-notice').waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await page.locator('#link-notice > p').textContent(), /^This link was not opened/);
  assert.equal(await playerSnapshot(page), shown);
  const kept = await look(page);
  assert.deepEqual([kept.bg, kept.view], [LIGHT_BG, 'buckets']);
  // So does one whose scenario does not run (the page showed its palette
  // while the scenario loaded, and takes it back).
  await go(page, 'v=1&type=map[int64]int64&ops=set+a+1&theme=dark');
  await page.locator('#link-notice').waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await page.locator('#link-notice > p').textContent(), /^The scenario in this link did not run/);
  assert.equal(await playerSnapshot(page), shown);
  assert.equal((await look(page)).bg, LIGHT_BG);

  // theme=light holds against a dark system, auto follows it; view=table
  // shows the table alone.
  await page.emulateMedia({ colorScheme: 'dark' });
  await go(page, `${MAP}&view=table&theme=light`);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const light = await look(page);
  assert.deepEqual([light.bg, light.scheme, light.view, light.pictures, light.tableRows > 0, light.tableCard],
    [LIGHT_BG, 'light', 'table', false, true, false]);
  await go(page, MAP);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'auto');
  assert.equal((await look(page)).bg, DARK_BG, 'auto: the system\'s dark');
  assert.equal(await page.evaluate(() => location.hash), `#${MAP}`, 'defaults leave the address');
  assert.deepEqual(await trapsFired(page), []);
  return page;
}

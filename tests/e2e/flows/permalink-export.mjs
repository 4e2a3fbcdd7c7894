// Permalinks and exports: work in the page, take the address, open it in a
// new page: the same bytes at the same step. The Share dialog's link is
// that address; the Embed dialog's element and iframe snippets show that
// same moment on other pages (tests/e2e/flows/embed-dialog.mjs has the rest
// of the Embed dialog). Export gives a
// well-formed SVG, a PNG of the right size (and within canvas limits for a
// big map) and the scenario with the dump as JSON. All under the strict CSP.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, installTraps, trapsFired, drawnEqualsState, toEnd, SHOTS, newMap, settledHeight } from '../harness.mjs';

export const name = 'permalink round trip, Share and Embed snippets, SVG/PNG/JSON export';

const moment = (page) => page.evaluate(() => {
  const p = window.goMapPlayground.app.player;
  return { state: JSON.stringify(p.map.state()), position: p.position, scenario: p.scenarioText() };
});

async function downloaded(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function parseSvg(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('title')?.textContent,
      texts: [...doc.querySelectorAll('text')].map((x) => x.textContent),
      scripts: doc.querySelectorAll('script, foreignObject, [onload], [onerror]').length,
      external: [...doc.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => /href$/.test(a.name) && !a.value.startsWith('#'))),
    };
  }, text);
}

export async function run(env) {
  const page = await openPage(env, { traps: true });
  // Some work: a seeded int64 map, a fill, an insert, a delete, then a few
  // micro-steps back into the delete, at another speed.
  await newMap(page, 'map[int64]int64', { seed: 7 });
  await page.getByLabel('Fill with N keys').fill('40');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  const key = page.getByLabel('Key', { exact: true });
  await key.fill('1000');
  await page.getByRole('button', { name: 'Insert' }).click();
  await key.fill('3');
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByLabel('Playback speed').selectOption('20');
  await toEnd(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  // The address follows each key press; take it once it has settled on the moment shown.
  await page.waitForFunction(() => {
    const settled = window.__lastHash === location.hash;
    window.__lastHash = location.hash;
    return settled && /&step=3\.\d+&speed=20$/.test(location.hash);
  }, null, { timeout: 5000, polling: 300 });
  const url = page.url();
  assert.match(url, /#v=1&type=map\[int64\]int64&seed=7&ops=fill\+40;\+set\+1000;\+del\+3&step=3\.\d+&speed=20$/);
  const before = await moment(page);

  // The same address in a new page: the same bytes at the same moment.
  const again = await openPage(env, { path: new URL(url).hash, traps: true });
  assert.deepEqual(await moment(again), before);
  assert.deepEqual(await drawnEqualsState(again), []);
  assert.equal(await again.locator('#speed').inputValue(), '20');
  assert.equal(await again.getByLabel('Seed (hash0)').inputValue(), '7');
  assert.equal(await again.locator('#link-notice').isHidden(), true);
  assert.equal(again.url(), url, 'the address it writes back is the one it opened');
  assert.deepEqual(await trapsFired(again), []);
  await again.close();

  // Share: the link is this address, and nothing else on the site.
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Link to this moment').inputValue(), url);
  assert.deepEqual(await dialog.locator('.share-field label').allTextContents(), ['Link to this moment']);
  await page.screenshot({ path: join(SHOTS, 'share-dialog.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Embed: the script from this site, then the element; the iframe at a wide column.
  await page.getByRole('button', { name: 'Embed' }).click();
  const embedDialog = page.getByRole('dialog', { name: 'Embed this moment' });
  await embedDialog.waitFor();
  await page.locator('#embed-source').selectOption('site');
  await page.locator('#embed-column').selectOption('720');
  // The iframe's height: measured from the embed itself, not the default.
  await page.waitForFunction(() => document.querySelector('.embed-dialog').dataset.iframeMeasured === 'true' &&
    !/ height="560"/.test(document.getElementById('embed-iframe').value), null, { timeout: 15000 });
  const element = `${await page.locator('#embed-script').inputValue()}\n${await page.locator('#embed-element').inputValue()}`;
  const iframe = await embedDialog.getByLabel(/^Or an iframe/).inputValue();
  const snippetHeight = Number(/ height="(\d+)"/.exec(iframe)[1]);
  assert.equal(await page.locator('iframe[aria-hidden="true"]').count(), 0, 'the measuring frame is gone');
  await page.keyboard.press('Escape');
  await embedDialog.waitFor({ state: 'hidden' });
  assert.match(element, new RegExp(`^<script type="module" src="${env.url}go-map-viz.js"></script>\\n<go-map-viz map-type="map\\[int64\\]int64" seed="7" ops="fill 40; set 1000; del 3" step="3\\.\\d+" speed="20">Loading the Go map… \\(If this stays, the page’s script tag needs type="module"\\.\\)</go-map-viz>$`));

  // The element snippet, pasted into a page of its own.
  const blank = await env.context.newPage();
  await installTraps(blank);
  const blankErrors = [];
  blank.on('pageerror', (e) => blankErrors.push(e.message));
  await blank.setContent(`<!doctype html><title>pasted</title>${element}`);
  await blank.waitForFunction(() => document.querySelector('go-map-viz')?.player?.map, null, { timeout: 20000 });
  const pasted = await blank.evaluate(() => {
    const el = document.querySelector('go-map-viz');
    return { state: JSON.stringify(el.player.map.state()), position: el.player.position };
  });
  assert.deepEqual(pasted, { state: before.state, position: before.position });
  assert.deepEqual(blankErrors, []);
  assert.deepEqual(await trapsFired(blank), []);
  await blank.close();

  // The iframe snippet's page, on its own: the same moment again.
  const src = /src="([^"]+)"/.exec(iframe)[1].replaceAll('&amp;', '&');
  assert.match(iframe, /title="Go map playground: map\[int64\]int64, 3 operations"/);
  const width = Number(/ width="(\d+)"/.exec(iframe)[1]);
  const embed = await openPage(env, { path: src.slice(env.url.length), traps: true, ready: false, viewport: { width, height: 4000 } });
  await embed.waitForFunction(() => document.getElementById('viz')?.player?.map, null, { timeout: 20000 });
  const standalone = await settledHeight(embed);
  // Measured as the dialog measures it: at the snippet's width, in a window
  // tall enough that the map's arrays are not capped by its height.
  assert.ok(Math.abs(standalone - snippetHeight) <= 2, `the snippet's height ${snippetHeight}, the page at its width ${standalone}`);
  const framed = await embed.evaluate(() => {
    const el = document.getElementById('viz');
    return { state: JSON.stringify(el.player.map.state()), position: el.player.position, speed: el.speed };
  });
  assert.deepEqual(framed, { state: before.state, position: before.position, speed: 20 });
  assert.deepEqual(await trapsFired(embed), []);
  await embed.close();

  // Export: SVG, PNG, JSON of the moment on screen.
  const svg = await downloaded(page, '#export-svg');
  assert.match(svg.name, /^go-map-map-int64-int64-step-3\.\d+\.svg$/);
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.deepEqual([parsed.root, parsed.ns], ['svg', 'http://www.w3.org/2000/svg']);
  assert.match(parsed.title, /^Go map: map\[int64\]int64, step 3\.(\d+): operation 3 \(del 3\), micro-step \1$/);
  assert.ok(parsed.texts.includes('1000'), 'the inserted key is drawn');
  assert.equal(parsed.scripts, 0);
  assert.equal(parsed.external, false);
  const pngFile = await downloaded(page, '#export-png');
  await writeFile(join(SHOTS, 'export-small.png'), pngFile.bytes);
  const png = pngSize(pngFile.bytes);
  assert.deepEqual(png, { width: Math.floor(parsed.width * 2), height: Math.floor(parsed.height * 2) });
  const json = JSON.parse((await downloaded(page, '#export-json')).bytes.toString('utf8'));
  assert.equal(json.format, 'go-map-playground/1');
  assert.equal(json.scenario, before.scenario);
  assert.equal(JSON.stringify(json.state), before.state);

  // A big map: the SVG is an overview, the PNG fits any browser's canvas.
  await page.getByLabel('Fill with N keys').fill('300000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  // The fill runs in slices; wait for it to end, then check it (asking the
  // map mid-fill from the test stalled this wait).
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !window.goMapPlayground.app.busy, null, { timeout: 120000, polling: 250 });
  assert.ok(await page.evaluate(() => window.goMapPlayground.app.player.map.header().count) > 300000);
  const bigSvg = await parseSvg(page, (await downloaded(page, '#export-svg')).bytes.toString('utf8'));
  assert.equal(bigSvg.error, null);
  const bigFile = await downloaded(page, '#export-png');
  await writeFile(join(SHOTS, 'export-big.png'), bigFile.bytes);
  const bigPng = pngSize(bigFile.bytes);
  assert.ok(bigPng.width <= 16384 && bigPng.height <= 16384 && bigPng.width * bigPng.height <= 16777216, JSON.stringify(bigPng));
  assert.ok(Math.abs(bigPng.width / bigPng.height - bigSvg.width / bigSvg.height) < 0.01, 'scaled, not cropped');
  assert.deepEqual(await trapsFired(page), []);
  await page.close();
  return swissExport(env);
}

// Go 1.26 (issue 15): SVG, PNG and JSON export and the table view and stats
// of a Swiss map, each equal to the page's session.
async function swissExport(env) {
  // String keys: no key text can pass for a control byte's two hex digits.
  const page = await openPage(env, { path: '#v=1&version=1.26&type=map[string]int64&seed=5', traps: true, viewport: { width: 1366, height: 768 } });
  await page.getByLabel('Fill with N keys').fill('40');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 1 && !window.goMapPlayground.app.busy);
  await page.getByLabel('Key', { exact: true }).fill('k7');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 2 && !window.goMapPlayground.app.busy);
  await toEnd(page);
  const state = await page.evaluate(() => window.goMapPlayground.app.player.map.state());
  const scenario = await page.evaluate(() => window.goMapPlayground.app.player.scenarioText());
  assert.equal(await page.locator('#export-svg').isDisabled(), false);
  const svg = await downloaded(page, '#export-svg');
  assert.equal(svg.name, 'go-map-map-string-int64-step-2.svg');
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.match(parsed.title, /^Go map: map\[string\]int64, step 2, after operation 2 \(del "?k7"?\)$/);
  const bytes = state.swiss.tables.flatMap((t) => t.groups.flatMap((g) => g.ctrl.map((c) => c.toString(16).padStart(2, '0'))));
  assert.deepEqual(parsed.texts.filter((x) => /^[0-9a-f]{2}$/.test(x)), bytes, 'the control bytes drawn are the session\'s');
  assert.ok(bytes.includes('fe') || bytes.includes('80'));
  assert.equal(parsed.scripts, 0);
  assert.equal(parsed.external, false);
  const png = pngSize((await downloaded(page, '#export-png')).bytes);
  assert.deepEqual(png, { width: Math.floor(parsed.width * 2), height: Math.floor(parsed.height * 2) });
  const json = JSON.parse((await downloaded(page, '#export-json')).bytes.toString('utf8'));
  assert.equal(json.scenario, scenario);
  assert.deepEqual(json.state, state);
  // The stats card: entries, tables, tombstones and load as the session has them.
  const stats = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.swiss-stats .stat')].map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent])));
  const capacity = state.swiss.tables.reduce((n, t) => n + t.capacity, 0);
  assert.equal(stats['entries (used)'], String(state.swiss.count));
  assert.equal(stats.tables, String(state.swiss.tables.length));
  assert.equal(stats['tombstones (0xFE)'], String(bytes.filter((b) => b === 'fe').length));
  assert.ok(stats['load (entries / slots)'].startsWith(`${((state.swiss.count / capacity) * 100).toFixed(1)}% of ${capacity} slots`));
  assert.equal(await page.locator('.stats-view').isVisible(), false, 'the bucket map\'s stats step aside');
  // The table view: a row per slot, control byte and key as in the session.
  await page.click('#table-toggle');
  const rows = await page.evaluate(() => [...document.querySelectorAll('.swiss-table tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent)));
  assert.equal(rows.length, bytes.length);
  assert.deepEqual(rows.map((r) => r[3]), bytes.map((b) => `0x${b}`));
  const keys = state.swiss.tables.flatMap((t) => t.groups.flatMap((g) => g.s.map((x) => ('k' in x ? String(x.k) : null))));
  rows.forEach((r, i) => { if (keys[i] !== null) assert.equal(r[5], keys[i]); });
  await page.locator('#table-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'swiss-table-stats-1366x768.png') });

  // Share offers compare mode: its link opens the page with both maps side by side.
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share this moment' });
  await share.waitFor();
  const plain = await share.getByLabel('Link to this moment').inputValue();
  assert.match(plain, /[#&]version=1\.26(&|$)/);
  assert.doesNotMatch(plain, /compare=1/);
  await share.getByLabel(/^Open in compare mode/).check();
  const compareLink = await share.getByLabel('Link to this moment').inputValue();
  assert.equal(compareLink, `${plain}&compare=1`);
  await page.keyboard.press('Escape');
  const opened = await openPage(env, { path: new URL(compareLink).hash, viewport: { width: 1366, height: 768 } });
  await opened.waitForFunction(() => window.goMapPlayground.compare?.panel?.isOpen, null, { timeout: 20000 });
  await opened.close();

  // Embed offers the model and compare mode, with the live preview.
  await page.getByRole('button', { name: 'Embed' }).click();
  const embed = page.getByRole('dialog', { name: 'Embed this moment' });
  await embed.waitFor();
  assert.equal(await page.locator('#embed-version').inputValue(), '1.26');
  assert.match(await page.locator('#embed-element').inputValue(), / version="1\.26"/);
  await page.locator('#embed-compare').check();
  await page.waitForFunction(() => / compare[ >]/.test(document.getElementById('embed-element').value));
  // The preview is the element with compare: both maps, each = its session.
  await page.waitForFunction(() => {
    const viz = document.querySelector('.embed-preview go-map-viz[compare]');
    return viz?.shadowRoot?.querySelectorAll('.cmp-side go-map-viz').length === 2;
  }, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SHOTS, 'swiss-embed-compare-1366x768.png') });
  // The other model: Go 1.14, the same operations (the moment: the end of the same operation).
  await page.locator('#embed-compare').uncheck();
  await page.locator('#embed-version').selectOption('1.14');
  await page.waitForFunction(() => !/ version="1\.26"/.test(document.getElementById('embed-element').value) && !/ compare[ >]/.test(document.getElementById('embed-element').value));
  await page.waitForFunction(() => document.querySelector('.embed-preview go-map-viz')?.player?.swiss === false, null, { timeout: 20000 });
  assert.doesNotMatch(await page.locator('#embed-element').inputValue(), / step=/, 'at the end, as the page is');
  await page.keyboard.press('Escape');
  assert.deepEqual(await trapsFired(page), []);
  return page;
}

// The one-file offline playground (dist/go-map-playground-offline.html),
// as a teacher would use it: opened from file:// in a browser with the
// network off and every non-file request refused. Nothing may leave the
// file; the map works (insert, step back and forth, drawn = bytes); a
// lesson opens from the address and plays with its narration and claims,
// and Share offers a link to its step in this file first. Share offers
// only what works from the file (a link to the file itself, the scenario;
// no snippet naming a file that is not there), Embed only a note on why,
// and that link reopens the moment, in the theme it asks for.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, SHOTS, drawnEqualsState, shownHeader, frame } from '../harness.mjs';
import lessons from '../../../web/lessons/index.mjs';
import { stepPlayed, checkStep } from '../lesson-steps.mjs';

export const name = 'offline single file from file:// with the network off';

// GOMAP_DIST: another build of the site, as the harness serves.
const FILE = join(process.env.GOMAP_DIST ?? join(ROOT, 'dist'), 'go-map-playground-offline.html');
// What a page may load without the network: itself, and what it holds inline.
const LOCAL = /^(data|blob|about):/;

export async function run() {
  assert.ok(existsSync(FILE), `${FILE} is missing: node scripts/build-offline.mjs`);
  const fileUrl = pathToFileURL(FILE).href;
  // A browser of its own: the shared one is a persistent context, which
  // cannot be started offline.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ offline: true, viewport: { width: 1440, height: 1000 } });
  const refused = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || LOCAL.test(url)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.consoleErrors = errors;
  page.close = async () => browser.close();
  try {
    await useOffline(page, fileUrl, requests, refused);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return page;
}

async function useOffline(page, fileUrl, requests, refused) {

  // Straight into a lesson: the address carries it.
  const lesson = lessons.find((l) => l.id === 'delete');
  await page.goto(`${fileUrl}#lesson=${lesson.id}&step=1`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  await page.getByLabel('Playback speed').selectOption('60');
  await stepPlayed(page, lesson.id, 0);
  await checkStep(page, lesson, 0);
  for (let k = 1; k < 4; k++) {
    await page.getByRole('button', { name: /^Next step/ }).click();
    await stepPlayed(page, lesson.id, k);
    await checkStep(page, lesson, k);
    assert.deepEqual(await drawnEqualsState(page), [], `step ${k + 1}: drawn = the map`);
  }
  await page.screenshot({ path: join(SHOTS, 'offline-lesson.png') });
  // Share during the lesson: the lesson step's link to this file first, then the file's permalink and the scenario.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this moment' });
  await share.waitFor();
  assert.deepEqual(await share.locator('.share-field label').allTextContents(), ['Link to this lesson step', 'Link to this moment', 'Scenario']);
  assert.equal(await share.getByLabel('Link to this lesson step').inputValue(), `${fileUrl}#lesson=delete&step=4`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-lesson');
  assert.ok((await share.getByLabel('Link to this moment').inputValue()).startsWith(`${fileUrl}#v=1&type=map[int64]int64&`));
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'hidden' });
  // The shadow root's styles came inline too.
  const styled = await page.evaluate(() => {
    const root = document.querySelector('go-map-viz').shadowRoot;
    const links = [...root.querySelectorAll('link[rel="stylesheet"]')];
    return { links: links.length, data: links.every((l) => l.href.startsWith('data:')), border: getComputedStyle(root.querySelector('.slot')).borderTopStyle };
  });
  assert.ok(styled.links > 0 && styled.data, 'the map\'s stylesheets are data: URLs');
  assert.notEqual(styled.border, 'none', 'the map\'s styles apply');

  // The playground itself: a new map, an insert played out, a step back.
  await page.getByRole('button', { name: 'Close lesson' }).click();
  await page.getByLabel('Map type', { exact: true }).fill('map[string]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.getByLabel('Hasher').selectOption('go114'); // the lesson left identity, which needs integer keys
  await page.getByLabel('Seed (hash0)').fill('7');
  await page.getByRole('button', { name: 'New map' }).click();
  for (const key of ['alpha', 'beta', 'gamma']) {
    await page.getByLabel('Key', { exact: true }).fill(key);
    await page.getByRole('button', { name: 'Insert' }).click();
    await page.waitForFunction(() => !window.goMapPlayground.app.playing);
  }
  assert.equal((await shownHeader(page)).count, '3');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('ArrowLeft');
  const f = await frame(page);
  assert.equal(f.phase, 'event', 'one micro-step back is inside the last insert');
  assert.deepEqual(await drawnEqualsState(page), []);
  await page.keyboard.press('End');
  assert.deepEqual(await drawnEqualsState(page), []);

  await shareFromFile(page, fileUrl, requests);

  const left = requests.filter((u) => u !== fileUrl && !u.startsWith(`${fileUrl}#`) && !LOCAL.test(u));
  assert.deepEqual(left, [], 'requests other than the file itself');
  assert.deepEqual(refused, [], 'requests refused by the offline route');
}

async function shareFromFile(page, fileUrl, requests) {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await dialog.waitFor();
  const offered = await dialog.evaluate((d) => ({
    labels: [...d.querySelectorAll('.share-field label')].map((l) => l.textContent),
    // The fields' texts (the compare checkbox is an option of the link, not a field).
    values: [...d.querySelectorAll('input:not([type="checkbox"]), textarea')].map((f) => f.value),
  }));
  assert.deepEqual(offered.labels, ['Link to this moment', 'Scenario'], 'no element or iframe field');
  for (const v of offered.values) assert.doesNotMatch(v, /go-map-viz\.js|embed\.html|<script|<iframe|<go-map-viz/, 'a snippet naming a file that is not here');
  const [link, scenario] = offered.values;
  assert.ok(link.startsWith(`${fileUrl}#v=1&type=map[string]int64&seed=7&`), link);
  assert.match(link, /&ops=set\+%22alpha%22;\+set\+%22beta%22;\+set\+%22gamma%22&/);
  assert.equal(scenario, await page.evaluate(() => window.goMapPlayground.app.scenarioText()));
  assert.equal(await dialog.getByRole('button', { name: 'Copy the scenario' }).isEnabled(), true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Embed opens its own dialog, with the note and nothing to copy: it answers what the reader asked for.
  await page.getByRole('button', { name: 'Embed' }).click();
  const embedDialog = page.getByRole('dialog', { name: 'Embed this moment' });
  await embedDialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-note');
  const embedOffer = await embedDialog.evaluate((d) => ({
    note: d.querySelector('#embed-note')?.textContent ?? null,
    described: d.getAttribute('aria-describedby'),
    fields: d.querySelectorAll('input, textarea, go-map-viz').length,
  }));
  assert.match(embedOffer.note, /^Embeds are not offered in this single file\..*hosted playground/);
  assert.equal(embedOffer.described, 'embed-note');
  assert.equal(embedOffer.fields, 0, 'no snippet and no preview in the single file');
  await page.screenshot({ path: join(SHOTS, 'offline-share-dialog.png') });
  await page.keyboard.press('Escape');
  await embedDialog.waitFor({ state: 'hidden' });

  // The link, with a theme added, in a new tab of the same offline browser.
  const moment = (p) => p.evaluate(() => {
    const pl = window.goMapPlayground.app.player;
    return JSON.stringify({ state: pl.map.state(), position: pl.position });
  });
  const again = await page.context().newPage();
  const errors = [];
  again.on('pageerror', (e) => errors.push(e.message));
  again.on('request', (r) => requests.push(r.url()));
  await again.goto(`${link}&theme=dark`);
  await again.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  assert.equal(await moment(again), await moment(page), 'the same bytes at the same step');
  const dark = await again.evaluate(() => ({
    bg: getComputedStyle(document.documentElement).backgroundColor,
    sheet: document.getElementById('dark-tokens').media,
    map: document.querySelector('go-map-viz').shadowRoot.querySelector('.viz').dataset.theme,
  }));
  assert.deepEqual(dark, { bg: 'rgb(14, 17, 22)', sheet: 'all', map: 'dark' });
  assert.deepEqual(errors, []);
  await again.close();

  // Go 1.26 and compare mode from the file (issue 15): a compare=1 link opens
  // both maps; closed, the Swiss map of 100,000 keys is drawn zoomed out.
  const swiss = await page.context().newPage();
  swiss.on('pageerror', (e) => errors.push(e.message));
  swiss.on('request', (r) => requests.push(r.url()));
  await swiss.goto(`${fileUrl}#v=1&version=1.26&type=map[int64]int64&ops=fill+100000&compare=1`);
  await swiss.waitForFunction(() => window.goMapPlayground?.compare?.panel?.isOpen, null, { timeout: 30000 });
  assert.equal(await swiss.evaluate(() => document.querySelectorAll('#compare-view .cmp-side go-map-viz').length), 2);
  await swiss.keyboard.press('Escape');
  await swiss.waitForFunction(() => document.querySelector('go-map-viz').shadowRoot.querySelector('.swo-caption')?.textContent.startsWith('128 tables, 100,000 entries'), null, { timeout: 20000 });
  assert.equal(await swiss.evaluate(() => window.goMapPlayground.app.player.swiss), true);
  assert.deepEqual(errors, []);
  await swiss.close();
}

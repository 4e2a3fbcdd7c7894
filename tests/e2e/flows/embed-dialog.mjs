// The Embed dialog as a blogger uses it: pick a moment and a look, watch the
// live preview show exactly that moment (the bytes a seek of the page gives),
// copy the script line once and the element line per embed, or the iframe,
// and paste each into a blank page served on another origin: every snippet
// renders the chosen moment, from this site, from the published package on
// jsDelivr and unpkg (their URLs answered from the package built here), and
// one script line serves two elements. The dialog by keyboard (focus kept
// inside, Escape), on a phone, in light and dark, with screenshots.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, installTraps, trapsFired, SHOTS, settledHeight } from '../harness.mjs';
import { installPackage, scratchSite, startStatic, TYPES } from '../package-cdn.mjs';

export const name = 'Embed dialog: options, live preview of the chosen moment, snippets pasted into blank pages';

const LINK = '#v=1&type=map[int64]int64&seed=7&ops=fill+12;+set+100;+del+3&step=2.1';

/** The bytes and position of the map the page's own player shows at a link's step. */
async function pageMoment(env, step) {
  const page = await openPage(env, { path: LINK.replace('step=2.1', `step=${step}`) });
  const m = await page.evaluate(() => {
    const p = window.goMapPlayground.app.player;
    return { state: JSON.stringify(p.map.state()), position: p.position };
  });
  await page.close();
  return m;
}

/** What a <go-map-viz> (found by `selector`, in `frame`) shows: its step, bytes and position. */
function elementMoment(frame, selector = 'go-map-viz') {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    return { step: el.currentStep, state: JSON.stringify(el.player.map.state()), position: el.player.position };
  }, selector);
}

const waitStep = (frame, step, selector = 'go-map-viz') => frame.waitForFunction(
  ([sel, s]) => document.querySelector(sel)?.player?.map && document.querySelector(sel).currentStep === s,
  [selector, step], { timeout: 20000 });

async function choose(page, id, value) {
  await page.locator(`#${id}`).selectOption(value);
}

async function typeInto(page, id, text) {
  await page.locator(`#${id}`).fill(text);
  await page.locator(`#${id}`).dispatchEvent('change');
}

/** The dialog's snippets, once the preview and the iframe's measured height have settled. */
async function snippets(page) {
  await page.waitForFunction(() => document.querySelector('.embed-dialog')?.dataset.iframeMeasured === 'true', null, { timeout: 20000 });
  return page.evaluate(() => Object.fromEntries(['script', 'element', 'iframe'].map((k) => [k, document.getElementById(`embed-${k}`).value])));
}

export async function run(env) {
  const page = await openPage(env, { traps: true, viewport: { width: 1366, height: 768 }, path: LINK });
  const at21 = await pageMoment(env, '2.1');
  const at32 = await pageMoment(env, '3.2');

  // Opened by keyboard: the focus lands on the first option, the preview shows this moment.
  await page.locator('#embed-btn').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Embed this moment' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-moment');
  assert.equal(await page.locator('#embed-moment option').first().textContent(), 'This moment (2.1)');
  await waitStep(page, '2.1', '.embed-dialog go-map-viz');
  const preview21 = await elementMoment(page, '.embed-dialog go-map-viz');
  assert.deepEqual(preview21, { step: '2.1', ...at21 }, 'the preview is the moment on screen, byte for byte');
  assert.equal(await page.getByRole('dialog', { name: 'Share this moment' }).count(), 0, 'Share is another dialog');
  for (const [scheme, width, height] of [['light', 1366, 768], ['light', 1024, 768], ['dark', 1366, 768], ['dark', 1024, 768]]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `embed-dialog-${width}x${height}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Another step: the preview follows, and it is what a seek of the page shows.
  await choose(page, 'embed-moment', 'custom');
  await typeInto(page, 'embed-step', '3.2');
  await waitStep(page, '3.2', '.embed-dialog go-map-viz');
  assert.deepEqual(await elementMoment(page, '.embed-dialog go-map-viz'), { step: '3.2', ...at32 });
  assert.equal(await page.locator('.embed-dialog').getAttribute('data-step'), '3.2');

  // A value the grammar refuses: said next to the field, no snippet to copy; the preview keeps its moment.
  await typeInto(page, 'embed-buckets', '9-3');
  await page.waitForFunction(() => document.getElementById('embed-buckets-error').textContent !== '');
  assert.match(await page.locator('#embed-buckets-error').textContent(), /buckets: "9-3" has a range that runs backwards/);
  assert.equal(await page.getByRole('button', { name: 'Copy the element' }).isDisabled(), true);
  assert.equal(await page.locator('#embed-element').inputValue(), '');
  await typeInto(page, 'embed-buckets', '');

  // The look: each option lands in the element line and the iframe's fragment, and in the preview.
  await choose(page, 'embed-controls', 'minimal');
  await choose(page, 'embed-header', 'compact');
  await choose(page, 'embed-size', 'max');
  await typeInto(page, 'embed-px', '420');
  await choose(page, 'embed-column', '375');
  const s = await snippets(page);
  assert.equal(s.script, '<script type="module" src="https://cdn.jsdelivr.net/npm/go-map-viz@0.2.0/go-map-viz.js"></script>');
  assert.match(s.element, /^<go-map-viz map-type="map\[int64\]int64" seed="7" ops="fill 12; set 100; del 3" step="3\.2" controls="minimal" header="compact" max-height="420">Loading the Go map…/);
  assert.doesNotMatch(s.element, /<script/, 'the element line holds no script: that line is pasted once per page');
  assert.match(s.iframe, /embed\.html#v=1&amp;.*&amp;step=3\.2&amp;controls=minimal&amp;header=compact&amp;maxheight=420" .* width="375" height="(\d+)"/);
  assert.deepEqual(await page.evaluate(() => {
    const el = document.querySelector('.embed-dialog go-map-viz');
    return [el.getAttribute('controls'), el.getAttribute('header'), el.getAttribute('max-height'), Math.round(el.getBoundingClientRect().height) <= 420];
  }), ['minimal', 'compact', '420', true]);
  // Back to a plain look for the pasted pages.
  await choose(page, 'embed-controls', 'full');
  await choose(page, 'embed-header', 'full');
  await choose(page, 'embed-size', 'auto');
  await choose(page, 'embed-column', '600');

  // Keyboard: Tab past Close comes back to the first option, Shift+Tab the other way; Escape closes.
  await page.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-moment');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Close');

  // The snippets, from each source, pasted into blank pages on another origin.
  const sources = {};
  for (const source of ['site', 'jsdelivr', 'unpkg']) {
    await choose(page, 'embed-source', source);
    sources[source] = await snippets(page);
  }
  assert.equal(sources.site.script, `<script type="module" src="${env.url}go-map-viz.js"></script>`);
  assert.equal(sources.unpkg.script, '<script type="module" src="https://unpkg.com/go-map-viz@0.2.0/go-map-viz.js"></script>');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-btn', 'the focus goes back to Embed');
  assert.equal(await page.locator('.embed-dialog go-map-viz').count(), 0, 'the preview is gone with the dialog');

  const pkg = installPackage();
  const pasted = scratchSite({
    'site.html': blank(`${sources.site.script}\n${sources.site.element}`),
    'jsdelivr.html': blank(`${sources.jsdelivr.script}\n${sources.jsdelivr.element}`),
    'unpkg.html': blank(`${sources.unpkg.script}\n${sources.unpkg.element}`),
    'two.html': blank(`${sources.site.script}\n${sources.site.element}\n<p>Between the two.</p>\n${sources.site.element.replace('step="3.2"', 'step="2.1"')}`),
    'iframe.html': blank(sources.site.iframe),
  });
  const host = await startStatic({ host: 'localhost', mounts: [['/', pasted.dir]], headers: () => ({ 'Cache-Control': 'no-cache' }) });
  try {
    for (const source of ['site', 'jsdelivr', 'unpkg']) {
      const p = await blankPage(env, pkg);
      await p.goto(`${host.url}/${source}.html`);
      await waitStep(p, '3.2');
      assert.deepEqual(await elementMoment(p), { step: '3.2', ...at32 }, `the ${source} snippet shows step 3.2`);
      if (source !== 'site') assert.ok(p.cdnHits.length >= 3, `${source}: the package's files came from its CDN URL`);
      assert.deepEqual(p.errors, [], source);
      assert.deepEqual(await trapsFired(p), [], source);
      await p.close();
    }

    // One script line, two elements at two moments.
    const two = await blankPage(env, pkg);
    await two.goto(`${host.url}/two.html`);
    await two.waitForFunction(() => [...document.querySelectorAll('go-map-viz')].every((el) => el.player?.map && el.currentStep), null, { timeout: 20000 });
    const both = await two.evaluate(() => [...document.querySelectorAll('go-map-viz')].map((el) => ({ step: el.currentStep, state: JSON.stringify(el.player.map.state()) })));
    assert.deepEqual(both, [{ step: '3.2', state: at32.state }, { step: '2.1', state: at21.state }]);
    assert.equal(await two.evaluate(() => document.querySelectorAll('script[src]').length), 1);
    assert.deepEqual(two.errors, []);
    await two.close();

    // The iframe: the embed page at 3.2, and the line after it sizes the frame to its content.
    const framed = await blankPage(env, pkg);
    await framed.setViewportSize({ width: 700, height: 900 });
    await framed.goto(`${host.url}/iframe.html`);
    await framed.waitForFunction(() => document.querySelector('iframe'));
    let inner = null;
    for (let i = 0; i < 200 && !inner; i++) {
      inner = framed.frames().find((f) => f.url().includes('embed.html')) ?? null;
      if (!inner) await framed.waitForTimeout(50);
    }
    assert.ok(inner, 'the iframe loads the embed page');
    await waitStep(inner, '3.2', '#viz');
    assert.deepEqual(await elementMoment(inner, '#viz'), { step: '3.2', ...at32 });
    // The line after the iframe sizes it to what the embed page reports.
    let sizes = null;
    for (let i = 0; i < 150; i++) {
      const wanted = await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      const given = await framed.evaluate(() => parseFloat(document.querySelector('iframe').style.height));
      sizes = { wanted, given };
      if (Math.abs(given - wanted) <= 1) break;
      await framed.waitForTimeout(100);
    }
    assert.ok(Math.abs(sizes.given - sizes.wanted) <= 1, `the frame is ${sizes.given} px, its page ${sizes.wanted} px`);
    // The snippet's fixed height (for hosts that strip the line) is the embed's own at 600 px,
    // measured as the dialog measures it: the page alone, in a window tall enough not to cap the map.
    const snippetHeight = Number(/ height="(\d+)"/.exec(sources.site.iframe)[1]);
    assert.match(sources.site.iframe, / width="600" /);
    const src = /src="([^"]+)"/.exec(sources.site.iframe)[1].replaceAll('&amp;', '&');
    const alone = await openPage(env, { path: src.slice(env.url.length), ready: false, viewport: { width: 600, height: 4000 } });
    await waitStep(alone, '3.2', '#viz');
    const own = await settledHeight(alone);
    await alone.close();
    assert.ok(Math.abs(own - snippetHeight) <= 2, `the snippet's height ${snippetHeight}, the embed page at 600 px ${own}`);
    assert.deepEqual(framed.errors, []);
    await framed.close();
  } finally {
    await host.stop();
    pasted.remove();
    pkg.remove();
  }

  await phone(env);
  assert.deepEqual(await trapsFired(page), []);
  return page;
}

function blank(body) {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A blog post</title></head>\n<body style="max-width:700px;margin:20px auto">\n${body}\n</body></html>\n`;
}

/** A page for pasted snippets: the package CDNs answered from the package built here, errors collected. */
async function blankPage(env, pkg) {
  const p = await env.context.newPage();
  await installTraps(p);
  p.errors = [];
  p.cdnHits = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') p.errors.push(m.text()); });
  const prefix = /^https:\/\/(cdn\.jsdelivr\.net\/npm|unpkg\.com)\/go-map-viz@0\.2\.0\//;
  await p.route(prefix, async (route) => {
    const url = route.request().url();
    const file = join(pkg.installed, decodeURIComponent(new URL(url).pathname.replace(/^\/(npm\/)?go-map-viz@0\.2\.0\//, '')));
    p.cdnHits.push(url);
    const ext = file.slice(file.lastIndexOf('.'));
    await route.fulfill({ path: file, headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' } });
  });
  return p;
}

/** The dialog on a 375×812 phone, light and dark: nothing wider than the screen, touch-sized controls. */
async function phone(env) {
  for (const scheme of ['light', 'dark']) {
    const p = await openPage(env, { viewport: { width: 375, height: 812 }, colorScheme: scheme, path: LINK });
    await p.getByRole('button', { name: 'Embed' }).click();
    await p.getByRole('dialog', { name: 'Embed this moment' }).waitFor();
    await waitStep(p, '2.1', '.embed-dialog go-map-viz');
    await p.waitForTimeout(300);
    const fit = await p.evaluate(() => {
      const d = document.querySelector('.embed-dialog');
      const r = d.getBoundingClientRect();
      const small = [...d.querySelectorAll('button, select, input[type="text"]')]
        .filter((el) => el.getClientRects().length && !el.closest('go-map-viz'))
        .filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.id || el.textContent);
      return { left: r.left, right: r.right, scroll: d.scrollWidth - d.clientWidth, small };
    });
    assert.ok(fit.left >= 0 && fit.right <= 375, `the dialog fits the phone (${fit.left}–${fit.right})`);
    assert.ok(fit.scroll <= 0, `nothing in it is wider than the dialog (${fit.scroll} px)`);
    assert.deepEqual(fit.small, [], 'every control is at least 44 px high');
    await p.screenshot({ path: join(SHOTS, `embed-dialog-375x812-${scheme}.png`) });
    await p.locator('#embed-script').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SHOTS, `embed-dialog-375x812-${scheme}-snippets.png`) });
    await p.keyboard.press('Escape');
    await p.close();
  }
}

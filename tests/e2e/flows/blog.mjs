// The sample blog (examples/blog), as a blogger builds and serves it: the
// go-map-viz tarball installed from npm into a scratch folder beside the
// blog's sources, Eleventy builds the post "How Go maps grow" with the
// package's goMapViz shortcode, the site is served from localhost with a
// strict CSP and the package from 127.0.0.1 (a CDN layout). In Chromium:
// the three moments render at the steps the post names, with the words the
// post relies on; each fits the 700 px column and keeps its height while
// stepped with the keyboard (the timeline's arrow keys); each follows the
// reader's dark mode; no console error, no CSP violation, no request
// outside the two origins. Screenshots at 1366x768 and 375x812, light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runOnOwnedPage, screenshot, installTraps, trapsFired } from '../harness.mjs';
import { installPackage, startCdn, startHost, strictCsp, copyFolder } from '../package-cdn.mjs';

export const name = 'sample blog: Eleventy builds a post with three <go-map-viz> moments from the package (cross-origin, strict CSP)';

const POST = '/posts/how-go-maps-grow/';
// The moments of the post, and what their narration must say for the text around them to be true.
const MOMENTS = [
  { step: '1.72', says: /Store \d+ in overflow bucket 1 of bucket 1, slot 0/ },
  { step: '2.28', says: /Move 14 from old slot 1 to Y: bucket 5.*evacuatedY/ },
  { step: '4.11', says: /slot 5, was emptyOne too, so it also becomes emptyRest/ },
];

export async function run(env) {
  const pkg = installPackage();
  const cdn = await startCdn(pkg.installed, pkg.version);
  const src = `${cdn.url}/go-map-viz@${pkg.version}/go-map-viz.js`;
  const blog = join(pkg.dir, 'blog');
  copyFolder(join(ROOT, 'examples/blog'), blog, (p) => !/(node_modules|_site|package\.json|package-lock\.json)$/.test(p));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet'], {
    cwd: blog, env: { ...process.env, GO_MAP_VIZ_SRC: src }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 60000,
  });
  const site = await startHost(join(blog, '_site'), strictCsp(cdn.origin));
  const stop = async () => {
    await Promise.all([cdn.stop(), site.stop()]);
    pkg.remove();
  };
  return runOnOwnedPage(env, stop, (page, requested) => steps(page, { blog, src, site, cdn, requested }));
}

const allDrawn = (page) => page.waitForFunction(() => {
  const els = [...document.querySelectorAll('go-map-viz')];
  return els.length === 3 && els.every((el) => el.currentStep !== null && el.shadowRoot && !el.shadowRoot.querySelector('.viz').hidden);
}, null, { timeout: 20000 });

function looks(page) {
  return page.evaluate(() => [...document.querySelectorAll('go-map-viz')].map((el) => {
    const r = el.getBoundingClientRect();
    const col = el.closest('main').getBoundingClientRect();
    return {
      step: el.currentStep,
      narration: el.shadowRoot.querySelector('.vc-narration')?.textContent ?? '',
      left: r.left, right: r.right, colLeft: col.left, colRight: col.right, width: r.width, height: r.height,
      bg: getComputedStyle(el.shadowRoot.querySelector('.viz')).backgroundColor,
      label: el.getAttribute('aria-label'),
    };
  }));
}

// The whole post in one picture. The bucket chains use content-visibility:
// auto, so Chromium leaves chains outside the viewport unpainted in a
// full-page capture; a viewport as tall as the page paints them all.
async function wholePage(page, name) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.waitForTimeout(200);
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

async function steps(page, { blog, src, site, cdn, requested }) {
  // What Eleventy wrote: three elements, the script once, in the head.
  const html = readFileSync(join(blog, '_site', POST, 'index.html'), 'utf8');
  assert.equal(html.split('<go-map-viz ').length - 1, 3, 'three elements in the post');
  assert.equal(html.split(`<script type="module" src="${src}"></script>`).length - 1, 1, 'the script once per page');
  assert.ok(html.indexOf(src) < html.indexOf('</head>'));
  const index = readFileSync(join(blog, '_site', 'index.html'), 'utf8');
  assert.ok(!index.includes(src), 'a page without an element does not load the script');
  assert.match(index, /How Go maps grow/);

  await installTraps(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${site.url}${POST}`);
  await allDrawn(page);
  const light = await looks(page);
  light.forEach((l, i) => {
    assert.equal(l.step, MOMENTS[i].step, `moment ${i + 1} shows its step`);
    assert.match(l.narration, MOMENTS[i].says, `moment ${i + 1}: the narration the post relies on`);
    assert.ok(l.left >= l.colLeft - 0.5 && l.right <= l.colRight + 0.5 && l.width <= 700, `moment ${i + 1} inside the 700 px column (${l.left}–${l.right} in ${l.colLeft}–${l.colRight})`);
  });
  assert.deepEqual(light.map((l) => l.label), ['An overflowing bucket', 'A map in the middle of growing', 'emptyRest after deletes']);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll at 1366');
  await wholePage(page, 'blog-1366-light');
  for (let i = 0; i < 3; i++) await screenshot(page.locator('go-map-viz').nth(i), `blog-moment-${i + 1}-light`);

  // The keyboard: Tab to a moment's timeline, the arrow keys step it; its height holds.
  for (let i = 0; i < 3; i++) {
    const timeline = page.locator('go-map-viz').nth(i).locator('.vc-timeline');
    await timeline.focus();
    const heights = [];
    const visited = [];
    const moves = ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight'];
    for (const key of moves) {
      const before = await page.evaluate((n) => document.querySelectorAll('go-map-viz')[n].currentStep, i);
      await page.keyboard.press(key);
      await page.waitForFunction(([n, b]) => document.querySelectorAll('go-map-viz')[n].currentStep !== b, [i, before], { timeout: 5000 });
      await page.waitForTimeout(60);
      const now = await page.evaluate((n) => {
        const el = document.querySelectorAll('go-map-viz')[n];
        return { step: el.currentStep, height: el.getBoundingClientRect().height, focused: el.shadowRoot.activeElement?.className };
      }, i);
      heights.push(now.height);
      visited.push(now.step);
      assert.equal(now.focused, 'vc-timeline', 'the focus stays on the timeline');
    }
    // Four back and four forward: back at the moment the post chose.
    assert.ok(new Set(visited).size >= 4, `moment ${i + 1} stepped: ${visited.join(' ')}`);
    assert.equal(visited.at(-1), MOMENTS[i].step, `moment ${i + 1} back where the post put it`);
    const spread = Math.max(...heights) - Math.min(...heights);
    assert.ok(spread <= 1, `moment ${i + 1} keeps its height while stepping (${Math.min(...heights)}–${Math.max(...heights)} px over ${visited.join(' ')})`);
  }

  // Dark mode, from the reader's system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${site.url}${POST}`);
  await allDrawn(page);
  const dark = await looks(page);
  const pageBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(pageBg, 'rgb(13, 17, 23)', 'the blog is dark');
  dark.forEach((d, i) => {
    assert.notEqual(d.bg, light[i].bg, `moment ${i + 1} follows prefers-color-scheme`);
    assert.equal(d.bg, 'rgb(14, 17, 22)', `moment ${i + 1} uses the dark palette`);
  });
  await wholePage(page, 'blog-1366-dark');
  for (let i = 0; i < 3; i++) await screenshot(page.locator('go-map-viz').nth(i), `blog-moment-${i + 1}-dark`);

  // A phone: the column is the screen; nothing scrolls the page sideways.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${site.url}${POST}`);
    await allDrawn(page);
    const small = await looks(page);
    small.forEach((s, i) => assert.ok(s.right <= 375 + 0.5, `moment ${i + 1} fits a 375 px screen (right edge ${s.right})`));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at 375 (${scheme})`);
    await wholePage(page, `blog-375-${scheme}`);
    await page.evaluate(() => document.querySelectorAll('go-map-viz')[1].scrollIntoView());
    await screenshot(page, `blog-375-${scheme}-screen`);
  }

  assert.deepEqual(await trapsFired(page), [], 'no CSP violation, dialog or storage');
  const origins = [...new Set(requested.map((u) => new URL(u).origin))].sort();
  assert.deepEqual(origins, [cdn.origin, site.origin].sort(), 'requests go to the blog and the package origin only');
}

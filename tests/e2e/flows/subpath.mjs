// The hosted page under a sub-path, as GitHub Pages serves a project site
// (https://<user>.github.io/<repo>/): dist/ served under /go-map-playground/
// only (nothing at the root), with the CSP docs/hosting.md asks for. The page
// loads and draws the map, a permalink opens the same map at the same step,
// the address keeps its path as the permalink is rewritten, and embed.html
// with its "open in the playground" link stays under the sub-path.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runOnOwnedPage, installTraps, trapsFired, drawnEqualsState, screenshot } from '../harness.mjs';
import { startStatic } from '../package-cdn.mjs';

export const name = 'hosted under a sub-path (/go-map-playground/, as GitHub Pages): page, map, permalink, embed';

const BASE = '/go-map-playground/';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

export async function run(env) {
  const server = await startStatic({
    mounts: [[BASE, join(ROOT, 'dist')]],
    headers: () => ({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }),
  });
  return runOnOwnedPage(env, () => server.stop(), (page) => steps(page, server));
}

const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });

async function steps(page, server) {
  await installTraps(page);
  const site = `${server.url}${BASE}`;

  // The page itself, with a map of the reader's making.
  await page.goto(site);
  await ready(page);
  const outside = server.requests.filter((r) => !r.path.startsWith(BASE));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');
  assert.ok(server.requests.some((r) => r.path === `${BASE}wasm/gomap_wasm.wasm` && r.status === 200), 'the wasm module loads from the sub-path');

  // A permalink opens the same map at the same step.
  const link = `${site}#v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+4&step=2`;
  await page.goto('about:blank');
  await page.goto(link);
  await ready(page);
  await page.waitForFunction(() => window.goMapPlayground.app.player?.history.length === 2 && document.querySelector('go-map-viz').model, null, { timeout: 20000 });
  const shown = await page.evaluate(() => {
    const { player } = window.goMapPlayground.app;
    const f = player.frame();
    const s = player.map.state();
    return { op: f.op, phase: f.phase, count: document.querySelector('go-map-viz').shadowRoot.querySelector('.field-count dd').textContent, seed: s.header?.hash0 ?? null, path: location.pathname };
  });
  assert.deepEqual({ op: shown.op, phase: shown.phase, count: shown.count }, { op: 1, phase: 'done', count: '11' }, 'fill 12; del 4 at step 2: 11 keys');
  assert.deepEqual(await drawnEqualsState(page), [], 'the drawing is the map\'s bytes');
  await page.waitForTimeout(500); // the permalink rewrite (at most every 300 ms)
  const address = new URL(page.url());
  assert.equal(address.pathname, BASE, 'the address keeps its sub-path');
  assert.match(address.hash, /type=map%5Bint64%5D%5Bint64|type=map\[int64\]int64|type=map%5Bint64%5Dint64/);
  await screenshot(page, 'subpath-permalink');

  // The embed page, and its link back to the playground, under the sub-path.
  await page.goto(`${site}embed.html#v=1&type=map[int64]int64&seed=9&ops=fill+12;+del+4&step=1`);
  await page.waitForFunction(() => document.getElementById('viz')?.player && !document.getElementById('open-link').hidden, null, { timeout: 20000 });
  const open = new URL(await page.locator('#open-link').getAttribute('href'), page.url());
  assert.equal(open.pathname, BASE, 'the embed links to the playground under the sub-path');
  assert.equal(await page.evaluate(() => document.getElementById('viz').shadowRoot.querySelector('.field-count dd').textContent), '12');

  assert.deepEqual(server.requests.filter((r) => !r.path.startsWith(BASE)), [], 'nothing asked outside the sub-path');
  assert.deepEqual(await trapsFired(page), []);
}

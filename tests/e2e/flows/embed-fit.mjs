// Embeds that fit a blog column (issue 12): stepping through an embed never
// changes its height; attributes show less (a compact or no hmap header,
// some buckets, a fixed height that scrolls inside); the element answers
// the arrow keys; `el.step = x` always seeks; an element with no
// operations says what a reader can do; a page that forgets
// type="module" shows the snippet's fallback text, not a blank box.
import assert from 'node:assert/strict';
import { openPage, screenshot, SHOTS } from '../harness.mjs';
import { embedHeights } from '../embed-moments.mjs';

export const name = 'embeds fit a column: stable height, header/buckets/height, keys, step, empty, no module';

const viz = (page, fn, arg) => page.evaluate(fn, arg);

export async function run(env) {
  // Stable height at a blog column's width, stepping through every moment.
  for (const r of await embedHeights(env, { width: 700 })) {
    assert.ok(r.steps > 3, `${r.name}: stepped ${r.steps} times`);
    // The element reserves its timeline's tallest moment; a moment it
    // measured short may still raise it once, by little (never shrinks).
    assert.equal(r.shrank, false, `${r.name}: the height went down while stepping`);
    assert.ok(r.max - r.first <= r.first * 0.08, `${r.name}: the height went from ${r.first} to ${r.max} px while stepping`);
    await r.page.screenshot({ path: `${SHOTS}/embed-fit-${r.name.replace(/[^a-z0-9]+/gi, '-')}.png` });
    await r.page.close();
  }

  const page = await openPage(env);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.evaluate(() => {
    const host = document.createElement('section');
    host.id = 'host';
    host.style.cssText = 'max-width: 640px; margin: 16px auto';
    host.innerHTML = '<go-map-viz id="a" map-type="map[int64]int64" seed="1" ops="fill 40; set 100 1" header="compact" buckets="4-7" controls="minimal"></go-map-viz>' +
      '<go-map-viz id="b" map-type="map[int64]int64" seed="1" ops="fill 40; set 100 1" header="none" height="240"></go-map-viz>' +
      '<go-map-viz id="c" map-type="map[string]int64"></go-map-viz>';
    document.body.prepend(host);
  });
  await page.waitForFunction(() => ['a', 'b', 'c'].every((id) => document.getElementById(id).model));
  // buckets="4-7": four chains shown, the rest hidden, and a note says so.
  const a = await viz(page, () => {
    const root = document.getElementById('a').shadowRoot;
    const chains = [...root.querySelectorAll('.array-new .chain')];
    return {
      shown: chains.filter((c) => !c.hidden).map((c) => Number(c.dataset.index)),
      total: chains.length,
      note: root.querySelector('.buckets-note').textContent,
      header: root.querySelector('.viz').dataset.header,
      headerHeight: root.querySelector('.hmap')?.getBoundingClientRect().height ?? 0,
    };
  });
  assert.deepEqual(a.shown, [4, 5, 6, 7]);
  assert.ok(a.total >= 8);
  assert.equal(a.note, `Showing 4 of ${a.total} buckets (4-7).`);
  assert.equal(a.header, 'compact');
  // header="none" and height="240": no header, a frame of 240 px that scrolls inside.
  const b = await viz(page, () => {
    const el = document.getElementById('b');
    const body = el.shadowRoot.querySelector('.viz');
    return { header: el.shadowRoot.querySelector('.hmap')?.closest('[hidden]') !== null, height: Math.round(body.getBoundingClientRect().height), scrolls: body.scrollHeight > body.clientHeight };
  });
  assert.deepEqual(b, { header: true, height: 240, scrolls: true });
  // No operations: the element says what a reader can do.
  assert.match(await viz(page, () => document.getElementById('c').shadowRoot.querySelector('.viz-message').textContent), /^An empty map\[string\]int64: this map has no operations to step through\./);
  await page.locator('#host').screenshot({ path: `${SHOTS}/embed-fit-attributes.png` });

  // The arrow keys step when the focus is in the element.
  const step = () => viz(page, () => document.getElementById('a').currentStep);
  assert.equal(await step(), 'end');
  await page.locator('#a').getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const back2 = await step();
  assert.notEqual(back2, 'end');
  await page.keyboard.press('End');
  assert.equal(await step(), 'end');
  await page.keyboard.press('Home');
  assert.equal(await step(), '0');
  // el.step = x seeks to x, even when the attribute already says x.
  await viz(page, () => { document.getElementById('a').step = '1'; });
  await page.waitForFunction(() => document.getElementById('a').currentStep === '1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), '2.0');
  await viz(page, () => { document.getElementById('a').step = '1'; });
  await page.waitForFunction(() => document.getElementById('a').currentStep === '1');

  // A page that loads the script without type="module": the snippet's
  // fallback text shows instead of a blank box.
  const plain = await env.context.newPage();
  const errors = [];
  plain.on('pageerror', (e) => errors.push(e.message));
  await plain.route('**/forgot-module.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>forgot</title><script src="${env.url}go-map-viz.js"></script>` +
      '<go-map-viz map-type="map[int64]int64" ops="fill 3">Loading the Go map… (If this stays, the page’s script tag needs type="module".)</go-map-viz>',
  }));
  await plain.goto(`${env.url}forgot-module.html`);
  await plain.waitForTimeout(500);
  const text = await plain.locator('go-map-viz').innerText();
  assert.match(text, /needs type="module"/);
  assert.ok((await plain.locator('go-map-viz').boundingBox()).height > 0, 'the fallback takes room');
  await plain.close();
  await screenshot(page, 'embed-fit-page');
  return page;
}

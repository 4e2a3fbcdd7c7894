// Embedding, as another site does it: a blog page on localhost (its own
// strict CSP) with three <go-map-viz> from one cross-origin script and an
// iframe of embed.html. Each element is its own map (drawn = its bytes),
// moving one keeps it (no second `ready`), the controls and events work
// per element, the iframe reports its height and ignores stray messages,
// and nothing breaks a CSP, runs a dialog or touches storage.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, runOnHostPage, installTraps, trapsFired, cliDumps, compareChains } from '../harness.mjs';

export const name = 'element and iframe embedded by another site (cross-origin, strict CSP)';

function drawn(page, id) {
  return page.evaluate((i) => {
    const root = document.getElementById(i).shadowRoot;
    const read = (sel) => [...root.querySelectorAll(`${sel} .chain`)].map((chain) => ({
      index: Number(chain.dataset.index),
      buckets: [...chain.querySelectorAll('.bucket')].map((b) => [...b.querySelectorAll('.slot')].map((c) => ({ t: Number(c.dataset.t), k: c.dataset.k ?? null }))),
    }));
    return { buckets: read('.array-new'), count: root.querySelector('.field-count dd')?.textContent };
  }, id);
}

const own = (page, id) => page.evaluate((i) => document.getElementById(i).player.map.state(), id);
const events = (page, id, type) => page.evaluate(([i, t]) => window.__events.filter((e) => e.id === i && e.type === t), [id, type]);

export const run = (env) => runOnHostPage(env, steps);

async function steps(page, host) {
  await installTraps(page);
  await page.goto(host.url);
  await page.waitForFunction(() => ['m1', 'm2', 'm3'].every((id) => window.__events.some((e) => e.id === id && e.type === 'ready')
    && !document.getElementById(id).shadowRoot.querySelector('.viz').hidden), null, { timeout: 20000 });

  // Three maps, three states, each its own bytes.
  const m1 = cliDumps('map[int64]int64\nseed 1\nfill 5');
  assert.deepEqual(compareChains((await drawn(page, 'm1')).buckets, m1[m1.length - 1].buckets, 'm1'), []);
  for (const id of ['m2', 'm3']) assert.deepEqual(compareChains((await drawn(page, id)).buckets, (await own(page, id)).buckets, id), []);
  assert.deepEqual(await Promise.all(['m1', 'm2', 'm3'].map(async (id) => (await drawn(page, id)).count)), ['5', '2', '9']);
  // m2 is at step 2: after the second operation, before the delete.
  const ready2 = (await events(page, 'm2', 'ready'))[0].detail;
  assert.deepEqual({ step: ready2.step, op: ready2.op, operations: ready2.operations }, { step: '2', op: 2, operations: 3 });
  const m2keys = (await own(page, 'm2')).buckets.flat().flatMap((b) => b.k.filter((k, s) => b.t[s] >= 5)).sort();
  assert.deepEqual(m2keys, ['apple', 'banana']);

  // Each shows what its attributes ask: theme, controls, view.
  const look = await page.evaluate(() => Object.fromEntries(['m1', 'm2', 'm3'].map((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const visible = (sel) => !!root.querySelector(sel)?.checkVisibility();
    return [id, {
      bg: getComputedStyle(root.querySelector('.viz')).backgroundColor,
      timeline: visible('.vc-timeline'), play: visible('.vc-play'), table: visible('.bucket-table'), arrays: visible('.arrays'),
      rows: root.querySelectorAll('.bucket-table tbody tr').length,
      props: { mapType: el.mapType, seed: el.seed, step: el.step, controls: el.controls, view: el.view, theme: el.theme, autoplay: el.autoplay, speed: el.speed },
    }];
  })));
  assert.equal(look.m2.bg, 'rgb(14, 17, 22)', 'theme="dark" on a light page');
  assert.notEqual(look.m1.bg, look.m2.bg);
  assert.deepEqual([look.m1.timeline, look.m1.play], [true, true], 'controls default to full');
  assert.deepEqual([look.m2.timeline, look.m2.play], [false, true], 'controls="minimal"');
  assert.deepEqual([look.m3.play, look.m3.table, look.m3.arrays, look.m3.rows], [false, true, true, 16], 'controls="none", view="both"');
  assert.deepEqual(look.m1.props, { mapType: 'map[int64]int64', seed: 1, step: 'end', controls: 'full', view: 'buckets', theme: 'auto', autoplay: false, speed: 8 });
  await page.locator('#m2').screenshot({ path: join(SHOTS, 'embed-element-dark-minimal.png') });

  // Stepping one element moves it alone, and says so in step-change.
  await page.evaluate(() => document.getElementById('m1').shadowRoot.querySelector('.vc-step-back').click());
  await page.waitForFunction(() => window.__events.some((e) => e.id === 'm1' && e.type === 'step-change'));
  const change = (await events(page, 'm1', 'step-change')).at(-1).detail;
  assert.equal(change.phase, 'event');
  assert.equal(change.step, `1.${change.micro}`);
  assert.equal(await page.evaluate(() => document.getElementById('m1').currentStep), change.step);
  assert.equal((await events(page, 'm2', 'step-change')).length + (await events(page, 'm3', 'step-change')).length, 0);

  // Moving an element keeps its map and its step: no reload, no second ready.
  const before = { drawn: await drawn(page, 'm1'), state: await own(page, 'm1') };
  await page.evaluate(() => document.getElementById('elsewhere').append(document.getElementById('m1')));
  await page.evaluate(() => document.getElementById('first').append(document.getElementById('m1')));
  await page.waitForTimeout(150);
  assert.deepEqual(await drawn(page, 'm1'), before.drawn);
  assert.deepEqual(await own(page, 'm1'), before.state);
  assert.equal(await page.evaluate(() => document.getElementById('m1').currentStep), change.step);
  assert.equal((await events(page, 'm1', 'ready')).length, 1);

  // Autoplay runs one element to its end; a move mid-play does not stop it.
  await page.evaluate(() => {
    const el = document.getElementById('m3');
    el.speed = 120;
    el.step = '0';
    el.autoplay = true;
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.id === 'm3' && e.type === 'step-change').length > 3);
  await page.evaluate(() => document.getElementById('elsewhere').append(document.getElementById('m3')));
  await page.waitForFunction(() => document.getElementById('m3').currentStep === 'end' && !document.getElementById('m3').playing, null, { timeout: 15000 });
  assert.equal((await events(page, 'm3', 'ready')).length, 1);
  assert.deepEqual(compareChains((await drawn(page, 'm3')).buckets, (await own(page, 'm3')).buckets, 'm3'), []);

  // The iframe: its height arrives as { type, height } and sizes it.
  await page.waitForFunction(() => window.__heights.length > 0 && Math.abs(parseFloat(document.getElementById('frame').style.height) - window.__heights.at(-1)) < 1);
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.getElementById('viz').player);
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const reported = await page.evaluate(() => window.__heights.at(-1));
  assert.ok(Math.abs(inner - reported) <= 1, `reported ${reported}, body ${inner}`);
  assert.ok(reported > 300, `the iframe grew to its content (${reported}px)`);
  assert.match(await page.locator('#frame').getAttribute('title'), /^Go map playground/);
  assert.match(await frame.title(), /^Go map playground \(embedded\): map\[int64\]int64, 2 operations$/);
  // Stray messages are ignored; the one documented request is answered.
  const count = () => page.evaluate(() => window.__heights.length);
  const n0 = await count();
  await page.evaluate(() => {
    const w = document.getElementById('frame').contentWindow;
    for (const junk of ['go-map-viz:request-height', { type: 'go-map-viz:request-height', x: '<img src=x onerror=alert(1)>' },
      [{ type: 'go-map-viz:request-height' }], { type: 'go-map-viz:height', height: 99999 }, null, 42]) w.postMessage(junk, '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await count(), n0, 'junk messages get no answer');
  await page.evaluate(() => document.getElementById('frame').contentWindow.postMessage({ type: 'go-map-viz:request-height' }, '*'));
  await page.waitForFunction((n) => window.__heights.length === n + 1, n0);

  await page.locator('#frame').scrollIntoViewIfNeeded();
  // An iframe of another site paints once it is on screen.
  await frame.waitForFunction(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(true)))));
  await page.waitForTimeout(200);
  await page.locator('#framed').screenshot({ path: join(SHOTS, 'embed-host-iframe.png') });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'embed-host-elements.png') });
  assert.deepEqual(await trapsFired(page), []);
}

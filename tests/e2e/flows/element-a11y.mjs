// <go-map-viz> for a reader on the keyboard or with a screen reader, on a
// page of several maps (tests/e2e/fixtures/reader.html, another origin):
// a button disabled at either end of the timeline hands the focus on
// instead of dropping it to <body>; a reader's move is read out by a
// polite live region and a playback is not, step by step; each controls
// group has its own name; the properties read the map on screen, not one
// whose scenario failed; an element with nothing to show takes no room.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, runOnHostPage } from '../harness.mjs';

export const name = 'the element on the keyboard and for a screen reader (focus, live narration, names, settings in use)';

// Where the focus is: the host in the document, the control in its shadow root.
const focused = (page) => page.evaluate(() => {
  const host = document.activeElement;
  const inner = host?.shadowRoot?.activeElement ?? null;
  return { host: host?.id || host?.localName, control: inner?.getAttribute('aria-label') ?? inner?.className ?? null };
});
const disabled = (page, id, cls) => page.evaluate(([i, c]) => document.getElementById(i).shadowRoot.querySelector(`.${c}`).disabled, [id, cls]);
const position = (page, id) => page.evaluate((i) => document.getElementById(i).player.position, id);
// Writes to an element's live region since countWrites() was called.
const countWrites = (page, id) => page.evaluate((i) => {
  const live = document.getElementById(i).shadowRoot.querySelector('.vc-live');
  window.__writes ??= {};
  window.__writes[i] = 0;
  window.__observers ??= {};
  window.__observers[i]?.disconnect();
  window.__observers[i] = new MutationObserver((records) => { window.__writes[i] += records.length; });
  window.__observers[i].observe(live, { childList: true, characterData: true, subtree: true });
}, id);
const writes = (page, id) => page.evaluate((i) => window.__writes[i], id);
const said = (page, id) => page.evaluate((i) => {
  const root = document.getElementById(i).shadowRoot;
  return { live: root.querySelector('.vc-live').textContent.trim(), narration: root.querySelector('.vc-narration').textContent };
}, id);
// Longer than the live region's wait for the moves to settle (250 ms).
const SETTLE = 450;

export const run = (env) => runOnHostPage(env, steps);

async function steps(page, host) {
  // The element's events do not bubble; the document sees them on their way down.
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['ready', 'gomap-error']) {
      document.addEventListener(type, (e) => window.__events.push({ id: e.target.id, type, detail: JSON.parse(JSON.stringify(e.detail)) }), true);
    }
  });
  await page.goto(`${host.url}reader.html`);
  await page.waitForFunction(() => ['fruit', 'ints', 'named', 'auto', 'switch'].every((id) => window.__events.some((e) => e.id === id && e.type === 'ready')),
    null, { timeout: 20000 });

  // ---- An element with nothing to show takes no room (its sheets are in).
  await page.waitForFunction(() => [...document.getElementById('empty').shadowRoot.querySelectorAll('link')].every((l) => l.sheet));
  const emptyBox = () => page.evaluate(() => {
    const el = document.getElementById('empty');
    return { height: el.getBoundingClientRect().height, shown: !el.shadowRoot.querySelector('.viz').hidden };
  });
  assert.deepEqual(await emptyBox(), { height: 0, shown: false }, 'no attributes: nothing drawn, not even the frame');
  // A refused attribute of its own is something to show: the note says why.
  await page.evaluate(() => document.getElementById('empty').setAttribute('density', 'huge'));
  await page.waitForFunction(() => !document.getElementById('empty').shadowRoot.querySelector('.viz').hidden);
  assert.ok((await emptyBox()).height > 20);
  await page.evaluate(() => document.getElementById('empty').removeAttribute('density'));
  await page.waitForFunction(() => document.getElementById('empty').shadowRoot.querySelector('.viz').hidden);
  assert.equal((await emptyBox()).height, 0);

  // ---- Focus: Tab to "Step forward" of the minimal element, Enter to the end.
  await page.focus('#before');
  for (let i = 0; i < 6 && (await focused(page)).control !== 'Step forward'; i++) await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { host: 'fruit', control: 'Step forward' });
  for (let i = 0; i < 40 && !(await disabled(page, 'fruit', 'vc-step-forward')); i++) {
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).host, 'fruit', `press ${i + 1}: the focus left the element`);
  }
  assert.equal(await page.evaluate(() => document.getElementById('fruit').currentStep), 'end');
  assert.deepEqual(await focused(page), { host: 'fruit', control: 'Step back' }, 'at the end, Step forward hands the focus to Step back');
  // The move was read out, in minimal mode too (its narration is not shown).
  await page.waitForFunction(() => {
    const root = document.getElementById('fruit').shadowRoot;
    return root.querySelector('.vc-live').textContent.trim() === root.querySelector('.vc-narration').textContent;
  });
  const live = await page.evaluate(() => {
    const r = document.getElementById('fruit').shadowRoot.querySelector('.vc-live');
    return { live: r.getAttribute('aria-live'), atomic: r.getAttribute('aria-atomic'), text: r.textContent, narrationShown: r.previousElementSibling.checkVisibility() };
  });
  assert.deepEqual([live.live, live.atomic, live.narrationShown], ['polite', 'true', false]);
  assert.match(live.text, /^Operation 3 of 3: del apple/);
  // Back to the start: Step back hands the focus to Step forward.
  for (let i = 0; i < 40 && !(await disabled(page, 'fruit', 'vc-step-back')); i++) await page.keyboard.press('Enter');
  assert.equal(await position(page, 'fruit'), 0);
  assert.deepEqual(await focused(page), { host: 'fruit', control: 'Step forward' });
  // Full controls: To the end and To the start hand it to each other.
  await page.evaluate(() => document.getElementById('ints').shadowRoot.querySelector('.vc-to-end').focus());
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.getElementById('ints').currentStep), 'end');
  assert.deepEqual(await focused(page), { host: 'ints', control: 'To the start' });
  await page.keyboard.press('Enter');
  assert.equal(await position(page, 'ints'), 0);
  assert.deepEqual(await focused(page), { host: 'ints', control: 'To the end' });
  // A sentence still waiting when the page moves the element is dropped:
  // it would describe a moment no longer on screen.
  await page.waitForTimeout(SETTLE);
  await countWrites(page, 'ints');
  await page.keyboard.press('Enter');
  await page.evaluate(() => { document.getElementById('ints').step = '1.3'; });
  await page.waitForTimeout(SETTLE);
  assert.equal(await page.evaluate(() => document.getElementById('ints').currentStep), '1.3');
  assert.equal(await writes(page, 'ints'), 0, 'the reader\'s move, overtaken by the page\'s, is not read out');

  // ---- What is read out. A host script's step says nothing (once the
  // last button press has been read).
  await page.waitForTimeout(SETTLE);
  await countWrites(page, 'ints');
  await page.evaluate(() => { document.getElementById('ints').step = '1'; });
  await page.waitForTimeout(SETTLE);
  assert.equal(await writes(page, 'ints'), 0, 'a step set by the page is not read out');
  // An autoplay ran to its end without a word.
  await page.waitForFunction(() => document.getElementById('auto').currentStep === 'end' && !document.getElementById('auto').playing, null, { timeout: 15000 });
  await page.waitForTimeout(SETTLE);
  assert.equal((await said(page, 'auto')).live, '', 'autoplay is not read out');
  // The reader's playback: quiet while it plays, then where it stopped.
  await page.evaluate(() => { document.getElementById('fruit').speed = 3; });
  await page.evaluate(() => document.getElementById('fruit').shadowRoot.querySelector('.vc-play').focus());
  await countWrites(page, 'fruit');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1300);
  assert.equal(await page.evaluate(() => document.getElementById('fruit').playing), true);
  assert.ok(await position(page, 'fruit') >= 3, 'it played');
  assert.equal(await writes(page, 'fruit'), 0, 'the steps of a playback are not read out');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(SETTLE);
  let s = await said(page, 'fruit');
  assert.equal(s.live, s.narration, 'a pause says where it stopped');
  assert.equal(await writes(page, 'fruit'), 1);
  await page.evaluate(() => { document.getElementById('fruit').speed = 120; });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('fruit').currentStep === 'end' && !document.getElementById('fruit').playing);
  await page.waitForTimeout(SETTLE);
  s = await said(page, 'fruit');
  assert.equal(s.live, s.narration, 'the end of the reader\'s playback is read out');
  assert.match(s.live, /^Operation 3 of 3: del apple/);
  assert.equal(await writes(page, 'fruit'), 2);
  assert.deepEqual(await focused(page), { host: 'fruit', control: 'Play' });

  // ---- Names: one group per map, each its own; an author's aria-label wins.
  const groups = async () => page.evaluate(() => [...document.querySelectorAll('go-map-viz')]
    .map((el) => el.shadowRoot.querySelector('.vc-bar'))
    .filter((bar) => bar.checkVisibility())
    .map((bar) => bar.getAttribute('aria-label')));
  const expected = [
    'Player controls: map[string]int64, 3 operations',
    'Player controls: map[int64]int64, 1 operation',
    'Player controls: Figure 3: two fruit',
    'Player controls: map[string]int64, 2 operations',
    'Player controls: map[string]int64, 1 operation',
  ];
  assert.deepEqual(await groups(), expected);
  for (const n of expected) assert.equal(await page.getByRole('group', { name: n, exact: true }).count(), 1, n);
  await page.evaluate(() => document.getElementById('named').setAttribute('aria-label', 'Figure 4'));
  assert.equal(await page.getByRole('group', { name: 'Player controls: Figure 4', exact: true }).count(), 1);
  await page.evaluate(() => document.getElementById('named').removeAttribute('aria-label'));
  assert.equal(await page.getByRole('group', { name: 'Player controls: map[string]int64, 3 operations', exact: true }).count(), 2,
    'without a label, two elements of one map type and length are named alike (the author tells them apart)');

  // ---- Properties read the map on screen.
  const inUse = () => page.evaluate(() => {
    const el = document.getElementById('switch');
    return { mapType: el.mapType, hasher: el.hasher, ops: el.ops, drawn: el.model.header.type.name, group: el.shadowRoot.querySelector('.vc-bar').getAttribute('aria-label') };
  });
  const string1 = { mapType: 'map[string]int64', hasher: 'go114', ops: 'set a 1', drawn: 'map[string]int64', group: 'Player controls: map[string]int64, 1 operation' };
  assert.deepEqual(await inUse(), string1, 'identity with string keys is refused');
  // (The host page's CSP allows no eval: the change is named, not code.)
  const failed = (attr, value) => page.evaluate(([a, v]) => new Promise((res) => {
    const el = document.getElementById('switch');
    el.addEventListener('gomap-error', (e) => res(e.detail.errors), { once: true });
    el.setAttribute(a, v);
  }), [attr, value]);
  // Integer keys make identity valid, but `a` is no integer: the map stays, and so do the properties.
  assert.equal((await failed('map-type', 'map[int64]int64'))[0].line, 1);
  assert.deepEqual(await inUse(), string1);
  await page.evaluate(() => document.getElementById('switch').setAttribute('map-type', 'map[string]int64'));
  await page.waitForFunction(() => document.getElementById('switch').shadowRoot.querySelector('.viz-message').textContent === '');
  assert.ok((await failed('ops', 'set a 1; get')).length >= 1);
  assert.deepEqual(await inUse(), string1, 'a failed ops change leaves ops as shown');
  // A good change reads back once its map is on screen.
  const readBack = await page.evaluate(() => new Promise((res) => {
    const el = document.getElementById('switch');
    el.ops = 'set a 1; set b 2';
    const right = el.ops;
    el.addEventListener('ready', () => res({ right, ready: el.ops }), { once: true });
  }));
  assert.deepEqual(readBack, { right: 'set a 1', ready: 'set a 1; set b 2' });
  assert.equal((await inUse()).group, 'Player controls: map[string]int64, 2 operations');

  await page.screenshot({ path: join(SHOTS, 'element-a11y.png'), fullPage: true });
}

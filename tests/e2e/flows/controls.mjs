// Safe, predictable controls (issue 12): the first micro-step drawn right
// after an insert is that moment's bytes; inserting while rewound says what
// it dropped and Undo (button and Ctrl+Z) brings it back, as it does a
// preset; the arrow keys on the presets list browse without loading;
// Space plays wherever the header says so and never presses the last
// clicked button again; a new key or value type makes that map; one name
// for a moment in the counter, the timeline, the link and the export.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState } from '../harness.mjs';

export const name = 'controls: first step, undo, presets by keyboard, Space, type change, one numbering';

const app = (page, fn, arg) => page.evaluate(fn, arg);
const history = (page) => app(page, () => window.goMapPlayground.app.player.history.ops.map((o) => o.command));
const position = (page) => app(page, () => window.goMapPlayground.app.player.position);
// The type of the map drawn (the element's last model).
const drawnType = (page) => page.evaluate(() => document.querySelector('go-map-viz').model.header.type.name);
const idle = (page) => page.waitForFunction(() => !window.goMapPlayground.app.busy && !window.goMapPlayground.app.playing);

export async function run(env) {
  const page = await openPage(env);
  await page.getByLabel('Map type', { exact: true }).fill('map[int64]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await idle(page);
  assert.equal((await drawnType(page)), 'map[int64]int64', 'a new key type makes that map at once');

  // The first micro-step right after an insert is drawn from its own bytes.
  await page.getByLabel('Speed').selectOption('1');
  for (let i = 1; i <= 3; i++) {
    await page.getByLabel('Key', { exact: true }).fill(String(i));
    await page.getByRole('button', { name: 'Insert' }).click();
    const atFirst = await app(page, () => {
      const a = window.goMapPlayground.app;
      const f = a.player.frame();
      return { phase: f.phase, step: f.step, count: a.viz.model.header.count };
    });
    assert.deepEqual([atFirst.phase, atFirst.step], ['event', 0], 'the insert is shown from its first micro-step');
    assert.equal(atFirst.count, i - 1, `insert ${i}: micro-step 0 shows the count before the insert`);
    assert.deepEqual(await drawnEqualsState(page), []);
    await page.keyboard.press('End');
  }

  // Inserting while rewound drops the later operations: said, and undone.
  await page.getByRole('button', { name: 'To the start' }).click();
  await page.getByRole('button', { name: 'Next operation' }).click();
  await page.getByLabel('Key', { exact: true }).fill('77');
  await page.getByRole('button', { name: 'Insert' }).click();
  await idle(page);
  const notice = page.locator('#history-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /the 2 operations after it \(set 2; set 3\) were dropped/);
  assert.deepEqual(await history(page), ['set 1', 'set 77']);
  await screenshot(page, 'controls-dropped-notice');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 3 && !window.goMapPlayground.app.busy);
  assert.deepEqual(await history(page), ['set 1', 'set 2', 'set 3']);
  assert.deepEqual(await drawnEqualsState(page), []);

  // Ctrl+Z takes back an appended operation (and the Undo button says what it undoes).
  await page.keyboard.press('End');
  await page.getByLabel('Key', { exact: true }).fill('8');
  await page.getByRole('button', { name: 'Insert' }).click();
  await idle(page);
  assert.equal(await page.locator('#undo').getAttribute('title'), 'Undo “set 8” (Ctrl+Z)');
  await page.locator('.site-head, header').first().click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 3);
  assert.equal(await page.locator('#undo').isDisabled(), true, 'nothing more to undo');

  // The arrow keys browse the presets without loading one; Enter loads.
  const before = await history(page);
  const presets = page.getByLabel('Presets');
  await presets.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  assert.deepEqual(await history(page), before, 'browsing the list loads nothing');
  assert.match(await page.locator('#preset-hint').textContent(), /^Press Enter to load “/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.goMapPlayground.app.player.history.length !== n && !window.goMapPlayground.app.busy, before.length);
  await notice.waitFor();
  assert.match(await notice.textContent(), /previous map and its 3 operations can be brought back with Undo/);
  await page.locator('#undo').click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 3);
  assert.deepEqual(await history(page), before, 'Undo brings the map back from before the preset');
  assert.equal((await drawnType(page)), 'map[int64]int64');

  // Space: after a click on Step back, Space plays (it does not step back again).
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Step back' }).click();
  const p0 = await position(page);
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  assert.ok(await position(page) >= p0, 'Space played forwards instead of pressing Step back again');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Play' }).waitFor();
  // Reached with the keyboard, a button is pressed by Space, as everywhere.
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.keyboard.press('Shift+Tab'); // onto "Previous operation", by keyboard
  const p1 = await position(page);
  await page.keyboard.press('Space');
  await page.waitForTimeout(200);
  assert.equal(await app(page, () => window.goMapPlayground.app.playing), false);
  assert.ok(await position(page) < p1, 'Space pressed the button the keyboard reached');

  // A type change with operations asks nothing and loses nothing: Undo is there.
  await page.getByLabel('Map type', { exact: true }).fill('map[string]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await idle(page);
  assert.equal((await drawnType(page)), 'map[string]int64');
  assert.match(await notice.textContent(), /a new map\[string\]int64; the previous map and its 3 operations can be brought back/);
  await page.getByLabel('Key', { exact: true }).fill('fig');
  await page.getByRole('button', { name: 'Insert' }).click();
  await idle(page);
  assert.deepEqual(await history(page), ['set "fig"']);
  assert.equal((await drawnType(page)), 'map[string]int64', 'the key went into the map the pickers show');

  // One numbering: counter, timeline, link and export title name the same moment.
  await page.getByRole('button', { name: 'To the start' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  const counter = await page.locator('#step-count').textContent();
  assert.match(counter, /· step 1\.1 \(micro-step 1 of 0–\d+\)$/);
  assert.equal(await page.locator('#timeline-text').textContent(), 'step 1.1');
  await page.waitForFunction(() => location.hash.includes('step=1.1'));
  const title = await app(page, async () => (await import('./app/export-actions.mjs')).momentTitle(window.goMapPlayground.app.player.frame(), 'map[string]int64'));
  assert.match(title, /, step 1\.1: operation 1 \(set "fig"\), micro-step 1$/);
  return page;
}

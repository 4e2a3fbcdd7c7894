// Keyboard and assistive technology: Space plays and pauses, arrows step,
// the live region reads each step, real buttons have names, the table view
// lists every slot; and the page at 375 px wide, in dark mode, with
// reduced motion.
import assert from 'node:assert/strict';
import { openPage, screenshot, shownArrays, drawnEqualsState } from '../harness.mjs';

export const name = 'keyboard, live region, table view, phone and dark mode';

export async function run(env) {
  const page = await openPage(env);
  await page.getByLabel('Presets').selectOption({ label: 'Evacuation, step by step (B 2 → 3)' });
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 4);
  await page.locator('.site-head').click();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  const at = async () => Number(await timeline.inputValue());
  const end = await at();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await at(), end - 1);
  const live = page.locator('#announcer');
  const said = await live.textContent();
  assert.ok(said.length > 10, 'the live region reads the step');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await live.textContent(), said);
  // Space plays; the button says Pause while playing.
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.waitForTimeout(400);
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Play' }).waitFor();
  assert.deepEqual(await drawnEqualsState(page), []);
  // Every control the player has is a named button.
  for (const name of ['To the start', 'Previous operation', 'Step back', 'Play', 'Step forward', 'Next operation', 'To the end']) {
    await page.getByRole('button', { name, exact: true }).waitFor();
  }
  // The grid of slots: one tab stop, arrows move between slots.
  const grid = page.getByRole('grid', { name: 'bucket array' });
  const first = grid.getByRole('gridcell').first();
  await first.focus();
  const before = await at();
  await page.keyboard.press('ArrowRight');
  assert.equal(await at(), before, 'arrows inside the grid move between slots, not the player');
  const focused = await page.evaluate(() => document.querySelector('go-map-viz').shadowRoot.activeElement?.dataset.slot);
  assert.equal(focused, '1');
  // The table view lists every slot drawn.
  await page.getByRole('button', { name: 'Show table' }).click();
  const rows = await page.locator('#table-view tbody tr').count();
  const shown = await shownArrays(page);
  const slots = [shown.buckets, shown.oldbuckets].filter(Boolean).flat().reduce((n, c) => n + c.buckets.length * 8, 0);
  assert.equal(rows, slots);
  await screenshot(page, 'keyboard-table-view', { fullPage: true });

  // A phone, dark, without motion.
  const phone = await openPage(env, { viewport: { width: 375, height: 812 }, colorScheme: 'dark', reducedMotion: 'reduce' });
  await phone.getByLabel('Presets').selectOption({ label: 'emptyOne and emptyRest' });
  await phone.waitForFunction(() => window.goMapPlayground.app.player.history.length === 8);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await phone.getByRole('button', { name: 'Previous operation' }).click();
  await phone.getByRole('button', { name: 'Step forward' }).click();
  await screenshot(phone, 'phone-dark-375');
  await screenshot(phone, 'phone-dark-375-full', { fullPage: true });
  const errors = phone.consoleErrors;
  await phone.close();
  assert.deepEqual(errors, []);

  const light = await openPage(env, { viewport: { width: 375, height: 812 }, colorScheme: 'light' });
  await light.getByLabel('Presets').selectOption({ label: 'Evacuation, step by step (B 2 → 3)' });
  await light.waitForFunction(() => window.goMapPlayground.app.player.history.length === 4);
  await screenshot(light, 'phone-light-375');
  await light.close();
  return page;
}

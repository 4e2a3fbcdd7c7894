// The first minute of a visitor, and of a keyboard user: Tab reaches the
// grid of slots (and the skip link leads there); an empty key is refused
// with a hint instead of inserting ""; Copy in the Share dialog says what
// it did inside the dialog; a transport button that disables itself under
// the keyboard hands focus on; an element's scenario error names the
// command on its one ';'-joined line.
import assert from 'node:assert/strict';
import { openPage } from '../harness.mjs';

export const name = 'first minute: Tab into the map, empty key, Copy feedback, focus at the end, element errors';

// "gridcell" when focus is on a slot inside <go-map-viz>, else the tag.
const focusedThing = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.getAttribute('role') ?? a?.id ?? a?.tagName;
});

export async function run(env) {
  const page = await openPage(env);
  const app = () => page.evaluate(() => window.goMapPlayground.app.player.history.length);

  // Tab from the last control before the map (the player's) lands on a slot of the map.
  await page.evaluate(() => [...document.querySelectorAll('.player button:not(:disabled), .player input, .player select')]
    .filter((el) => el.getClientRects().length).at(-1).focus());
  await page.keyboard.press('Tab');
  assert.equal(await focusedThing(page), 'gridcell', 'Tab skips the bucket grid');
  // The skip link lands on the map's section, and the next Tab on a slot.
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'map');
  await page.keyboard.press('Tab');
  assert.equal(await focusedThing(page), 'gridcell', 'Tab after the skip link');

  // Insert with the key field empty: a message beside it, nothing run.
  const ops = await app();
  await page.getByLabel('Key', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Insert' }).click();
  const keyError = page.locator('#key-error');
  await keyError.waitFor({ state: 'visible' });
  assert.match(await keyError.textContent(), /Type a key first/);
  assert.equal(await page.getByLabel('Key', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await app(), ops, 'an empty key inserted something');
  await page.getByLabel('Key', { exact: true }).fill('fig');
  await page.getByRole('button', { name: 'Insert' }).click();
  await page.waitForFunction((n) => window.goMapPlayground.app.player.history.length === n + 1, ops);
  assert.equal(await keyError.textContent(), '');

  // Step forward by keyboard up to the end: focus moves to Step back.
  await page.getByRole('button', { name: 'To the end' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('step-forward').disabled);
  assert.equal(await focusedThing(page), 'step-back', 'focus fell off the disabled Step forward');

  // Copy in the Share dialog: the button and a status inside the dialog say so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  const copy = dialog.getByRole('button', { name: 'Copy the link' });
  await copy.click();
  await page.waitForFunction(() => document.querySelector('.share-dialog .share-status')?.textContent !== '');
  assert.equal(await copy.textContent(), 'Copied');
  assert.equal(await dialog.getByRole('status').textContent(), 'The link is copied.');
  const link = await dialog.getByLabel('Link to this moment').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.keyboard.press('Escape');
  await page.context().clearPermissions();

  // The embed page with a one-line scenario that has two bad commands.
  const embed = await openPage(env, { path: 'embed.html#v=1&type=map[int64]int64&ops=set+1+1;+sett+2;+set+x+3', ready: false });
  const message = embed.locator('go-map-viz .viz-message.is-error');
  await message.waitFor({ state: 'visible', timeout: 15000 });
  const text = await message.textContent();
  assert.match(text, /ops line 1, `sett 2`: unknown command 'sett'/);
  assert.match(text, /ops line 1, `set x 3`: /);
  assert.deepEqual(embed.consoleErrors, []);
  await embed.close();
  return page;
}

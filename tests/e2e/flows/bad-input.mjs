// Bad input in any field is refused with a message next to the field, and
// the map stays exactly as it was. A key full of HTML is shown as text.
import assert from 'node:assert/strict';
import { openPage, screenshot, coreState, toEnd, newMap } from '../harness.mjs';

export const name = 'bad inputs are refused and HTML keys are text';

async function expectRefused(page, field, errorId, pattern) {
  const msg = page.locator(`#${errorId}`);
  await msg.waitFor({ state: 'visible' });
  assert.match(await msg.textContent(), pattern);
  if (field) {
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // Seen too, not only announced: the error ring of styles/controls.css.
    assert.notEqual(await field.evaluate((f) => getComputedStyle(f).boxShadow), 'none', 'the field shows it is invalid');
  }
}

export async function run(env) {
  const page = await openPage(env);
  await newMap(page, 'map[int64]int64');
  const key = page.getByLabel('Key', { exact: true });
  await key.fill('1');
  await page.getByRole('button', { name: 'Insert' }).click();
  await toEnd(page);
  let before = JSON.stringify(await coreState(page));
  const history = () => page.evaluate(() => window.goMapPlayground.app.player.history.length);
  let ops = await history();

  await key.fill('abc');
  await page.getByRole('button', { name: 'Insert' }).click();
  await expectRefused(page, key, 'key-error', /whole number/);
  await key.fill('99999999999999999999');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expectRefused(page, key, 'key-error', /between/);
  const value = page.getByLabel('Value', { exact: true });
  await key.fill('2');
  await value.fill('1.5');
  await page.getByRole('button', { name: 'Insert' }).click();
  await expectRefused(page, value, 'value-error', /whole number/);
  await value.fill('');
  const fill = page.getByLabel('Fill with N keys');
  await fill.fill('-5');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await expectRefused(page, fill, 'fill-error', /whole number/);
  await fill.fill('3000000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await expectRefused(page, fill, 'fill-error', /between/);
  await page.getByLabel('Bucket', { exact: true }).fill('99');
  await page.getByRole('button', { name: 'Collide' }).click();
  await expectRefused(page, page.getByLabel('Bucket', { exact: true }), 'collide-error', /bucket/);
  const seed = page.getByLabel('Seed (hash0)');
  await seed.fill('not a seed');
  await page.getByRole('button', { name: 'New map' }).click();
  await expectRefused(page, seed, 'seed-error', /seed/);
  await seed.fill('');
  // A new key type makes that map at once (issue 12; Undo brings the old
  // one back): the refusals below are checked against it.
  assert.equal(JSON.stringify(await coreState(page)), before);
  assert.equal(await history(), ops, 'no refused input joined the history');
  await page.getByLabel('Map type', { exact: true }).fill('map[string]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.waitForFunction(() => window.goMapPlayground.app.player.map.header().type.name === 'map[string]int64');
  before = JSON.stringify(await coreState(page));
  ops = await history();
  await page.getByLabel('Hasher').selectOption('identity');
  await page.getByRole('button', { name: 'New map' }).click();
  await expectRefused(page, page.getByLabel('Hasher'), 'hasher-error', /int64 or int32/);
  await page.getByRole('button', { name: 'Next key' }).isDisabled();
  const box = page.getByLabel('Scenario text');
  await box.fill('map[int64]int64\nset 1 1\nset nope 2\nfrobnicate\n');
  await page.getByRole('button', { name: 'Run scenario' }).click();
  const err = page.locator('#scenario-error');
  await err.waitFor({ state: 'visible' });
  const text = await err.textContent();
  assert.match(text, /line 3/);
  // Each error names its line and the command on it.
  assert.match(text, /line 3, `set nope 2`: /);
  assert.match(text, /line 4, `frobnicate`: unknown command/);
  await screenshot(page, 'bad-input-messages', { fullPage: true });
  // After all that, not one byte changed and nothing was added.
  assert.equal(JSON.stringify(await coreState(page)), before);
  assert.equal(await history(), ops);

  // A string key full of HTML is drawn as the characters it is.
  await page.getByLabel('Hasher').selectOption('go114');
  await page.getByRole('button', { name: 'New map' }).click();
  const evil = '<img src=x onerror="window.__xss=1"><b>bold</b>';
  await key.fill(evil);
  await page.getByRole('button', { name: 'Insert' }).click();
  await toEnd(page);
  const drawn = await page.evaluate(() => {
    const root = document.querySelector('go-map-viz').shadowRoot;
    const cell = [...root.querySelectorAll('.slot')].find((c) => c.dataset.k);
    return { k: cell.dataset.k, text: cell.querySelector('.k').textContent, imgs: root.querySelectorAll('img, b').length + document.querySelectorAll('img, main b').length };
  });
  assert.equal(drawn.k, evil);
  assert.equal(drawn.text, evil);
  assert.equal(drawn.imgs, 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const narration = await page.locator('#narration').textContent();
  assert.ok(narration.includes(JSON.stringify(evil)) || narration.includes('now holds') || narration.length > 0);
  return page;
}

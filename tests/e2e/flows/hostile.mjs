// Hostile and broken input on every surface that takes text from outside:
// the page's fields, the URL fragment (page and embed), the element's
// attributes. Each bad value gives a message shown as text, leaves the map
// exactly as it was (its bytes, its history, its step), and runs nothing:
// tripwires count alert/confirm/prompt and any payload that sets
// window.__pwned, the strict CSP reports any inline script or handler that
// something tried to add, and no page touches cookies or storage.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, addViz, trapsFired, SHOTS, newMap, playerSnapshot } from '../harness.mjs';

export const name = 'hostile and broken input: fields, URL fragments, element attributes (nothing runs, nothing changes)';

const HUGE = 'x'.repeat(100000);
const INJECT = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '</script><script>window.__pwned=1</script>';
// A lone surrogate does not survive the trip into the browser as typed
// text (it arrives as U+FFFD), so it is made in the page from this marker.
const LONE = '⟦lone surrogate⟧';

const noMarkup = (page, sel) => page.evaluate((s) => {
  const roots = [document, ...[...document.querySelectorAll('go-map-viz')].map((e) => e.shadowRoot).filter(Boolean)];
  return roots.reduce((n, r) => n + r.querySelectorAll(`${s} img, ${s} script, ${s} b, img[src="x"]`).length, 0);
}, sel);

// ---- the page's fields (issue 7's table) --------------------------------------

const FIELDS = [
  { label: 'Key', exact: true, button: 'Insert', box: 'key-error',
    values: ['', 'NaN', 'Infinity', '-Infinity', '1e3', '1.5', '0x10', '99999999999999999999', '٣', '1\u0000', '\u202e1', LONE, HUGE, INJECT, SCRIPT] },
  { label: 'Value', exact: true, button: 'Insert', box: 'value-error', before: { label: 'Key', value: '5' },
    values: ['NaN', 'Infinity', '1e3', '1.5', '٣', '9'.repeat(40), '\u0001', LONE, INJECT] },
  { label: 'Fill with N keys', button: 'Fill', box: 'fill-error',
    values: ['', 'NaN', 'Infinity', '0', '-5', '1e3', '1.5', '٣', '2000001', HUGE, INJECT] },
  { label: 'Seed (hash0)', button: 'New map', box: 'seed-error',
    values: ['NaN', 'Infinity', '-1', '1e3', '4294967296', '0x', '٣', '\u0000', HUGE, INJECT] },
  { label: 'make hint', button: 'New map', box: 'hint-error', open: 'More: hint',
    values: ['NaN', 'Infinity', '-1', '1.5', '2097153', INJECT] },
  { label: 'Number of colliding keys', button: 'Collide', box: 'collide-error',
    values: ['', 'NaN', 'Infinity', '0', '-1', '10001', INJECT] },
  { label: 'Bucket', exact: true, button: 'Collide', box: 'collide-error', before: { label: 'Number of colliding keys', value: '3' },
    values: ['NaN', '-1', '1e3', '99', '', INJECT] },
  { label: 'Scenario text', button: 'Run scenario', box: 'scenario-error',
    values: ['fill NaN', 'fill Infinity', 'seed -1\nset 1 1', SCRIPT, `map[${INJECT}]int64`, 'set 1 1\u0000', `set "${LONE}" 1`, `set ${LONE} 1`, 'x'.repeat(200000),
      'map[int64]int64\nset 1 1\nset "a" 1'] },
];

async function pageFields(page) {
  await newMap(page, 'map[int64]int64');
  await page.getByLabel('Fill with N keys').fill('20');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.evaluate(() => window.goMapPlayground.app.pause());
  const before = await playerSnapshot(page);
  let cases = 0;
  for (const f of FIELDS) {
    if (f.open) await page.getByText(f.open).click();
    const field = page.getByLabel(f.label, { exact: !!f.exact });
    for (const value of f.values) {
      if (f.before) await page.getByLabel(f.before.label, { exact: true }).fill(f.before.value);
      await page.evaluate((id) => { document.getElementById(id).textContent = ''; }, f.box);
      if (value.includes(LONE)) {
        await field.evaluate((el, [v, marker]) => {
          el.value = v.replaceAll(marker, String.fromCharCode(0xd800));
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, [value, LONE]);
      } else await field.fill(value);
      await page.getByRole('button', { name: f.button, exact: true }).click();
      const box = page.locator(`#${f.box}`);
      await box.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {
        throw new Error(`${f.label} = ${JSON.stringify(value.slice(0, 30))}: no message`);
      });
      assert.ok((await box.textContent()).trim().length > 0);
      assert.equal(await playerSnapshot(page), before, `${f.label} = ${JSON.stringify(value.slice(0, 30))} changed the map`);
      cases++;
    }
    await field.fill('');
  }
  assert.equal(await noMarkup(page, 'main'), 0);
  await page.getByLabel('Fill with N keys').fill('100');
  return cases;
}

// ---- URL fragments ------------------------------------------------------------

const enc = encodeURIComponent;
// Fragments the page refuses whole: the map on screen must stay.
const REFUSED_LINKS = [
  `v=1&type=${enc(INJECT)}&ops=set+a+1`,
  `v=1&type=javascript:alert(1)`,
  `v=1&type=map[int64]int64&ops=${enc(SCRIPT)}`,
  `v=1&type=map[string]int64&hasher=${enc('"onload=alert(1)')}`,
  'v=1&type=map[int64]int64&seed=NaN&ops=fill+3',
  'v=1&type=map[int64]int64&seed=Infinity',
  'v=1&type=map[int64]int64&seed=-1',
  'v=1&type=map[int64]int64&seed=1e3',
  `v=1&type=map[int64]int64&seed=${'9'.repeat(1000)}`,
  'v=1&type=map[int64]int64&hint=Infinity',
  'v=1&type=map[int64]int64&hashkey=NaN',
  'v=1&type=&ops=',
  'v=1&type=map%5B%E2%80%AEstring%5Dint64',
  // Map types the core refuses (issue 16): its message, the map kept.
  'v=1&type=map[func()]int&ops=set+a+1',
  'v=1&type=map[%5B1000%5Dint]int&ops=fill+3',
  'v=1&type=map[%5B2%5D%5B2%5D%5B2%5D%5B2%5D%5B2%5D%5B2%5D%5B2%5D%5B2%5D%5B2%5Dint]int',
  'v=1&type=map[*int]int',
  'v=1&type=map[string]int64;fill+9',
  'v=1&ops=set+a%01+1',
  'v=1&ops=set+a%00+1',
  'v=1&ops=set+%ED%A0%80+1',
  'v=1&ops=set+%FF+1',
  `v=1&ops=${'x'.repeat(70000)}`,
  'v=2&type=map[int64]int64',
  'v=1&type=map[string]int64&hasher=identity&ops=set+a+1',
];
// A usable map with display problems: opened, every problem listed.
const NOTED_LINK = `v=1&type=map[string]int64&ops=set+%22%E2%80%AEab%22+1;+set+${enc('"<img src=x onerror=alert(1)>"')}+2` +
  `&step=NaN&speed=Infinity&theme=${enc('<script>alert(1)</script>')}&controls=javascript:alert(1)&zzz=${enc('<b>x</b>')}`;

async function pageLinks(env, page) {
  const notice = page.locator('#link-notice');
  const before = await playerSnapshot(page);
  for (const frag of REFUSED_LINKS) {
    await page.evaluate(() => { document.getElementById('link-notice').hidden = true; });
    await page.evaluate((f) => { location.hash = f; }, frag);
    await notice.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
      throw new Error(`#${frag.slice(0, 60)}: no notice (address ${await page.evaluate(() => location.hash.slice(0, 80))})`);
    });
    assert.match(await notice.textContent(), /not|could not/, frag.slice(0, 60));
    assert.equal(await playerSnapshot(page), before, `#${frag.slice(0, 60)} changed the map`);
  }
  await screenshot(page, 'hostile-link-notice');
  // The address goes back to the map on screen.
  await page.waitForFunction(() => location.hash.startsWith('#v=1&type=map[int64]int64'), null, { timeout: 3000 });
  assert.equal(await noMarkup(page, '#link-notice'), 0);

  await page.evaluate((f) => { location.hash = f; }, NOTED_LINK);
  await page.waitForFunction(() => window.goMapPlayground.app.player.map.header().count === 2);
  await notice.waitFor({ state: 'visible' });
  const noted = await notice.textContent();
  for (const key of ['step', 'speed', 'theme', 'controls', 'zzz', 'bidirectional']) assert.ok(noted.includes(key), `notice names ${key}: ${noted}`);
  assert.equal(await noMarkup(page, '#link-notice'), 0);

  // Opening a hostile link fresh: the usual start and a notice.
  const fresh = await openPage(env, { path: `#${REFUSED_LINKS[0]}`, traps: true });
  await fresh.locator('#link-notice').waitFor({ state: 'visible' });
  assert.equal(await fresh.evaluate(() => window.goMapPlayground.app.player.map.header().count), 5, 'the welcome map');
  assert.deepEqual(await trapsFired(fresh), []);
  await fresh.close();
  return REFUSED_LINKS.length + 2;
}

async function embedLinks(env) {
  const page = await openPage(env, { path: `embed.html#${NOTED_LINK}`, traps: true, ready: false });
  await page.waitForFunction(() => document.getElementById('viz').player?.map.header().count === 2, null, { timeout: 20000 });
  assert.match(await page.locator('#notes').textContent(), /speed/);
  for (const frag of REFUSED_LINKS) {
    await page.evaluate(() => { document.getElementById('notes').hidden = true; });
    await page.evaluate((f) => { location.hash = f; }, frag);
    // The page's notes list the link's problems; a scenario the core
    // refuses is reported by the element itself.
    await page.waitForFunction(() => !document.getElementById('notes').hidden
      || /ops line|set-up/.test(document.getElementById('viz').shadowRoot.querySelector('.viz-message').textContent), null, { timeout: 10000 });
  }
  // v=2 and an oversized link show no map at all, only why.
  await page.evaluate(() => { location.hash = 'v=2&type=map[int64]int64'; });
  await page.waitForFunction(() => document.getElementById('viz').hidden);
  await page.evaluate(() => { location.hash = 'v=1&type=map[int64]int64&ops=fill+4'; });
  await page.waitForFunction(() => !document.getElementById('viz').hidden && document.getElementById('viz').player?.map.header().count === 4);
  assert.equal(await page.locator('#notes').isHidden(), true);
  const markup = await page.evaluate(() => document.querySelectorAll('#notes img, #notes script, #notes b').length +
    document.getElementById('viz').shadowRoot.querySelectorAll('img, script, b').length);
  assert.equal(markup, 0);
  assert.deepEqual(await trapsFired(page), []);
  await page.close();
  return REFUSED_LINKS.length + 3;
}

// ---- element attributes ---------------------------------------------------------

const BAD_ATTRIBUTES = [
  ['map-type', INJECT], ['map-type', 'javascript:alert(1)'], ['map-type', ''], ['map-type', 'map[string]int64\u0000'],
  ['seed', 'NaN'], ['seed', 'Infinity'], ['seed', '-1'], ['seed', '"onload=alert(1)'], ['seed', HUGE],
  ['hasher', 'identity;alert(1)'], ['ops', SCRIPT], ['ops', 'set a\u0001 1'], ['ops', `set ${LONE} 1`], ['map-type', `map[${LONE}]int64`], ['ops', 'x'.repeat(70000)],
  ['map-type', 'map[func()]int'], ['map-type', 'map[[1000]int]int'], ['map-type', 'map[chan int]int'], ['map-type', 'map[string]int64;fill 9'],
  ['step', 'NaN'], ['step', '-1'], ['step', 'Infinity'], ['step', '1.2.3'], ['step', '"onload=alert(1)'],
  ['speed', 'NaN'], ['speed', 'Infinity'], ['speed', '0'], ['view', INJECT], ['theme', 'dark" onload="alert(1)'],
  ['controls', 'javascript:alert(1)'], ['density', '<script>'], ['module-src', 'data:text/javascript,window.__pwned=1'],
  ['module-src', 'https://evil.example/x.mjs'], ['module-src', 'javascript:window.__pwned=1'],
];

async function elementAttributes(page) {
  // A new element made of nothing but bad values (and a scenario): the
  // defaults, a note listing each problem.
  await addViz(page, 'hostile', [['map-type', INJECT], ['seed', 'javascript:alert(1)'], ['step', '"onload=alert(1)'], ['speed', 'NaN'],
    ['theme', '"><script>alert(1)</script>'], ['view', 'Infinity'], ['controls', '\u0000'], ['density', '<script>'],
    ['module-src', 'data:text/javascript,window.__pwned=1'], ['ops', 'set a 1; set "<b>b</b>" 2']]);
  const first = await page.evaluate(() => {
    const el = document.getElementById('hostile');
    return { note: el.shadowRoot.querySelector('.viz-note').textContent, count: el.player.map.header().count, type: el.mapType, warnings: el.warnings.length };
  });
  assert.equal(first.count, 2);
  assert.equal(first.type, 'map[string]int64');
  assert.equal(first.warnings, 9);
  for (const a of ['map-type', 'seed', 'step', 'speed', 'theme', 'view', 'controls', 'density', 'module-src']) assert.ok(first.note.includes(`${a}:`), `note names ${a}`);
  await page.locator('#hostile').screenshot({ path: join(SHOTS, 'hostile-element-note.png') });

  // A good element, then each bad value in turn: a note, and no change.
  await addViz(page, 'steady', [['map-type', 'map[int64]int64'], ['seed', '3'], ['ops', 'fill 5; del 2'], ['step', '1']]);
  const steady = () => page.evaluate(() => {
    const el = document.getElementById('steady');
    return JSON.stringify({ state: el.player.map.state(), step: el.currentStep, position: el.player.position });
  });
  const before = await steady();
  for (const [attr, value] of BAD_ATTRIBUTES) {
    await page.evaluate(([a, v, marker]) => {
      const el = document.getElementById('steady');
      window.__steadyAttr = [a, el.getAttribute(a)];
      el.setAttribute(a, v.replaceAll(marker, String.fromCharCode(0xd800)));
    }, [attr, value, LONE]);
    // The note names the attribute; a scenario the core refuses says so in the message.
    await page.waitForFunction((a) => {
      const root = document.getElementById('steady').shadowRoot;
      // (A map type the core refuses: its message, naming map-type, in the element's message.)
      const message = root.querySelector('.viz-message').textContent;
      return root.querySelector('.viz-note').textContent.includes(`${a}:`) || /ops line|set-up/.test(message) || message.startsWith(`${a}:`);
    }, attr, { timeout: 5000 }).catch(() => { throw new Error(`${attr}=${JSON.stringify(value.slice(0, 30))}: no note`); });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 30)));
    assert.equal(await steady(), before, `${attr}=${JSON.stringify(value.slice(0, 30))} changed the map`);
    await page.evaluate(() => {
      const el = document.getElementById('steady');
      const [a, v] = window.__steadyAttr;
      if (v === null) el.removeAttribute(a);
      else el.setAttribute(a, v);
    });
    await page.waitForFunction(() => {
      const root = document.getElementById('steady').shadowRoot;
      return root.querySelector('.viz-note').hidden;
    });
  }
  // Properties of the wrong type land in the attribute as text and are
  // refused the same way.
  const props = await page.evaluate(() => {
    const el = document.getElementById('steady');
    const bad = [['seed', {}], ['seed', NaN], ['seed', -1], ['seed', 2 ** 40], ['speed', Infinity], ['speed', [1, 2]],
      ['step', NaN], ['step', -1], ['step', 1.5e300], ['mapType', 42], ['view', true], ['theme', { toString: () => '<b>x</b>' }],
      ['controls', Symbol.iterator.description], ['density', 0]];
    const out = [];
    for (const [prop, value] of bad) {
      const attr = { mapType: 'map-type' }[prop] ?? prop;
      const was = el.getAttribute(attr);
      const typed = el[prop];
      el[prop] = value;
      out.push({ prop, typed: JSON.stringify(el[prop]) === JSON.stringify(typed), warned: el.warnings.some((w) => w.message.startsWith(`${attr}:`)) });
      if (was === null) el.removeAttribute(attr);
      else el.setAttribute(attr, was);
    }
    return out;
  });
  for (const p of props) assert.deepEqual(p, { prop: p.prop, typed: true, warned: true }, `property ${p.prop}`);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 30)));
  assert.equal(await steady(), before);
  assert.equal(await page.evaluate(() => window.__vizReady.steady), 1, 'never rebuilt');
  assert.equal(await noMarkup(page, '.viz'), 0);
  return BAD_ATTRIBUTES.length + props.length + 1;
}

async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

export async function run(env) {
  const page = await openPage(env, { traps: true });
  const counts = {
    fields: await pageFields(page),
    links: await pageLinks(env, page),
    embed: await embedLinks(env),
    attributes: await elementAttributes(page),
  };
  assert.deepEqual(await trapsFired(page), []);
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  console.log(`    refused: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  return page;
}

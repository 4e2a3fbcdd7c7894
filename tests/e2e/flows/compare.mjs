// Compare mode (web/compare/): the page's scenario on Go 1.14's bucket map
// and Go 1.26's Swiss table side by side. At every operation both maps as
// drawn equal the gomap CLI's dump of the same scenario under each version;
// stepping inside one side's operation moves that side only and draws its
// session's bytes; the figures strip shows the session's numbers (load
// factor checked against the CLI's dump); with 100 keys per side it all
// fits 1366x768 without a box scrolling; a link with compare=1 opens it.
// Screenshots at 1366x768, 1024x768 and 375x812, light and dark.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, screenshot, cliDumps, compareChains } from '../harness.mjs';
import { sideScenario } from '../../../web/compare/compare-session.mjs';

export const name = 'compare: both models drawn = their dumps per operation, stepping one side, figures, fits 1366x768';

const SCENARIO = 'map[int64]int64\nseed 7\nfill 100\ndel 5\nset 1000 1\nfill 14';

// What one side draws, read from its <go-map-viz>.
function drawnSide(page, v) {
  return page.evaluate((v) => {
    const viz = document.querySelector(`#compare-view .cmp-side[data-side="${v}"] go-map-viz`);
    const root = viz.shadowRoot;
    if (v === '1.14') {
      const arr = root.querySelector('.array-new');
      return {
        buckets: [...arr.querySelectorAll('.chain')].map((chain) => ({
          index: Number(chain.dataset.index),
          buckets: [...chain.querySelectorAll('.bucket')].map((b) => [...b.querySelectorAll('.slot')].map((c) => ({ t: Number(c.dataset.t), k: c.dataset.k ?? null }))),
        })),
      };
    }
    const map = root.querySelector('.swiss-map');
    // A big table draws a window of its groups, with how many are above and below it.
    const hidden = (t, where) => Number(t.querySelector(`.sw-window.sw-${where}`)?.dataset.count ?? 0);
    return {
      tables: [...map.querySelectorAll('.sw-table.role-live, .sw-table.is-small')].map((t) => ({
        addr: t.dataset.addr ?? null,
        above: hidden(t, 'above'),
        below: hidden(t, 'below'),
        groups: [...t.querySelectorAll('.sw-group')].map((g) => ({
          addr: g.dataset.addr ?? null,
          ctrl: [...g.querySelectorAll('.sw-ctrl')].map((c) => parseInt(c.textContent, 16)),
        })),
      })),
    };
  }, v);
}

function figuresShown(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#compare-view .cmp-figures tbody tr')].map((tr) => [tr.dataset.side,
    Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.figure, td.textContent]))])));
}

// Every group drawn has the dump's control bytes, in the dump's order, and
// a table's drawn groups with those above and below its window are all of it.
function swissDiffs(shown, dump, what) {
  const want = dump.small ? [[dump.small]] : dump.tables.map((t) => t.groups);
  if (shown.tables.length !== want.length) return [`${what}: ${shown.tables.length} tables drawn, the dump has ${want.length}`];
  const diffs = [];
  shown.tables.forEach((t, i) => {
    const groups = want[i];
    if (t.above + t.groups.length + t.below !== groups.length) {
      diffs.push(`${what}: table ${i} draws ${t.groups.length} groups with ${t.above} above and ${t.below} below, the dump has ${groups.length}`);
      return;
    }
    t.groups.forEach((g, k) => {
      if (JSON.stringify(g.ctrl) !== JSON.stringify(groups[t.above + k].ctrl)) diffs.push(`${what}: table ${i} group ${t.above + k}: control bytes drawn differ from the dump`);
    });
  });
  return diffs;
}

async function checkOp(page, n, dumps) {
  await page.evaluate((n) => window.goMapPlayground.compare.panel.seekOp(n), n);
  const diffs = [];
  const old = await drawnSide(page, '1.14');
  diffs.push(...compareChains(old.buckets, dumps['1.14'][n - 1].buckets, `1.14 op ${n}`));
  diffs.push(...swissDiffs(await drawnSide(page, '1.26'), dumps['1.26'][n - 1], `1.26 op ${n}`));
  assert.deepEqual(diffs, [], `op ${n}`);
  // The strip shows the session's figures; the load factor is the dump's.
  const shown = await figuresShown(page);
  const computed = await page.evaluate(() => window.goMapPlayground.compare.panel.session.figures());
  for (const v of ['1.14', '1.26']) {
    const d = dumps[v][n - 1];
    const slots = v === '1.26' ? (d.small ? 8 : d.tables.reduce((a, t) => a + t.capacity, 0)) : 2 ** d.B * 8;
    assert.equal(shown[v].Load, `${((d.count / slots) * 100).toFixed(1)}%`, `${v} op ${n} load`);
    assert.equal(shown[v].Bytes, `${computed[v].bytes.toLocaleString('en-US')} B`);
    assert.equal(shown[v]['Max probe'], String(computed[v].probe.longest));
    assert.equal(shown[v]['Avg probe'], computed[v].probe.longest ? computed[v].probe.average.toFixed(3) : '—', `${v} op ${n} average probe, as a lesson states it`);
    assert.equal(shown[v].Growing, computed[v].growing ? 'yes' : 'no');
    assert.equal(shown[v].Growing, v === '1.14' && Array.isArray(d.oldbuckets) ? 'yes' : 'no');
  }
}

// What one side's table view shows: its rows, cell by cell, and the caption.
function tableRows(page, v) {
  return page.evaluate((v) => {
    const root = document.querySelector(`#compare-view .cmp-side[data-side="${v}"] go-map-viz`).shadowRoot;
    const box = root.querySelector('.viz-table');
    const table = [...box.querySelectorAll('table')].find((t) => !t.closest('[hidden]'));
    return {
      picture: !root.querySelector('.pictures').hidden,
      caption: table.caption.textContent,
      head: [...table.tHead.rows[0].cells].map((c) => c.textContent),
      rows: [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent)),
    };
  }, v);
}

// The rows a side's table should have, from the CLI's dump: every slot of
// every bucket (1.14: array, bucket, chain, slot, tophash, key, value) or
// of every group (1.26: table, group, slot, control byte, key, element).
// A deleted key's bytes stay in its slot; the CLI's dump leaves them out, so
// the stale keys (1.26 shows them) come from the session's own state.
function rowsOfDump(v, d, stale = null) {
  const hex = (n) => `0x${n.toString(16).padStart(2, '0')}`;
  if (v === '1.14') {
    return d.buckets.flatMap((chain, b) => chain.flatMap((bucket, pos) => bucket.s.map((sl, i) => ['new', String(b), pos === 0 ? 'primary' : `overflow ${pos}`, String(i), hex(sl.t), sl.t > 4 ? sl.k : '', sl.t > 4 ? String(sl.v) : ''])));
  }
  const full = (c) => c !== 0x80 && c !== 0xfe;
  return d.tables.flatMap((t, ti) => t.groups.flatMap((g, gi) => g.ctrl.map((c, i) => [`T${ti}`, `g${gi}`, String(i), hex(c), full(c) ? g.s[i].k : (stale?.[ti]?.[gi]?.[i] ?? ''), full(c) ? String(g.s[i].v) : ''])));
}

// The table view at operation n: the rows equal the CLI's dump, cell by cell.
async function checkTables(page, n, dumps) {
  await page.evaluate((n) => window.goMapPlayground.compare.panel.seekOp(n), n);
  for (const v of ['1.14', '1.26']) {
    const t = await tableRows(page, v);
    assert.equal(t.picture, false, `${v}: the table replaces the picture`);
    const d = dumps[v][n - 1];
    // State (column 5) is the tophash's or control byte's name; the rest is the dump's.
    const shown = t.rows.map((r) => r.filter((_, i) => i !== (v === '1.14' ? 5 : 4)));
    const stale = v === '1.26' ? await page.evaluate(() => window.goMapPlayground.compare.panel.session.players['1.26'].map.state().swiss.tables
      .map((t) => t.groups.map((g) => g.s.map((sl) => ('stale' in sl ? `${sl.stale} (stale)` : null))))) : null;
    assert.deepEqual(shown, rowsOfDump(v, d, stale), `${v} op ${n}: table rows = the dump`);
    const states = t.rows.map((r) => r[v === '1.14' ? 5 : 4]);
    if (v === '1.26') assert.deepEqual(states, d.tables.flatMap((tb) => tb.groups.flatMap((g) => g.ctrl.map((c) => (c === 0x80 ? 'empty' : c === 0xfe ? 'deleted (tombstone)' : 'full')))));
    assert.match(t.caption, new RegExp(`^${d.count} entries in `), `${v} op ${n}: caption`);
  }
  assert.equal(await page.locator('#compare-view .cmp-figures caption').textContent(), `Figures at the end of operation ${n}`);
}

export async function run(env) {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 } });
  await page.evaluate(async (t) => window.goMapPlayground.app.loadScenario(t), SCENARIO);
  await page.getByRole('button', { name: 'Compare 1.14 / 1.26' }).click();
  await page.locator('#compare-view').waitFor();
  // The address is the permalink with compare=1 while compare mode is open.
  const shared = page.url();
  assert.match(shared, /#v=1&.*compare=1/);
  const dumps = {};
  for (const v of ['1.14', '1.26']) dumps[v] = cliDumps(sideScenario(SCENARIO, v)).filter((d) => d.op);
  const ops = await page.evaluate(() => window.goMapPlayground.compare.panel.session.length);
  assert.equal(ops, 4);
  for (let n = 1; n <= ops; n++) await checkOp(page, n, dumps);

  // Fits: 100 keys per side (after op 3), nothing scrolls, the strip on screen.
  await page.evaluate(() => window.goMapPlayground.compare.panel.seekOp(3));
  assert.equal(await page.evaluate(() => window.goMapPlayground.compare.panel.session.figures()['1.26'].count), 100);
  const fit = await page.evaluate(() => {
    const v = document.getElementById('compare-view');
    const r = (el) => el.getBoundingClientRect();
    return {
      // The map itself (bucket array, or header, directory and tables) inside
      // its box as the box stands, unscrolled; the legend below may scroll.
      maps: [...v.querySelectorAll('.cmp-map')].map((m) => {
        const root = m.querySelector('go-map-viz').shadowRoot;
        const drawn = root.querySelector('.swiss-map:not([hidden]) .sw-tables') ?? root.querySelector('.array-new');
        return { box: r(m).bottom, drawn: r(drawn).bottom, top: m.scrollTop, wide: m.scrollWidth - m.clientWidth };
      }),
      figures: r(v.querySelector('.cmp-figures')).bottom,
      pageScroll: document.scrollingElement.scrollTop,
    };
  });
  await screenshot(page, 'compare-1366x768');
  for (const m of fit.maps) assert.ok(m.drawn <= m.box + 0.5 && m.top === 0 && m.wide <= 1, `a map does not fit its box: ${JSON.stringify(fit.maps)}`);
  assert.ok(fit.figures <= 768, `the figures end at ${fit.figures}px`);

  // Stepping inside operation 3 (set 1000 1) on the Swiss side only.
  await page.evaluate(() => window.goMapPlayground.compare.panel.seekOp(3));
  const next = page.getByRole('button', { name: 'Go 1.26: next micro-step of this operation' });
  await next.click();
  await next.click();
  const at = await page.evaluate(() => {
    const s = window.goMapPlayground.compare.panel.session;
    const p = s.players['1.26'];
    const q = s.players['1.14'];
    return { swiss: p.history.locate(p.position), oldAtEnd: q.position === q.history.donePosition(2), state: p.map.state().swiss };
  });
  assert.deepEqual(at.swiss, { op: 2, step: 1 });
  assert.ok(at.oldAtEnd, 'the 1.14 side stays at the end of the operation');
  assert.match(await page.locator('#compare-view .cmp-side[data-side="1.26"] .cmp-micro').textContent(), /^micro-step 2 of \d+$/);
  assert.deepEqual(swissDiffs(await drawnSide(page, '1.26'), at.state, '1.26 mid-operation'), []);
  await page.getByRole('button', { name: 'Go 1.26: previous micro-step of this operation' }).click();
  assert.deepEqual(await page.evaluate(() => { const p = window.goMapPlayground.compare.panel.session.players['1.26']; return p.history.locate(p.position); }), { op: 2, step: 0 });
  await page.locator('#compare-view').getByRole('button', { name: 'Next operation', exact: true }).click();
  assert.match(await page.locator('#compare-view .cmp-counter').textContent(), /^Operation 4 of 4: fill 14/);

  // Export: both maps as JSON (= each side's session), as one SVG (both
  // sides' documents, each with the control bytes or tophashes it shows) and as a PNG of it.
  const downloaded = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#compare-view').getByRole('button', { name }).click()]);
    return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
  };
  const json = JSON.parse((await downloaded('Export both maps as JSON')).bytes.toString('utf8'));
  const states = await page.evaluate(() => {
    const s = window.goMapPlayground.compare.panel.session;
    return { '1.14': s.players['1.14'].map.state(), '1.26': s.players['1.26'].map.state() };
  });
  assert.deepEqual(json.state, { compare: true, op: 4, sides: states });
  assert.equal(json.scenario, await page.evaluate(() => window.goMapPlayground.compare.panel.text));
  assert.match(json.scenario, /set 1000 1/);
  const svgFile = await downloaded('Export both maps as SVG');
  assert.equal(svgFile.name, 'go-map-compare-map-int64-int64-op-4.svg');
  const svg = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const sides = [...doc.documentElement.children].filter((e) => e.localName === 'svg');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
      titles: sides.map((e) => e.querySelector('title').textContent),
      ids: [...doc.querySelectorAll('[id]')].map((e) => e.id),
      bytes126: [...sides[1].querySelectorAll('text')].map((x) => x.textContent).filter((x) => /^[0-9a-f]{2}$/.test(x)),
    };
  }, svgFile.bytes.toString('utf8'));
  assert.equal(svg.error, null);
  assert.equal(svg.titles.length, 2);
  assert.match(svg.titles[0], /^Go 1\.14: bucket map/);
  assert.match(svg.titles[1], /^Go 1\.26: Swiss table/);
  assert.equal(new Set(svg.ids).size, svg.ids.length, 'ids are unique');
  const swissBytes = states['1.26'].swiss.tables.flatMap((t) => t.groups.flatMap((g) => g.ctrl.map((c) => c.toString(16).padStart(2, '0'))));
  // int64 keys of two digits read like a byte: every control byte is there, in order.
  let at126 = 0;
  for (const b of svg.bytes126) if (b === swissBytes[at126]) at126++;
  assert.equal(at126, swissBytes.length, 'the Swiss side\'s control bytes, in order');
  const png = (await downloaded('Export both maps as PNG')).bytes;
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), Math.floor(svg.width * 2));

  // The table view: both maps as rows (each side's table in place of its
  // picture), equal to the dumps; the strip's caption names the moment.
  const toggle = page.locator('#compare-view').getByRole('button', { name: 'Table', exact: true });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.ok(await page.locator('#compare-view .cmp-figures caption').isVisible(), 'the strip\'s caption shows in the table view');
  for (const n of [4, 1, 2]) await checkTables(page, n, dumps);
  await screenshot(page, 'compare-table-1366x768');
  await toggle.click();
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#compare-view go-map-viz')].map((viz) => [viz.shadowRoot.querySelector('.pictures').hidden, viz.shadowRoot.querySelector('.viz-table').hidden])),
    [[false, true], [false, true]], 'the pictures are back, the tables gone');

  // Escape closes; the playground is as it was.
  await page.keyboard.press('Escape');
  await page.locator('#compare-view').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => window.goMapPlayground.app.player.history.length), 4);
  assert.ok(!page.url().includes('compare=1'), `closed: ${page.url()}`);

  // <go-map-viz compare>: the element draws both models itself.
  await page.evaluate(() => {
    const el = document.createElement('go-map-viz');
    el.id = 'cmp-element';
    el.setAttribute('map-type', 'map[int64]int64');
    el.setAttribute('seed', '7');
    el.setAttribute('ops', 'fill 20; del 3; set 1000 1');
    el.setAttribute('compare', '');
    document.body.prepend(el);
  });
  await page.waitForFunction(() => document.getElementById('cmp-element').comparePanel?.session);
  const elementText = 'map[int64]int64\nseed 7\nfill 20\ndel 3\nset 1000 1';
  const elDumps = {};
  for (const v of ['1.14', '1.26']) elDumps[v] = cliDumps(sideScenario(elementText, v)).filter((d) => d.op).at(-1);
  const elDrawn = await page.evaluate(() => {
    const root = document.getElementById('cmp-element').shadowRoot;
    const side = (v) => root.querySelector(`.cmp-side[data-side="${v}"] go-map-viz`).shadowRoot;
    return {
      old: [...side('1.14').querySelectorAll('.array-new .chain')].map((chain) => ({
        index: Number(chain.dataset.index),
        buckets: [...chain.querySelectorAll('.bucket')].map((b) => [...b.querySelectorAll('.slot')].map((c) => ({ t: Number(c.dataset.t), k: c.dataset.k ?? null }))),
      })),
      swiss: {
        tables: [...side('1.26').querySelectorAll('.sw-table.role-live, .sw-table.is-small')].map((t) => ({
          above: Number(t.querySelector('.sw-window.sw-above')?.dataset.count ?? 0),
          below: Number(t.querySelector('.sw-window.sw-below')?.dataset.count ?? 0),
          groups: [...t.querySelectorAll('.sw-group')].map((g) => ({ ctrl: [...g.querySelectorAll('.sw-ctrl')].map((c) => parseInt(c.textContent, 16)) })),
        })),
      },
      counter: root.querySelector('.cmp-counter').textContent,
    };
  });
  assert.deepEqual(compareChains(elDrawn.old, elDumps['1.14'].buckets, 'element 1.14'), []);
  assert.deepEqual(swissDiffs(elDrawn.swiss, elDumps['1.26'], 'element 1.26'), []);
  assert.equal(elDrawn.counter, 'Operation 3 of 3: set 1000 1');
  // Out of the document for good, the element frees compare mode's maps too.
  await page.evaluate(() => { window.cmpElement = document.getElementById('cmp-element'); window.cmpElement.remove(); });
  await page.waitForFunction(() => window.cmpElement.comparePanel === null && window.cmpElement.player === null, null, { timeout: 20000 });

  // The iframe's page takes compare=1 in its fragment.
  const frame = await openPage(env, { viewport: { width: 1366, height: 768 }, path: 'embed.html#v=1&type=map%5Bint64%5Dint64&seed=7&ops=fill+20%3Bdel+3&compare=1', ready: false });
  await frame.waitForFunction(() => document.querySelector('go-map-viz')?.comparePanel?.session);
  assert.equal(await frame.evaluate(() => document.querySelector('go-map-viz').comparePanel.session.length), 2);
  await screenshot(frame, 'compare-embed-1366x768');
  assert.deepEqual(frame.consoleErrors ?? [], []);
  await frame.close();

  // Other sizes and themes, opened from a link with compare=1.
  const link = shared.slice(shared.indexOf('#'));
  for (const [width, height] of [[1366, 768], [1024, 768], [375, 812]]) {
    for (const colorScheme of ['light', 'dark']) {
      const p = await openPage(env, { viewport: { width, height }, colorScheme, path: link });
      await p.locator('#compare-view').waitFor();
      assert.equal(await p.evaluate(() => window.goMapPlayground.compare.panel.session.length), 4, 'the link\'s scenario');
      await screenshot(p, `compare-${width}x${height}-${colorScheme}`);
      const errors = p.consoleErrors ?? [];
      assert.deepEqual(errors, []);
      await p.close();
    }
  }
  return page;
}

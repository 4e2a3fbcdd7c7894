// Go 1.26's Swiss table on the page: pick it, fill a small map, watch the
// 9th insert turn the group into a table move by move, fill on until an
// insert splits the table and doubles the directory, delete into
// tombstones, and step back and forward. At every moment looked at, the
// groups drawn (control bytes, keys, stale keys) equal the page's session
// (state()), and at the end the gomap CLI's dump of the page's scenario.
import assert from 'node:assert/strict';
import { openPage, screenshot, cliDumps, scenarioText, pause, frame, settledHash } from '../harness.mjs';

export const name = 'Go 1.26 Swiss table: small map to table, split and directory doubling, tombstones, stepping';

// The Swiss picture as drawn: header fields, directory entries, and per
// table (in full or summarized) its groups' control bytes and slot texts.
function drawnSwiss(page) {
  return page.evaluate(() => {
    const root = document.querySelector('go-map-viz').shadowRoot;
    const map = root.querySelector('.swiss-map');
    if (!map || map.hidden) return null;
    const header = {};
    for (const f of map.querySelectorAll('.sw-header .sw-field')) header[f.querySelector('.sw-fname').textContent] = f.querySelector('.sw-fval').textContent;
    const group = (g) => ({
      addr: g.dataset.addr,
      // A closed group of a dense table draws control bytes only; its slots carry the key in data-k.
      slots: [...g.querySelectorAll('.sw-slot')].map((s) => ({
        ctrl: parseInt(s.querySelector('.sw-ctrl').textContent, 16),
        k: s.querySelector('.sw-k')?.textContent ?? s.dataset.k ?? '',
        stale: s.querySelector('.sw-k') ? s.querySelector('.sw-k').classList.contains('stale') : s.dataset.stale === '1',
        marked: [...s.classList].filter((c) => c.startsWith('sw-') && c !== 'sw-slot'),
      })),
    });
    const tables = [...map.querySelectorAll('.sw-table')].map((t) => ({
      addr: t.dataset.addr ?? null,
      // A big table draws a window of its groups: how many are above and below it.
      window: t.querySelector('.sw-window') ? {
        above: Number(t.querySelector('.sw-window.sw-above')?.dataset.count ?? 0),
        below: Number(t.querySelector('.sw-window.sw-below')?.dataset.count ?? 0),
      } : null,
      small: t.classList.contains('is-small'),
      role: [...t.classList].find((c) => c.startsWith('role-'))?.slice(5) ?? null,
      summary: t.classList.contains('is-summary'),
      fields: Object.fromEntries([...t.querySelectorAll('.sw-thead .sw-field')].map((f) => [f.querySelector('.sw-fname').textContent, f.querySelector('.sw-fval').textContent])),
      groups: [...t.querySelectorAll('.sw-group')].map(group),
    }));
    const directory = [...map.querySelectorAll('.sw-entry[data-index]')].map((e) => ({ index: Number(e.dataset.index), to: e.querySelector('.sw-eto').textContent }));
    const shared = map.querySelectorAll('.sw-run.is-shared').length;
    const focus = map.querySelectorAll('.sw-focus').length;
    return { header, tables, directory, shared, focus };
  });
}

// Differences between a drawn group and a dump's group ({ctrl, s}).
function groupDiffs(drawn, g, where) {
  const diffs = [];
  g.ctrl.forEach((c, i) => {
    const cell = drawn.slots[i];
    if (cell.ctrl !== c) diffs.push(`${where}.${i}: ctrl ${cell.ctrl} drawn, ${c} in the map`);
    const s = g.s[i];
    if ('k' in s && (cell.k !== String(s.k) || cell.stale)) diffs.push(`${where}.${i}: key ${cell.k} drawn, ${s.k} in the map`);
    if ('stale' in s && (cell.k !== String(s.stale) || !cell.stale)) diffs.push(`${where}.${i}: stale ${cell.k} drawn, ${s.stale} in the map`);
    if (!('k' in s) && !('stale' in s) && cell.k !== '') diffs.push(`${where}.${i}: ${cell.k} drawn in an empty slot`);
  });
  return diffs;
}

// Drawn vs a Swiss dump (the session's state().swiss or the CLI's line):
// the header, the directory, and every table drawn in full group by group
// (summarized tables by their counts). Detached tables are the session's.
function compareSwiss(drawn, dump, { detached = [] } = {}) {
  const diffs = [];
  if (drawn.header.used !== String(dump.count)) diffs.push(`used ${drawn.header.used} drawn, ${dump.count} in the map`);
  if (drawn.header.dirLen !== String(dump.dirLen)) diffs.push(`dirLen ${drawn.header.dirLen} drawn, ${dump.dirLen}`);
  if (drawn.header.globalDepth !== String(dump.globalDepth)) diffs.push(`globalDepth ${drawn.header.globalDepth} drawn, ${dump.globalDepth}`);
  if (drawn.header.seed !== `0x${dump.seed}`) diffs.push(`seed ${drawn.header.seed} drawn, ${dump.seed}`);
  const live = drawn.tables.filter((t) => !t.small && t.role === 'live');
  if (dump.small) {
    const small = drawn.tables.find((t) => t.small);
    if (!small) diffs.push('small group not drawn');
    else diffs.push(...groupDiffs(small.groups[0], dump.small, 'small'));
  }
  const tables = dump.tables ?? [];
  if (live.length !== tables.length) diffs.push(`${live.length} tables drawn, ${tables.length} in the map`);
  (dump.directory ?? []).forEach((pos, i) => {
    if (drawn.directory[i]?.to !== `→T${pos}`) diffs.push(`directory[${i}] ${drawn.directory[i]?.to} drawn, →T${pos} in the map`);
  });
  const check = (t, d, where) => {
    for (const f of ['capacity', 'used', 'growthLeft', 'localDepth']) if (t.fields[f] !== String(d[f])) diffs.push(`${where}.${f} ${t.fields[f]} drawn, ${d[f]}`);
    if (t.summary) return;
    if (t.window) {
      // Every group of the window is drawn (and those the step marks beyond
      // it), each with the map's bytes of the group at its address.
      const { above, below } = t.window;
      if (d.groups[0]?.addr === undefined) {
        // The CLI's dump has no addresses: the window's groups in order.
        const inWindow = d.groups.slice(above, d.groups.length - below);
        if (t.groups.length !== inWindow.length) diffs.push(`${where}: ${t.groups.length} groups drawn, a window of ${inWindow.length}`);
        inWindow.forEach((g, k) => t.groups[k] && diffs.push(...groupDiffs(t.groups[k], g, `${where}.g${above + k}`)));
        return;
      }
      const at = new Map(d.groups.map((g, i) => [g.addr, i]));
      const drawnAddrs = new Set(t.groups.map((g) => g.addr));
      d.groups.slice(above, d.groups.length - below).forEach((g, k) => {
        if (!drawnAddrs.has(g.addr)) diffs.push(`${where}.g${above + k}: in the window but not drawn`);
      });
      t.groups.forEach((g) => {
        const i = at.get(g.addr);
        if (i === undefined) diffs.push(`${where}: group ${g.addr} drawn, not in the map`);
        else diffs.push(...groupDiffs(g, d.groups[i], `${where}.g${i}`));
      });
      return;
    }
    if (t.groups.length !== d.groups.length) diffs.push(`${where}: ${t.groups.length} groups drawn, ${d.groups.length}`);
    d.groups.forEach((g, i) => t.groups[i] && diffs.push(...groupDiffs(t.groups[i], g, `${where}.g${i}`)));
  };
  tables.forEach((d, i) => live[i] && check(live[i], d, `T${i}`));
  const off = drawn.tables.filter((t) => t.role === 'new' || t.role === 'old');
  if (off.length !== detached.length) diffs.push(`${off.length} detached tables drawn, ${detached.length} in the session`);
  detached.forEach((d, i) => off[i] && check(off[i], d, `detached${i}`));
  return diffs;
}

async function drawnEqualsSession(page, { detached = true } = {}) {
  const [drawn, state, f] = await Promise.all([drawnSwiss(page), page.evaluate(() => window.goMapPlayground.app.player.map.state()), frame(page)]);
  assert.ok(drawn, 'the Swiss picture is not shown');
  return compareSwiss(drawn, state.swiss, { detached: detached && f.phase === 'event' ? state.swiss.detached : [] });
}

export async function run(env) {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 } });
  await page.getByLabel('Go version').selectOption('1.26');
  await page.getByLabel('Map type', { exact: true }).fill('map[int64]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.getByLabel(/^Seed/).fill('7');
  await page.getByRole('button', { name: 'New map' }).click();
  assert.equal(await page.evaluate(() => window.goMapPlayground.app.player.swiss), true);

  // A small map: one group of 8, no directory.
  await page.getByLabel('Fill with N keys').fill('8');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 1);
  let drawn = await drawnSwiss(page);
  assert.equal(drawn.tables.length, 1);
  assert.ok(drawn.tables[0].small);
  assert.equal(drawn.tables[0].groups[0].slots.filter((s) => s.ctrl < 0x80).length, 8);
  assert.deepEqual(await drawnEqualsSession(page), []);

  // The 9th insert: the small group becomes a table of 16 slots, each entry moved.
  await page.getByLabel('Key', { exact: true }).fill('9');
  await page.getByLabel('Value', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Insert' }).click();
  await pause(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  let f = await frame(page);
  assert.equal(f.op, 0);
  const seen = new Set();
  let sawBoth = false;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('ArrowRight');
    f = await frame(page);
    seen.add(f.e);
    assert.deepEqual(await drawnEqualsSession(page), [], `9th insert, step ${f.step} (${f.e})`);
    if (f.e === 'moveEntry') {
      drawn = await drawnSwiss(page);
      const newTable = drawn.tables.find((t) => t.role === 'new');
      sawBoth ||= !!newTable && drawn.tables.some((t) => t.small);
      assert.ok(drawn.focus >= 1, 'a move marks its slot');
      if (newTable && Number(newTable.fields.used) === 4) {
        const narration = await page.locator('#narration').textContent();
        assert.match(narration, /Entry \d+ moves from the small map's group, slot \d into the new table \(T0\), group \d, slot \d/);
        await screenshot(page, 'swiss-1-small-to-table');
      }
    }
    if (f.phase === 'done') break;
  }
  for (const k of ['hash', 'growToTable', 'moveEntry', 'probeGroup', 'chooseSlot', 'storeEntry']) assert.ok(seen.has(k), `no ${k} step`);
  assert.ok(sawBoth, 'the small group and the new table were never drawn together');
  drawn = await drawnSwiss(page);
  assert.equal(drawn.header.dirLen, '1');
  assert.equal(drawn.tables.filter((t) => !t.small).length, 1);

  // Fill on to just under a split, then insert until one insert splits.
  await page.getByLabel('Fill with N keys').fill('880');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 3);
  const split = await page.evaluate(() => {
    const app = window.goMapPlayground.app;
    for (let k = 100000; k < 100200; k++) {
      app.perform(`set ${k} 1`);
      app.pause();
      const j = app.player.history.length - 1;
      const events = app.player.eventsOf(j);
      if (events.some((e) => e.e === 'rehash' && e.how === 'split')) {
        const at = (kind) => events.findIndex((e) => e.e === kind);
        const moves = events.map((e, i) => (e.e === 'moveEntry' ? i : -1)).filter((i) => i >= 0);
        return { op: j, first: app.player.history.position(j, 0), rehash: at('rehash'), double: at('directoryDouble'), install: at('installTable'), moves: [moves[0], moves[400], moves.at(-1)] };
      }
    }
    return null;
  });
  assert.ok(split, 'no insert split the table');
  for (const step of [split.rehash, ...split.moves, split.double, split.install]) {
    await page.evaluate((p) => window.goMapPlayground.app.seek(p), split.first + step);
    f = await frame(page);
    assert.deepEqual(await drawnEqualsSession(page), [], `split step ${f.step} (${f.e})`);
    drawn = await drawnSwiss(page);
    if (f.e === 'moveEntry') {
      const marked = drawn.tables.flatMap((t) => t.groups.flatMap((g) => g.slots)).filter((s) => s.marked.some((c) => /sw-move-(left|right)/.test(c)));
      assert.equal(marked.length, 1, 'the moved entry is marked left or right where it lands');
    }
    if (step === split.moves[1]) {
      assert.match(await page.locator('#narration').textContent(), /the (left|right) table, as its split bit is [01]/);
      await screenshot(page, 'swiss-2-split-moving');
    }
    if (f.e === 'directoryDouble') assert.match(await page.locator('#narration').textContent(), /directory doubles to 2 entries/);
  }
  await page.evaluate((p) => window.goMapPlayground.app.seek(p), await page.evaluate((j) => window.goMapPlayground.app.player.history.donePosition(j), split.op));
  drawn = await drawnSwiss(page);
  assert.equal(drawn.header.dirLen, '2');
  assert.equal(drawn.header.globalDepth, '1');
  assert.equal(drawn.directory.length, 2);
  assert.deepEqual(await drawnEqualsSession(page), []);

  // Deletes: in a full group a tombstone (0xFE) and the key's stale bytes.
  const tomb = await page.evaluate(() => {
    const app = window.goMapPlayground.app;
    for (let k = 10; k < 400; k++) {
      app.perform(`del ${k}`);
      app.pause();
      const j = app.player.history.length - 1;
      const events = app.player.eventsOf(j);
      const i = events.findIndex((e) => e.e === 'deleteTombstone');
      if (i >= 0) return { op: j, first: app.player.history.position(j, 0), step: i, count: events.length, key: k };
    }
    return null;
  });
  assert.ok(tomb, 'no delete left a tombstone');
  await page.evaluate((p) => window.goMapPlayground.app.seek(p), tomb.first + tomb.step);
  assert.match(await page.locator('#narration').textContent(), new RegExp(`${tomb.key} deleted from .*tombstone \\(0xFE\\)`));
  drawn = await drawnSwiss(page);
  const stale = drawn.tables.flatMap((t) => t.groups.flatMap((g) => g.slots)).find((s) => s.ctrl === 0xfe && s.k === String(tomb.key));
  assert.ok(stale?.stale, 'the deleted key is drawn as stale bytes under 0xFE');
  assert.ok(stale.marked.includes('sw-tomb'));
  await screenshot(page, 'swiss-3-tombstone');
  // Back to the operation's start and forward again, key by key.
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i <= tomb.step; i++) await page.keyboard.press('ArrowLeft');
  f = await frame(page);
  assert.equal(f.op, tomb.op - 1);
  assert.equal(f.phase, 'done');
  assert.deepEqual(await drawnEqualsSession(page), []);
  for (let i = 0; i < tomb.count + 1; i++) {
    await page.keyboard.press('ArrowRight');
    f = await frame(page);
    assert.deepEqual(await drawnEqualsSession(page), [], `delete step ${f.step} (${f.e})`);
  }
  assert.equal(f.phase, 'done');
  // The page's whole history replayed by the gomap CLI draws the same.
  const dumps = cliDumps(`${await scenarioText(page)}\ndump`);
  assert.deepEqual(compareSwiss(await drawnSwiss(page), dumps.at(-1)), []);
  const legend = await page.evaluate(() => [...document.querySelector('go-map-viz').shadowRoot.querySelectorAll('.sw-legend li')].map((li) => li.textContent.trim()));
  for (const word of ['full (h2)', 'empty 0x80', 'tombstone 0xFE', 'stale key bytes', 'left / right', 'shared entries']) assert.ok(legend.some((l) => l.includes(word)), word);

  // The page's address reopens the same Go 1.26 map at the same moment.
  await page.waitForFunction(() => /&version=1\.26/.test(location.hash), null, { timeout: 10000 });
  const moment = (p) => p.evaluate(() => {
    const pl = window.goMapPlayground.app.player;
    return { swiss: pl.swiss, position: pl.position, state: JSON.stringify(pl.map.state()) };
  });
  const address = await settledHash(page);
  const before = await moment(page);
  const again = await openPage(env, { path: address, viewport: { width: 1366, height: 768 } });
  assert.deepEqual(await moment(again), before);
  assert.equal(await again.getByLabel('Go version').inputValue(), '1.26');
  await again.close();

  // Looked at in three sizes and both themes.
  for (const [w, h] of [[1366, 768], [1024, 768], [375, 812]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((p) => window.goMapPlayground.app.seek(p), tomb.first + tomb.step);
      await page.waitForTimeout(200);
      await screenshot(page, `swiss-4-tombstone-${w}x${h}-${scheme}`);
    }
  }
  await page.close();
  await bigTableFits(env);
  return bigMap(env);
}

// One 1,024-slot table (128 groups) at 1366x768 and 1024x768: at every
// micro-step of an insert the narration, the step button and the group the
// step marks are on screen together, the page not scrolled to find them.
async function bigTableFits(env) {
  for (const [w, h] of [[1366, 768], [1024, 768]]) {
    const page = await openPage(env, { path: '#v=1&version=1.26&type=map[int64]int64&seed=5&ops=fill+800;set+5001+1;set+5002+1;set+5003+1', viewport: { width: w, height: h } });
    const steps = await page.evaluate(() => {
      const p = window.goMapPlayground.app.player;
      const j = p.history.length - 1;
      return { first: p.history.position(j, 0), done: p.history.donePosition(j) };
    });
    assert.ok(steps.done - steps.first >= 4, `the insert has micro-steps (${steps.done - steps.first})`);
    for (let at = steps.first; at < steps.done; at++) {
      await page.evaluate((p) => window.goMapPlayground.app.seek(p), at);
      await page.waitForTimeout(120);
      const seen = await page.evaluate(() => {
        const inside = (el) => {
          if (!el) return false;
          const r = el.getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
        };
        const root = document.querySelector('go-map-viz').shadowRoot;
        const marked = root.querySelector('.sw-group.sw-focus, .sw-group .sw-focus, .sw-focus');
        return { narration: inside(document.getElementById('narration')), button: inside(document.getElementById('step-forward')), marked: marked ? inside(marked) : null, scrollY };
      });
      assert.deepEqual({ narration: seen.narration, button: seen.button }, { narration: true, button: true }, `${w}x${h} step ${at}: narration and controls on screen (scrollY ${seen.scrollY})`);
      if (seen.marked !== null) assert.equal(seen.marked, true, `${w}x${h} step ${at}: the marked group on screen (scrollY ${seen.scrollY})`);
    }
    await screenshot(page, `swiss-big-table-${w}x${h}`);
    await page.close();
  }
}

// The zoomed-out picture as drawn: the overview's caption, where its two
// marks stand, and the tables drawn in full (name, fields, groups by address).
function drawnZoomedOut(page) {
  return page.evaluate(() => {
    const root = document.querySelector('go-map-viz').shadowRoot;
    const box = (el) => (el && !el.hidden ? el.getBoundingClientRect() : null);
    const canvas = root.querySelector('.swo-canvas');
    const cr = box(canvas);
    // Whether any bar is drawn in the tokens' used-slot colour (a palette read
    // before the figure was in the document drew every bar grey).
    const live = canvas ? getComputedStyle(canvas).getPropertyValue('--live-border').trim() : '';
    const rgb = /^#[0-9a-f]{6}$/i.test(live) ? [1, 3, 5].map((i) => parseInt(live.slice(i, i + 2), 16)) : null;
    let usedColour = false;
    if (canvas && rgb) {
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < px.length && !usedColour; i += 4) usedColour = px[i] === rgb[0] && px[i + 1] === rgb[1] && px[i + 2] === rgb[2];
    }
    return {
      usedColour,
      nodes: root.querySelectorAll('*').length,
      caption: root.querySelector('.swo-caption')?.textContent ?? null,
      canvas: cr && { x: cr.x, y: cr.y, w: cr.width, h: cr.height, cw: canvas.width, ch: canvas.height },
      mark: box(root.querySelector('.swo-frame .swo-mark')),
      open: box(root.querySelector('.swo-open')),
      valuenow: root.querySelector('.swo-frame')?.getAttribute('aria-valuenow'),
      tables: [...root.querySelectorAll('.sw-table')].map((t) => ({
        name: t.querySelector('.sw-tname').textContent,
        addr: t.dataset.addr,
        used: t.querySelector('.sw-field .sw-fval') && Object.fromEntries([...t.querySelectorAll('.sw-thead .sw-field')].map((f) => [f.querySelector('.sw-fname').textContent, f.querySelector('.sw-fval').textContent])).used,
        groups: [...t.querySelectorAll('.sw-group')].map((g) => ({ addr: g.dataset.addr, ctrl: [...g.querySelectorAll('.sw-ctrl')].map((c) => parseInt(c.textContent, 16)) })),
      })),
    };
  });
}

// Each group drawn has the control bytes the session's state has at its address.
function groupsMatch(drawnTable, state) {
  const byAddr = new Map();
  for (const t of state.swiss.tables) for (const g of t.groups) byAddr.set(g.addr, g.ctrl);
  return drawnTable.groups.filter((g) => JSON.stringify(byAddr.get(g.addr)) !== JSON.stringify(g.ctrl)).map((g) => g.addr);
}

// 300,000 keys (issue 15): the directory and tables zoomed out, drawn from
// the session's numbers, the step's table ringed and opened with a window
// of its groups; a click opens another table. The tab stays small.
async function bigMap(env) {
  const page = await openPage(env, { path: '#v=1&version=1.26&type=map[int64]int64&seed=5&ops=set+1+1', viewport: { width: 1366, height: 768 } });
  await page.getByLabel('Fill with N keys').fill('300000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
  await page.waitForFunction(() => !window.goMapPlayground.app.busy && window.goMapPlayground.app.player.history.length === 2, null, { timeout: 120000 });
  await page.getByLabel('Key', { exact: true }).fill('-77');
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.waitForFunction(() => !window.goMapPlayground.app.busy && window.goMapPlayground.app.player.history.length === 3, null, { timeout: 60000 });
  await pause(page);
  // At the insert's store: the ring is on the table written to, opened below.
  const store = await page.evaluate(() => {
    const a = window.goMapPlayground.app;
    const p = a.player;
    const events = p.eventsOf(2);
    const k = events.findIndex((e) => e.e === 'storeEntry');
    a.seek(p.history.position(2, k));
    return events[k];
  });
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => window.goMapPlayground.app.player.map.state({ near: [], maxGroups: 256 }));
  const sw = state.swiss;
  let d = await drawnZoomedOut(page);
  const sum = (f) => sw.tables.reduce((n, t) => n + t[f], 0).toLocaleString('en-US');
  assert.equal(d.caption, `${sw.tables.length} tables, ${sum('used')} entries in ${sum('capacity')} slots (${((sw.count / sw.tables.reduce((n, t) => n + t.capacity, 0)) * 100).toFixed(1)}% load), ` +
    `${sum('tombstones')} tombstones; directory of ${sw.dirLen} entries, ${sw.directory.filter((t) => sw.directory.filter((x) => x === t).length > 1).length} shared`);
  assert.equal(sw.count, 300001);
  assert.ok(d.nodes < 3000, `${d.nodes} nodes in the element: a big map must not draw every table`);
  assert.ok(d.usedColour, 'the tables\' bars are drawn in the used-slot colour of the tokens, not a stand-in grey');
  const full = await page.evaluate((near) => window.goMapPlayground.app.player.map.state({ near, maxGroups: 256 }), [store.groupAddr]);
  const pos = full.swiss.tables.findIndex((t) => t.groups.some((g) => g.addr === store.groupAddr));
  assert.ok(pos >= 0);
  const tableAddr = sw.tables[pos].addr;
  assert.equal(d.valuenow, String(pos));
  // The ring sits on the table's bar: its cell in the grid of 128 columns.
  const cols = d.canvas.cw / 8;
  const cellW = d.canvas.w / cols;
  const cellH = d.canvas.h / (d.canvas.ch / 20);
  assert.ok(Math.abs(d.mark.x - (d.canvas.x + (pos % cols) * cellW)) < 2 && Math.abs(d.mark.y - (d.canvas.y + Math.floor(pos / cols) * cellH)) < 2, 'the ring is on the table the step writes to');
  const opened = d.tables.find((t) => t.addr === tableAddr);
  assert.ok(opened, 'the step\'s table is drawn in full');
  assert.ok(opened.groups.some((g) => g.addr === store.groupAddr), 'its written group is drawn');
  assert.ok(opened.groups.length <= 20, `${opened.groups.length} groups drawn: a window, not the whole table`);
  assert.deepEqual(groupsMatch(opened, full), []);
  await screenshot(page, 'swiss-5-zoomed-out-1366x768-light');

  // A click on another table's bar opens that table.
  const other = (pos + 130) % sw.tables.length;
  await page.mouse.click(d.canvas.x + (other % cols + 0.5) * cellW, d.canvas.y + (Math.floor(other / cols) + 0.5) * cellH);
  await page.waitForTimeout(200);
  d = await drawnZoomedOut(page);
  assert.equal(d.valuenow, String(other));
  const picked = d.tables.find((t) => t.addr === sw.tables[other].addr);
  assert.ok(picked, `T${other} opened by a click`);
  assert.equal(picked.name, `T${other}`);
  assert.equal(picked.used, String(sw.tables[other].used));
  const pickedState = await page.evaluate((near) => window.goMapPlayground.app.player.map.state({ near, maxGroups: 256 }), [sw.tables[other].addr]);
  assert.deepEqual(groupsMatch(picked, pickedState), []);
  // The arrow keys move it one table on.
  await page.evaluate(() => document.querySelector('go-map-viz').shadowRoot.querySelector('.swo-frame').focus());
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  d = await drawnZoomedOut(page);
  assert.equal(d.valuenow, String(other + 1));
  assert.ok(d.tables.some((t) => t.addr === sw.tables[other + 1].addr));

  // Stepping back to the store again rings and opens its table.
  await page.evaluate(() => window.goMapPlayground.app.step(-1));
  await page.evaluate(() => window.goMapPlayground.app.step(1));
  await page.waitForTimeout(200);
  d = await drawnZoomedOut(page);
  assert.equal(d.valuenow, String(pos));

  for (const [w, h] of [[1366, 768], [1024, 768], [375, 812]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => document.querySelector('go-map-viz').shadowRoot.querySelector('.swiss-overview').scrollIntoView({ behavior: 'instant' }));
      await page.waitForTimeout(200);
      await screenshot(page, `swiss-5-zoomed-out-${w}x${h}-${scheme}`);
    }
  }
  return page;
}

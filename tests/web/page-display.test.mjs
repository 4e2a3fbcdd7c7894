// The playground page's side of a link's display fields (theme, view,
// controls): read by the same decoder as the embed page, so a bad value
// gets the same message; kept through the page's own link; never counted
// as a broken map; applied to the page (page-display.mjs, here with
// stand-ins for the few DOM parts it touches).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { DISPLAY_FIELDS, displayOf, refusedMapFields, stateOfPlayer } from '../../web/app/link-state.mjs';
import { PageDisplay } from '../../web/app/page-display.mjs';
import { darkMedia, resolveTheme } from '../../web/render/theme.mjs';
import { decodeState, encodeState, positionOfStep, toScenarioText } from '../../web/share/permalink.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

const MAP = 'v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+3&step=1';

test('a link\'s look is its theme, view and controls, at their defaults when left out', () => {
  assert.deepEqual(DISPLAY_FIELDS, ['theme', 'view', 'controls']);
  assert.deepEqual(displayOf(decodeState(`${MAP}&view=both&theme=dark&controls=minimal&speed=20`).state),
    { theme: 'dark', view: 'both', controls: 'minimal' });
  assert.deepEqual(displayOf(decodeState(MAP).state), { theme: 'auto', view: 'buckets', controls: 'full' });
  assert.deepEqual(displayOf(null), { theme: 'auto', view: 'buckets', controls: 'full' });
});

test('bad display values: the embed page\'s messages (what and which key), the default, and the link still opens', () => {
  const link = `${MAP}&view=overview&theme=neon&controls=%3Cb%3Ex%3C%2Fb%3E`;
  const r = decodeState(link);
  assert.deepEqual(r.warnings, [
    { field: 'view', message: 'view: "overview" is not one of buckets, table, both; using the default, buckets' },
    { field: 'theme', message: 'theme: "neon" is not one of auto, light, dark; using the default, auto' },
    { field: 'controls', message: 'controls: "<b>x</b>" is not one of full, minimal, none; using the default, full' },
  ]);
  assert.deepEqual(displayOf(r.state), { theme: 'auto', view: 'buckets', controls: 'full' }, 'each at the default its message names');
  assert.deepEqual(refusedMapFields(link, r), [], 'the look never makes the page refuse the map');
  // The map the link makes is the one it makes without them.
  const plain = decodeState(MAP).state;
  assert.equal(toScenarioText(r.state), toScenarioText(plain));
  assert.deepEqual(r.state.step, plain.step);
  // Long and hostile values are cut in the message and never echoed whole.
  const long = decodeState(`${MAP}&theme=${'x'.repeat(40)}`);
  assert.equal(long.warnings[0].message, 'theme: "xxxxxxxxxxxxxxxxxxxxxxxx…" is 40 characters long; the limit is 16; using the default, auto');
});

let gomap;
before(async () => {
  gomap = await loadModule();
});

test('the page\'s own link keeps the look it opened with, and still replays the same map', async () => {
  const opened = decodeState(`${MAP}&view=table&theme=light&controls=none&speed=20`);
  const r = await Player.load(gomap, toScenarioText(opened.state));
  assert.equal(r.ok, true);
  r.player.seek(positionOfStep(opened.state.step, r.player.history));
  const written = encodeState(stateOfPlayer(r.player, { speed: 20, display: displayOf(opened.state) }));
  assert.equal(written, `${MAP}&view=table&theme=light&speed=20&controls=none`);
  // Defaults stay out of the address, as before the page knew about looks.
  assert.equal(encodeState(stateOfPlayer(r.player, { display: displayOf(null) })), MAP);
  assert.equal(encodeState(stateOfPlayer(r.player)), MAP);
  r.player.free();
});

// Stand-ins for what PageDisplay touches: attributes, dataset, hidden, media.
function fakeElement() {
  const attrs = new Map();
  return {
    attrs, dataset: {}, hidden: false, media: '',
    setAttribute: (n, v) => attrs.set(n, String(v)),
    removeAttribute: (n) => attrs.delete(n),
  };
}

function fakePage(systemDark = false) {
  const parts = { root: fakeElement(), darkSheet: fakeElement(), viz: fakeElement(), tableCard: fakeElement() };
  parts.darkSheet.media = darkMedia('auto');
  return { parts, display: new PageDisplay({ ...parts, systemDark: () => systemDark }) };
}

test('theme: the page\'s dark sheet and scheme, and the map element, follow it', () => {
  assert.deepEqual(['auto', 'dark', 'light', 'bogus'].map(darkMedia), ['(prefers-color-scheme: dark)', 'all', 'not all', '(prefers-color-scheme: dark)']);
  const { parts, display } = fakePage(false);
  display.apply({ theme: 'dark', view: 'buckets', controls: 'full' });
  assert.equal(parts.darkSheet.media, 'all');
  assert.equal(parts.root.dataset.theme, 'dark');
  assert.equal(parts.viz.attrs.get('theme'), 'dark');
  assert.equal(display.resolvedTheme(), 'dark', 'exports are drawn dark on a light system');
  display.apply({ theme: 'light' });
  assert.equal(parts.darkSheet.media, 'not all');
  assert.equal(parts.viz.attrs.get('theme'), 'light');
  display.apply({ theme: 'auto' });
  assert.equal(parts.darkSheet.media, '(prefers-color-scheme: dark)');
  assert.equal(parts.viz.attrs.has('theme'), false, 'a default leaves the element as the page always had it');
  assert.equal(display.resolvedTheme(), 'light');
  assert.equal(fakePage(true).display.resolvedTheme(), 'dark', 'auto follows the system');
  assert.equal(resolveTheme('light', true), 'light');
});

test('view: the map element shows it; the page\'s table card steps aside while the element shows a table', () => {
  const { parts, display } = fakePage();
  for (const [view, cardHidden] of [['table', true], ['both', true], ['buckets', false]]) {
    display.apply({ view });
    assert.equal(parts.viz.attrs.get('view') ?? 'buckets', view);
    assert.equal(parts.tableCard.hidden, cardHidden, view);
  }
  assert.equal(parts.viz.attrs.has('view'), false);
});

test('controls: kept for the page\'s link and embeds, never applied to the page or its element', () => {
  const { parts, display } = fakePage();
  display.apply({ theme: 'auto', view: 'buckets', controls: 'none' });
  assert.equal(display.current.controls, 'none');
  assert.equal(parts.viz.attrs.has('controls'), false, 'the page drives the element; the page keeps its own player whole');
  assert.equal(parts.tableCard.hidden, false);
});

test('a previewed palette is undone when the link is refused, and only the palette is previewed', () => {
  const { parts, display } = fakePage();
  display.apply({ theme: 'light', view: 'both' });
  display.preview({ theme: 'dark', view: 'table', controls: 'none' });
  assert.equal(parts.darkSheet.media, 'all');
  assert.equal(parts.root.dataset.theme, 'dark');
  assert.equal(parts.viz.attrs.get('theme'), 'light', 'the element has no map of the link yet');
  assert.equal(parts.viz.attrs.get('view'), 'both');
  assert.deepEqual(display.current, { theme: 'light', view: 'both', controls: 'full' }, 'the look in use is unchanged');
  display.restore();
  assert.equal(parts.darkSheet.media, 'not all');
  assert.equal(parts.root.dataset.theme, 'light');
});

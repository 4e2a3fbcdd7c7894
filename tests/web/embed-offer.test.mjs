// The Embed dialog's snippets (web/app/embed-offer.mjs): the moment and look
// a blogger picks land in the element and the iframe in the one grammar
// (read back by the element's and the embed page's own parsers), the script
// line is separate from the element line, the package URLs name the release
// npm/go-map-viz/package.json describes, and a refused option makes no snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COLUMNS, DEFAULT_COLUMN, MOMENTS, SCRIPT_SOURCES, defaultOptions, embedState, embedTexts, scriptUrlOf } from '../../web/app/embed-offer.mjs';
import { PACKAGE_NAME, PACKAGE_VERSION, packageScriptUrl } from '../../web/share/package-release.mjs';
import { decodeState, parseElementAttributes } from '../../web/share/permalink.mjs';
import { elementTag } from '../../web/share/embed.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const HREF = 'https://maps.example/go/index.html#v=1&type=map[int64]int64';
// The page's state at step 2.1 (link-state.mjs's shape), with a look from its link.
const PAGE = { mapType: 'map[int64]int64', seed: 7, ops: 'fill 12; set 100; del 3', step: { op: 2, micro: 1 }, speed: 20, theme: 'dark', view: 'buckets', controls: 'full' };

/** The element line's attributes, read back as the element reads them. */
function attributesOf(tag) {
  const attrs = new Map();
  for (const m of tag.matchAll(/ ([a-z-]+)(?:="([^"]*)")?/g)) attrs.set(m[1], (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  return parseElementAttributes((n) => (attrs.has(n) ? attrs.get(n) : null));
}

/** The iframe's fragment, read back as the embed page reads it. */
function fragmentOf(iframe) {
  const src = /<iframe src="([^"]+)"/.exec(iframe)[1].replaceAll('&amp;', '&');
  return decodeState(new URL(src).hash);
}

test('the package URLs name the release the package is built as', () => {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'npm/go-map-viz/package.json'), 'utf8'));
  assert.deepEqual([PACKAGE_NAME, PACKAGE_VERSION], [manifest.name, manifest.version]);
  assert.equal(packageScriptUrl('jsdelivr'), `https://cdn.jsdelivr.net/npm/go-map-viz@${manifest.version}/${manifest.jsdelivr.replace('./', '')}`);
  assert.equal(packageScriptUrl('unpkg'), `https://unpkg.com/go-map-viz@${manifest.version}/${manifest.unpkg.replace('./', '')}`);
  assert.throws(() => packageScriptUrl('esm.sh'), /unknown package CDN/);
  assert.deepEqual(SCRIPT_SOURCES, ['jsdelivr', 'unpkg', 'site']);
  assert.equal(scriptUrlOf('site', HREF), 'https://maps.example/go/go-map-viz.js');
});

test('the dialog opens on the moment on screen, with the look the page\'s link gave it', () => {
  const o = defaultOptions(PAGE);
  assert.deepEqual([o.moment, o.controls, o.theme, o.view, o.header, o.size, o.source, o.column], ['current', 'full', 'dark', 'buckets', 'full', 'auto', 'jsdelivr', DEFAULT_COLUMN]);
  assert.ok(COLUMNS.includes(DEFAULT_COLUMN) && DEFAULT_COLUMN < 720, 'the iframe is measured for a narrow column by default');
  const { state, errors } = embedState(PAGE, o);
  assert.deepEqual(errors, {});
  const t = embedTexts({ href: HREF, state, source: o.source, column: o.column });
  assert.equal(t.script, `<script type="module" src="https://cdn.jsdelivr.net/npm/go-map-viz@${PACKAGE_VERSION}/go-map-viz.js"></script>`);
  assert.doesNotMatch(t.element, /<script/, 'the element line holds no script');
  assert.doesNotMatch(t.element, /&#10;|\n/, 'one line, no character references for newlines');
  const el = attributesOf(t.element);
  assert.deepEqual(el.warnings, []);
  assert.deepEqual([el.state.step, el.state.theme, el.state.speed, el.state.ops], [{ op: 2, micro: 1 }, 'dark', 20, 'fill 12; set 100; del 3']);
  assert.match(t.iframe, / width="600" height="\d+"/);
  const fr = fragmentOf(t.iframe);
  assert.deepEqual(fr.warnings, []);
  assert.deepEqual([fr.state.step, fr.state.theme, fr.state.seed], [{ op: 2, micro: 1 }, 'dark', 7]);
});

test('each moment and option lands in both snippets, read back by the element and the embed page', () => {
  const steps = { current: { op: 2, micro: 1 }, start: { op: 0, micro: null }, end: null, custom: { op: 3, micro: 2 } };
  assert.deepEqual(MOMENTS, Object.keys(steps));
  for (const moment of MOMENTS) {
    const { state } = embedState(PAGE, { ...defaultOptions(PAGE), moment, stepText: '3.2' });
    const t = embedTexts({ href: HREF, state, source: 'site', column: 375 });
    assert.deepEqual(attributesOf(t.element).state.step, steps[moment], moment);
    assert.deepEqual(fragmentOf(t.iframe).state.step, steps[moment], moment);
  }
  const o = { ...defaultOptions(PAGE), controls: 'minimal', theme: 'auto', view: 'both', header: 'compact', buckets: '7, 3-4', size: 'fixed', sizePx: '480', autoplay: true };
  const { state, errors } = embedState(PAGE, o);
  assert.deepEqual(errors, {});
  const t = embedTexts({ href: HREF, state, source: 'unpkg', column: 720 });
  assert.equal(t.script, `<script type="module" src="https://unpkg.com/go-map-viz@${PACKAGE_VERSION}/go-map-viz.js"></script>`);
  const want = { controls: 'minimal', theme: 'auto', view: 'both', header: 'compact', buckets: '3-4,7', height: 480, maxHeight: null, autoplay: true };
  for (const read of [attributesOf(t.element), fragmentOf(t.iframe)]) {
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, read.state[k]])), want);
  }
  assert.match(t.element, / autoplay[ >]/);
  const max = embedState(PAGE, { ...defaultOptions(PAGE), size: 'max', sizePx: '400' }).state;
  assert.deepEqual([max.height, max.maxHeight], [null, 400]);
});

test('a refused option is named, and left out of the state', () => {
  const bad = embedState(PAGE, { ...defaultOptions(PAGE), moment: 'custom', stepText: '2.x', buckets: '9-3', size: 'fixed', sizePx: '50' });
  assert.deepEqual(Object.keys(bad.errors).sort(), ['buckets', 'sizePx', 'stepText']);
  assert.match(bad.errors.stepText, /^step: "2\.x" is not N or N\.M/);
  assert.match(bad.errors.buckets, /^buckets: "9-3" has a range that runs backwards/);
  assert.match(bad.errors.sizePx, /^height: "50" must be between 120 and 4000 pixels/);
  assert.deepEqual([bad.state.step, bad.state.buckets, bad.state.height], [PAGE.step, null, null]);
  // A state too long for a link makes no iframe: embedTexts says why.
  assert.throws(() => embedTexts({ href: HREF, state: { ...PAGE, ops: 'x'.repeat(70000) }, source: 'site', column: 600 }), /cannot be put in a link/);
});

test('the embed\'s model (issue 15): the page\'s version by default; compare adds the boolean attribute; the other model ends the same operation and drops what only the page\'s model takes', () => {
  const page = { mapType: 'map[int64]int64', version: '1.26', seed: 2n ** 40n, hasher: 'go126', ops: 'fill 20; del 3', step: { op: 2, micro: 4 } };
  const o = defaultOptions(page);
  assert.equal(o.version, '1.26');
  assert.equal(o.compare, false);
  const same = embedState(page, o).state;
  assert.deepEqual([same.version, same.step, same.seed, same.hasher], ['1.26', { op: 2, micro: 4 }, 2n ** 40n, 'go126']);
  const both = embedState(page, { ...o, compare: true }).state;
  assert.equal(both.compare, true);
  assert.match(elementTag(both), / compare[ >]/);
  const old = embedState(page, { ...o, version: '1.14' }).state;
  assert.deepEqual([old.version, old.step, old.seed, old.hasher], ['1.14', { op: 2, micro: null }, null, null]);
  assert.doesNotMatch(elementTag(old), /version=|seed=|hasher=/);
});

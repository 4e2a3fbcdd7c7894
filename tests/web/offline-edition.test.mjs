// The offline single file differs from the site on purpose, in one list
// (scripts/offline/swaps.mjs). Its Share dialog offers only what works
// from one downloaded file: a link to the file itself and the scenario, and
// its Embed dialog a note on why there is no embed; the site's Share offers
// the link (web/app/share-offer.mjs), its Embed dialog the element and the
// iframe (embed-offer.test.mjs). While a lesson is open, both offer a link to
// the lesson step first. And a bundle of the page really holds the
// offline edition, not the site's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODULE_SWAPS, swapAliases } from '../../scripts/offline/swaps.mjs';
import { bundle } from '../../scripts/offline/bundle.mjs';
import { EDITION as SITE } from '../../web/app/edition.mjs';
import { EDITION as OFFLINE } from '../../web/app/edition-offline.mjs';
import { EMBED_NOTES, HINTS, OFFERS, carriedNote, lessonHint, offerFor, shareTexts, siteUrls } from '../../web/app/share-offer.mjs';
import { readLessonFragment } from '../../web/lessons-ui/fragment.mjs';
import { decodeState } from '../../web/share/permalink.mjs';

const WEB = resolve(import.meta.dirname, '../../web');
const exportsOf = async (file) => Object.keys(await import(file)).sort();

test('each swap names both modules, says why, and the two export the same names', async () => {
  assert.ok(MODULE_SWAPS.length >= 2);
  for (const s of MODULE_SWAPS) {
    assert.ok(s.why.length > 20, s.site);
    assert.notEqual(s.site, s.offline);
    // The wasm pair is built into build/, not kept in web/.
    if (s.site.startsWith('wasm/')) continue;
    assert.ok(existsSync(join(WEB, s.site)) && existsSync(join(WEB, s.offline)), `${s.site} → ${s.offline}`);
    assert.deepEqual(await exportsOf(join(WEB, s.offline)), await exportsOf(join(WEB, s.site)), `${s.offline} stands in for ${s.site}`);
  }
  assert.deepEqual([SITE, OFFLINE], ['site', 'offline']);
  const aliases = swapAliases('/site', (a, b) => `${a}/${b}`);
  assert.equal(aliases.get('/site/app/edition.mjs'), '/site/app/edition-offline.mjs');
});

test('a bundle of the page with the swaps holds the offline edition and not the site\'s', async () => {
  const stub = join(WEB, 'wasm/gomap-single.mjs');
  const { code, files } = await bundle(join(WEB, 'app/main.mjs'), {
    alias: swapAliases(WEB, join),
    // The map module is built elsewhere; the page only needs its name here.
    sources: new Map([[stub, 'export async function loadGoMap() { throw new Error("stub"); }\n']]),
    label: (f) => f.slice(WEB.length + 1),
  });
  assert.ok(files.includes(join(WEB, 'app/edition-offline.mjs')));
  assert.ok(!files.includes(join(WEB, 'app/edition.mjs')));
  assert.ok(files.includes(join(WEB, 'app/share-dialog.mjs')), 'the Share dialog is in the bundle');
  assert.ok(files.includes(join(WEB, 'app/embed-dialog.mjs')), 'the Embed dialog (loaded on first use) is in the bundle');
  assert.match(code, /EDITION = ["']offline["'];/);
  assert.doesNotMatch(code, /EDITION = ["']site["'];/);
});

const STATE = { mapType: 'map[int64]int64', seed: 7, ops: 'fill 12; del 3', step: { op: 1, micro: null } };
const SCENARIO = 'map[int64]int64\nseed 7\nfill 12\ndel 3';
const FILE = 'file:///home/teacher/Downloads/go-map-playground-offline.html#v=1&type=map[string]int64';

test('offline: a link to this very file and the scenario, never a snippet naming a file that is not there', () => {
  assert.deepEqual(OFFERS.offline, ['link', 'scenario']);
  const r = shareTexts('offline', { href: FILE, state: STATE, scenario: SCENARIO });
  assert.equal(r.problem, null);
  assert.deepEqual(Object.keys(r.texts), ['link', 'scenario']);
  assert.equal(r.texts.link, 'file:///home/teacher/Downloads/go-map-playground-offline.html#v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+3&step=1');
  assert.deepEqual(decodeState(new URL(r.texts.link).hash).warnings, []);
  assert.equal(r.texts.scenario, SCENARIO);
  for (const text of Object.values(r.texts)) assert.doesNotMatch(text, /go-map-viz\.js|embed\.html|<script|<iframe|<go-map-viz/);
  assert.match(EMBED_NOTES.offline, /not offered in this single file.*go-map-viz\.js, embed\.html.*hosted playground/);
  assert.match(HINTS.offline, /this file/);
});

test('offline: a state too long for a link still offers its scenario', () => {
  // Under the scenario's own limit, over a link's once percent-encoded.
  const huge = `set ${'é'.repeat(20000)} 1`;
  const r = shareTexts('offline', { href: FILE, state: { ops: huge }, scenario: huge });
  assert.equal(r.texts.link, null);
  assert.match(r.problem, /too long for a link/);
  assert.equal(r.texts.scenario, huge);
});

test('site: Share offers the link; the element and the iframe are the Embed dialog\'s (embed-offer.test.mjs)', () => {
  assert.deepEqual(OFFERS.site, ['link']);
  assert.equal(EMBED_NOTES.site, null);
  const href = 'https://maps.example/go/index.html#v=1&type=map[string]int64';
  assert.deepEqual(siteUrls(href), {
    pageUrl: 'https://maps.example/go/index.html',
    elementScriptUrl: 'https://maps.example/go/go-map-viz.js',
    embedPageUrl: 'https://maps.example/go/embed.html',
  });
  const r = shareTexts('site', { href, state: STATE, scenario: SCENARIO });
  assert.deepEqual(Object.keys(r.texts), ['link']);
  assert.equal(r.texts.link, 'https://maps.example/go/index.html#v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+3&step=1');
  const bad = shareTexts('site', { href, state: { ops: 'x'.repeat(70000) }, scenario: '' });
  assert.deepEqual(bad.texts, { link: null });
  assert.match(bad.problem, /cannot be put in a link/);
  assert.throws(() => shareTexts('mirror', { href, state: STATE }), /unknown edition/);
});

test('what the snippets carry of a link\'s look is said in a sentence, controls with what it does here', () => {
  assert.equal(carriedNote('site', STATE), null);
  assert.equal(carriedNote('site', { ...STATE, theme: 'auto', view: 'buckets', controls: 'full' }), null);
  assert.equal(carriedNote('site', { ...STATE, theme: 'dark', view: 'both' }), 'Carried over from the link this page opened: theme dark, view both.');
  assert.equal(carriedNote('site', { ...STATE, controls: 'minimal' }),
    'Carried over from the link this page opened: controls minimal. Controls set the element\'s and the iframe\'s own buttons; this page keeps all of its own.');
  assert.match(carriedNote('offline', { ...STATE, controls: 'none' }), /Controls would set an embed's own buttons/);
});

const LESSON = { id: 'delete', step: 2, title: 'Delete: emptyOne, emptyRest, and the walk backwards', steps: 7 };

test('during a lesson both editions offer the link to the lesson step first, and keep the permalink', () => {
  for (const [edition, href] of [['site', 'https://maps.example/go/index.html#lesson=delete&step=2'], ['offline', `${FILE.split('#')[0]}#lesson=delete&step=2`]]) {
    assert.deepEqual(offerFor(edition, null), OFFERS[edition], `${edition}: no lesson, no lesson link`);
    assert.deepEqual(offerFor(edition, LESSON), ['lesson', ...OFFERS[edition]]);
    const r = shareTexts(edition, { href, state: STATE, scenario: SCENARIO, lesson: LESSON });
    assert.deepEqual(Object.keys(r.texts), ['lesson', ...OFFERS[edition]]);
    assert.equal(r.texts.lesson, `${href.split('#')[0]}#lesson=delete&step=2`);
    assert.deepEqual(readLessonFragment(new URL(r.texts.lesson).hash), { id: 'delete', step: 2 });
    assert.equal(r.texts.link, `${href.split('#')[0]}#v=1&type=map[int64]int64&seed=7&ops=fill+12;+del+3&step=1`, `${edition}: the permalink stays`);
    assert.equal(shareTexts(edition, { href, state: STATE, scenario: SCENARIO }).texts.lesson, undefined);
    // A map too long for a permalink still has its lesson's link.
    const long = shareTexts(edition, { href, state: { ops: 'x'.repeat(70000) }, scenario: '', lesson: LESSON });
    assert.equal(long.texts.lesson, r.texts.lesson);
    assert.equal(long.texts.link, null);
  }
  assert.equal(lessonHint(null), null);
  assert.equal(lessonHint(LESSON), 'The lesson link opens the lesson “Delete: emptyOne, emptyRest, and the walk backwards” at step 2 of 7. ' +
    'The others pass on the map alone, without the lesson.');
});

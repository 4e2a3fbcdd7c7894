// The npm package from a CDN layout: dist/package/ packed, the tarball
// installed into a scratch folder, node_modules/go-map-viz/ served under
// /go-map-viz@<version>/ on one origin (CORS, immutable caching, as
// jsDelivr does), host pages on another with a strict CSP. One module
// script makes every <go-map-viz> on the page work (modules, styles and the
// wasm found through import.meta.url); the class module alone registers
// nothing and can be defined under another name; custom-elements.json
// lists exactly the attributes the element observes; a host without
// 'wasm-unsafe-eval' gets the element's message, as docs/hosting.md says.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runOnOwnedPage, installTraps, trapsFired } from '../harness.mjs';
import { installPackage, startCdn, startHost, scratchSite, strictCsp } from '../package-cdn.mjs';

export const name = 'go-map-viz package: npm pack, install, CDN layout, strict CSP host, define module, manifest';

const hostPage = (script) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A host</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/probe.mjs"></script>
  <script type="module" src="${script}"></script>
</head>
<body>
  <go-map-viz id="a" map-type="map[int64]int64" seed="1" ops="fill 5"></go-map-viz>
  <go-map-viz id="b" ops="set apple 1; set banana 2; del apple" step="2" theme="dark" controls="minimal"></go-map-viz>
  <go-map-viz id="c" map-type="map[int64]int64" hasher="identity" ops="collide 0 9" view="both"></go-map-viz>
</body>
</html>
`;

// Listens before the element is defined (module scripts run in order).
const PROBE = `window.__ready = [];
for (const el of document.querySelectorAll('go-map-viz, gc-map')) el.addEventListener('ready', (e) => window.__ready.push({ id: el.id, detail: e.detail }));
`;

const classPage = (cdnBase) => `<!doctype html>
<html lang="en" data-cdn="${cdnBase}">
<head><meta charset="utf-8"><title>Class only</title><link rel="icon" href="data:,">
<script type="module" src="/probe.mjs"></script>
<script type="module" src="/class.mjs"></script></head>
<body>
  <gc-map id="g" map-type="map[int64]int64" ops="fill 3"></gc-map>
  <go-map-viz id="u" ops="fill 3"></go-map-viz>
</body>
</html>
`;

const CLASS_SCRIPT = `const base = document.documentElement.dataset.cdn;
const mod = await import(base + 'element/go-map-viz.mjs');
window.__before = { goMapViz: !!customElements.get('go-map-viz'), exports: Object.keys(mod).sort() };
const C = mod.define('gc-map');
window.__after = { gcMap: customElements.get('gc-map') === C, isSubclass: C.prototype instanceof mod.GoMapViz, goMapViz: !!customElements.get('go-map-viz') };
`;

export async function run(env) {
  const pkg = installPackage();
  const cdn = await startCdn(pkg.installed, pkg.version);
  const base = `${cdn.url}/go-map-viz@${pkg.version}/`;
  const site = scratchSite({
    'index.html': hostPage(`${base}go-map-viz.js`),
    'class.html': classPage(base),
    'probe.mjs': PROBE,
    'class.mjs': CLASS_SCRIPT,
  });
  const host = await startHost(site.dir, strictCsp(cdn.origin));
  const noWasm = await startHost(site.dir, strictCsp(cdn.origin).replace(" 'wasm-unsafe-eval'", ''));
  const cleanup = async () => {
    await Promise.all([cdn.stop(), host.stop(), noWasm.stop()]);
    site.remove();
    pkg.remove();
  };
  return runOnOwnedPage(env, cleanup, (page, requested) => steps(page, { pkg, cdn, base, host, noWasm, requested }));
}

async function steps(page, { pkg, cdn, base, host, noWasm, requested }) {
  // The tarball: what a package needs, and package.json naming only files it has.
  const listing = execFileSync('tar', ['tzf', pkg.tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const f of ['package.json', 'README.md', 'LICENSE', 'NOTICE', 'custom-elements.json', 'go-map-viz.js', 'go-map-viz.d.ts',
    'element/define.mjs', 'element/go-map-viz.mjs', 'element/go-map-viz.d.ts', 'wasm/gomap.mjs', 'wasm/gomap_wasm.mjs', 'wasm/gomap_wasm.wasm',
    'styles/viz.css', 'integrations/eleventy.mjs', 'integrations/hugo/go-map-viz.html', 'integrations/jekyll/go-map-viz.html']) {
    assert.ok(listing.includes(f), `the tarball holds ${f}`);
  }
  assert.ok(!listing.some((f) => /(^|\/)(index\.html|app\/main\.mjs|lessons\/|\.map$)/.test(f)), `no page files in the package: ${listing.filter((f) => /index\.html|app\/main|lessons\//.test(f))}`);
  const manifestPkg = JSON.parse(readFileSync(join(pkg.installed, 'package.json'), 'utf8'));
  assert.equal(manifestPkg.name, 'go-map-viz');
  assert.equal(manifestPkg.private, undefined);
  assert.deepEqual(manifestPkg.sideEffects, ['./go-map-viz.js', './element/define.mjs']);
  for (const p of [manifestPkg.module, manifestPkg.types, manifestPkg.customElements, manifestPkg.jsdelivr, manifestPkg.unpkg,
    ...Object.values(manifestPkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))]) {
    assert.ok(existsSync(join(pkg.installed, p)), `package.json names ${p}, which is installed`);
  }
  const top = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(top.private, true, 'the project itself stays private');

  // One script tag on a strict-CSP page of another origin: all three maps work.
  await installTraps(page);
  await page.goto(`${host.url}/`);
  await page.waitForFunction(() => window.__ready?.length === 3, null, { timeout: 20000 });
  const counts = await page.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).shadowRoot.querySelector('.field-count dd')?.textContent));
  assert.deepEqual(counts, ['5', '2', '9']);
  const ready = Object.fromEntries(await page.evaluate(() => window.__ready.map((r) => [r.id, r.detail.step])));
  assert.deepEqual(ready, { a: 'end', b: '2', c: 'end' });
  const dark = await page.evaluate(() => getComputedStyle(document.getElementById('b').shadowRoot.querySelector('.viz')).backgroundColor);
  assert.equal(dark, 'rgb(14, 17, 22)', 'theme="dark" from the package styles');
  assert.deepEqual(await trapsFired(page), [], 'no CSP violation, dialog or storage');

  // Only the two origins; the script, the map module and the wasm once each.
  const origins = new Set(requested.map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [cdn.origin, host.origin].sort(), 'requests go to the page and the package origin only');
  const fromCdn = requested.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length));
  for (const f of ['go-map-viz.js', 'wasm/gomap_wasm.wasm', 'wasm/gomap.mjs', 'element/define.mjs']) {
    assert.equal(fromCdn.filter((x) => x === f).length, 1, `${f} loaded once for three elements`);
  }
  assert.ok(fromCdn.includes('styles/viz.css'));

  // The manifest lists the attributes the element observes, each with its property.
  const check = await page.evaluate(async (url) => {
    const manifest = await (await fetch(url)).json();
    const decl = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'go-map-viz');
    const C = customElements.get('go-map-viz');
    const el = document.getElementById('a');
    return {
      schema: manifest.schemaVersion,
      manifest: decl.attributes.map((a) => a.name),
      observed: C.observedAttributes.filter((a) => a !== 'aria-label'),
      properties: decl.attributes.filter((a) => !(a.fieldName in el)).map((a) => a.fieldName),
      definitions: manifest.modules.flatMap((m) => m.exports).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
    };
  }, `${base}custom-elements.json`);
  assert.equal(check.schema, '2.1.0');
  assert.deepEqual(check.manifest, check.observed, 'custom-elements.json attributes = observedAttributes');
  assert.deepEqual(check.properties, [], 'every attribute has its property');
  assert.ok(check.definitions.includes('go-map-viz'));

  // The class alone registers nothing; define() under another name works.
  await page.goto(`${host.url}/class.html`);
  await page.waitForFunction(() => window.__ready?.length === 1, null, { timeout: 20000 });
  const before = await page.evaluate(() => window.__before);
  assert.equal(before.goMapViz, false, 'importing element/go-map-viz.mjs registers nothing');
  assert.deepEqual(before.exports, ['GoMapViz', 'define']);
  assert.deepEqual(await page.evaluate(() => window.__after), { gcMap: true, isSubclass: true, goMapViz: false });
  assert.equal(await page.evaluate(() => document.getElementById('g').shadowRoot.querySelector('.field-count dd').textContent), '3');
  assert.equal(await page.evaluate(() => document.getElementById('u').shadowRoot), null, '<go-map-viz> stays undefined');
  assert.deepEqual(await trapsFired(page), []);

  // A host whose CSP lacks 'wasm-unsafe-eval': the element says the module could not load.
  const other = await page.context().newPage();
  try {
    await other.goto(`${noWasm.url}/`);
    await other.waitForFunction(() => document.getElementById('a')?.shadowRoot?.textContent.includes('could not be loaded'), null, { timeout: 20000 });
  } finally {
    await other.close();
  }
}

// The site build's page bundle (scripts/site-bundle.mjs) on a small site
// laid out like dist/: the page names the bundle, Emscripten's loader stays
// a file of its own, a lazy import stays a chunk loaded on use, the bundle
// runs like the modules, and a run of plain stylesheets becomes one sheet in
// their place while a switched sheet (media, id) stays.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundlePages, moduleEntryOf, PAGE_BUNDLES } from '../../scripts/site-bundle.mjs';

const PAGE = `<!doctype html>
<html>
<head>
  <link rel="stylesheet" href="styles/tokens-light.css">
  <link rel="stylesheet" href="styles/tokens-dark.css" id="dark-tokens" media="(prefers-color-scheme: dark)">
  <link rel="stylesheet" href="styles/page.css">
  <link rel="stylesheet" href="styles/controls.css">
  <link rel="modulepreload" href="app/main.mjs">
  <script type="module" src="app/main.mjs"></script>
</head>
<body></body>
</html>
`;

const FILES = {
  'index.html': PAGE,
  'styles/tokens-light.css': ':root { --fg: #000000; }\n',
  'styles/tokens-dark.css': ':root { --fg: #ffffff; }\n',
  'styles/page.css': 'body   { color: var(--fg); }\n',
  'styles/controls.css': 'button { color: red; }\nbody { margin: 0; }\n',
  // The loader finds its .wasm beside itself, so it must stay in wasm/.
  'wasm/gomap_wasm.mjs': 'export const where = import.meta.url;\n',
  'wasm/gomap.mjs': "import { where } from './gomap_wasm.mjs';\nexport const loader = where;\n",
  'app/main.mjs': "import { loader } from '../wasm/gomap.mjs';\nimport { twice } from '../render/twice.mjs';\n" +
    "export const first = twice(21);\nexport const loaderUrl = loader;\nexport const later = () => import('../source/big.mjs');\n",
  'render/twice.mjs': 'export function twice(n) {\n  const result = n * 2;\n  return result;\n}\n',
  'source/big.mjs': `export const text = ${JSON.stringify('lazy '.repeat(200))};\n`,
};

// One small site, bundled once; the tests read what the bundle wrote.
const dist = await mkdtemp(join(tmpdir(), 'gomap-site-bundle-'));
after(() => rm(dist, { recursive: true, force: true }));
for (const [rel, text] of Object.entries(FILES)) {
  await mkdir(join(dist, rel, '..'), { recursive: true });
  await writeFile(join(dist, rel), text);
}
await bundlePages(dist);

test('the built page names the bundle, and the offline build finds the module it stands for', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const bundle = PAGE_BUNDLES.find((b) => b.page === 'index.html');
  assert.match(html, new RegExp(`<script type="module" src="${bundle.out}"></script>`));
  assert.match(html, new RegExp(`<link rel="modulepreload" href="${bundle.out}">`));
  assert.doesNotMatch(html, /app\/main\.mjs/);
  assert.equal(moduleEntryOf(bundle.out), 'app/main.mjs');
  assert.equal(moduleEntryOf('embed/embed.mjs'), 'embed/embed.mjs');
});

test('the bundle runs like the modules, imports the wasm loader from wasm/, and leaves the lazy module in a chunk', async () => {
  const main = await readFile(join(dist, 'page/main.mjs'), 'utf8');
  assert.match(main, /from\s*"\.\.\/wasm\/gomap_wasm\.mjs"/);
  assert.doesNotMatch(main, /lazy lazy/, 'the lazy module is not in the first file');
  const chunks = (await readdir(join(dist, 'page'))).filter((f) => f.endsWith('.mjs') && f !== 'main.mjs');
  assert.ok(chunks.some((f) => f.startsWith('big-')), `a chunk for source/big.mjs among ${chunks}`);
  const mod = await import(pathToFileURL(join(dist, 'page/main.mjs')).href);
  assert.equal(mod.first, 42);
  assert.equal(mod.loaderUrl, pathToFileURL(join(dist, 'wasm/gomap_wasm.mjs')).href);
  assert.equal((await mod.later()).text, 'lazy '.repeat(200));
  assert.match(await readFile(join(dist, 'page/main.mjs.map'), 'utf8'), /"\.\.\/app\/main\.mjs"/);
});

test('consecutive plain stylesheets become one sheet at their place; a sheet with media and id stays', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  // tokens-light stands alone (the dark sheet follows it), so it stays too.
  assert.deepEqual(hrefs, ['styles/tokens-light.css', 'styles/tokens-dark.css', 'page/main.css']);
  assert.match(html, /href="styles\/tokens-dark\.css" id="dark-tokens" media="\(prefers-color-scheme: dark\)"/);
  const css = await readFile(join(dist, 'page/main.css'), 'utf8');
  // page.css before controls.css, as the page linked them (the cascade).
  assert.ok(css.indexOf('var(--fg)') < css.indexOf('red'), css);
  assert.ok(css.length < FILES['styles/page.css'].length + FILES['styles/controls.css'].length, 'minified');
});

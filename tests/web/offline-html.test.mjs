// The offline file's page inliner (scripts/offline/inline-html.mjs): the
// page comes out naming nothing outside itself, with its policy, and a
// script that cannot end its own element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineHtml, inlineCss, escapeScript, OFFLINE_CSP } from '../../scripts/offline/inline-html.mjs';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="styles/a.css">
  <link rel="modulepreload" href="app/main.mjs">
  <script type="module" src="app/main.mjs"></script>
</head>
<body><a href="#map">Skip</a><p id="map"></p></body>
</html>`;

const io = {
  stylesheet: (href) => `/* ${href} */ p { color: red }`,
  asset: (href) => ({ path: href, bytes: Buffer.from('<svg/>') }),
  script: () => 'const s = "</script><!-- -->"; document.body.dataset.ok = s;',
};

test('the page is inlined: styles, icon, script, policy; preloads gone', () => {
  const out = inlineHtml(PAGE, io);
  assert.match(out, /<style>\/\* styles\/a\.css \*\/ p \{ color: red \}<\/style>/);
  assert.match(out, /<link rel="icon" href="data:image\/svg\+xml;base64,PHN2Zy8\+" type="image\/svg\+xml">/);
  assert.doesNotMatch(out, /modulepreload/);
  assert.match(out, /<script type="module">const s = "\\x3C\/script>\\x3C!-- -->";/);
  assert.equal(out.match(/<\/script>/g).length, 1, 'only the element\'s own end tag');
  assert.ok(out.includes(`<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">`));
  assert.match(OFFLINE_CSP, /default-src 'none'/);
  assert.match(out, /<a href="#map">/, 'in-page links stay');
});

test('escaped script text keeps its meaning', () => {
  const code = 'globalThis.v = ["</script>", "<!--", /<\\/script>/.source];';
  // Runs the text as a script body, before and after escaping.
  const run = (c) => { const g = {}; new Function('globalThis', c)(g); return g.v; };
  assert.deepEqual(run(escapeScript(code)), run(code));
});

test('anything that would still load from elsewhere stops the build', () => {
  assert.throws(() => inlineHtml(PAGE.replace('<body>', '<body><img src="https://example.com/x.png">'), {
    ...io, asset: (href) => { if (href.includes('//')) throw new Error(`cannot read ${href}`); return io.asset(href); },
  }), /cannot read https:\/\/example\.com/);
  assert.throws(() => inlineHtml(PAGE.replace('<body>', '<body><iframe src="#x"></iframe>'), io), /iframe/);
  assert.throws(() => inlineHtml(PAGE.replace('<body>', '<body><form action="/send"></form>'), io), /refers to \/send/);
  assert.throws(() => inlineHtml(PAGE.replace('<script type="module" src', '<script src'), io), /not a module/);
});

test('CSS: imports are inlined under their media query, url()s become data: URLs', () => {
  const files = {
    'dark.css': ':root { --bg: black }',
    'font.woff2': 'wOF2',
  };
  const css = '@import url("dark.css") (prefers-color-scheme: dark);\n@font-face { src: url(font.woff2) }\n.x { mask: url(#clip) }';
  const out = inlineCss(css, 'a.css', {
    sheet: (ref) => files[ref],
    asset: (ref) => ({ path: ref, bytes: Buffer.from(files[ref]) }),
  });
  assert.match(out, /@media \(prefers-color-scheme: dark\) \{\n\/\* dark\.css \*\/\n:root \{ --bg: black \}\n\}/);
  assert.match(out, /url\("data:font\/woff2;base64,d09GMg=="\)/);
  assert.match(out, /url\(#clip\)/);
  assert.throws(() => inlineCss('@import url(a.css) layer(base);', 'b.css', { sheet: () => '', asset: () => null }), /layer/);
  assert.throws(() => inlineCss('p::after { content: "</style>" }', 'c.css', { sheet: () => '', asset: () => null }), /<\/style/);
});

test('an inlined sheet keeps its media query and id: the theme switch finds it, and a dark palette stays conditional', () => {
  const page = PAGE.replace('<link rel="stylesheet" href="styles/a.css">',
    '<link rel="stylesheet" href="styles/light.css">\n  <link rel="stylesheet" href="styles/dark.css" id="dark-tokens" media="(prefers-color-scheme: dark)">');
  const out = inlineHtml(page, io);
  assert.match(out, /<style>\/\* styles\/light\.css \*\/ p \{ color: red \}<\/style>/);
  assert.match(out, /<style id="dark-tokens" media="\(prefers-color-scheme: dark\)">\/\* styles\/dark\.css \*\//);
});

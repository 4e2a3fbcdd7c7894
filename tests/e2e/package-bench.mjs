// Figures for the go-map-viz package (npm run bench): its size (every file
// and gzipped, the tarball), what one embed downloads (the files a page with
// one <go-map-viz> fetches from the package origin, raw and gzipped), and the
// time from navigation to the first drawn map for that embed loaded from the
// package origin with a cold cache (a fresh browser profile per run), with
// the same page loading the package from its own origin as the baseline in
// the same run, and a warm reload (immutable caching) for comparison.
// Prints numbers; asserts nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './harness.mjs';
import { installPackage, startCdn, startHost, startStatic, scratchSite, strictCsp } from './package-cdn.mjs';

const RUNS = Number(process.env.PACKAGE_BENCH_RUNS ?? 5);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const page = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One embed</title><link rel="icon" href="data:,">
<script type="module" src="/probe.mjs"></script>
<script type="module" src="${src}"></script></head>
<body><go-map-viz map-type="map[int64]int64" seed="7" ops="fill 26; set 100 1" step="2.28"></go-map-viz></body></html>
`;
// The first drawn map: the element's ready event (it fires once the moment is drawn), then a frame.
const PROBE = `document.querySelector('go-map-viz').addEventListener('ready', () => requestAnimationFrame(() => { window.__drawn = performance.now(); }), { once: true });
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeToDrawn(url, { warm = false } = {}) {
  const browser = await launchBrowser();
  try {
    const tab = await browser.context.newPage();
    const fetched = [];
    tab.on('requestfinished', (r) => fetched.push(r.url()));
    await tab.goto(url);
    await tab.waitForFunction(() => window.__drawn, null, { timeout: 30000 });
    let ms = await tab.evaluate(() => window.__drawn);
    if (warm) {
      fetched.length = 0;
      await tab.reload();
      await tab.waitForFunction(() => window.__drawn, null, { timeout: 30000 });
      ms = await tab.evaluate(() => window.__drawn);
    }
    return { ms, fetched };
  } finally {
    await browser.close();
  }
}

const pkg = installPackage();
const cdn = await startCdn(pkg.installed, pkg.version);
const base = `${cdn.url}/go-map-viz@${pkg.version}/`;
const site = scratchSite({ 'index.html': page(`${base}go-map-viz.js`), 'same.html': page(`/go-map-viz@${pkg.version}/go-map-viz.js`), 'probe.mjs': PROBE });
const host = await startHost(site.dir, strictCsp(cdn.origin));
const same = await startStatic({
  host: 'localhost',
  mounts: [[`/go-map-viz@${pkg.version}/`, pkg.installed], ['/', site.dir]],
  headers: () => ({ 'Content-Security-Policy': strictCsp("'self'"), 'Cache-Control': 'public, max-age=31536000, immutable' }),
});
try {
  // Size.
  const all = files(pkg.installed);
  const raw = all.reduce((s, f) => s + statSync(f).size, 0);
  const zipped = all.reduce((s, f) => s + gz(readFileSync(f)), 0);
  console.log(`go-map-viz ${pkg.version}: ${all.length} files, ${kib(raw)}, ${kib(zipped)} gzipped (file by file), tarball ${kib(statSync(pkg.tarball).size)}`);

  // What one embed downloads, and how long until its map is drawn.
  const cross = [];
  let downloaded = null;
  for (let i = 0; i < RUNS; i++) {
    const r = await timeToDrawn(`${host.url}/`);
    cross.push(r.ms);
    downloaded ??= r.fetched.filter((u) => u.startsWith(base)).map((u) => join(pkg.installed, u.slice(base.length)));
  }
  const embedRaw = downloaded.reduce((s, f) => s + statSync(f).size, 0);
  const embedGz = downloaded.reduce((s, f) => s + gz(readFileSync(f)), 0);
  const wasm = downloaded.find((f) => f.endsWith('.wasm'));
  console.log(`one embed downloads ${downloaded.length} files from the package origin: ${kib(embedRaw)}, ${kib(embedGz)} gzipped ` +
    `(${(embedGz / zipped * 100).toFixed(0)}% of the package; the .wasm ${kib(gz(readFileSync(wasm)))} of it gzipped)`);
  const unused = all.map((f) => relative(pkg.installed, f)).filter((f) => !downloaded.some((d) => relative(pkg.installed, d) === f) && /\.(mjs|js|css|wasm)$/.test(f) && !f.startsWith('integrations/'));
  if (unused.length) console.log(`  not fetched by the embed: ${unused.join(', ')}`);

  const sameOrigin = [];
  for (let i = 0; i < RUNS; i++) sameOrigin.push((await timeToDrawn(`${same.url}/same.html`)).ms);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push((await timeToDrawn(`${host.url}/`, { warm: true })).ms);
  const m = median(cross);
  console.log(`time to first drawn map (navigation → ready + a frame; median of ${RUNS}, localhost, no throttling):`);
  console.log(`  package origin, cold cache   ${m.toFixed(0)} ms  (runs: ${cross.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  page's own origin, cold      ${median(sameOrigin).toFixed(0)} ms  (ratio cross-origin / same-origin ${(m / median(sameOrigin)).toFixed(2)})`);
  console.log(`  package origin, warm reload  ${median(warm).toFixed(0)} ms  (ratio cold / warm ${(m / median(warm)).toFixed(2)})`);
} finally {
  await Promise.all([cdn.stop(), host.stop(), same.stop()]);
  site.remove();
  pkg.remove();
}

// The page's script as the site serves it: the modules app/main.mjs reaches,
// bundled and minified by esbuild into dist/page/ (issues 12 and 15: 134
// small modules, each gzipped on its own, were ~180 KB of a 330 KB page).
// Code splitting keeps what the first screen does not need (the Go source
// pane, the Embed dialog) in chunks loaded on first use, as the modules'
// own import() calls say. Emscripten's loader (wasm/gomap_wasm.mjs) stays a
// file of its own, as it finds the .wasm beside itself; it is minified in
// place (its names shortened: ~3 KB gzipped). The unbundled modules stay in
// dist/ too: the offline single file and the npm package are built from
// them, and a source map points each line of the bundle at them. The
// page's stylesheets, where several follow each other with nothing but
// rel and href, become one minified sheet in their place (same cascade).
import { build, transform } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkWarnings, sitePlugin } from './module-graph.mjs';

// Each page that loads a bundle: the module its <script> names in web/, and
// the bundle the built page names instead. The outputs sit one folder deep,
// like the modules, so `../styles/…` and `../wasm/…` resolve the same.
export const PAGE_BUNDLES = Object.freeze([
  { page: 'index.html', entry: 'app/main.mjs', out: 'page/main.mjs' },
]);
const OUT_DIR = 'page';
// Loaded by URL, not bundled (see above).
const EXTERNAL = /^wasm\/gomap_wasm(_single)?\.mjs$/;
// The loader the site's pages load, minified where it is.
const LOADERS = ['wasm/gomap_wasm.mjs'];

const posix = (p) => p.split(sep).join('/');

/**
 * The module a built page's script stands for: the entry of its bundle, or
 * the script itself when it is not a bundle (build-offline.mjs bundles from
 * the modules, with its own swaps).
 * @param {string} src the script's src, relative to the site's root
 */
export function moduleEntryOf(src) {
  return PAGE_BUNDLES.find((b) => b.out === src)?.entry ?? src;
}

/**
 * Bundles each entry of PAGE_BUNDLES from the modules already in `dist`
 * and points the pages at the bundles.
 * @param {string} dist the built site (comments already stripped)
 * @returns {Promise<{ files: number, bytes: number }>} what was written to dist/page/
 */
export async function bundlePages(dist) {
  const outdir = join(dist, OUT_DIR);
  const label = (f) => posix(relative(dist, f));
  const result = await build({
    entryPoints: Object.fromEntries(PAGE_BUNDLES.map((b) => [b.out.slice(OUT_DIR.length + 1).replace(/\.mjs$/, ''), join(dist, b.entry)])),
    absWorkingDir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    charset: 'utf8',
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    // Lines of the bundle lead to the (comment-stripped) modules beside it;
    // a browser fetches the map only when its developer tools are open.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'go-map-external-wasm',
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) => {
            const file = resolve(args.resolveDir, args.path);
            if (!EXTERNAL.test(label(file))) return undefined;
            // The same file by its path from the bundle's folder.
            return { path: posix(relative(outdir, file)), external: true };
          });
        },
      },
      // The facade's import('node:fs/promises') runs only under node.
      sitePlugin({ root: dist, label, nodeBuiltins: true }),
    ],
  }).catch((err) => {
    const lines = (err.errors ?? []).map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
    throw new Error(`bundling the page: ${lines.length ? lines.join('\n') : err.message}`);
  });
  checkWarnings(result.warnings);
  for (const loader of LOADERS) {
    const file = join(dist, loader);
    const { code } = await transform(await readFile(file, 'utf8'), { minify: true, format: 'esm', charset: 'utf8' });
    await writeFile(file, code);
  }
  for (const b of PAGE_BUNDLES) {
    const page = join(dist, b.page);
    const html = await readFile(page, 'utf8');
    const named = new RegExp(`(<(?:script|link)\\b[^>]*\\b(?:src|href)=")${b.entry.replace(/[.]/g, '\\.')}(")`, 'g');
    if (!named.test(html)) throw new Error(`bundling the page: ${b.page} does not load ${b.entry}`);
    const sheet = b.out.replace(/\.mjs$/, '.css');
    await writeFile(page, await joinStylesheets(dist, html.replace(named, `$1${b.out}$2`), sheet));
  }
  const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.mjs'));
  return { files: outputs.length, bytes: outputs.reduce((n, [, o]) => n + o.bytes, 0) };
}

// A run of two or more <link rel="stylesheet" href="…"> with no other
// attribute (a sheet with media or id is switched by the page: it stays).
const SHEET_RUN = /(?:[ \t]*<link rel="stylesheet" href="([^"]+)">\n){2,}/;

/**
 * @param {string} dist
 * @param {string} html the page
 * @param {string} out the joined sheet's path, relative to dist
 * @returns {Promise<string>} the page linking the joined sheet in the run's place
 */
async function joinStylesheets(dist, html, out) {
  const run = html.match(SHEET_RUN);
  if (!run) return html;
  const hrefs = [...run[0].matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  let css = '';
  for (const href of hrefs) {
    const text = await readFile(join(dist, href), 'utf8');
    // Sheets that name a file by url() would need it rewritten from their folder.
    if (/url\(|@import/.test(text)) throw new Error(`bundling the page: ${href} uses url() or @import; join it by hand`);
    css += text + '\n';
  }
  const { code } = await transform(css, { loader: 'css', minify: true });
  await writeFile(join(dist, out), code);
  const indent = run[0].match(/^[ \t]*/)[0];
  return html.replace(run[0], `${indent}<link rel="stylesheet" href="${out}">\n`);
}

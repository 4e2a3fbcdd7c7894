// Builds the static site in dist/: the page from web/ (copied as ES
// modules with their comments left behind: strip-comments.mjs), the wasm
// module from build/wasm-release/wasm/, and the page's script bundled from
// those modules into dist/page/ (site-bundle.mjs). Run after the wasm build
// (scripts/build.sh does). GOMAP_WASM_DIR may point at another build.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { stripComments } from './strip-comments.mjs';
import { bundlePages } from './site-bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
// GOMAP_DIST builds somewhere else than dist/ (a private site while iterating).
const dist = resolve(process.env.GOMAP_DIST ?? join(root, 'dist'));
const wasmDir = resolve(process.env.GOMAP_WASM_DIR ?? join(root, 'build/wasm-release/wasm'));
const WASM_FILES = ['gomap.mjs', 'gomap-api.mjs', 'gomap_wasm.mjs', 'gomap_wasm.wasm', 'gomap-single.mjs', 'gomap_wasm_single.mjs'];
// What the page serves: code, styles, markup, images. Docs stay behind.
const SERVED = /\.(html|mjs|js|css|svg|png|ico|json|wasm|txt)$/;

async function copyTree(from, to) {
  let count = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) {
      count += await copyTree(src, dst);
    } else if (SERVED.test(entry.name)) {
      await mkdir(to, { recursive: true });
      if (/\.m?js$/.test(entry.name)) {
        await writeFile(dst, stripComments(await readFile(src, 'utf8'), relative(root, src)));
      } else if (entry.name.endsWith('.css')) {
        // Minified (comments gone too): the element links these sheets itself.
        await writeFile(dst, (await transform(await readFile(src, 'utf8'), { loader: 'css', minify: true })).code);
      } else {
        await cp(src, dst);
      }
      count++;
    }
  }
  return count;
}

async function main() {
  for (const f of WASM_FILES) {
    try {
      await stat(join(wasmDir, f));
    } catch {
      console.error(`build-site: ${relative(root, join(wasmDir, f))} is missing; build the wasm module first (cmake --build --preset wasm-release).`);
      process.exit(1);
    }
  }
  await rm(dist, { recursive: true, force: true });
  const pages = await copyTree(web, dist);
  await mkdir(join(dist, 'wasm'), { recursive: true });
  for (const f of WASM_FILES) await cp(join(wasmDir, f), join(dist, 'wasm', f));
  const bundled = await bundlePages(dist);
  console.log(`build-site: dist/ has ${pages} page files and ${WASM_FILES.length} module files; the page's script is ${bundled.files} files in dist/page/ (${(bundled.bytes / 1024).toFixed(0)} KiB)`);
}

main().catch((err) => {
  console.error(`build-site: ${err.message}`);
  process.exit(1);
});

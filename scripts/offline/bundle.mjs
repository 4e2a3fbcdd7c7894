// The offline file's bundle: one script text that holds the entry module and
// everything it imports, for a page that cannot load modules (file://
// refuses module imports), made by esbuild (a devDependency; nothing is
// fetched at run time). Literal dynamic imports are bundled too; the
// element's import(src) of a module-src stays dynamic and the page's policy
// refuses it. Only relative imports inside `root`; a bare specifier or a
// file outside stops the build (module-graph.mjs).
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { checkWarnings, sitePlugin } from '../module-graph.mjs';

// Each module's import.meta.url becomes its own local, set from `metaUrl`.
const META_URL_LOCAL = '__gomap_meta_url';

/**
 * @param {string} entry path of the entry module
 * @param {object} [options]
 * @param {Map<string, string>} [options.alias] path → path to load instead (both absolute)
 * @param {Map<string, string>} [options.sources] path → module text to use instead of the file
 * @param {(file: string) => string} [options.label] how a file is named in comments and messages
 * @param {(file: string) => string} [options.metaUrl] a JS expression for import.meta.url in that file
 * @param {string} [options.root] when given, every module must lie inside this folder
 * @param {boolean} [options.minify] minify the bundle (the offline file does)
 * @returns {Promise<{ code: string, files: string[] }>}
 */
export async function bundle(entry, { alias = new Map(), sources = new Map(), label = (f) => f, metaUrl = (f) => JSON.stringify(`bundle:${label(f)}`), root, minify = false } = {}) {
  const usesMetaUrl = (text) => text.includes('import.meta');
  // Names in the bundle's comments and the metafile are relative to this.
  const base = resolve(root ?? dirname(entry));
  let result;
  try {
    result = await build({
      entryPoints: [resolve(entry)],
      absWorkingDir: base,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      charset: 'utf8',
      minify,
      // A reference to the module's own local, declared by `transform` below.
      define: { 'import.meta.url': META_URL_LOCAL },
      logLevel: 'silent',
      outfile: resolve(entry, '..', '.bundle.js'), // never written
      plugins: [sitePlugin({
        root,
        alias,
        sources,
        label,
        transform: (file, text) => (usesMetaUrl(text) ? `const ${META_URL_LOCAL} = ${metaUrl(file)};\n${text}` : text),
      })],
    });
  } catch (err) {
    // esbuild's message lists each error with its place; keep those lines.
    const lines = (err.errors ?? []).map((e) => (e.location ? `${label(resolve(base, e.location.file))}:${e.location.line}: ${e.text}` : e.text));
    throw new Error(lines.length ? lines.join('\n') : err.message, { cause: err });
  }
  checkWarnings(result.warnings);
  const files = Object.keys(result.metafile.inputs).map((name) => resolve(base, name));
  return { code: result.outputFiles[0].text, files };
}

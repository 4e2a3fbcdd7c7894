// Our ES modules as esbuild sees them: one plugin that keeps a build inside
// the site (relative imports only, every file inside its root, some modules
// swapped for others or for generated text), and the set of files a group of
// entry modules reaches. Used by the offline single file (offline/bundle.mjs)
// and the npm package (build-package.mjs), so both read module syntax with a
// real parser instead of patterns.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { insideRoot } from './offline/inside-root.mjs';

// The one esbuild warning our code is allowed to raise: the element's
// `import(src)` of a module-src chosen at run time, which no bundle can hold
// and which stays a dynamic import (the offline page's policy refuses it).
const ALLOWED_WARNINGS = new Set(['unsupported-dynamic-import']);

/**
 * @param {object} options
 * @param {string} [options.root] every module must lie inside this folder
 * @param {Map<string, string>} [options.alias] path → path to load instead (both absolute)
 * @param {Map<string, string>} [options.sources] path → module text to use instead of the file
 * @param {(file: string) => string} [options.label] how a file is named in messages
 * @param {boolean} [options.nodeBuiltins] leave `node:` imports alone (read only under node)
 * @param {(file: string, text: string) => string} [options.transform] edits a module's text
 * @returns {import('esbuild').Plugin}
 */
export function sitePlugin({ root, alias = new Map(), sources = new Map(), label = (f) => f, nodeBuiltins = false, transform = (f, t) => t }) {
  return {
    name: 'go-map-site',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const from = args.importer ? label(args.importer) : 'entry';
        if (args.path.startsWith('node:') && nodeBuiltins) return { path: args.path, external: true };
        if (args.kind !== 'entry-point' && !args.path.startsWith('.')) {
          return { errors: [{ text: `${from}: bare specifier "${args.path}" (only relative imports are bundled)` }] };
        }
        const wanted = resolve(args.resolveDir, args.path);
        const file = alias.get(wanted) ?? wanted;
        if (root !== undefined && !insideRoot(root, file)) {
          return { errors: [{ text: `${from}: ${file} is outside ${root}` }] };
        }
        return { path: file };
      });
      b.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        let text = sources.get(args.path);
        if (text === undefined) {
          try {
            text = await readFile(args.path, 'utf8');
          } catch {
            return { errors: [{ text: `cannot read ${label(args.path)}` }] };
          }
        }
        return { contents: transform(args.path, text), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Fails on any warning but the allowed ones, naming where. */
export function checkWarnings(warnings) {
  const bad = warnings.filter((w) => !ALLOWED_WARNINGS.has(w.id));
  if (bad.length) {
    const where = (w) => (w.location ? `${w.location.file}:${w.location.line}: ` : '');
    throw new Error(bad.map((w) => `${where(w)}${w.text}`).join('\n'));
  }
}

/**
 * Every module the entries reach through static and literal dynamic imports,
 * as paths relative to `root` (posix separators), entries first.
 * @param {string} root
 * @param {string[]} entries paths relative to root
 * @returns {Promise<string[]>}
 */
export async function moduleClosure(root, entries) {
  const posix = (p) => p.split(sep).join('/');
  const result = await build({
    entryPoints: entries.map((e) => resolve(root, e)),
    absWorkingDir: resolve(root),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: resolve(root, '.module-graph'), // never written
    logLevel: 'silent',
    plugins: [sitePlugin({ root, nodeBuiltins: true, label: (f) => posix(relative(root, f)) })],
  });
  checkWarnings(result.warnings);
  // Inputs are named by their path relative to the working directory, root here.
  const files = Object.keys(result.metafile.inputs).map(posix);
  return [...new Set([...entries, ...files])];
}

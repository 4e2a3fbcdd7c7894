// A small bundler for our own ES modules: one script text that holds the
// entry module and everything it imports, for a page that cannot load
// modules (file:// refuses module imports). Each module becomes a function
// that runs once, in dependency order, and hands back a frozen namespace
// whose getters read the module's own bindings; importers destructure it.
//
// What it does not do, on purpose (our code does not need it, and
// module-syntax.mjs or the checks here stop the build if it ever does):
// circular imports, top-level await, `export let` bindings reassigned after
// import (importers keep the first value), bare specifiers. Dynamic
// import('./literal.mjs') is bundled too and resolves to the namespace, but
// the module runs up front with the others rather than on first use.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { insideRoot } from './inside-root.mjs';
import { scanModule, applyEdits, META_URL_LOCAL } from './module-syntax.mjs';

const NS_HELPER = `function __bundle_ns(getters) {
  const ns = Object.create(null);
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(ns, name, { get, enumerable: true });
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
  return Object.freeze(ns);
}`;

/**
 * @param {string} entry path of the entry module
 * @param {object} [options]
 * @param {Map<string, string>} [options.alias] path → path to load instead (both absolute)
 * @param {Map<string, string>} [options.sources] path → module text to use instead of the file
 * @param {(file: string) => string} [options.label] how a file is named in comments and messages
 * @param {(file: string) => string} [options.metaUrl] a JS expression for import.meta.url in that file
 * @param {string} [options.root] when given, every module must lie inside this folder
 * @returns {Promise<{ code: string, files: string[] }>}
 */
export async function bundle(entry, { alias = new Map(), sources = new Map(), label = (f) => f, metaUrl = (f) => JSON.stringify(`bundle:${label(f)}`), root } = {}) {
  const canonical = (file) => alias.get(file) ?? file;
  const exists = (file) => sources.has(file) || existsSync(file);
  const modules = new Map(); // file → { id, scan, source, deps: Map(spec → file) }
  const order = [];
  const visiting = new Set();

  async function visit(file, from) {
    if (modules.has(file)) return;
    if (root !== undefined && !insideRoot(root, file)) {
      throw new Error(`${from ? label(from) : 'entry'}: ${file} is outside ${root}`);
    }
    if (visiting.has(file)) throw new Error(`circular import: ${label(from)} → ${label(file)}`);
    visiting.add(file);
    let source;
    try {
      source = sources.get(file) ?? await readFile(file, 'utf8');
    } catch {
      throw new Error(`${from ? label(from) : 'entry'}: cannot read ${label(file)}`);
    }
    const here = (spec) => canonical(resolve(dirname(file), spec));
    const scan = scanModule(source, label(file), (spec) => exists(here(spec)));
    const deps = new Map();
    for (const spec of [...scan.imports.map((i) => i.spec), ...scan.reexports.map((r) => r.spec), ...scan.dynamic]) {
      if (!spec.startsWith('.')) throw new Error(`${label(file)}: bare specifier "${spec}" (only relative imports are bundled)`);
      const target = here(spec);
      deps.set(spec, target);
      await visit(target, file);
    }
    visiting.delete(file);
    modules.set(file, { id: `__bundle_m${modules.size}`, scan, source, deps });
    order.push(file);
  }

  await visit(canonical(resolve(entry)), null);

  // Every name a module exports, own and re-exported, for checking imports.
  const names = new Map();
  const exportNames = (file) => {
    if (names.has(file)) return names.get(file);
    const { scan, deps } = modules.get(file);
    const set = new Set(scan.exports.map((e) => e.exported));
    for (const r of scan.reexports) {
      if (r.imported !== '*' || r.exported) set.add(r.exported);
      else for (const n of exportNames(deps.get(r.spec))) if (n !== 'default') set.add(n);
    }
    names.set(file, set);
    return set;
  };

  const parts = [NS_HELPER];
  for (const file of order) {
    const { id, scan, source, deps } = modules.get(file);
    const dep = (spec) => modules.get(deps.get(spec));
    const head = [];
    if (scan.usesMetaUrl) head.push(`const ${META_URL_LOCAL} = ${metaUrl(file)};`);
    for (const imp of scan.imports) {
      const target = dep(imp.spec);
      const named = [];
      for (const { imported, local } of imp.bindings) {
        if (imported === '*') {
          head.push(`const ${local} = ${target.id};`);
          continue;
        }
        if (!exportNames(deps.get(imp.spec)).has(imported)) {
          throw new Error(`${label(file)}: ${label(deps.get(imp.spec))} does not export "${imported}"`);
        }
        named.push(imported === local ? local : `${imported}: ${local}`);
      }
      if (named.length) head.push(`const { ${named.join(', ')} } = ${target.id};`);
    }
    const getters = scan.exports.map((e) => `${JSON.stringify(e.exported)}: () => ${e.local}`);
    for (const r of scan.reexports) {
      const target = dep(r.spec);
      if (r.imported === '*' && r.exported) {
        getters.push(`${JSON.stringify(r.exported)}: () => ${target.id}`);
      } else if (r.imported === '*') {
        for (const n of exportNames(deps.get(r.spec))) if (n !== 'default') getters.push(`${JSON.stringify(n)}: () => ${target.id}[${JSON.stringify(n)}]`);
      } else {
        if (!exportNames(deps.get(r.spec)).has(r.imported)) {
          throw new Error(`${label(file)}: ${label(deps.get(r.spec))} does not export "${r.imported}"`);
        }
        getters.push(`${JSON.stringify(r.exported)}: () => ${target.id}[${JSON.stringify(r.imported)}]`);
      }
    }
    const body = applyEdits(source, scan.edits, (spec) => `Promise.resolve(${dep(spec).id})`);
    parts.push(`// ---- ${label(file)}\nconst ${id} = (() => {\n${head.join('\n')}\n${body}\nreturn __bundle_ns({ ${getters.join(', ')} });\n})();`);
  }
  return { code: parts.join('\n\n') + '\n', files: order };
}

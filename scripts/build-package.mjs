// Builds the npm package go-map-viz in dist/package/ from the built site
// (dist/, so the modules are the site's very files, comments stripped):
// the element and every module it imports, the stylesheets it links, the
// map module and its .wasm, the types, the integrations for static-site
// generators (npm/go-map-viz/integrations), a Custom Elements Manifest made
// from the element's own attribute list, README, LICENSE and NOTICE.
// The layout keeps the site's relative paths, so the script finds its
// modules, styles and wasm through import.meta.url from any CDN path.
// Publish: npm run build && npm pack ./dist/package (or npm publish ./dist/package).
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { moduleClosure } from './module-graph.mjs';
import { OBSERVED, PROPERTY_OF, DENSITIES } from '../web/element/settings.mjs';
import * as fields from '../web/share/fields.mjs';
import { ATTRIBUTE_DOCS, EVENT_DOCS } from '../npm/go-map-viz/manifest-docs.mjs';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../web/share/package-release.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const templates = join(root, 'npm/go-map-viz');
// --out DIR: build elsewhere (the e2e flows build a private copy, so a
// site rebuild by someone else cannot pull the folder from under them).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(dist, 'package');
const posix = (p) => p.split(sep).join('/');

// The package's entry modules: the script a page loads, the define module,
// the class alone.
const ENTRIES = ['go-map-viz.js', 'element/define.mjs', 'element/go-map-viz.mjs'];
const CLASS_MODULE = 'element/go-map-viz.mjs';

/** @returns {never} */
function fail(message) {
  console.error(`build-package: ${message}`);
  process.exit(1);
}

/** Every module reachable from the entries (esbuild's module graph), path relative to dist/ → text. */
async function sourcesOf(entries) {
  const files = await moduleClosure(dist, entries).catch((err) => fail(`${err.message.split('\n')[0]} (is the site built? node scripts/build-site.mjs)`));
  const sources = new Map();
  for (const rel of files) sources.set(rel, await readFile(join(dist, rel), 'utf8'));
  return sources;
}

/** Files the modules reach at run time by URL: the .wasm beside its loader, the stylesheets the element links. */
async function assetsOf(sources) {
  const assets = new Set();
  const styles = new Set(await readdir(join(dist, 'styles')));
  for (const [rel, text] of sources) {
    for (const m of text.matchAll(/new URL\(\s*["']([^"'$`]+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
      assets.add(posix(relative(dist, resolve(dirname(join(dist, rel)), m[1]))));
    }
    for (const m of text.matchAll(/["']([\w-]+\.css)["']/g)) {
      if (styles.has(m[1])) assets.add(`styles/${m[1]}`);
    }
  }
  return assets;
}

// Attribute types for the manifest, from the element's own grammar.
const ENUMS = { hasher: fields.HASHERS, view: fields.VIEWS, theme: fields.THEMES, controls: fields.CONTROLS, header: fields.HEADERS, density: DENSITIES };
const NULLABLE = { seed: 'number', step: 'string', moduleSrc: 'string', buckets: 'string', height: 'number', maxHeight: 'number' };
const DEFAULTS = { ...fields.DEFAULT_STATE, density: 'auto', moduleSrc: null };

function attributeType(prop) {
  if (ENUMS[prop]?.length) return ENUMS[prop].map((v) => `'${v}'`).join(' | ');
  if (NULLABLE[prop]) return `${NULLABLE[prop]} | null`;
  return typeof DEFAULTS[prop];
}

function defaultText(prop) {
  if (prop === 'step') return "'end'";
  const v = DEFAULTS[prop];
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** The Custom Elements Manifest (schema 2.1.0), its attributes and events read from the element's code. */
function manifest(classSource, version) {
  const documented = Object.keys(ATTRIBUTE_DOCS);
  const missing = OBSERVED.filter((a) => !documented.includes(a));
  const extra = documented.filter((a) => !OBSERVED.includes(a));
  if (missing.length) fail(`npm/go-map-viz/manifest-docs.mjs: attributes without words: ${missing.join(', ')}`);
  if (extra.length) console.warn(`build-package: npm/go-map-viz/manifest-docs.mjs has words for attributes the element does not observe: ${extra.join(', ')}`);
  const dispatched = [...new Set([...classSource.matchAll(/new CustomEvent\(\s*'([\w-]+)'/g)].map((m) => m[1]))];
  const undocumented = dispatched.filter((e) => !EVENT_DOCS[e]);
  const stale = Object.keys(EVENT_DOCS).filter((e) => !dispatched.includes(e));
  if (undocumented.length || stale.length) fail(`npm/go-map-viz/manifest-docs.mjs: events without words: [${undocumented}], words for no event: [${stale}]`);

  const attributes = OBSERVED.map((name) => ({
    name,
    fieldName: PROPERTY_OF[name],
    type: { text: attributeType(PROPERTY_OF[name]) },
    default: defaultText(PROPERTY_OF[name]),
    description: ATTRIBUTE_DOCS[name],
  }));
  const members = [
    ...attributes.map((a) => ({ kind: 'field', name: a.fieldName, type: a.type, default: a.default, description: a.description, attribute: a.name, reflects: true })),
    { kind: 'field', name: 'currentStep', type: { text: 'string | null' }, readonly: true, description: 'The step drawn now (N, N.M or end); null before a map is drawn.' },
    { kind: 'field', name: 'playing', type: { text: 'boolean' }, readonly: true, description: "Whether the element's own playback is running." },
    { kind: 'field', name: 'warnings', type: { text: 'GoMapVizWarning[]' }, readonly: true, description: 'Problems with the attributes, as the element shows them.' },
    { kind: 'method', name: 'play', description: 'Plays from the step shown to the end.' },
    { kind: 'method', name: 'pause', description: 'Stops playing.' },
  ];
  const events = dispatched.map((name) => ({ name, type: { text: EVENT_DOCS[name].type }, description: EVENT_DOCS[name].description }));
  const declaration = { name: 'GoMapViz', module: CLASS_MODULE };
  const definition = { kind: 'custom-element-definition', name: 'go-map-viz', declaration };
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: CLASS_MODULE,
        description: 'The element class alone: importing it registers nothing.',
        declarations: [
          {
            kind: 'class',
            name: 'GoMapViz',
            tagName: 'go-map-viz',
            customElement: true,
            summary: `Go's runtime map drawn from its bytes, step by step (go-map-viz ${version}).`,
            superclass: { name: 'HTMLElement', package: 'global:' },
            attributes,
            members,
            events,
            cssParts: [],
            slots: [],
          },
          {
            kind: 'function',
            name: 'define',
            parameters: [{ name: 'name', optional: true, type: { text: 'string' }, default: "'go-map-viz'" }],
            return: { type: { text: 'CustomElementConstructor' } },
            description: 'Registers the element under a name (once per name).',
          },
        ],
        exports: [
          { kind: 'js', name: 'GoMapViz', declaration },
          { kind: 'js', name: 'define', declaration: { name: 'define', module: CLASS_MODULE } },
        ],
      },
      ...['element/define.mjs', 'go-map-viz.js'].map((path) => ({
        kind: 'javascript-module',
        path,
        description: 'Registers <go-map-viz> as a side effect.',
        declarations: [],
        exports: [
          { kind: 'js', name: 'GoMapViz', declaration },
          { kind: 'js', name: 'define', declaration: { name: 'define', module: CLASS_MODULE } },
          definition,
        ],
      })),
    ],
  };
}

// The Hugo shortcode's and the Jekyll include's attribute lines, one per
// attribute the element observes (autoplay is a boolean attribute).
const ATTRIBUTE_LINES = {
  hugo: (a) => (a === 'autoplay' ? `{{ with .Get "${a}" }} ${a}{{ end }}` : `{{ with .Get "${a}" }} ${a}="{{ . }}"{{ end }}`),
  jekyll: (a) => {
    const v = `include.${a.replaceAll('-', '_')}`;
    return a === 'autoplay' ? `{% if ${v} %} ${a}{% endif %}` : `{% if ${v} %} ${a}="{{ ${v} | escape }}"{% endif %}`;
  },
};

async function copyIntegrations(version) {
  const from = join(templates, 'integrations');
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const src = join(dir, entry.name);
      if (entry.isDirectory()) await walk(src);
      else files.push(src);
    }
  };
  await walk(from);
  for (const src of files) {
    const rel = posix(relative(templates, src));
    const kind = rel.split('/')[1];
    let text = (await readFile(src, 'utf8')).replaceAll('__VERSION__', version);
    if (ATTRIBUTE_LINES[kind]) text = text.replace('__ATTRIBUTES__', OBSERVED.map(ATTRIBUTE_LINES[kind]).join(''));
    if (text.includes('__')) {
      const left = text.match(/__[A-Z]+__/);
      if (left) fail(`${rel}: placeholder ${left[0]} left`);
    }
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await writeFile(join(out, rel), text);
  }
  return files.map((f) => posix(relative(templates, f)));
}

async function main() {
  const pkg = JSON.parse(await readFile(join(templates, 'package.json'), 'utf8'));
  // The Embed dialog's CDN snippets name this release (web/share/package-release.mjs).
  if (pkg.name !== PACKAGE_NAME || pkg.version !== PACKAGE_VERSION) {
    fail(`npm/go-map-viz/package.json is ${pkg.name}@${pkg.version}, web/share/package-release.mjs says ${PACKAGE_NAME}@${PACKAGE_VERSION}: change both`);
  }
  await rm(out, { recursive: true, force: true });
  const sources = await sourcesOf(ENTRIES);
  const assets = await assetsOf(sources);
  for (const rel of [...sources.keys(), ...assets]) {
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await cp(join(dist, rel), join(out, rel));
  }
  const integrations = await copyIntegrations(pkg.version);
  const copies = [
    ['LICENSE', 'LICENSE'], ['NOTICE', 'NOTICE'],
    ['npm/go-map-viz/README.md', 'README.md'], ['npm/go-map-viz/go-map-viz.d.ts', 'go-map-viz.d.ts'],
    ['web/element/go-map-viz.d.ts', 'element/go-map-viz.d.ts'], ['web/element/define.d.ts', 'element/define.d.ts'],
  ];
  for (const [from, to] of copies) await cp(join(root, from), join(out, to));
  await writeFile(join(out, 'custom-elements.json'), `${JSON.stringify(manifest(sources.get(CLASS_MODULE), pkg.version), null, 2)}\n`);

  // files: every top-level entry of the folder (npm adds package.json itself).
  const top = (await readdir(out)).sort();
  pkg.files = top.filter((name) => name !== 'package.json');
  await writeFile(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  // Every path the package.json names must be in the folder.
  const named = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg.jsdelivr, pkg.unpkg, ...pkg.sideEffects,
    ...Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))];
  for (const p of named) await stat(join(out, p)).catch(() => fail(`package.json names ${p}, which is not in the package`));

  let bytes = 0;
  let gz = 0;
  let count = 0;
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else {
        const body = await readFile(p);
        bytes += body.length;
        gz += gzipSync(body, { level: 9 }).length;
        count++;
      }
    }
  };
  await walk(out);
  console.log(`build-package: ${posix(relative(root, out))}/ is go-map-viz ${pkg.version}: ${count} files (${sources.size} modules, ${assets.size} assets, ${integrations.length} integrations), ${(bytes / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped`);
}

main();

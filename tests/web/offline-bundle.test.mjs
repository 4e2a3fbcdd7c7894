// The offline file's bundler (scripts/offline/): module syntax is read or
// refused, and a bundle behaves like the modules it was made from.
//
//   node --test tests/web/offline-bundle.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanModule } from '../../scripts/offline/module-syntax.mjs';
import { bundle } from '../../scripts/offline/bundle.mjs';

function tree(files) {
  const dir = mkdtempSync(join(tmpdir(), 'gomap-bundle-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// Runs a bundle as a module; the entry leaves its findings on globalThis.
async function runBundle(code) {
  delete globalThis.bundleResult;
  await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return globalThis.bundleResult;
}

test('scanModule reads every import and export form we use', () => {
  const src = [
    "import a, { b as c, d } from './x.mjs';",
    "import * as ns from \"./y.mjs\"",
    "import {\n  e, // why e\n  f as g,\n} from './z.mjs';",
    "import './side.mjs';",
    "export { h, i as j } from './h.mjs';",
    "export * from './star.mjs';",
    "export * as all from './all.mjs';",
    'export const k = 1;',
    'export async function l() {}',
    'export class M {}',
    'const n = 2;',
    'export { n, n as o };',
    'export default { p: 1 };',
    "  const lazy = await import('./lazy.mjs');",
    " * @param {import('./typeonly.mjs').T} t",
    'const here = import.meta.url;',
  ].join('\n');
  const s = scanModule(src, 'fixture.mjs');
  assert.deepEqual(s.imports.map((i) => i.spec), ['./x.mjs', './y.mjs', './z.mjs', './side.mjs']);
  assert.deepEqual(s.imports[0].bindings, [{ imported: 'default', local: 'a' }, { imported: 'b', local: 'c' }, { imported: 'd', local: 'd' }]);
  assert.deepEqual(s.imports[1].bindings, [{ imported: '*', local: 'ns' }]);
  assert.deepEqual(s.imports[2].bindings, [{ imported: 'e', local: 'e' }, { imported: 'f', local: 'g' }]);
  assert.deepEqual(s.reexports, [
    { spec: './h.mjs', imported: 'h', exported: 'h' },
    { spec: './h.mjs', imported: 'i', exported: 'j' },
    { spec: './star.mjs', imported: '*', exported: null },
    { spec: './all.mjs', imported: '*', exported: 'all' },
  ]);
  assert.deepEqual(s.exports.map((e) => `${e.exported}=${e.local}`), ['k=k', 'l=l', 'M=M', 'n=n', 'o=n', 'default=__bundle_default']);
  assert.deepEqual(s.dynamic, ['./lazy.mjs'], 'a JSDoc type import is not a dynamic import');
  assert.equal(s.usesMetaUrl, true);
});

test('scanModule refuses what it does not understand', () => {
  assert.throws(() => scanModule('export const { a, b } = obj;', 'm.mjs'), /m\.mjs:1: an import or export the offline bundler does not know/);
  assert.throws(() => scanModule('import x from\n  "./a.mjs" with { type: "json" };', 'm.mjs'), /does not know|cannot read/);
  assert.throws(() => scanModule('const r = import.meta.resolve("./a");', 'm.mjs'), /only import.meta.url/);
});

test('a bundle runs like its modules', async (t) => {
  const dir = tree({
    'lib/greet.mjs': "let n = 0;\nexport function bump() { n++; }\nexport const counter = () => n;\nexport default function greet(who) { return `hello ${who}`; }\n",
    'lib/util.mjs': "export const twice = (x) => 2 * x;\nexport const here = import.meta.url;\nexport const close = '</script><!-- x -->';\n",
    'lib/index.mjs': "export { twice } from './util.mjs';\nexport * as all from './util.mjs';\n",
    'lib/side.mjs': 'globalThis.sideRan = true;\n',
    'lib/lazy.mjs': 'export default 42;\n',
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // Top-level await is outside what the bundler promises; keep the entry plain.
  writeFileSync(join(dir, 'main.mjs'), [
    "import greet, { counter, bump } from './lib/greet.mjs';",
    "import * as util from './lib/util.mjs';",
    "import { twice, all } from './lib/index.mjs';",
    "import './lib/side.mjs';",
    'bump();',
    'globalThis.bundleResult = {',
    "  greeting: greet('go'), counter: counter(), twice: twice(21), tag: Object.prototype.toString.call(util),",
    '  utilKeys: Object.keys(util), allKeys: Object.keys(all), side: globalThis.sideRan, url: util.here, close: util.close,',
    "  lazy: import('./lib/lazy.mjs'),",
    '};',
  ].join('\n'));
  const { code, files } = await bundle(join(dir, 'main.mjs'), { label: (f) => f.slice(dir.length + 1) });
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['lib/greet.mjs', 'lib/util.mjs', 'lib/index.mjs', 'lib/side.mjs', 'lib/lazy.mjs', 'main.mjs']);
  assert.doesNotMatch(code, /^\s*(import|export)\s/m, 'no module syntax is left');
  const r = await runBundle(code);
  assert.equal(r.greeting, 'hello go');
  assert.equal(r.counter, 1, 'an exported function sees its module\'s own state');
  assert.equal(r.twice, 42);
  assert.equal(r.tag, '[object Module]');
  assert.deepEqual(r.utilKeys.sort(), ['close', 'here', 'twice']);
  assert.deepEqual(r.allKeys.sort(), ['close', 'here', 'twice']);
  assert.equal(r.side, true);
  assert.equal(r.url, 'bundle:lib/util.mjs');
  assert.equal(r.close, '</script><!-- x -->');
  assert.equal((await r.lazy).default, 42);
});

test('alias and sources swap modules; mistakes stop the bundle', async (t) => {
  const dir = tree({
    'main.mjs': "import { v } from './real.mjs';\nimport { w } from './gone.mjs';\nglobalThis.bundleResult = v + w;\n",
    'real.mjs': 'export const v = 1;\n',
    'single.mjs': 'export const v = 10;\n',
    'cycle-a.mjs': "import { b } from './cycle-b.mjs';\nexport const a = 1;\n",
    'cycle-b.mjs': "import { a } from './cycle-a.mjs';\nexport const b = 2;\n",
    'missing-name.mjs': "import { nope } from './real.mjs';\n",
    'bare.mjs': "import x from 'some-package';\n",
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { code } = await bundle(join(dir, 'main.mjs'), {
    alias: new Map([[join(dir, 'real.mjs'), join(dir, 'single.mjs')]]),
    sources: new Map([[join(dir, 'gone.mjs'), 'export const w = 100;\n']]),
  });
  assert.equal(await runBundle(code), 110);
  await assert.rejects(bundle(join(dir, 'cycle-a.mjs')), /circular import/);
  await assert.rejects(bundle(join(dir, 'missing-name.mjs')), /does not export "nope"/);
  await assert.rejects(bundle(join(dir, 'bare.mjs')), /bare specifier/);
});

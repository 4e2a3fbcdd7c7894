// The offline file's bundler (scripts/offline/bundle.mjs, esbuild): a bundle
// behaves like the modules it was made from, and stays inside the site.
//
//   node --test tests/web/offline-bundle.test.mjs
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../../scripts/offline/bundle.mjs';

// One tree of modules for every test of this file: what a page imports
// (main.mjs and lib/), and the pieces the swaps and the mistakes use (swap/).
const FIXTURE = {
  'lib/greet.mjs': "export let n = 0;\nexport function bump() { n++; }\nexport const counter = () => n;\nexport default function greet(who) { return `hello ${who}`; }\n",
  'lib/util.mjs': "export const twice = (x) => 2 * x;\nexport const here = import.meta.url;\nexport const close = '</script><!-- x -->';\n",
  'lib/index.mjs': "export { twice } from './util.mjs';\nexport * as all from './util.mjs';\n",
  'lib/side.mjs': 'globalThis.sideRan = true;\n',
  'lib/lazy.mjs': 'export default 42;\n',
  'main.mjs': [
    "import greet, { counter, bump, n } from './lib/greet.mjs';",
    "import * as util from './lib/util.mjs';",
    "import { twice, all } from './lib/index.mjs';",
    "import './lib/side.mjs';",
    'bump();',
    'const live = n;',
    'const awaited = await Promise.resolve(7);',
    'globalThis.bundleResult = {',
    '  live, awaited,',
    "  greeting: greet('go'), counter: counter(), twice: twice(21),",
    '  utilKeys: Object.keys(util), allKeys: Object.keys(all), side: globalThis.sideRan, url: util.here, close: util.close,',
    "  lazy: import('./lib/lazy.mjs'),",
    '};',
  ].join('\n'),
  'swap/main.mjs': "import { v } from './real.mjs';\nimport { w } from './gone.mjs';\nglobalThis.bundleResult = v + w;\n",
  'swap/real.mjs': 'export const v = 1;\n',
  'swap/single.mjs': 'export const v = 10;\n',
  'swap/cycle-a.mjs': "import { b } from './cycle-b.mjs';\nexport const a = 1;\n",
  'swap/cycle-b.mjs': "import { a } from './cycle-a.mjs';\nexport const b = 2;\n",
  'swap/missing-name.mjs': "import { nope } from './real.mjs';\n",
  'swap/bare.mjs': "import x from 'some-package';\n",
};

const dir = mkdtempSync(join(tmpdir(), 'gomap-bundle-'));
for (const [name, text] of Object.entries(FIXTURE)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}
after(() => rmSync(dir, { recursive: true, force: true }));

// Runs a bundle as a module; the entry leaves its findings on globalThis.
async function runBundle(code) {
  delete globalThis.bundleResult;
  await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return globalThis.bundleResult;
}

test('a bundle runs like its modules', async () => {
  for (const minify of [false, true]) {
    const { code, files } = await bundle(join(dir, 'main.mjs'), { label: (f) => f.slice(dir.length + 1), minify });
    assert.deepEqual(files.map((f) => f.slice(dir.length + 1)).sort(), ['lib/greet.mjs', 'lib/index.mjs', 'lib/lazy.mjs', 'lib/side.mjs', 'lib/util.mjs', 'main.mjs']);
    assert.doesNotMatch(code, /(^|[;\n])\s*(import|export)[\s{*]/, 'no module syntax is left');
    assert.ok(!code.includes(dir), 'no path of the machine that built it');
    const r = await runBundle(code);
    assert.equal(r.live, 1, 'an imported binding is live');
    assert.equal(r.awaited, 7, 'top-level await');
    assert.equal(r.greeting, 'hello go');
    assert.equal(r.counter, 1, 'an exported function sees its module\'s own state');
    assert.equal(r.twice, 42);
    assert.deepEqual(r.utilKeys.sort(), ['close', 'here', 'twice']);
    assert.deepEqual(r.allKeys.sort(), ['close', 'here', 'twice']);
    assert.equal(r.side, true);
    assert.equal(r.url, 'bundle:lib/util.mjs');
    assert.equal(r.close, '</script><!-- x -->');
    assert.equal((await r.lazy).default, 42);
  }
});

test('alias and sources swap modules; mistakes stop the bundle', async () => {
  const swap = join(dir, 'swap');
  const { code } = await bundle(join(swap, 'main.mjs'), {
    alias: new Map([[join(swap, 'real.mjs'), join(swap, 'single.mjs')]]),
    sources: new Map([[join(swap, 'gone.mjs'), 'export const w = 100;\n']]),
  });
  assert.equal(await runBundle(code), 110);
  const cycle = await bundle(join(swap, 'cycle-a.mjs'));
  assert.equal(cycle.files.length, 2, 'a cycle bundles, each module once');
  await assert.rejects(bundle(join(swap, 'missing-name.mjs')), /missing-name\.mjs:1: No matching export in "real\.mjs" for import "nope"/);
  await assert.rejects(bundle(join(swap, 'bare.mjs')), /bare specifier/);
});

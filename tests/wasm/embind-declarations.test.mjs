// wasm/gomap_wasm.d.mts describes by hand what wasm/bindings.cpp binds (Debian's
// Emscripten has no --emit-tsd), and the type check holds gomap-api.mjs's calls
// against it. Here the two are held equal: every class and function bindings.cpp
// binds is declared with the same methods, and nothing more is declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const sorted = (names) => [...new Set(names)].sort();

// bindings.cpp: class name → its .function names, and the free functions.
function bound(cpp) {
  const classes = new Map();
  for (const m of cpp.matchAll(/class_<[^>]*(?:<[^>]*>[^>]*)*>\("(\w+)"\)([^;]*);/g)) {
    classes.set(m[1], [...m[2].matchAll(/\.function\("(\w+)"/g)].map((f) => f[1]));
  }
  const functions = [...cpp.matchAll(/emscripten::function\("(\w+)"/g)].map((f) => f[1]);
  return { classes, functions };
}

// gomap_wasm.d.mts: interface name → its own method names (not its base's).
function declared(dts) {
  const interfaces = new Map();
  for (const m of dts.matchAll(/export interface (\w+)(?: extends \w+)? \{([^}]*)\}/g)) {
    interfaces.set(m[1], [...m[2].matchAll(/^\s*(\w+)\(/gm)].map((f) => f[1]));
  }
  return interfaces;
}

test('gomap_wasm.d.mts declares what bindings.cpp binds, no more', () => {
  const { classes, functions } = bound(read('wasm/bindings.cpp'));
  const interfaces = declared(read('wasm/gomap_wasm.d.mts'));
  assert.deepEqual(sorted(classes.keys()), ['Session', 'SessionCore', 'SwissSession']);
  for (const [name, methods] of classes) {
    assert.ok(interfaces.has(name), `interface ${name} is declared`);
    // embind's own delete() is declared on SessionCore, not bound by bindings.cpp.
    const own = interfaces.get(name).filter((m) => !(name === 'SessionCore' && m === 'delete'));
    assert.deepEqual(sorted(own), sorted(methods), `${name}'s methods`);
  }
  // The module's functions, less Emscripten's own (_malloc, _free).
  const moduleFunctions = interfaces.get('GoMapWasm').filter((m) => !m.startsWith('_'));
  assert.deepEqual(sorted(moduleFunctions), sorted(functions));
});

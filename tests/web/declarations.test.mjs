// The element's attribute properties, which it defines at run time from
// settings.mjs's PROPERTY_OF, are the accessors web/element/go-map-viz.d.ts
// declares and the ones tests/types/declarations.ts leaves to this test (the
// type check holds every other member of the .d.ts against the class).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROPERTY_OF } from '../../web/element/settings.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const sorted = (names) => [...new Set(names)].sort();

test('the element\'s attribute properties are the accessors its .d.ts declares', () => {
  const dts = read('web/element/go-map-viz.d.ts');
  const getters = [...dts.matchAll(/^\s*get (\w+)\(\)/gm)].map((m) => m[1]);
  const setters = [...dts.matchAll(/^\s*set (\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(sorted(setters), sorted(getters), 'every declared getter has a setter');
  assert.deepEqual(sorted(getters), sorted(Object.values(PROPERTY_OF)));
});

test('the type check leaves out exactly the attribute properties', () => {
  const check = read('tests/types/declarations.ts');
  const union = /type AttributeProperty =([^;]+);/.exec(check);
  assert.ok(union, 'tests/types/declarations.ts names AttributeProperty');
  const listed = [...union[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  assert.deepEqual(sorted(listed), sorted(Object.values(PROPERTY_OF)));
});

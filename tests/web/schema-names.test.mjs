// The page names the core's trace event kinds, functions and operations in
// its switch statements (narration, highlights, the Swiss model). Each name
// must be one the core has (web/share/core-schema.mjs, from `gomap
// --schema`), and the narration must have words for every kind and
// operation the core can report, so a kind added to the core without words
// fails here instead of narrating nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCHEMA } from '../../web/share/core-schema.mjs';

// switch subject → the case labels under it, per switch in the file.
function switches(path) {
  const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const parts = text.split(/switch \(([^)]*)\) \{/);
  const out = [];
  for (let i = 1; i < parts.length; i += 2) {
    out.push({ on: parts[i], labels: [...parts[i + 1].matchAll(/case '([A-Za-z.]+)':/g)].map((m) => m[1]) });
  }
  return out;
}

function labels(path, on) {
  const found = switches(path).filter((s) => s.on === on);
  assert.equal(found.length, 1, `${path} has one switch (${on})`);
  return found[0].labels;
}

const sorted = (names) => [...new Set(names)].sort();

test('the bucket map\'s narration has words for every event kind and operation the core has, and no others', () => {
  assert.deepEqual(sorted(labels('web/player/narration.mjs', 'e.e')), sorted(SCHEMA.buckets.eventKinds));
  assert.deepEqual(sorted(labels('web/player/narration.mjs', 'op.kind')), sorted(SCHEMA.operations));
});

test('the Swiss narration has words for every event kind the core has, and names only its functions', () => {
  assert.deepEqual(sorted(labels('web/player/swiss-narration.mjs', 'e.e')), sorted(SCHEMA.swiss.eventKinds));
  for (const fn of labels('web/player/swiss-narration.mjs', 'e.fn')) {
    assert.ok(SCHEMA.swiss.functions.includes(fn), `swiss-narration names function ${fn}, which the core does not report`);
  }
});

test('the drawings highlight only event kinds the core has', () => {
  for (const kind of labels('web/render/highlights.mjs', 'e.e')) {
    assert.ok(SCHEMA.buckets.eventKinds.includes(kind), `highlights.mjs names event kind ${kind}`);
  }
  for (const kind of labels('web/render/swiss-model.mjs', 'e.e')) {
    assert.ok(SCHEMA.swiss.eventKinds.includes(kind), `swiss-model.mjs names event kind ${kind}`);
  }
});

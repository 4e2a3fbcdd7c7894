// The page imports the core's facts from web/share/core-schema.mjs, which
// scripts/gen-schema.mjs writes from the wasm module's schema(). Here the
// checked-in file is held to the module built from today's core, and the
// module's schema to the CLI's (`gomap --schema`, the same writer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadModule, gomapCli, noCli } from './load.mjs';
import { renderSchemaModule, SCHEMA_MODULE } from '../../scripts/gen-schema.mjs';
import { SCHEMA } from '../../web/share/core-schema.mjs';

const gomap = await loadModule();
const json = gomap.module.schema();

test('web/share/core-schema.mjs is what the core says today', () => {
  const checkedIn = readFileSync(SCHEMA_MODULE, 'utf8');
  assert.ok(checkedIn === renderSchemaModule(json),
    'web/share/core-schema.mjs differs from the wasm module\'s schema(): run node scripts/gen-schema.mjs ' +
    '(GOMAP_WASM_DIR=<your wasm build>/wasm for a private build) and commit the file');
  assert.deepEqual(SCHEMA, JSON.parse(json));
});

test('the wasm module and the CLI state the same schema', { skip: noCli }, () => {
  let cli;
  try {
    cli = execFileSync(gomapCli, ['--schema'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    assert.fail(`${gomapCli} --schema failed (a gomap built before --schema? rebuild it): ${String(e.stderr).split('\n')[0]}`);
  }
  assert.equal(cli, json);
});

test('the schema\'s facts hold in the running model', () => {
  // A key as long as the limit is taken, one byte more is refused.
  const { maxStringKeyBytes } = SCHEMA.buckets.limits;
  const m = gomap.createMap({ mapType: 'map[string]int64' });
  assert.ok(m.ok, m.error);
  assert.ok(m.map.set('k'.repeat(maxStringKeyBytes), 1).ok);
  assert.equal(m.map.set('k'.repeat(maxStringKeyBytes + 1), 1).ok, false);
  m.map.free();
  // The tophash of the first key in an empty map's bucket, and emptyRest after it.
  const s = gomap.createMap({ mapType: 'map[int64]int64' });
  assert.ok(s.map.set(1, 1).ok);
  const bucket = s.map.state().buckets[0][0];
  assert.ok(bucket.t[0] >= SCHEMA.buckets.minTopHash);
  const emptyRest = SCHEMA.buckets.tophashStates.find((x) => x.name === 'emptyRest').value;
  assert.deepEqual(bucket.t.slice(1), Array(SCHEMA.buckets.bucketCnt - 1).fill(emptyRest));
  s.map.free();
});

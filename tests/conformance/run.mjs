#!/usr/bin/env node
// Conformance suite: proves the C++ model (gomap) against the real Go runtime.
//
// For each tests/conformance/scenarios/*.scn: run it on a real Go map — Go 1.19 for the bucket
// map (the oracle emulates Go 1.14 where the two differ), Go 1.26 for `version 1.26` scenarios
// (the Swiss-table map) — pin gomap to what the runtime drew (hash0 and key hashes, or the 1.26
// hash key, seed, iteration offsets and reseeds), run gomap, and compare the full state after
// every operation. Then check gomap's go119 and go126 hashers bit for bit against the runtimes.
// Prints "N passed, N failed" last and exits non-zero on any failure.
//
// A full run (no name filter) also checks the layouts of Go's other types against both runtimes
// (lib/layout-check.mjs; the filter 'layout' runs just those) and ends with short random
// differential passes: against Go 1.26 (lib/random-run.mjs) and over Go's other types against
// Go 1.19 and 1.26 (lib/random-typed.mjs); one unit each, seeds printed.
//
// Usage: node tests/conformance/run.mjs [--oracle-only] [--verbose] [--no-random] [NAME-SUBSTRING...]
//   --oracle-only  run only the oracles (checks that every scenario runs on Go); no gomap needed
//   --no-random    skip the random pass
//   GOMAP=path     gomap binary to test (default build/native-release/gomap)

import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  buildOracle, buildOracle126, requireGomap, gomapSpeaksSwiss, ToolMissing, oracleEnv, conformanceDir, buildDir,
} from './lib/toolchain.mjs';
import { checkScenario, isSwissScenario, MAX_DIFFS_SHOWN } from './lib/check-scenario.mjs';
import { checkHasher, GO119_FLAVOR, GO126_FLAVOR } from './lib/hasher-check.mjs';
import { runRandom } from './lib/random-run.mjs';
import { checkLayouts } from './lib/layout-check.mjs';
import { runRandomTyped } from './lib/random-typed.mjs';

// The short random differential pass of every full run (random126.mjs runs long ones).
const RANDOM_COUNT = 400;
const RANDOM_TYPED_COUNT = 60;

const argv = process.argv.slice(2);
const oracleOnly = argv.includes('--oracle-only');
const verbose = argv.includes('--verbose');
const noRandom = argv.includes('--no-random');
const filters = argv.filter((a) => !a.startsWith('--'));

let passed = 0;
let failed = 0;
const finish = () => {
  if (oracleOnly) console.log('(oracle only: the scenarios ran on Go; gomap was not compared)');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};
const loud = (message) => console.error(`\n*** ${message} ***\n`);

const scenarioDir = path.join(conformanceDir, 'scenarios');
const pinnedDir = path.join(buildDir, 'pinned');
mkdirSync(pinnedDir, { recursive: true });
const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.scn')).sort()
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
const sources = new Map(files.map((f) => [f, readFileSync(path.join(scenarioDir, f), 'utf8')]));
const swissCount = files.filter((f) => isSwissScenario(sources.get(f))).length;
const bucketCount = files.length - swissCount;

// Each tool that is missing is said loudly once; the scenarios that needed it fail.
const tools = {};
const tryTool = (make) => {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof ToolMissing)) throw e;
    loud(e.message);
    return undefined;
  }
};
if (bucketCount > 0 || filters.length === 0) tools.oracle = tryTool(buildOracle);
if (swissCount > 0 || filters.length === 0 || filters.includes('layout')) tools.oracle126 = tryTool(buildOracle126);
if (!oracleOnly) {
  tools.gomap = tryTool(requireGomap);
  if (tools.gomap) {
    tools.gomapSwiss = gomapSpeaksSwiss(tools.gomap);
    if (!tools.gomapSwiss && (swissCount > 0 || filters.length === 0)) {
      loud(`gomap (${tools.gomap}) does not understand version 1.26: the ${swissCount} Go 1.26 ` +
        'scenarios and the go126 hasher check FAIL (run with --oracle-only to check the oracle alone)');
    }
  }
}

for (const file of files) {
  let problems;
  try {
    problems = checkScenario({ file, src: sources.get(file), tools, oracleOnly, pinnedDir });
  } catch (e) {
    problems = [`could not run: ${e.message}`]; // e.g. a tool timed out; count it, go on
  }
  if (problems.length === 0) {
    passed++;
    if (verbose) console.log(`ok   ${file}`);
  } else {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`     ${p}`);
  }
}

if (!oracleOnly && (filters.length === 0 || filters.includes('layout'))) {
  layoutCheck('layouts of Go\'s other types vs Go 1.19', tools.oracle, false);
  layoutCheck('Swiss slot layouts of Go\'s other types vs Go 1.26', tools.oracle126, true);
}
if (!oracleOnly && filters.length === 0) {
  hasherCheck('go119', tools.oracle, tools.gomap, GO119_FLAVOR);
  hasherCheck('go126', tools.oracle126, tools.gomapSwiss ? tools.gomap : undefined, GO126_FLAVOR);
}
if (filters.length === 0 && !noRandom) randomPass();
if (filters.length === 0 && !noRandom && !oracleOnly) randomTypedPass();
finish();

// A short random pass over Go's other types in the bucket map (random-types.mjs runs long ones).
function randomTypedPass() {
  const seed = Date.now() % 2 ** 31;
  const name = `random differential of Go's other types vs Go 1.19 and 1.26 (${RANDOM_TYPED_COUNT} scenarios, --seed ${seed})`;
  if (!tools.oracle || !tools.gomap) {
    failed++;
    console.log(`FAIL ${name}\n     the oracle or gomap is not available: NOT CHECKED`);
    return;
  }
  // Half on the bucket map against Go 1.19, half on the Swiss map against Go 1.26.
  const log = (l) => console.log(`     ${l}`);
  const a = runRandomTyped({ count: RANDOM_TYPED_COUNT / 2, seed, tools, log });
  const b = tools.oracle126 && tools.gomapSwiss
    ? runRandomTyped({ count: RANDOM_TYPED_COUNT / 2, seed, tools, log, version: '1.26' })
    : { passed: 0, failed: 1 };
  const r = { passed: a.passed + b.passed, failed: a.failed + b.failed };
  if (r.failed === 0) {
    passed++;
    if (verbose) console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${r.failed} disagreements (saved under build/conformance/random-types/)`);
  }
}

function randomPass() {
  const seed = Date.now() % 2 ** 31;
  const name = `random differential vs Go 1.26 (${RANDOM_COUNT} scenarios, --seed ${seed})`;
  if (!tools.oracle126 || (!oracleOnly && !tools.gomapSwiss)) {
    failed++;
    console.log(`FAIL ${name}\n     ${!tools.oracle126 ? 'the Go 1.26 oracle' : 'a gomap that runs version 1.26'} ` +
      'is not available: NOT CHECKED');
    return;
  }
  const r = runRandom({ count: RANDOM_COUNT, seed, oracleOnly, tools, log: (l) => console.log(`     ${l}`) });
  if (r.failed === 0) {
    passed++;
    if (verbose) console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${r.failed} disagreements (saved under build/conformance/random126/)`);
  }
}

// Go's sizes, offsets, bucket sizes, flags and hash functions for the types of Go's other types.
function layoutCheck(name, oracle, swiss) {
  let r;
  if (!oracle || !tools.gomap) r = { checked: 0, diffs: ['the oracle or gomap is not available: NOT CHECKED'] };
  else r = checkLayouts({ oracle, gomap: tools.gomap, oracleEnv, swiss });
  if (r.diffs.length === 0 && r.checked > 0) {
    passed++;
    if (verbose) console.log(`ok   ${name} (${r.checked} map types)`);
  } else {
    failed++;
    console.log(`FAIL ${name} (${r.diffs.length} differences over ${r.checked} map types)`);
    for (const d of r.diffs.slice(0, MAX_DIFFS_SHOWN)) console.log(`     ${d}`);
  }
}

function hasherCheck(name, oracle, gomap, flavor) {
  let checked = 0;
  let diffs;
  if (!oracle || !gomap) {
    diffs = [`${!oracle ? 'the oracle' : 'a gomap that runs this hasher'} is not available: NOT CHECKED`];
  } else {
    try {
      ({ checked, diffs } = checkHasher({ oracle, gomap, oracleEnv, flavor }));
    } catch (e) {
      diffs = [`could not run: ${e.message}`];
    }
  }
  if (diffs.length === 0 && checked > 0) {
    passed++;
    if (verbose) console.log(`ok   ${name} hasher (${checked} key hashes)`);
  } else {
    failed++;
    console.log(`FAIL ${name} hasher (${diffs.length} of ${checked} key hashes differ)`);
    for (const d of diffs.slice(0, MAX_DIFFS_SHOWN)) console.log(`     ${d}`);
  }
}

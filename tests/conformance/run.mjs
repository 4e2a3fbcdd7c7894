#!/usr/bin/env node
// Conformance suite: proves the C++ model (gomap) against the real Go runtime.
//
// For each tests/conformance/scenarios/*.scn: run it on a real Go 1.19 map (the oracle, which
// emulates Go 1.14 where the two differ), pin gomap to the oracle's hash0, key hashes and
// iteration starts, run gomap, and compare the full state after every operation. Then check
// gomap's go119 hasher bit for bit against the runtime. Prints "N passed, N failed" last and
// exits non-zero on any failure.
//
// Usage: node tests/conformance/run.mjs [--oracle-only] [--verbose] [NAME-SUBSTRING...]
//   --oracle-only  run only the oracle (checks that every scenario runs on Go); no gomap needed
//   GOMAP=path     gomap binary to test (default build/native-release/gomap)

import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildOracle, requireGomap, ToolMissing, oracleEnv, conformanceDir, buildDir } from './lib/toolchain.mjs';
import { runTool } from './lib/run-tool.mjs';
import { pinScenario, ScenarioError } from './lib/pinned-scenario.mjs';
import { splitSetup } from './lib/scenario-text.mjs';
import { compareRecords } from './lib/compare-dumps.mjs';
import { checkHasher } from './lib/hasher-check.mjs';

const MAX_DIFFS_SHOWN = 25;

const argv = process.argv.slice(2);
const oracleOnly = argv.includes('--oracle-only');
const verbose = argv.includes('--verbose');
const filters = argv.filter((a) => !a.startsWith('--'));

let passed = 0;
let failed = 0;
const finish = () => {
  if (oracleOnly) console.log('(oracle only: the scenarios ran on Go; gomap was not compared)');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

let oracle;
let gomap;
try {
  oracle = buildOracle();
  if (!oracleOnly) gomap = requireGomap();
} catch (e) {
  if (!(e instanceof ToolMissing)) throw e;
  console.error(`\n*** ${e.message} ***\n`);
  failed++;
  finish();
}

const scenarioDir = path.join(conformanceDir, 'scenarios');
const pinnedDir = path.join(buildDir, 'pinned');
mkdirSync(pinnedDir, { recursive: true });
const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.scn')).sort()
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));

for (const file of files) {
  const src = readFileSync(path.join(scenarioDir, file), 'utf8');
  let problems;
  try {
    problems = runScenario(file, src);
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

if (!oracleOnly && filters.length === 0) {
  let checked = 0;
  let diffs;
  try {
    ({ checked, diffs } = checkHasher({ oracle, gomap, oracleEnv }));
  } catch (e) {
    diffs = [`could not run: ${e.message}`];
  }
  if (diffs.length === 0 && checked > 0) {
    passed++;
    if (verbose) console.log(`ok   go119 hasher (${checked} key hashes)`);
  } else {
    failed++;
    console.log(`FAIL go119 hasher (${diffs.length} of ${checked} key hashes differ)`);
    for (const d of diffs.slice(0, MAX_DIFFS_SHOWN)) console.log(`     ${d}`);
  }
}
finish();

// Runs one scenario on both sides; returns the list of problems (empty when it conforms).
function runScenario(file, src) {
  const o = runTool(oracle, [], src, oracleEnv);
  const [head, ...oracleOps] = o.records;
  if (!head || head.hashkey0 === undefined) {
    return [`the oracle did not start (status ${o.status}): ${o.stderr.trim()}`];
  }
  if (head.aeshash) return ['the Go runtime is using its AES hash: GODEBUG=cpu.aes=off not honoured'];
  const broken = oracleOps.filter((r) => r.error || r.unparsed);
  if (o.status !== 0 || broken.length > 0) {
    // Go is the truth: a scenario Go cannot run is a broken scenario, not a model bug.
    return [`the oracle rejected the scenario (status ${o.status}) ${o.stderr.trim()}`,
      ...broken.slice(0, 5).map((r) => r.error ?? `unparsed output: ${r.unparsed.slice(0, 200)}`)];
  }
  if (oracleOnly) return [];

  let pinned;
  try {
    pinned = pinScenario(src, oracleOps);
  } catch (e) {
    if (e instanceof ScenarioError) return [e.message];
    throw e;
  }
  const pinnedPath = path.join(pinnedDir, file);
  writeFileSync(pinnedPath, pinned.text);

  const g = runTool(gomap, [], pinned.text, process.env);
  const problems = compareRun(oracleOps, splitSetup(src).ops, pinned.origins, g);
  if (problems.length > 0) problems.push(`(pinned scenario given to gomap: ${path.relative(process.cwd(), pinnedPath)})`);
  return problems;
}

// Matches gomap's records to the scenario's operations through the pinned line numbers and
// compares after every operation; stops at the first operation that differs, since everything
// after it would differ too.
function compareRun(oracleOps, ops, origins, g) {
  const byOp = oracleOps.map(() => []);
  for (const rec of g.records) {
    if (rec.unparsed !== undefined) return [`gomap printed a line that is not JSON: ${rec.unparsed.slice(0, 200)}`];
    const origin = origins[rec.line - 1];
    if (!origin) return [`gomap printed a record for line ${rec.line}, which the pinned scenario does not have`];
    if (origin.kind !== 'op') {
      if (rec.error) return [`gomap rejected pinned line ${rec.line} (${rec.op}): ${rec.error}`];
      continue;
    }
    byOp[origin.op].push(rec);
  }
  for (let i = 0; i < oracleOps.length; i++) {
    const where = `line ${ops[i].line} (${ops[i].text})`;
    const recs = byOp[i];
    if (recs.length === 0) {
      return [`${where}: gomap printed nothing (status ${g.status}${g.signal ? `, signal ${g.signal}` : ''}) ${g.stderr.trim().slice(0, 500)}`];
    }
    const failedStep = recs.find((r) => r.error);
    const diffs = failedStep && failedStep !== recs.at(-1)
      ? [`gomap failed on "${failedStep.op}": ${failedStep.error}`]
      : compareRecords(oracleOps[i], recs.at(-1), ops[i].name);
    if (diffs.length > 0) {
      const shown = diffs.slice(0, MAX_DIFFS_SHOWN).map((d) => `  ${d}`);
      if (diffs.length > MAX_DIFFS_SHOWN) shown.push(`  … and ${diffs.length - MAX_DIFFS_SHOWN} more`);
      return [`${where}, operation #${i + 1}: state differs from Go`, ...shown];
    }
  }
  if (g.status !== 0) return [`gomap exited with status ${g.status} although every operation matched: ${g.stderr.trim().slice(0, 300)}`];
  return [];
}

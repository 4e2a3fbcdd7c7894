// Checking one scenario: run it on the real Go map (the 1.19 oracle for the bucket map, the 1.26
// oracle for `version 1.26`), pin gomap to what the runtime drew, run gomap, and compare the full
// state after every operation. Shared by run.mjs (the written scenarios) and random126.mjs.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runTool } from './run-tool.mjs';
import { oracleEnv } from './toolchain.mjs';
import { pinScenario, pinSwissScenario, ScenarioError } from './pinned-scenario.mjs';
import { splitSetup } from './scenario-text.mjs';
import { compareRecords } from './compare-dumps.mjs';
import { compareSwissRecords } from './compare-swiss.mjs';

export const MAX_DIFFS_SHOWN = 25;
const DUMPS_ONLY = /^#[ \t]*conformance:[ \t]*dumps-only[ \t]*$/m;

// A `version 1.26` scenario is Go 1.26's Swiss map; every other one is the bucket map.
export function isSwissScenario(src) {
  return splitSetup(src).setup.some((c) => /^version[ \t]+1\.26$/.test(c.text));
}

// tools: { oracle, oracle126, gomap, gomapSwiss } (a missing tool is undefined); pinnedDir: where
// the pinned scenario is kept for reproducing a failure by hand. Returns the list of problems
// (empty when the scenario conforms, or, with oracleOnly, when Go ran it).
//
// A 1.26 scenario with the line `# conformance: dumps-only` (tens of thousands of operations on
// big maps, whose every dump would weigh gigabytes) is compared at its `dump` commands only: the
// oracle and gomap both run with --dumps-only, and the oracle still reports every draw to pin.
export function checkScenario({ file, src, tools, oracleOnly, pinnedDir }) {
  const swiss = isSwissScenario(src);
  const dumpsOnly = swiss && DUMPS_ONLY.test(src);
  const flags = dumpsOnly ? ['--dumps-only'] : [];
  const oracle = swiss ? tools.oracle126 : tools.oracle;
  if (!oracle) return [`the Go ${swiss ? '1.26' : '1.19'} oracle is not available: NOT CHECKED`];
  const o = runTool(oracle, flags, src, oracleEnv);
  const [head, ...oracleOps] = o.records;
  if (!head || (swiss ? head.hashkey === undefined : head.hashkey0 === undefined)) {
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
  if (!tools.gomap) return ['gomap is not available: NOT CHECKED'];
  if (swiss && !tools.gomapSwiss) {
    return ['gomap does not understand version 1.26 (no Swiss dump): NOT CHECKED against Go 1.26'];
  }

  let pinned;
  try {
    pinned = swiss ? pinSwissScenario(src, head, oracleOps, { packed: dumpsOnly }) : pinScenario(src, oracleOps);
  } catch (e) {
    if (e instanceof ScenarioError) return [e.message];
    throw e;
  }
  const pinnedPath = path.join(pinnedDir, file);
  writeFileSync(pinnedPath, pinned.text);

  const g = runTool(tools.gomap, flags, pinned.text, process.env);
  const problems = compareRun(oracleOps, splitSetup(src).ops, pinned.origins, g,
    swiss ? compareSwissRecords : compareRecords, dumpsOnly);
  if (problems.length > 0) problems.push(`(pinned scenario given to gomap: ${path.relative(process.cwd(), pinnedPath)})`);
  return problems;
}

// Matches gomap's records to the scenario's operations through the pinned line numbers and
// compares after every operation; stops at the first operation that differs, since everything
// after it would differ too.
function compareRun(oracleOps, ops, origins, g, compare, dumpsOnly) {
  const byOp = oracleOps.map(() => []);
  for (const rec of g.records) {
    if (rec.unparsed !== undefined) return [`gomap printed a line that is not JSON: ${rec.unparsed.slice(0, 200)}`];
    const origin = origins[rec.line - 1];
    if (!origin) return [`gomap printed a record for line ${rec.line}, which the pinned scenario does not have`];
    if (origin.kind === 'packed') {
      // Commands of operations ops[0]…ops[1] share this line; it prints only a failure.
      const [first, last] = origin.ops.map((i) => `line ${ops[i].line}`);
      return [`${first === last ? first : `${first}…${last.slice(5)}`}: gomap failed on "${rec.op}": ${rec.error ?? 'a record of a packed line without an error'}`];
    }
    if (origin.kind !== 'op') {
      if (rec.error) return [`gomap rejected pinned line ${rec.line} (${rec.op}): ${rec.error}`];
      continue;
    }
    byOp[origin.op].push(rec);
  }
  for (let i = 0; i < oracleOps.length; i++) {
    const where = `line ${ops[i].line} (${ops[i].text})`;
    const recs = byOp[i];
    if (dumpsOnly && ops[i].name !== 'dump') {
      const failure = recs.find((r) => r.error); // gomap prints only failures of these
      if (failure) return [`${where}: gomap failed on "${failure.op}": ${failure.error}`];
      continue;
    }
    if (recs.length === 0) {
      return [`${where}: gomap printed nothing (status ${g.status}${g.signal ? `, signal ${g.signal}` : ''}) ${g.stderr.trim().slice(0, 500)}`];
    }
    const failedStep = recs.find((r) => r.error);
    const diffs = failedStep && failedStep !== recs.at(-1)
      ? [`gomap failed on "${failedStep.op}": ${failedStep.error}`]
      : compare(oracleOps[i], mergeSteps(recs, ops[i].name), ops[i].name);
    if (diffs.length > 0) {
      const shown = diffs.slice(0, MAX_DIFFS_SHOWN).map((d) => `  ${d}`);
      if (diffs.length > MAX_DIFFS_SHOWN) shown.push(`  … and ${diffs.length - MAX_DIFFS_SHOWN} more`);
      return [`${where}, operation #${i + 1}: state differs from Go`, ...shown];
    }
  }
  if (g.status !== 0) return [`gomap exited with status ${g.status} although every operation matched: ${g.stderr.trim().slice(0, 300)}`];
  return [];
}

// One operation may reach gomap as several commands (collide → sets): the state is the last
// one's, the hashes are all of theirs.
function mergeSteps(recs, opName) {
  const last = recs.at(-1);
  if (recs.length === 1 || opName === 'range' || opName === 'iter') return last;
  const hashes = Object.assign({}, ...recs.map((r) => r.hashes ?? {}));
  return { ...last, hashes };
}

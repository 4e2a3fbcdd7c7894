#!/usr/bin/env node
// Random differential run of the Swiss-table model against Go 1.26: thousands of random
// `version 1.26` scenarios (every key kind, hints, churn, iteration with mutation, clears,
// collide; lib/random-scenario.mjs), each run on the real Go 1.26 map and on gomap and compared
// after every operation exactly as the written scenarios are. Every disagreement is shrunk and
// saved as a scenario file in build/conformance/random126/, with a comment saying how it was
// found, ready to be copied into scenarios/. run.mjs runs a short pass of the same code.
//
// Usage: node tests/conformance/random126.mjs [--count N] [--seed S] [--long] [--oracle-only]
//   --count N      how many scenarios (default 1000; --long: 10000)
//   --seed S       the generator's seed (default: from the clock; printed, so a run can be repeated)
//   --oracle-only  run the scenarios on Go only (checks the generator; no gomap needed)
// Last line: "random126: N passed, N failed"; exit status non-zero on any failure.

import { buildOracle126, requireGomap, gomapSpeaksSwiss, ToolMissing } from './lib/toolchain.mjs';
import { runRandom } from './lib/random-run.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const oracleOnly = argv.includes('--oracle-only');
const count = Number(option('--count') ?? (argv.includes('--long') ? 10000 : 1000));
const seed = Number(option('--seed') ?? (Date.now() % 2 ** 31));

const tools = {};
try {
  tools.oracle126 = buildOracle126();
  if (!oracleOnly) {
    tools.gomap = requireGomap();
    tools.gomapSwiss = gomapSpeaksSwiss(tools.gomap);
    if (!tools.gomapSwiss) {
      throw new ToolMissing(`gomap (${tools.gomap}) does not understand version 1.26: random ` +
        'differential run CANNOT RUN (--oracle-only checks the generator alone)');
    }
  }
} catch (e) {
  if (!(e instanceof ToolMissing)) throw e;
  console.error(`\n*** ${e.message} ***\n`);
  console.log('random126: 0 passed, 1 failed');
  process.exit(1);
}

console.log(`random126: ${count} scenarios, --seed ${seed}`);
const started = Date.now();
const { passed, failed } = runRandom({ count, seed, oracleOnly, tools, log: console.log });
console.log(`random126: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`random126: ${passed} passed, ${failed} failed${oracleOnly ? ' (oracle only: gomap was not compared)' : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

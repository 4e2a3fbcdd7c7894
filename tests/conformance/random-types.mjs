#!/usr/bin/env node
// Random differential run of Go's other types in the 1.14 bucket map against Go 1.19: random
// scenarios over every map type the oracle compiles (lib/random-typed.mjs), each compared after
// every operation exactly as the written scenarios are. A disagreement is saved (unshrunk) in
// build/conformance/random-types/ with the seed that made it.
//
// Usage: node tests/conformance/random-types.mjs [--count N] [--seed S] [--version 1.26]
//   --version 1.26  the Swiss model against Go 1.26 (the types oracle126 compiles)
// Last line: "random-types: N passed, N failed"; exit status non-zero on any failure.

import { buildOracle, buildOracle126, requireGomap, gomapSpeaksSwiss } from './lib/toolchain.mjs';
import { runRandomTyped } from './lib/random-typed.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const count = Number(option('--count') ?? 300);
const seed = Number(option('--seed') ?? (Date.now() % 2 ** 31));
const version = option('--version') ?? '1.14';
const gomap = requireGomap();
const tools = version === '1.26'
  ? { oracle126: buildOracle126(), gomap, gomapSwiss: gomapSpeaksSwiss(gomap) }
  : { oracle: buildOracle(), gomap };
const r = runRandomTyped({ count, seed, tools, log: console.log, version });
console.log(`random-types (--seed ${seed}): ${r.passed} passed, ${r.failed} failed`);
process.exit(r.failed > 0 ? 1 : 0);

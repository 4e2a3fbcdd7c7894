#!/usr/bin/env node
// Random differential run of Go's other types in the 1.14 bucket map against Go 1.19: random
// scenarios over every map type the oracle compiles (lib/random-typed.mjs), each compared after
// every operation exactly as the written scenarios are. A disagreement is saved (unshrunk) in
// build/conformance/random-types/ with the seed that made it.
//
// Usage: node tests/conformance/random-types.mjs [--count N] [--seed S]
// Last line: "random-types: N passed, N failed"; exit status non-zero on any failure.

import { buildOracle, requireGomap } from './lib/toolchain.mjs';
import { runRandomTyped } from './lib/random-typed.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const count = Number(option('--count') ?? 300);
const seed = Number(option('--seed') ?? (Date.now() % 2 ** 31));
const r = runRandomTyped({ count, seed, tools: { oracle: buildOracle(), gomap: requireGomap() }, log: console.log });
console.log(`random-types (--seed ${seed}): ${r.passed} passed, ${r.failed} failed`);
process.exit(r.failed > 0 ? 1 : 0);

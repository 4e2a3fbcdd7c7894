// The random differential run itself (used by random126.mjs and, as a short run, by run.mjs):
// generate, check against Go 1.26, shrink and save every disagreement as a scenario file.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDir } from './toolchain.mjs';
import { checkScenario } from './check-scenario.mjs';
import { randomSwissScenario, makeRandom } from './random-scenario.mjs';

export const failuresDir = path.join(buildDir, 'random126');
const pinnedDir = path.join(failuresDir, 'pinned');

// tools: { oracle126, gomap, gomapSwiss } as run.mjs makes them. Returns { passed, failed, saved }.
export function runRandom({ count, seed, oracleOnly, tools, log }) {
  mkdirSync(pinnedDir, { recursive: true });
  const random = makeRandom(seed);
  let passed = 0;
  let failed = 0;
  const saved = [];
  for (let i = 0; i < count; i++) {
    const src = randomSwissScenario(random);
    const problems = check(src, tools, oracleOnly);
    if (problems.length === 0) { passed++; continue; }
    failed++;
    const small = oracleOnly ? src : shrink(src, tools);
    const file = path.join(failuresDir, `swiss-rand-${seed}-${i}.scn`);
    const why = check(small, tools, oracleOnly).slice(0, 3).join(' / ').replace(/\s+/g, ' ');
    writeFileSync(file, `# Found by random differential testing (node tests/conformance/random126.mjs --seed ${seed},\n` +
      `# scenario ${i}), shrunk: ${why.slice(0, 400)}\n${small}`);
    saved.push(file);
    log(`FAIL random scenario ${i} (--seed ${seed}): ${problems[0]}`);
    for (const p of problems.slice(1, 8)) log(`     ${p}`);
    log(`     saved as ${path.relative(process.cwd(), file)}`);
  }
  return { passed, failed, saved };
}

function check(src, tools, oracleOnly) {
  try {
    return checkScenario({ file: 'random.scn', src, tools, oracleOnly, pinnedDir });
  } catch (e) {
    return [`could not run: ${e.message}`];
  }
}

// Greedy shrinking: drop runs of operations (halves, quarters, … single lines) as long as the
// scenario still disagrees and Go still runs it (an @N reference may have lost its key).
function shrink(src, tools) {
  const isHead = (l) => /^(version|map\[|hint)/.test(l);
  const lines = src.split('\n').filter((l) => l.trim() !== '');
  const head = lines.filter(isHead);
  let ops = lines.filter((l) => !isHead(l));
  const stillFails = (candidate) => {
    const p = check([...head, ...candidate, ''].join('\n'), tools, false);
    return p.length > 0 && !p[0].startsWith('the oracle rejected');
  };
  let budget = 200; // each try runs Go and gomap once
  for (let chunk = Math.ceil(ops.length / 2); chunk >= 1 && budget > 0; chunk = Math.floor(chunk / 2)) {
    for (let at = ops.length - chunk; at >= 0 && budget > 0; at -= chunk) {
      const candidate = [...ops.slice(0, at), ...ops.slice(at + chunk)];
      budget--;
      if (candidate.length > 0 && stillFails(candidate)) ops = candidate;
    }
  }
  return [...head, ...ops, ''].join('\n');
}

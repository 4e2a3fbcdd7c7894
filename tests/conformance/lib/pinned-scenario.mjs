// Turning a scenario plus the oracle's run of it into the "pinned" scenario for gomap: the same
// operations, but with every random or runtime-specific input the model cannot know made
// explicit — the map's hash0, the real hash of every key, the iteration start the runtime drew,
// and the concrete keys behind the oracle-only `collide` and @N references.

import { splitSetup, quoteToken } from './scenario-text.mjs';

export class ScenarioError extends Error {}

// oracleOps: the oracle's records for the operations, in order (one per operation).
// Returns { text, origins } where origins[i] describes pinned line i+1:
//   { kind: 'setup' | 'pin' } or { kind: 'op', op: index into oracleOps, last: bool }.
export function pinScenario(src, oracleOps) {
  const { setup, ops, lines, origins, add } = startPinned(src, oracleOps);

  // Set-up: keep the scenario's own (map type, hint), and give the model the oracle's hash0.
  for (const c of setup) if (c.name !== 'seed') add(c.text, { kind: 'setup' });
  if (oracleOps.length > 0) add(`seed ${oracleOps[0].hash0}`, { kind: 'setup' });

  // Every key's real hash, pinned before the first operation. hash0 never changes in the run
  // (the oracle undoes Go 1.19's reseeding), so one pin per key holds for the whole scenario;
  // pinning while the map is still empty keeps gomap's dumps of these lines tiny.
  // (A key of Go's other types prints as {1 a}; the oracle says how to write it: hashLits.)
  const lits = Object.assign({}, ...oracleOps.map((r) => r.hashLits ?? {}));
  for (const [key, hash] of collectHashes(oracleOps)) {
    add(`hash ${lits[key] ?? quoteToken(key)} 0x${hash}`, { kind: 'pin' });
  }

  addOperations(ops, oracleOps, false, add, (c, rec) => {
    if (rec.expanded) return rec.expanded; // collide → sets of the keys found; @N → real key
    // The runtime's random start, replayed (spec §5.1).
    if (c.name === 'range' || c.name === 'iter') return [`${c.name} start=${rec.start ?? 0} offset=${rec.offset ?? 0}`];
    return [c.text];
  });
  return { text: lines.join('\n') + '\n', origins };
}

// All keys hashed anywhere in the run, with the hash Go used. A key with two different hashes
// would mean hash0 changed under us: the pins would be wrong, so that is an error.
function collectHashes(oracleOps) {
  const hashes = new Map();
  for (const rec of oracleOps) {
    for (const [key, hash] of Object.entries(rec.hashes ?? {})) {
      if (hashes.has(key) && hashes.get(key) !== hash) {
        throw new ScenarioError(`key ${JSON.stringify(key)} hashed to ${hashes.get(key)} and ${hash}`);
      }
      hashes.set(key, hash);
    }
  }
  return hashes;
}

// The pinned scenario of a `version 1.26` run (contract version 2). The model computes every hash
// itself with the runtime's hash key (`hasher go126`, `hashkey K0 K1 K2 K3`) from the fresh map's
// seed, so no key is pinned: after a reseed the model must hash with the new seed, as Go does.
// What Go drew at random is pinned where it is drawn: `range`/`iter` get `entry= dir=`, a delete
// that emptied the map and a clear that reseeded get `reseed=`.
// head: the oracle's first line ({hashkey: [4 hex words], seed}).
//
// packed (dumps-only runs): gomap prints only dumps and failures, so the commands between two dumps
// share lines, up to PACKED_PER_LINE each (`;` ends a command as a newline does): a churn of
// 100,000 deletes stays under gomap's line limit. A packed line's origin is
// { kind: 'packed', ops: [first, last] }; it prints only when one of its commands fails.
export const PACKED_PER_LINE = 200;

export function pinSwissScenario(src, head, oracleOps, { packed = false } = {}) {
  const { setup, ops, lines, origins, add } = startPinned(src, oracleOps);

  for (const c of setup) if (c.name !== 'seed') add(c.text, { kind: 'setup' });
  add('hasher go126', { kind: 'setup' });
  add(`hashkey ${head.hashkey.map((w) => `0x${w}`).join(' ')}`, { kind: 'setup' });
  add(`seed 0x${head.seed}`, { kind: 'setup' });

  addOperations(ops, oracleOps, packed, add, (c, rec) => {
    let texts = rec.expanded ? [...rec.expanded] : [c.text]; // collide → sets; @N → real key
    if ((c.name === 'range' || c.name === 'iter') && rec.entry !== undefined) {
      texts = [`${c.name} entry=${rec.entry} dir=${rec.dir}`];
    }
    if ((c.name === 'del' || c.name === 'clear') && rec.reseed !== undefined) {
      texts[texts.length - 1] += ` reseed=0x${rec.reseed}`;
    }
    return texts;
  });
  return { text: lines.join('\n') + '\n', origins };
}

// The scenario's set-up and operations (one oracle record per operation, or an error), and the
// pinned lines to fill: add(text, origin) appends one.
function startPinned(src, oracleOps) {
  const { setup, ops } = splitSetup(src);
  if (ops.length !== oracleOps.length) {
    throw new ScenarioError(`the scenario has ${ops.length} operations but the oracle reported ` +
      `${oracleOps.length}`);
  }
  const lines = [];
  const origins = [];
  const add = (text, origin) => { lines.push(text); origins.push(origin); };
  return { setup, ops, lines, origins, add };
}

// Adds each operation's pinned commands (textsOf(command, oracle record)) with their origins.
// packed (dumps-only runs): the commands between two dumps share lines, up to PACKED_PER_LINE
// each; a packed line's origin is { kind: 'packed', ops: [first, last] }.
function addOperations(ops, oracleOps, packed, add, textsOf) {
  let run = null;
  ops.forEach((c, i) => {
    const texts = textsOf(c, oracleOps[i]);
    if (packed && c.name !== 'dump') {
      for (const t of texts) pack(t, i);
      return;
    }
    flush();
    texts.forEach((t, j) => add(t, { kind: 'op', op: i, last: j === texts.length - 1 }));
  });
  flush();

  // The packed line being filled: its commands and the first and last operation they belong to.
  function pack(text, op) {
    if (!run) run = { texts: [], ops: [op, op] };
    run.texts.push(text);
    run.ops[1] = op;
    if (run.texts.length >= PACKED_PER_LINE) flush();
  }
  function flush() {
    if (run) add(run.texts.join('; '), { kind: 'packed', ops: run.ops });
    run = null;
  }
}

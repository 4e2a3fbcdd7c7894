// Comparing one oracle record (the real Go map) with gomap's record for the same operation,
// field by field, down to every slot. Returns human-readable differences ("where: expected X,
// got Y"); an empty list means the states agree.

// nextOverflow: which preallocated spare bucket the current array hands out next (absent
// when none remain), so taking a spare and allocating a fresh bucket are told apart.
const SCALARS = ['count', 'flags', 'B', 'noverflow', 'hash0', 'nevacuate', 'nextOverflow'];

export function compareRecords(expected, got, opName) {
  const diffs = [];
  const differ = (where, e, g) => diffs.push(`${where}: expected ${show(e)}, got ${show(g)}`);

  if (got.error !== undefined) diffs.push(`gomap reported an error: ${got.error}`);
  for (const f of SCALARS) if (expected[f] !== got[f]) differ(f, expected[f], got[f]);
  compareArray('buckets', expected.buckets, got.buckets, differ);
  compareArray('oldbuckets', expected.oldbuckets, got.oldbuckets, differ);

  compareOperation(expected, got, opName, differ);
  return diffs;
}

// What an operation's records say alike for both models: the keys an iteration yielded (with
// `iterEnd`, whether it ended too), a lookup's result and the hashes. Hashes are pinned for
// version 1 and not for 1.26, where a differing hash is the model's hasher or seed at fault;
// either way a key gomap hashed differently is a difference.
export function compareOperation(expected, got, opName, differ, { iterEnd = false } = {}) {
  const keysE = yielded(expected, opName);
  if (keysE !== undefined) {
    const keysG = yielded(got, opName);
    if (keysG === undefined) differ('keys (iteration)', keysE, undefined);
    else {
      const a = keysE.map(keyText);
      const b = keysG.map(keyText);
      const at = firstDifference(a, b);
      if (at >= 0) differ(`keys (iteration) at #${at}`, a.slice(at, at + 5), b.slice(at, at + 5));
    }
    if (iterEnd && (expected.result === 'end') !== (got.result === 'end')) {
      differ('result (iterator ended)', expected.result, got.result);
    }
  }
  if (opName === 'get' && normalizeResult(expected.result) !== normalizeResult(got.result)) {
    differ('result', expected.result, got.result);
  }
  for (const [k, h] of Object.entries(expected.hashes ?? {})) {
    const g = got.hashes?.[k] ?? findByText(got.hashes, k);
    if (g !== undefined && hashHex(g) !== h) differ(`hashes[${show(k)}]`, h, g);
  }
}

// A bucket array: chains, each a list of buckets of 8 slots.
function compareArray(name, e, g, differ) {
  if (e === undefined || g === undefined) {
    if (e !== g) differ(`${name} present`, e !== undefined, g !== undefined);
    return;
  }
  if (e.length !== g.length) { differ(`${name}.length (chains)`, e.length, g.length); return; }
  for (let i = 0; i < e.length; i++) {
    const ce = e[i];
    const cg = g[i];
    if (ce.length !== cg.length) differ(`${name}[${i}] chain length`, ce.length, cg.length);
    for (let b = 0; b < Math.min(ce.length, cg.length); b++) {
      // Which spare (by index in the array) an overflow bucket is, or none for a fresh one.
      if (ce[b].spare !== cg[b].spare) differ(`${name}[${i}] bucket ${b} spare`, ce[b].spare, cg[b].spare);
      for (let s = 0; s < 8; s++) {
        const se = ce[b].s[s];
        const sg = cg[b].s?.[s];
        const where = `${name}[${i}] bucket ${b} slot ${s}`;
        if (sg === undefined) { differ(where, se, undefined); continue; }
        if (se.t !== sg.t) differ(`${where} tophash`, se.t, sg.t);
        if (se.t >= 5 && sg.t >= 5) {
          if (keyText(se.k) !== keyText(sg.k)) differ(`${where} k`, se.k, sg.k);
          if (elemValue(se.v) !== elemValue(sg.v)) differ(`${where} v`, se.v, sg.v);
        }
      }
    }
  }
}

// The keys an iteration command yielded: "keys", or for `range` its result (the first key).
export function yielded(rec, opName) {
  if (!['range', 'next', 'iter'].includes(opName)) return undefined;
  if (Array.isArray(rec.keys)) return rec.keys;
  if (opName === 'range' && typeof rec.result === 'string') return [rec.result];
  return undefined;
}

// [N]byte keys and elems are text zero-padded to N bytes; the padding is not part of the text.
export const keyText = (k) => (typeof k === 'string' ? k.replace(/\u0000+$/, '') : String(k));
export const elemValue = (v) => (typeof v === 'string' ? v.replace(/\u0000+$/, '') : String(v));

// "V true" / "0 false": a missing [N]byte elem may print as "" or "0"; both mean the zero value.
export function normalizeResult(r) {
  if (typeof r !== 'string') return r;
  const m = /^(.*) (true|false)$/s.exec(r);
  if (!m) return r;
  const v = m[1].replace(/\u0000+$/, '');
  return m[2] === 'false' ? (v === '' || v === '0' ? 'zero false' : r) : `${v} true`;
}

// Hashes travel as 16 hex digits without prefix; accept a 0x prefix or fewer digits too.
export const hashHex = (h) => (typeof h === 'string' ? h.toLowerCase().replace(/^0x/, '').padStart(16, '0') : h);

export function findByText(hashes, k) {
  if (!hashes) return undefined;
  for (const [key, h] of Object.entries(hashes)) if (keyText(key) === k) return h;
  return undefined;
}

export function firstDifference(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

export function show(v) {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

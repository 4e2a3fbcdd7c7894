// Comparing one oracle record of a Go 1.26 map with gomap's record for the same operation, field
// by field, down to every control byte and slot (contract version 2's Swiss dump). Returns
// human-readable differences ("tables[1] group 3 ctrl[5]: expected 128, got 254"); an empty list
// means the states agree.

import { compareOperation, keyText, elemValue, hashHex, firstDifference, show } from './compare-dumps.mjs';

const HEADER = ['count', 'dirLen', 'globalDepth', 'tombstonePossible', 'clearSeq'];
const TABLE = ['index', 'localDepth', 'capacity', 'used', 'growthLeft'];

export function compareSwissRecords(expected, got, opName) {
  const diffs = [];
  const differ = (where, e, g) => diffs.push(`${where}: expected ${show(e)}, got ${show(g)}`);

  if (got.error !== undefined) diffs.push(`gomap reported an error: ${got.error}`);
  if (got.model !== 'swiss') differ('model', 'swiss', got.model);
  for (const f of HEADER) if (expected[f] !== got[f]) differ(f, expected[f], got[f]);
  if (hashHex(expected.seed) !== hashHex(got.seed)) differ('seed', expected.seed, got.seed);
  // gomap's stale key bytes are compared once it prints any (an extension of the contract).
  const stale = hasStale(got);

  if ((expected.small === undefined) !== (got.small === undefined)) {
    differ('small present', expected.small !== undefined, got.small !== undefined);
  } else if (expected.small) compareGroup('small', expected.small, got.small, stale, differ);

  const de = expected.directory ?? [];
  const dg = got.directory ?? [];
  const at = firstDifference(de, dg);
  if (at >= 0) differ(`directory at #${at}`, de.slice(at, at + 8), dg.slice(at, at + 8));
  const te = expected.tables ?? [];
  const tg = got.tables ?? [];
  if (te.length !== tg.length) differ('tables.length', te.length, tg.length);
  for (let i = 0; i < Math.min(te.length, tg.length); i++) {
    for (const f of TABLE) if (te[i][f] !== tg[i][f]) differ(`tables[${i}].${f}`, te[i][f], tg[i][f]);
    const ge = te[i].groups ?? [];
    const gg = tg[i].groups ?? [];
    if (ge.length !== gg.length) { differ(`tables[${i}].groups.length`, ge.length, gg.length); continue; }
    ge.forEach((g, j) => compareGroup(`tables[${i}] group ${j}`, g, gg[j], stale, differ));
  }

  compareOperation(expected, got, opName, differ, { iterEnd: true });
  return diffs;
}

// A GROUP: 8 control bytes; a full slot's key and element; a non-full slot's stale key bytes.
function compareGroup(where, e, g, stale, differ) {
  if (!g || !Array.isArray(g.ctrl) || !Array.isArray(g.s)) { differ(where, e, g); return; }
  for (let s = 0; s < 8; s++) {
    if (e.ctrl[s] !== g.ctrl[s]) differ(`${where} ctrl[${s}]`, e.ctrl[s], g.ctrl[s]);
    const se = e.s[s] ?? {};
    const sg = g.s[s] ?? {};
    if (e.ctrl[s] < 0x80 && g.ctrl[s] < 0x80) {
      if (keyText(se.k) !== keyText(sg.k)) differ(`${where} slot ${s} k`, se.k, sg.k);
      if (elemValue(se.v) !== elemValue(sg.v)) differ(`${where} slot ${s} v`, se.v, sg.v);
    } else if (stale && e.ctrl[s] >= 0x80 && g.ctrl[s] >= 0x80 && (se.stale ?? '') !== (sg.stale ?? '')) {
      differ(`${where} slot ${s} stale key bytes`, se.stale, sg.stale);
    }
  }
}

function hasStale(rec) {
  const groups = [rec.small, ...(rec.tables ?? []).flatMap((t) => t.groups ?? [])].filter(Boolean);
  return groups.some((g) => (g.s ?? []).some((s) => s && s.stale !== undefined));
}

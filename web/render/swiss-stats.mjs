// The Go 1.26 map's numbers for the stats panel: entries, tables,
// directory, load (entries over slots; Go grows a table at 7/8), tombstones,
// bytes in use and per entry, and the probe lengths (groups read to reach
// each live key, compare/compare-figures.mjs). Read from the session's
// state (every table's header, groups where read) and from the hashes the
// core reported for the keys; a big map (tables read without their groups)
// gets every figure but the probe lengths. DOM-free, for node tests.
import { swissFigures } from '../compare/compare-figures.mjs';
import { CTRL_DELETED, GROUP_SLOTS } from './swiss-model.mjs';

/**
 * The part of SwissGoMap.state() the numbers are read from; swissStatsOfModel gives
 * the same fields from a model. A big map's tables come with a summary and no groups.
 * @typedef {{ ctrl: number[], s: object[] }} StatsGroup
 * @typedef {{ header: { count?: number, heapUsed?: number },
 *   swiss?: { count?: number, dirLen?: number, globalDepth?: number, heapUsed?: number, small?: StatsGroup,
 *     tables?: { capacity: number, tombstones?: number, summary?: object, groups: StatsGroup[] }[] } }} StatsState
 */

/**
 * @param {StatsState} state SwissGoMap.state() (with or without summaries)
 * @param {(key: string) => string | undefined} hashOf the key's hash (16 hex digits), as the core reported it
 */
export function swissStats(state, hashOf) {
  const sw = state.swiss ?? {};
  const tables = sw.tables ?? [];
  const summarized = tables.some((t) => t.summary);
  let capacity = sw.small ? GROUP_SLOTS : 0;
  let tombstones = 0;
  for (const t of tables) {
    capacity += t.capacity;
    tombstones += t.tombstones ?? 0;
  }
  if (sw.small) tombstones += sw.small.ctrl.filter((c) => c === CTRL_DELETED).length;
  const count = state.header.count ?? sw.count ?? 0;
  const bytes = sw.heapUsed ?? state.header.heapUsed ?? 0;
  const probe = summarized ? null : swissFigures(state, hashOf).probe;
  return {
    count,
    tables: tables.length,
    dirLen: sw.dirLen ?? 0,
    globalDepth: sw.globalDepth ?? 0,
    capacity,
    loadFactor: capacity ? count / capacity : 0,
    tombstones,
    bytes,
    bytesPerEntry: count ? bytes / count : null,
    probe,               // null: not every key's hash is known, or a big map read in summary
    probeWhy: summarized ? 'a map this big is read table by table without its groups' : probe ? '' : 'some keys were set without a reported hash',
  };
}

/**
 * The same numbers from the picture's model (swissModelOf()), which the
 * step has read already: no second state() per step.
 */
export function swissStatsOfModel(model, hashOf) {
  const group = (g) => ({ ctrl: g.ctrl, s: g.slots.map((s) => (s.state === 'full' ? { k: s.key } : {})) });
  const hd = model.header;
  const swiss = hd.created ? {
    count: hd.count, dirLen: hd.dirLen, globalDepth: hd.globalDepth, heapUsed: hd.heapUsed,
    small: model.small ? group(model.small) : undefined,
    // A table read as a window of its groups counts as summarized: not every key is there.
    tables: model.tables.map((t) => ({ capacity: t.capacity, tombstones: t.tombstones, summary: t.summary || !!t.window, groups: t.groups.map(group) })),
  } : undefined;
  return swissStats({ header: { count: hd.count }, swiss }, hashOf);
}

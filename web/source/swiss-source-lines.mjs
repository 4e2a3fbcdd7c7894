// Which line of Go 1.26's internal/runtime/maps a Swiss-map micro-step is:
// the function the narration names (player/swiss-narration.mjs
// swissFunction: it knows the compiled variant and the small map) and the
// trace event's kind give the line, by a piece of its text (the first line
// holding one of the pieces). DOM-free, so node tests hold every anchor to
// the data (maps-go-1.26.mjs, written from Go's source by a script).
import { FUNCTIONS } from './maps-go-1.26.mjs';
import { swissFunction } from '../player/swiss-narration.mjs';

// The compiled entry points share their shape; the key comparison and the
// key store are the variant's own.
const KEY_EQUAL = ['if typ.Key.Equal(key, slotKey) {', 'if key == *(*uint64)(slotKey) {', 'if key == *(*uint32)(slotKey) {', 'if key == *(*string)(slotKey) {'];
const ASSIGN = {
  hash: 'hash := typ.Hasher(',
  dirEntry: 't := m.directoryAt(idx)',
  probeGroup: 'match := g.ctrls().matchH2(h2Hash)',
  compareKey: KEY_EQUAL,
  found: 'break outer',
  rememberTombstone: 'firstDeletedGroup = g',
  chooseSlot: 'if firstDeletedGroup.data != nil {',
  storeEntry: 'g.ctrls().set(i, ctrl(h2Hash))',
};
// Keys that may compare equal with other bytes (strings, floats) are
// rewritten on update; fast32/fast64 keys never are.
const ASSIGN_UPDATING = { ...ASSIGN, updateKey: ['typedmemmove(typ.Key, slotKey, key)', '*(*string)(slotKey) = key'] };
// A lookup's table probe comes after its small-map code: its lines are
// looked for below the one that splits off h2.
const PROBE = 'h2Hash := h2(hash)';
const ACCESS = {
  hash: 'hash := typ.Hasher(',
  dirEntry: 't := m.directoryAt(idx)',
  probeGroup: 'match := g.ctrls().matchH2(h2Hash)',
  compareKey: { after: PROBE, text: KEY_EQUAL.map((k) => k.replace('{', '')) },
  found: { after: PROBE, text: ['return slotElem, true', 'return elem, true'] },
  notFound: { text: 'return unsafe.Pointer(&zeroVal[0]), false', last: true },
};
// A small map of 4- or 8-byte keys is searched inline, without hashing.
const ACCESS_FIXED = {
  ...ACCESS,
  skipHash: 'full := g.ctrls().matchFull()',
};
const ACCESS_FIXED_SMALL = {
  skipHash: 'full := g.ctrls().matchFull()',
  compareKey: 'full.lowestSet()',
  found: 'return slotElem, true',
  notFound: { after: 'full := g.ctrls().matchFull()', text: 'return unsafe.Pointer(&zeroVal[0]), false' },
};
const SMALL_PUT = {
  probeGroup: 'match := g.ctrls().matchH2(h2(hash))',
  compareKey: KEY_EQUAL,
  found: 'return slotElem',
  updateKey: ['*(*string)(slotKey) = key', 'typedmemmove(typ.Key, slotKey, key)'],
  chooseSlot: 'i := match.first()',
  storeEntry: 'g.ctrls().set(i, ctrl(h2(hash)))',
};
const { updateKey: _, ...SMALL_PUT_FIXED } = SMALL_PUT;

// Where a small map's steps take other lines of the same function.
export const SMALL_ANCHORS = {
  runtime_mapaccess2_fast32: ACCESS_FIXED_SMALL,
  runtime_mapaccess2_fast64: ACCESS_FIXED_SMALL,
};

export const ANCHORS = {
  'maps.NewMap': { reseed: 'm.seed = uintptr(rand())', growToSmall: 'm.dirPtr = ', installTable: 'directory[i] = newTable(' },
  runtime_mapassign: ASSIGN_UPDATING,
  runtime_mapassign_fast32: ASSIGN,
  runtime_mapassign_fast64: ASSIGN,
  runtime_mapassign_faststr: ASSIGN_UPDATING,
  runtime_mapaccess2: ACCESS,
  runtime_mapaccess2_fast32: ACCESS_FIXED,
  runtime_mapaccess2_fast64: ACCESS_FIXED,
  runtime_mapaccess2_faststr: ACCESS,
  'Map.putSlotSmall': SMALL_PUT,
  'Map.putSlotSmallFast32': SMALL_PUT_FIXED,
  'Map.putSlotSmallFast64': SMALL_PUT_FIXED,
  'Map.putSlotSmallFastStr': SMALL_PUT,
  'Map.getWithKeySmall': {
    probeGroup: 'match := g.ctrls().matchH2(h2(hash))',
    compareKey: 'if typ.Key.Equal(key, slotKey) {',
    found: 'return slotKey, slotElem, true',
    notFound: 'return nil, nil, false',
  },
  'Map.getWithoutKeySmallFastStr': {
    skipHash: 'longStringQuickEqualityTest(key',
    hash: 'hash := typ.Hasher(',
    probeGroup: 'if uint8(ctrls) == h2 && key == *(*string)(slotKey) {',
    compareKey: 'if uint8(ctrls) == h2 && key == *(*string)(slotKey) {',
    found: { text: 'return unsafe.Pointer(uintptr(slotKey) + 2*goarch.PtrSize)', last: true },
    notFound: { text: 'return nil', last: true },
  },
  'Map.growToSmall': { growToSmall: 'grp := newGroups(typ, 1)' },
  'Map.growToTable': { growToTable: 'tab := newTable(', hash: 'hash := typ.Hasher(key, m.seed)', installTable: 'directory[0] = tab' },
  'table.uncheckedPutSlot': { probeGroup: 'match := g.ctrls().matchEmptyOrDeleted()', moveEntry: 'g.ctrls().set(i, ctrl(h2(hash)))', storeEntry: 'g.ctrls().set(i, ctrl(h2(hash)))' },
  'table.pruneTombstones': {
    pruneStart: 'if t.tombstones()*10 < t.capacity {',
    hash: 'hash := typ.Hasher(key, m.seed)',
    pruneResult: 'g.ctrls().set(k, ctrlEmpty)',
  },
  'table.rehash': { rehash: 'newCapacity := 2 * t.capacity' },
  'table.grow': { rehash: 'newTable := newTable(', hash: 'hash := typ.Hasher(key, m.seed)', moveEntry: 'newTable.uncheckedPutSlot(', installTable: 'm.replaceTable(newTable)' },
  'table.split': { rehash: 'left := newTable(', hash: 'hash := typ.Hasher(key, m.seed)', moveEntry: 'newTable.uncheckedPutSlot(', installTable: 'm.installTableSplit(t, left, right)' },
  'Map.installTableSplit': { directoryDouble: 'newDir := make([]*table, m.dirLen*2)', installTable: 'm.replaceTable(left)' },
  'Map.Delete': {
    hash: 'hash := typ.Hasher(key, m.seed)',
    dirEntry: 'idx := m.directoryIndex(hash)',
    reseed: 'm.seed = uintptr(rand())',
    notFound: 'if m == nil || m.Used() == 0 {',
  },
  'Map.deleteSmall': {
    probeGroup: 'match := g.ctrls().matchH2(h2(hash))',
    compareKey: 'if typ.Key.Equal(key, slotKey) {',
    found: 'm.used--',
    deleteEmpty: 'g.ctrls().set(i, ctrlEmpty)',
    notFound: { text: '}', last: true },
  },
  'table.Delete': {
    probeGroup: 'match := g.ctrls().matchH2(h2Hash)',
    compareKey: 'if typ.Key.Equal(key, slotKey) {',
    found: 't.used--',
    deleteEmpty: 'g.ctrls().set(i, ctrlEmpty)',
    deleteTombstone: 'g.ctrls().set(i, ctrlDeleted)',
    notFound: 'return false',
  },
  'Map.Clear': {
    clearMap: 'if m == nil || m.Used() == 0 && !m.tombstonePossible {',
    clearGroup: 'm.clearSmall(typ)',
    reseed: 'm.seed = uintptr(rand())',
  },
  'table.Clear': { clearGroup: 'typedmemclr(typ.Group, g.data)' },
  'Iter.Init': { iterStart: 'it.entryOffset = rand()' },
  'Iter.Next': {
    iterDirShift: 'if it.globalDepth != it.m.globalDepth {',
    iterTable: 'it.tab = newTab',
    iterYield: 'it.key = key',
    iterSkip: 'newKey, newElem, ok := it.grownKeyElem(key, slotIdx)',
    iterEnd: { text: 'it.key = nil', last: true },
  },
};

// A hash (or a move) after the op's growToTable happens inside growToTable.
function insideGrowToTable(frame) {
  const events = frame.events ?? [];
  return events.slice(0, frame.step).some((x) => x.e === 'growToTable');
}

/**
 * The function and line (from 0) of Go 1.26's source for a frame's event;
 * line null when the step has no line of its own there (the function is
 * shown without one), fn null when the data has no such function.
 * @param {{ event: import('../../wasm/gomap').SwissTraceEvent, events?: import('../../wasm/gomap').SwissTraceEvent[], step?: number, variant?: string }} frame
 * @param {{ small?: boolean }} [where] whether the map is one small group
 * @returns {{ fn: string|null, line: number|null, lines: string[]|null }}
 */
export function swissSourceLine(frame, { small = false } = {}) {
  const e = frame.event;
  let fn = swissFunction(e, { small, variant: frame.variant });
  if (e.e === 'hash' && e.fn === 'PutSlot' && insideGrowToTable(frame)) fn = 'Map.growToTable';
  const lines = FUNCTIONS[fn];
  if (!lines) return { fn: null, line: null, lines: null };
  const anchor = (small ? SMALL_ANCHORS[fn]?.[e.e] : null) ?? ANCHORS[fn]?.[e.e];
  if (!anchor) return { fn, line: null, lines };
  return { fn, line: findAnchor(lines, anchor), lines };
}

/**
 * The line (from 0) an anchor names: a piece of text (or several, any of
 * them), the first line holding it, or the last with `last`, or the first
 * below the line holding `after`; null when there is none.
 */
export function findAnchor(lines, anchor) {
  const { text, last = false, after = null } = typeof anchor === 'string' || Array.isArray(anchor) ? { text: anchor } : anchor;
  const pieces = Array.isArray(text) ? text : [text];
  const has = (l) => pieces.some((p) => l.includes(p));
  const from = after === null ? 0 : lines.findIndex((l) => l.includes(after)) + 1;
  if (from < 0 || (after !== null && from === 0)) return null;
  const i = last ? lines.findLastIndex(has) : lines.findIndex((l, k) => k >= from && has(l));
  return i < 0 || i < from ? null : i;
}

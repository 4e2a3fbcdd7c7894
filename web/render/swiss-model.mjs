// What the Swiss-table picture shows for one moment, read from the
// session's bytes (SwissGoMap.state(): the contract's dump plus addresses)
// and the moment's trace event. DOM-free, so node tests compare it with the
// dump. The control byte's meaning is Go 1.26's (docs/go-map-swiss-1.26.md):
// 0x80 empty, 0xFE deleted (a tombstone), 0x00-0x7F the h2 of a full slot;
// the bytes and the group's size are the core's (web/share/core-schema.mjs).
import { SCHEMA } from '../share/core-schema.mjs';

export const CTRL_EMPTY = SCHEMA.swiss.ctrlEmpty;
export const CTRL_DELETED = SCHEMA.swiss.ctrlDeleted;
export const GROUP_SLOTS = SCHEMA.swiss.groupSlots;
// A table's groups are drawn one by one while all the tables together have
// at most this many; past it, only the tables a step is about are drawn in
// full and the others as one line each.
export const MAX_DRAWN_GROUPS = 256;

/** @returns {'empty'|'deleted'|'full'} */
export function ctrlState(byte) {
  if (byte === CTRL_EMPTY) return 'empty';
  if (byte === CTRL_DELETED) return 'deleted';
  return byte & 0x80 ? 'empty' : 'full';
}

export const hex2 = (b) => b.toString(16).padStart(2, '0');

function groupModel(g, index) {
  const slots = g.s.map((s, i) => {
    const state = ctrlState(g.ctrl[i]);
    if (state === 'full') return { slot: i, state, ctrl: g.ctrl[i], key: String(s.k), value: String(s.v) };
    return {
      slot: i,
      state,
      ctrl: g.ctrl[i],
      stale: 'stale' in s ? String(s.stale) : null,
      staleValue: 'staleV' in s ? String(s.staleV) : null,
    };
  });
  return { addr: g.addr, index, ctrl: g.ctrl.slice(), slots };
}

function tableModel(t, pos, role) {
  return {
    pos,
    role,  // 'live' (in the directory), 'new' (being filled by a grow), 'old' (replaced)
    addr: t.addr,
    groupsAddr: t.groupsAddr,
    index: t.index,
    localDepth: t.localDepth,
    capacity: t.capacity,
    used: t.used,
    growthLeft: t.growthLeft,
    tombstones: t.tombstones,
    groupCount: t.groupCount ?? t.groups.length,
    summary: !!t.summary,  // read without its groups (a big map; see readSwissModel)
    // Read as a window of its groups (readSwissModel): groups [from, to) and
    // those the step marks, each knowing its index; null: all of them.
    window: t.window ?? null,
    groups: t.groups.map((g, i) => groupModel(g, g.index ?? i)),
    entries: [],
  };
}

/** @typedef {ReturnType<typeof swissModelOf>} SwissModel */

/**
 * The model of the Swiss map at the moment the session holds.
 * @param {{ header: import('../../wasm/gomap').SwissHeader, swiss?: import('../../wasm/gomap').SwissDump }} state SwissGoMap.state()
 * @param {{ phase?: string, events?: import('../../wasm/gomap').SwissTraceEvent[] }} [frame] detached tables (a grow's new table, the
 *   replaced one) are shown only inside an operation's micro-steps
 */
export function swissModelOf(state, frame = {}) {
  const { header, swiss } = state;
  const model = { swiss: true, density: 'full', header: { ...header }, small: null, directory: [], tables: [], detached: [] };
  if (!swiss) return model;
  Object.assign(model.header, {
    count: swiss.count, seed: swiss.seed, dirLen: swiss.dirLen, globalDepth: swiss.globalDepth,
    globalShift: swiss.globalShift, tombstonePossible: swiss.tombstonePossible, clearSeq: swiss.clearSeq,
    map: swiss.map, dirPtr: swiss.dirPtr, heapUsed: swiss.heapUsed,
  });
  if (swiss.small) model.small = groupModel(swiss.small, 0);
  model.tables = (swiss.tables ?? []).map((t, i) => tableModel(t, i, 'live'));
  (swiss.directory ?? []).forEach((pos, i) => {
    model.tables[pos].entries.push(i);
    model.directory.push({ index: i, table: pos });
  });
  for (const e of model.directory) {
    const t = model.tables[e.table];
    e.shared = t.entries.length > 1;
    e.first = t.entries[0] === e.index;
    e.localDepth = t.localDepth;
  }
  if (frame.phase === 'event') {
    // The table a rehash replaces is the old one; a split's two new tables
    // also have index -1 until they are installed, so the events decide.
    const replaced = new Set((frame.events ?? []).filter((e) => e.e === 'rehash').map((e) => e.table));
    model.detached = (swiss.detached ?? []).map((t, i) => tableModel(t, model.tables.length + i, replaced.has(t.addr) ? 'old' : 'new'));
  }
  return model;
}

/**
 * The addresses a moment is about (tables, groups): a big map's state is
 * read with groups only for the tables holding them.
 */
export function nearAddresses(frame) {
  const out = new Set();
  const e = frame?.event;
  const events = frame?.events ?? [];
  const add = (x) => {
    if (x.table) out.add(x.table);
    if (x.groupAddr) out.add(x.groupAddr);
  };
  if (e) {
    add(e);
    // A step without a place (a hash, a reseed) is about the places around it.
    if (!out.size) {
      const before = events.slice(0, frame.step).findLast((x) => x.table || x.groupAddr);
      const after = events.slice(frame.step + 1).find((x) => x.table || x.groupAddr);
      for (const x of [before, after]) if (x) add(x);
    }
  } else {
    for (const x of events.slice(-8)) add(x);
  }
  // A move's source: the table the last rehash before it names.
  if (e && events.slice(0, frame.step + 1).some((x) => x.e === 'rehash')) {
    for (let i = frame.step; i >= 0; i--) {
      if (events[i].e === 'rehash') {
        out.add(events[i].table);
        break;
      }
    }
  }
  return [...out];
}

/**
 * Reads the session into a model.
 * @param {import('../../wasm/gomap').SwissGoMap} map
 * @param {{ phase?: string, events?: import('../../wasm/gomap').SwissTraceEvent[] }} frame the player's frame
 * @param {string[]} [open] more table addresses to read with their groups
 *   (a table opened from a big map's overview)
 * @param {{ windowOf?: (addr: string) => { from: number, pinned: boolean }, dense?: boolean }} [options]
 *   windowOf: the view's window of a table (render/swiss-view.mjs). Given,
 *   a table of more than GROUP_WINDOW groups is read as the window the view
 *   draws of it (groupWindow), not whole, when the map is too big to be
 *   read whole or the view draws every table dense (compare mode); a map
 *   read whole keeps every group for the figures that need them all.
 */
export function readSwissModel(map, frame, open = [], { windowOf = null, dense = false } = {}) {
  const near = [...nearAddresses(frame), ...open];
  const whole = () => swissModelOf(map.state({ near, maxGroups: MAX_DRAWN_GROUPS }), frame);
  // (A module built before groups() existed is read whole.)
  if (!windowOf || typeof map.groups !== 'function') return whole();
  // The header and every table's fields once, no groups yet.
  const state = map.state({ near, maxGroups: MAX_DRAWN_GROUPS, groups: false });
  const sw = state.swiss;
  // The tables read here get their window (tableModel reads it) and their groups' indexes.
  /** @type {(import('../../wasm/gomap').SwissTable & { window?: { from: number, to: number } })[]} */
  const read = [...(sw?.tables ?? []), ...(sw?.detached ?? [])].filter((t) => !t.summary);
  if (!read.length) return swissModelOf(state, frame);
  if (!dense && read.length === (sw.tables?.length ?? 0) + (sw.detached?.length ?? 0)) return whole();
  // The step's marks choose the window, found on stand-ins for the groups:
  // their addresses (group i at groupsAddr + i × the group's size), no bytes.
  const size = state.header.type.groupSize;
  const standIn = swissModelOf(state, frame);
  for (const t of allTables(standIn)) {
    if (t.summary) continue;
    const base = parseInt(t.groupsAddr, 16);
    t.groups = Array.from({ length: t.groupCount }, (_, i) => ({ addr: (base + i * size).toString(16), index: i, ctrl: STAND_IN_CTRL, slots: STAND_IN_SLOTS }));
  }
  const marks = swissMarks(frame, standIn);
  for (const t of read) {
    const drawn = allTables(standIn).find((x) => x.addr === t.addr);
    if (!drawn) {
      t.groups = []; // a table off the directory at an operation's end: not drawn
      continue;
    }
    const win = t.groupCount > GROUP_WINDOW ? standInWindow(drawn, marks, windowOf(t.addr)) : null;
    // In table order, as a table read whole lists them.
    const ranges = win ? [[win.from, win.to], ...win.extra.map((g) => [g, g + 1])].sort((a, b) => a[0] - b[0]) : [[0, t.groupCount]];
    t.groups = ranges.flatMap(([from, to]) => {
      const groups = map.groups(t.addr, from, to - from);
      if (!Array.isArray(groups)) throw new Error(groups.error);
      return groups.map((g, k) => ({ ...g, index: from + k }));
    });
    if (win) t.window = { from: win.from, to: win.to };
  }
  return swissModelOf(state, frame);
}

const STAND_IN_CTRL = Object.freeze(Array(GROUP_SLOTS).fill(CTRL_EMPTY));
const STAND_IN_SLOTS = Object.freeze(Array.from({ length: GROUP_SLOTS }, (_, slot) =>
  Object.freeze({ slot, state: 'empty', ctrl: CTRL_EMPTY, stale: null, staleValue: null })));

// The window the view draws of a table (groupWindow on the stand-ins): its
// range, and the marked groups outside it, by index.
function standInWindow(table, marks, { from = 0, pinned = false } = {}) {
  const win = groupWindow(table, marks, from, { pinned });
  return { from: win.from, to: win.to, extra: win.groups.map((g) => g.index).filter((g) => g < win.from || g >= win.to) };
}

/** The position in model.tables of the live table the step is about, or null. */
export function focusTablePos(model, marks) {
  const f = marks.focus;
  if (!f) return null;
  let pos = -1;
  if (f.table) pos = model.tables.findIndex((t) => t.addr === f.table);
  else if (f.group) pos = model.tables.findIndex((t) => t.groups.some((g) => g.addr === f.group));
  else if (f.dir !== undefined && model.directory[f.dir]) pos = model.directory[f.dir].table;
  return pos >= 0 ? pos : null;
}

/** Every table drawn: those in the directory, then those off it. */
export function allTables(model) {
  return [...model.tables, ...model.detached];
}

/** The table or small group a group address belongs to. */
export function findGroup(model, addr) {
  if (!addr) return null;
  if (model.small?.addr === addr) return { table: null, group: model.small };
  for (const t of allTables(model)) {
    const g = t.groups.find((x) => x.addr === addr);
    if (g) return { table: t, group: g };
  }
  return null;
}

export function tableByAddr(model, addr) {
  return allTables(model).find((t) => t.addr === addr) ?? null;
}

/** "table T1, group 3" / "the small map's group", for words. */
export function describeGroup(model, addr) {
  const f = findGroup(model, addr);
  if (!f) return 'a group';
  if (!f.table) return "the small map's group";
  return `${tableName(f.table)}, group ${f.group.index}`;
}

export function tableName(t) {
  if (t.role === 'new') return `the new table (T${t.pos})`;
  if (t.role === 'old') return `the replaced table (T${t.pos})`;
  return `table T${t.pos}`;
}

// The old table (or the small group) a grow, split or the 9th insert is
// moving entries out of: named by the last rehash or growToTable before step k.
function moveSource(events, k, model) {
  for (let i = k; i >= 0; i--) {
    const e = events[i];
    if (e.e === 'rehash') return { table: tableByAddr(model, e.table) };
    if (e.e === 'growToTable') return { small: true };
  }
  return {};
}

// Group i of a table (read whole, or as a window that holds it).
function groupAt(table, i) {
  if (!table) return undefined;
  const g = table.groups[i];
  return g?.index === i ? g : table.groups.find((x) => x.index === i);
}

/** Where a moveEntry event's entry came from and goes to (group addresses). */
export function moveEnds(model, events, k) {
  const e = events[k];
  const src = moveSource(events, k, model);
  const fromGroup = src.small ? model.small : groupAt(src.table, e.fromGroup);
  const dest = groupAt(tableByAddr(model, e.table), e.destGroup);
  return { from: fromGroup ? { addr: fromGroup.addr, slot: e.fromSlot } : null, to: dest ? { addr: dest.addr, slot: e.destSlot } : null };
}

// Events about one slot of one group: the class the slot is drawn with (the group is kept in view).
const SLOT_EVENT_CLASS = new Map([
  ['found', 'sw-found'], ['updateKey', 'sw-found'], ['rememberTombstone', 'sw-tomb'], ['chooseSlot', 'sw-chosen'],
  ['storeEntry', 'sw-write'], ['deleteEmpty', 'sw-freed'], ['deleteTombstone', 'sw-tomb'], ['iterYield', 'sw-iter'],
  ['iterSkip', 'sw-compare'],
]);
// Events about a whole group: the class the group is drawn with.
const GROUP_EVENT_CLASS = new Map([['skipHash', 'sw-probe'], ['growToSmall', 'sw-new'], ['clearGroup', 'sw-cleared']]);

/**
 * What the step marks: classes per slot (`addr:slot`), per group, per table
 * and per directory entry, and the one place to keep in view (focus).
 * @returns {{ slots: Map<string,string[]>, groups: Map<string,string[]>, tables: Map<string,string[]>,
 *   dir: Map<number,string[]>, focus: { group?: string, slot?: number, table?: string, dir?: number } | null }}
 */
export function swissMarks(frame, model) {
  const marks = { slots: new Map(), groups: new Map(), tables: new Map(), dir: new Map(), focus: null };
  const add = (map, key, cls) => {
    if (key === undefined || key === null) return;
    const list = map.get(key) ?? [];
    if (!list.includes(cls)) list.push(cls);
    map.set(key, list);
  };
  const slot = (addr, s, cls) => add(marks.slots, `${addr}:${s}`, cls);
  const e = frame?.event;
  if (!e) {
    // At an operation's end: the slot its last write or find touched.
    const last = [...(frame?.events ?? [])].reverse().find((x) => ['storeEntry', 'found', 'deleteEmpty', 'deleteTombstone'].includes(x.e));
    if (last && findGroup(model, last.groupAddr)) {
      slot(last.groupAddr, last.slot, 'sw-result');
      marks.focus = { group: last.groupAddr, slot: last.slot };
    }
    return marks;
  }
  const focusGroup = (addr, s) => {
    marks.focus = { group: addr, slot: s };
  };
  const slotClass = SLOT_EVENT_CLASS.get(e.e);
  if (slotClass) {
    slot(e.groupAddr, e.slot, slotClass);
    focusGroup(e.groupAddr, e.slot);
    return marks;
  }
  const groupClass = GROUP_EVENT_CLASS.get(e.e);
  if (groupClass) {
    add(marks.groups, e.groupAddr, groupClass);
    focusGroup(e.groupAddr);
    return marks;
  }
  switch (e.e) {
    case 'hash':
      break;
    case 'dirEntry':
    case 'iterTable':
      add(marks.dir, e.dirIndex, 'sw-dir');
      add(marks.tables, e.table, 'sw-table');
      marks.focus = { table: e.table, dir: e.dirIndex };
      break;
    case 'probeGroup':
      add(marks.groups, e.groupAddr, 'sw-probe');
      for (const s of e.matchH2Slots) slot(e.groupAddr, s, 'sw-match');
      for (const s of e.matchEmptySlots) slot(e.groupAddr, s, 'sw-stop');
      focusGroup(e.groupAddr);
      break;
    case 'compareKey':
      add(marks.groups, e.groupAddr, 'sw-probe');
      slot(e.groupAddr, e.slot, e.equal ? 'sw-found' : 'sw-compare');
      focusGroup(e.groupAddr, e.slot);
      break;
    case 'notFound':
      add(marks.groups, e.groupAddr, 'sw-probe');
      for (let s = 0; s < GROUP_SLOTS; s++) {
        const g = findGroup(model, e.groupAddr)?.group;
        if (g && g.slots[s].state === 'empty') slot(e.groupAddr, s, 'sw-stop');
      }
      focusGroup(e.groupAddr);
      break;
    case 'growToTable':
    case 'pruneStart':
    case 'pruneResult':
    case 'rehash':
    case 'installTable':
      add(marks.tables, e.table, e.e === 'growToTable' || e.e === 'installTable' ? 'sw-new' : 'sw-table');
      if (e.e === 'installTable') for (let i = e.dirIndex; i < e.dirIndex + e.entries; i++) add(marks.dir, i, 'sw-dir');
      marks.focus = { table: e.table, dir: e.e === 'installTable' ? e.dirIndex : undefined };
      break;
    case 'moveEntry': {
      const { from, to } = moveEnds(model, frame.events, frame.step);
      if (from) slot(from.addr, from.slot, 'sw-move-src');
      if (to) {
        slot(to.addr, to.slot, e.side === 'right' ? 'sw-move-right' : e.side === 'left' ? 'sw-move-left' : 'sw-move-dst');
        focusGroup(to.addr, to.slot);
      }
      break;
    }
    case 'directoryDouble':
      for (let i = 0; i < e.dirLen; i++) add(marks.dir, i, 'sw-dir');
      marks.focus = { dir: 0 };
      break;
    default:
      break;
  }
  return marks;
}

/**
 * Which tables are drawn group by group: all of them while the map is
 * small enough, else those a step marks (and the one its focus is in).
 */
export function tablesInFull(model, marks) {
  const tables = allTables(model).filter((t) => !t.summary);
  const total = tables.reduce((n, t) => n + t.groupCount, 0);
  if (total <= MAX_DRAWN_GROUPS) return new Set(tables.map((t) => t.addr));
  const full = new Set();
  for (const t of tables) {
    if (marks.tables.has(t.addr)) full.add(t.addr);
    if (marks.focus?.group && t.groups.some((g) => g.addr === marks.focus.group)) full.add(t.addr);
    for (const g of t.groups) if (marks.groups.has(g.addr)) full.add(t.addr);
  }
  return full;
}

// A big map's table opened from its overview draws this many of its groups
// (a 1024-slot table has 128): a screenful, not a few thousand nodes.
export const GROUP_WINDOW = 16;

/**
 * The groups of a table to draw when the map is zoomed out: a window of
 * GROUP_WINDOW consecutive groups (the one holding the step's focus, or
 * the one asked for), plus every other group the step marks.
 * @param {ReturnType<typeof tableModel>} table a tableModel with its groups
 * @param {ReturnType<typeof swissMarks>} marks
 * @param {number} [from] the window's first group when the step names none here
 * @param {{ pinned?: boolean }} [options] pinned: keep `from` even when the
 *   step names a group (the reader paged the window away from it)
 * @returns {{ from: number, to: number, groups: ReturnType<typeof tableModel>['groups'], above: number, below: number }}
 *   to: exclusive; above / below: groups left out before and after the window
 */
export function groupWindow(table, marks, from = 0, { pinned = false } = {}) {
  const n = table.groupCount;
  const slotGroups = new Set([...marks.slots.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))));
  const marked = (g) => marks.groups.has(g.addr) || marks.focus?.group === g.addr || slotGroups.has(g.addr);
  // By index: a table read as a window has only some of its groups.
  const first = (table.groups.find((g) => g.addr === marks.focus?.group) ?? table.groups.find(marked))?.index ?? -1;
  let start = first >= 0 && !pinned ? first - (first % GROUP_WINDOW) : from;
  start = Math.max(0, Math.min(Math.max(0, n - GROUP_WINDOW), start));
  const to = Math.min(n, start + GROUP_WINDOW);
  const groups = table.groups.filter((g) => (g.index >= start && g.index < to) || marked(g));
  return { from: start, to, groups, ...hiddenAround(table, groups, start, to) };
}

// The groups a window leaves out, before its first group and after its
// last (a marked group drawn outside the window is not counted): drawn +
// above + below is the table's group count.
function hiddenAround(table, drawn, from, to) {
  const before = drawn.filter((g) => g.index < from).length;
  const after = drawn.filter((g) => g.index >= to).length;
  return { above: from - before, below: table.groupCount - to - after };
}

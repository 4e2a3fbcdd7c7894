// Words for a Go 1.26 (Swiss table) moment: each micro-step's sentence with
// the internal/runtime/maps function it happens in, the step counter, and
// which hash the hash panel explains. DOM-free; reads the player's frame
// (trace events with named fields, wasm/README.md) and the drawn model
// (render/swiss-model.mjs), so the words name what the picture shows.
import { tokenize } from './scenario-text.mjs';
import { operationCounter } from '../share/step.mjs';
import { describeGroup, tableByAddr, tableName, moveEnds, findGroup, hex2, CTRL_EMPTY, CTRL_DELETED, GROUP_SLOTS } from '../render/swiss-model.mjs';
import { SCHEMA } from '../share/core-schema.mjs';

// The core's bytes and sizes as the sentences write them.
const EMPTY = `0x${hex2(CTRL_EMPTY).toUpperCase()}`;
const TOMBSTONE = `0x${hex2(CTRL_DELETED).toUpperCase()}`;
const MAX_TABLE = SCHEMA.swiss.maxTableCapacity.toLocaleString('en-US');

const slotWord = (n) => `${n} slot${n === 1 ? '' : 's'}`;

/**
 * The function a step happens in, as Go 1.26 names it. The trace says which
 * operation; the compiled variant of the key type (generic, fast32, fast64,
 * faststr) picks the runtime entry point a compiled `m[k]` or `m[k] = v`
 * calls (each holds the table's probe loop itself); whether the map is
 * still one small group picks the small-map helper.
 */
export function swissFunction(e, { small = false, variant = 'generic' } = {}) {
  const fast = variant === 'fast32' || variant === 'fast64' || variant === 'faststr' ? variant : null;
  switch (e.fn) {
    case 'NewMap': return 'maps.NewMap';
    case 'getWithKey':
      // A small map's string lookup hashes (long keys only) in its helper.
      if (small && fast === 'faststr') return 'Map.getWithoutKeySmallFastStr';
      if (small && !fast && e.e !== 'hash') return 'Map.getWithKeySmall';
      return fast ? `runtime_mapaccess2_${fast}` : 'runtime_mapaccess2';
    case 'PutSlot':
      if (e.e === 'growToSmall') return 'Map.growToSmall';
      if (e.e === 'growToTable') return 'Map.growToTable';
      if (small && e.e !== 'hash') return `Map.putSlotSmall${SMALL_SUFFIX[fast] ?? ''}`;
      return fast ? `runtime_mapassign_${fast}` : 'runtime_mapassign';
    case 'uncheckedPutSlot': return 'table.uncheckedPutSlot';
    case 'pruneTombstones': return 'table.pruneTombstones';
    case 'rehash': return 'table.rehash';
    case 'grow': return 'table.grow';
    case 'split': return 'table.split';
    case 'installTableSplit': return 'Map.installTableSplit';
    case 'Delete':
      if (e.e === 'hash' || e.e === 'dirEntry' || e.e === 'reseed') return 'Map.Delete';
      return small ? 'Map.deleteSmall' : 'table.Delete';
    case 'Clear': return e.e === 'clearGroup' && !small ? 'table.Clear' : 'Map.Clear';
    case 'Iter.Init': return 'Iter.Init';
    case 'Iter.Next': return 'Iter.Next';
    default: return e.fn;
  }
}

const SMALL_SUFFIX = { fast32: 'Fast32', fast64: 'Fast64', faststr: 'FastStr' };

/**
 * A 64-bit hash split as Go 1.26 uses it.
 * @param {string} hashHex 16 hex digits
 * @param {{ globalDepth?: number, groups?: number|null }} [where] the directory's depth and the groups of the key's table
 */
export function swissHashParts(hashHex, { globalDepth = 0, groups = null } = {}) {
  const hash = BigInt('0x' + hashHex);
  const h1 = hash >> 7n;
  const h2 = Number(hash & 0x7fn);
  const dirIndex = globalDepth > 0 ? Number(hash >> BigInt(64 - globalDepth)) : 0;
  const probeStart = groups ? Number(h1 & BigInt(groups - 1)) : null;
  const bits = hash.toString(2).padStart(64, '0');
  return {
    hash: hashHex.padStart(16, '0'),
    h1: h1.toString(16).padStart(15, '0'),
    h2,
    dirIndex,
    probeStart,
    groupBits: groups ? Math.log2(groups) : 0,
    globalDepth,
    bits,
  };
}

function keyOfCommand(command) {
  const t = tokenize(command);
  return ['set', 'del', 'get'].includes(t[0]) ? t[1] : null;
}

// The key a hash event hashed: the op's outcome names every key it hashed.
function keyForHash(outcome, hashHex) {
  for (const [k, v] of Object.entries(outcome?.hashes ?? {})) if (v === hashHex) return k;
  return null;
}

/** One micro-step in words. ctx: { model, events, step, op, key } */
export function narrateSwissEvent(e, ctx) {
  const { model } = ctx;
  const small = !!model.small && !model.tables.length;
  const fn = swissFunction(e, { small, variant: model.header?.type?.variant });
  const at = (addr, slot) => `${describeGroup(model, addr)}${slot === undefined ? '' : `, slot ${slot}`}`;
  const key = ctx.key !== null && ctx.key !== undefined ? `key ${ctx.key}` : 'the key';
  let text;
  // Sentences may start with the key's name: "Key 3 …", "The key …".
  const cap = (t) => (t.startsWith('the key') ? `The key${t.slice(7)}` : t.startsWith('key ') ? `Key ${t.slice(4)}` : t);
  switch (e.e) {
    case 'hash': {
      const k = keyForHash(ctx.op.outcome, e.hash) ?? ctx.key ?? 'the key';
      const why = ['grow', 'split', 'uncheckedPutSlot'].includes(e.fn) || (e.fn === 'PutSlot' && ctx.rehashing) ? 'to move it' : '';
      text = `hash(${k}) = 0x${e.hash}${e.pinned ? ' (pinned by the scenario)' : ''}${why ? `, ${why}` : ''}. h1 = hash >> 7 picks where probing starts (and its top bits the directory entry); h2 = its low 7 bits, 0x${hex2(e.h2)}, is what the control byte of its slot will hold.`;
      break;
    }
    case 'skipHash':
      text = `A small map with ${e.full ? slotWord(e.full.length) + ' full' : 'its one group'}: the fast path compares the key with each full slot without hashing it.`;
      break;
    case 'dirEntry': {
      const t = tableByAddr(model, e.table);
      const depth = model.header.globalDepth;
      const pick = depth === 0
        ? `The directory has one entry (globalDepth 0), so no hash bits are needed: entry 0 points at ${t ? tableName(t) : 'a table'}`
        : `The top ${depth} bit${depth === 1 ? '' : 's'} of the hash pick directory entry ${e.dirIndex} of ${model.header.dirLen}, which points at ${t ? tableName(t) : 'a table'}`;
      text = `${pick}${t && t.entries.length > 1 ? ` (shared by entries ${t.entries[0]}–${t.entries.at(-1)}: its localDepth ${t.localDepth} is below globalDepth ${model.header.globalDepth})` : ''}.`;
      break;
    }
    case 'probeGroup': {
      const nth = ctx.probeNumber ?? 1;
      const slots = (xs) => (xs.length ? `slot${xs.length === 1 ? '' : 's'} ${xs.join(', ')}` : 'no slot');
      text = `Probe ${nth}: ${at(e.groupAddr)}. matchH2 (control bytes equal to h2): ${slots(e.matchH2Slots)}; matchEmpty: ${slots(e.matchEmptySlots)}${e.matchEmptySlots.length ? ' — an empty slot here means the key cannot be further along, so the probe ends in this group' : ' — no empty slot, so the key may be in a later group'}.`;
      break;
    }
    case 'compareKey': {
      const slot = findGroup(model, e.groupAddr)?.group.slots[e.slot];
      text = `Slot ${e.slot}'s control byte 0x${hex2(e.ctrl)} matches; compare its key${slot?.key !== undefined ? ` ${slot.key}` : ''} with ${key}: ${e.equal ? 'equal' : 'not equal (same h2, another key)'}.`;
      break;
    }
    case 'found':
      text = ctx.op.kind === 'set' ? `${key} is already here (${at(e.groupAddr, e.slot)}): its element is overwritten in place.` : `Found ${key} at ${at(e.groupAddr, e.slot)}.`;
      break;
    case 'updateKey':
      text = `The stored key's bytes are rewritten with the new ones (equal keys can differ in bytes: +0 and -0, or a string's backing array).`;
      break;
    case 'notFound':
      text = `${key} is not in the map: ${at(e.groupAddr)} has an empty slot, so no later group can hold it.`;
      break;
    case 'rememberTombstone':
      text = `Slot ${e.slot} of ${describeGroup(model, e.groupAddr)} is a tombstone (${TOMBSTONE}): remembered as the first free place on the path, used if the key turns out to be new.`;
      break;
    case 'chooseSlot':
      text = e.reusesTombstone
        ? `${key} is new: it takes the tombstone remembered earlier, ${at(e.groupAddr, e.slot)} (growthLeft is not charged: the slot was already counted).`
        : `${key} is new: it takes the first empty slot on its probe path, ${at(e.groupAddr, e.slot)}.`;
      break;
    case 'storeEntry':
      text = `Key and element written to ${at(e.groupAddr, e.slot)}; its control byte becomes h2 = 0x${hex2(e.ctrl)}${small ? '' : `; growthLeft is now ${e.growthLeft}`}.`;
      break;
    case 'growToSmall':
      text = `The first insert allocates the map's one group (${GROUP_SLOTS} slots, control word all ${EMPTY}): a small map, no directory, no table.`;
      break;
    case 'growToTable':
      text = `The small group is full: a table of ${2 * GROUP_SLOTS} slots (2 groups) takes its place; each of the ${GROUP_SLOTS} entries is re-hashed and placed by its own h1.`;
      break;
    case 'pruneStart':
      text = e.attempted
        ? `The table is full counting ${e.tombstones} tombstones (at least 10% of its capacity): pruneTombstones tries to turn tombstones back into empty slots before growing.`
        : `The table is full; its ${e.tombstones} tombstone${e.tombstones === 1 ? ' is' : 's are'} under 10% of its capacity, not worth pruning: it grows.`;
      break;
    case 'pruneResult':
      text = e.freed ? `Pruned ${e.freed} tombstones (those in groups no probe needs to pass): the insert goes on without growing.` : `Nothing worth pruning: the table grows.`;
      break;
    case 'rehash': {
      const t = tableByAddr(model, e.table);
      text = e.how === 'grow'
        ? `${t ? tableName(t) : 'The table'} has no growthLeft: rehash grows it to ${e.newCapacity} slots, all at once (no incremental evacuation as in Go 1.14).`
        : `${t ? tableName(t) : 'The table'} is at the ${MAX_TABLE}-slot maximum: rehash splits it in two by one more bit of the hash (localDepth ${t ? t.localDepth : '?'} → ${t ? t.localDepth + 1 : '?'}).`;
      break;
    }
    case 'moveEntry': {
      const { from, to } = moveEnds(model, ctx.events, ctx.step);
      const moved = to ? findGroup(model, to.addr)?.group.slots[to.slot] : null;
      const what = moved?.key !== undefined ? `Entry ${moved.key}` : 'An entry';
      const side = e.side ? ` — the ${e.side} table, as its split bit is ${e.side === 'right' ? '1' : '0'}` : '';
      text = `${what} moves from ${from ? at(from.addr, from.slot) : `group ${e.fromGroup}, slot ${e.fromSlot}`} into ${to ? at(to.addr, to.slot) : `group ${e.destGroup}, slot ${e.destSlot}`}${side}: the first empty slot on its probe path there (no key compares: it is known to be new).`;
      break;
    }
    case 'directoryDouble':
      text = `The splitting table was as deep as the directory: the directory doubles to ${e.dirLen} entries (globalDepth +1); every other table now fills two entries.`;
      break;
    case 'installTable': {
      const t = tableByAddr(model, e.table);
      text = `${t ? tableName(t) : 'A table'} is installed at directory entr${e.entries === 1 ? 'y' : 'ies'} ${e.dirIndex}${e.entries > 1 ? `–${e.dirIndex + e.entries - 1}` : ''}.`;
      break;
    }
    case 'deleteEmpty':
      text = `${key} deleted from ${at(e.groupAddr, e.slot)}: its group has an empty slot, so no probe passes through it and the control byte goes back to empty (${EMPTY}); growthLeft gets the slot back.`;
      break;
    case 'deleteTombstone':
      text = `${key} deleted from ${at(e.groupAddr, e.slot)}: its group is full, so a probe may need to pass it — the control byte becomes a tombstone (${TOMBSTONE}), not empty. The key's bytes may stay behind (stale).`;
      break;
    case 'reseed':
      text = `The map is empty now: a new seed 0x${e.seed}${e.pinned ? ' (pinned)' : ''}, so the next keys hash differently.`;
      break;
    case 'clearMap':
      text = e.early ? `Nothing to clear: the map is empty and has no tombstones.` : `Clear: every group is reset; clearSeq counts the clears (an iterator started before one stops seeing old entries).`;
      break;
    case 'clearGroup':
      text = e.zeroed ? `${describeGroup(model, e.groupAddr)}: control word and slots zeroed (its key bytes go too).` : `${describeGroup(model, e.groupAddr)}: only the control word is reset to all empty; the slots' bytes stay (stale).`;
      break;
    case 'iterStart':
      text = `range starts at two random 64-bit offsets: entryOffset ${e.entryOffset} (its low bits pick the slot each table's walk starts from) and dirOffset ${e.dirOffset} (its low bits pick the directory entry to start from), so the order differs from run to run.`;
      break;
    case 'iterTable': {
      const t = tableByAddr(model, e.table);
      text = `The iterator moves to directory entry ${e.dirIndex}: ${t ? tableName(t) : 'a table'}.`;
      break;
    }
    case 'iterDirShift':
      text = `The directory doubled ${e.doublings} time${e.doublings === 1 ? '' : 's'} since the loop began: the iterator scales its directory position to keep its place.`;
      break;
    case 'iterYield': {
      const s = findGroup(model, e.groupAddr)?.group.slots[e.slot];
      text = `Yield ${s?.key ?? 'a key'} from ${at(e.groupAddr, e.slot)}${e.relooked ? ' — its table was replaced since the loop began, so the key is looked up again in the map as it is now' : ''}.`;
      break;
    }
    case 'iterSkip':
      text = `Skip ${at(e.groupAddr, e.slot)}: the key was deleted since this table was replaced.`;
      break;
    case 'iterEnd':
      text = 'The loop has visited every slot: iteration ends.';
      break;
    default:
      text = e.e;
  }
  return { fn, text: cap(text) };
}

/** The words for an operation's end. */
export function narrateSwissDone(op, model) {
  const h = model.header;
  const shape = model.small ? 'one small group (no table)' : `${model.tables.length} table${model.tables.length === 1 ? '' : 's'} under a directory of ${h.dirLen}`;
  const r = op.outcome?.result;
  const keys = op.outcome?.keys;
  const tail = `${h.count} entr${h.count === 1 ? 'y' : 'ies'} in ${shape}.`;
  if (op.kind === 'get') return `get → ${r}. ${tail}`;
  if (keys) return `Yielded ${keys.length} key${keys.length === 1 ? '' : 's'}${keys.length ? `: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}` : ''}${r === 'end' ? ' (the loop ended)' : ''}. ${tail}`;
  return `${op.command} done. ${tail}`;
}

/** @returns {{ fn: string|null, text: string, counter: string }} as app/describe.mjs describeFrame */
export function describeSwissFrame(player, frame, model) {
  const typeName = model.header.type.name;
  if (frame.op < 0) {
    return {
      fn: 'maps.NewMap',
      text: player.history.length
        ? `The start: make(${typeName}) in Go 1.26, before any operation. Step forward to replay the history.`
        : `make(${typeName}) in Go 1.26: an empty Swiss-table map (no group yet). Insert a key or fill it — then step through what internal/runtime/maps does.`,
      counter: 'Step 0 · the start',
    };
  }
  const op = player.history.ops[frame.op];
  const counter = operationCounter(op, frame, player.history.length);
  if (frame.phase === 'done') {
    const text = narrateSwissDone(op, model);
    return { fn: null, text: op.tooMany ? `${text} (Too many micro-steps to show one by one.)` : text, counter };
  }
  const events = frame.events;
  const probeNumber = events.slice(0, frame.step + 1).reverse().findIndex((x) => x.e === 'hash' || x.e === 'dirEntry');
  const sinceLookup = probeNumber < 0 ? events.slice(0, frame.step + 1) : events.slice(frame.step + 1 - probeNumber, frame.step + 1);
  // The key in play: the command's own, else (fill, collide) the one the
  // last hash before this step hashed.
  const lastHash = events.slice(0, frame.step + 1).findLast((x) => x.e === 'hash');
  const ctx = {
    model,
    events,
    step: frame.step,
    op,
    key: keyOfCommand(op.command) ?? (lastHash ? keyForHash(op.outcome, lastHash.hash) : null),
    probeNumber: sinceLookup.filter((x) => x.e === 'probeGroup').length,
    rehashing: events.slice(0, frame.step).some((x) => x.e === 'growToTable' || x.e === 'rehash'),
  };
  const { fn, text } = narrateSwissEvent(frame.event, ctx);
  return { fn, text, counter };
}

/**
 * The hash the hash panel explains: the last one hashed up to this step,
 * else the op's own key's. With the directory's depth and the key's table
 * size, so the panel can say which entry and group the bits pick.
 */
export function swissHashFocus(player, frame, model) {
  if (frame.op < 0) return null;
  const op = player.history.ops[frame.op];
  const events = frame.events ?? [];
  const upTo = frame.phase === 'done' ? events.length : frame.step + 1;
  let hash = null;
  let key = null;
  let why = null;
  for (let i = upTo - 1; i >= 0; i--) {
    const e = events[i];
    if (e.e !== 'hash') continue;
    if (frame.phase === 'done' && ['grow', 'split'].includes(e.fn)) continue;
    hash = e.hash;
    key = keyForHash(op.outcome, e.hash) ?? keyOfCommand(op.command) ?? '?';
    // A hash after the op's growToTable or rehash is an entry being moved.
    const moving = events.slice(0, i).some((x) => x.e === 'growToTable' || x.e === 'rehash');
    why = moving ? 'rehashed to move it to the new table' : swissFunction(e, { small: !!model.small, variant: model.header?.type?.variant });
    break;
  }
  if (!hash) {
    key = keyOfCommand(op.command);
    hash = key !== null ? op.outcome?.hashes?.[key] ?? null : null;
  }
  if (!hash) return null;
  const h = model.header;
  const parts0 = swissHashParts(hash, { globalDepth: h.globalDepth ?? 0 });
  const entry = model.directory[parts0.dirIndex];
  const table = entry ? model.tables[entry.table] : null;
  const parts = swissHashParts(hash, { globalDepth: h.globalDepth ?? 0, groups: table ? table.groupCount : null });
  return { key, why, small: !table, table: table ? tableName(table) : null, ...parts };
}

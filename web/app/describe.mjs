// Words for the moment on screen: the narration sentence with its Go
// function, a short step counter, and which hash the hash panel explains.
// Glue between the player's frame, the drawn model and narration.mjs.
import { narrateEvent, narrateDone, goFunction } from '../player/narration.mjs';
import { describeBucket, keyAt } from '../render/map-model.mjs';
import { tokenize } from '../player/scenario-text.mjs';
import { MIN_TOP_HASH } from '../player/tophash.mjs';
import { keyIsTextType, keyIsFloatType } from '../player/inputs.mjs';
import { operationCounter } from '../share/step.mjs';
import { describeSwissFrame, swissHashFocus } from '../player/swiss-narration.mjs';

export function keyIsText(header) {
  return keyIsTextType(header.type.name);
}

function hashLookup(outcome) {
  const byHash = new Map();
  for (const [k, v] of Object.entries(outcome?.hashes ?? {})) byHash.set(BigInt('0x' + v), k);
  return (hex) => byHash.get(BigInt('0x' + (hex || '0'))) ?? null;
}

/** @returns {{ fn: string|null, text: string, counter: string }} */
export function describeFrame(player, frame, model) {
  if (model.swiss) return describeSwissFrame(player, frame, model);
  const header = model.header;
  const textKeys = keyIsText(header);
  if (frame.op < 0) {
    const ops = player.history.length;
    return {
      fn: 'makemap',
      text: ops
        ? `The start: make(${header.type.name}), before any operation. Step forward to replay the history.`
        : `make(${header.type.name}): an empty map. Insert a key, fill it, or pick a preset — then step through what the runtime does.`,
      counter: 'Step 0 · the start',
    };
  }
  const op = player.history.ops[frame.op];
  // The moment's one name (share/step.mjs momentName): N.M, micro-steps from 0.
  const counter = operationCounter(op, frame, player.history.length);
  if (frame.phase === 'done') {
    const text = narrateDone(op, frame.events, header, { keyIsText: textKeys });
    // Only an operation left untraced for its size has steps the reader is
    // not shown; a dump has none at all.
    return { fn: null, text: op.tooMany ? `${text} (Too many micro-steps to show one by one.)` : text, counter };
  }
  const e = frame.event;
  const keyForHash = hashLookup(op.outcome);
  const n = header.buckets !== '0' ? 2 ** header.B : 1;
  const sameSize = (header.flags & 8) !== 0;
  const ctx = {
    variant: frame.variant,
    kind: op.kind,
    command: op.command,
    B: header.B ?? 0,
    keyIsText: textKeys,
    // Which hash function, and the seed it mixes in (the identity hasher takes none).
    hasher: header.hasher,
    hash0: header.hash0,
    floatKeys: keyIsFloatType(header.type.name),
    hasPointers: header.type.hasPointers,
    sameSize,
    noldbuckets: sameSize ? n : Math.max(1, n / 2),
    countBefore: frame.op > 0 ? player.history.ops[frame.op - 1].after.count : 0,
    keyAt: (a, slot) => keyAt(model, a, slot),
    keyForHash,
    where: (a, slot) => `${describeBucket(model, a)}${slot === undefined ? '' : `, slot ${slot}`}`,
    prev: frame.events[frame.step - 1] ?? null,
    keyForEntry: (ev) => {
      // Where the entry went is live now; read its key there.
      const dest = Number(BigInt('0x' + ev.value));
      const arr = model.newArray;
      const chain = arr?.chains[dest - arr.from];
      const slot = ev.value2 & 0xff;
      if (!chain) return null;
      for (let i = chain.length - 1; i >= 0; i--) if (chain[i].t[slot] >= MIN_TOP_HASH) return chain[i].k[slot];
      return null;
    },
  };
  if (ctx.countBefore === 0 && frame.op > 0) ctx.countBefore = player.history.ops[frame.op - 1].after.count;
  const { fn, text } = narrateEvent(e, ctx);
  return { fn, text, counter };
}

/**
 * Which key's hash to explain: the last one hashed up to this step (a
 * lookup's own key, or an entry being rehashed during evacuation), else
 * the operation's key.
 */
export function hashFocus(player, frame, model) {
  if (model.swiss) {
    const f = swissHashFocus(player, frame, model);
    return f && { ...f, swiss: true, keyIsText: keyIsText(model.header) };
  }
  if (frame.op < 0) return null;
  const op = player.history.ops[frame.op];
  const header = model.header;
  const keyForHash = hashLookup(op.outcome);
  const growing = header.oldbuckets && header.oldbuckets !== '0';
  const base = { B: header.B ?? 0, growing: !!growing, sameSize: (header.flags & 8) !== 0, keyIsText: keyIsText(header) };
  const events = frame.events;
  const upTo = frame.phase === 'done' ? (events?.length ?? 0) : frame.step + 1;
  if (events) {
    for (let i = upTo - 1; i >= 0; i--) {
      const e = events[i];
      if (e.e !== 'hashKey') continue;
      const key = keyForHash(e.value) ?? tokenize(op.command)[1] ?? '?';
      // The op's own key is explained at the end; a rehash only while it matters.
      if (e.fn === 'evacuate' && frame.phase === 'done') continue;
      return { ...base, key, hash: e.value.padStart(16, '0'), why: e.fn === 'evacuate' ? 'rehashed by evacuate' : goFunction(e.fn, frame.variant) };
    }
  }
  const t = tokenize(op.command);
  if (['set', 'del', 'get'].includes(t[0])) {
    const hash = op.outcome.hashes?.[t[1]] ?? Object.entries(op.outcome.hashes ?? {}).find(([k]) => k === t[1])?.[1];
    if (hash) return { ...base, key: t[1], hash };
  }
  return null;
}

/**
 * The moment as one line (the element's narration): counter, the Go
 * function, the sentence. The function is left out when the sentence
 * already starts with it ("mapassign_fast64 compares…"), so it is not
 * read twice.
 * @param {{ fn: string|null, text: string, counter: string }} d describeFrame's answer
 */
export function narrationLine({ fn, text, counter }) {
  const named = fn && !text.startsWith(fn);
  return `${counter}${named ? ` · ${fn}` : ''}: ${text}`;
}

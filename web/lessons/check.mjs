// Shared by the playground and tests/web/lessons.test.mjs: turn a lesson into
// one scenario, and check a step's `expect` against the state dumps that the
// step's commands produced (the JSON lines of `gomap --trace`, see
// docs/scenario-format.md). No DOM; a compare lesson's sides are set up as
// compare mode sets them up (compare/side-scenario.mjs).
import { SIDES, sideScenario } from '../compare/side-scenario.mjs';

// Every key an `expect` may use. Anything else is a mistake in the lesson.
export const EXPECT_KEYS = [
  'count', 'B', 'flags', 'noverflow', 'nevacuate', 'hash0', // header fields, equal
  'growing',        // true while oldbuckets exist
  'buckets',        // number of primary buckets (0 while none is allocated)
  'oldbuckets',     // number of old primary buckets (0 when not growing)
  'result',         // `result` of the last command (get: "V true"; next/iter: "end")
  'keys',           // `keys` of the last command
  'yielded',        // `keys` of all the step's commands, concatenated
  'start', 'offset', // where the step's last range/iter started
  'slots', 'oldslots',       // {"b.c.s": tophash}
  'entries', 'oldentries',   // {"b.c.s": "key"} or {"b.c.s": ["key", value]}
  'chains', 'oldchains',     // {"b": number of buckets in that chain}
  'hashes',         // {"key": "16 hex digits"}, from any of the step's commands
  'events',         // trace patterns that occur, in this order, in the step
  'noEvents',       // trace patterns that occur nowhere in the step
  'bucketsize',     // bytes between buckets, measured from pickBucket addresses
  // Go 1.26's Swiss table (a `version 1.26` lesson; `slots` and `entries`
  // then address "T.g.s": table T in the dump's `tables`, group g, slot s,
  // or "small.0.s" for a small map's one group, and `slots` is the control byte)
  'dirLen', 'globalDepth', 'tombstonePossible', 'clearSeq', // header fields, equal
  'small',          // true while the map is one small group (dirLen 0)
  'tables',         // number of distinct tables
  'directory',      // the directory: each entry's table position in `tables`
  'table',          // {"T": {capacity, used, growthLeft, localDepth, index, tombstones}}, any subset
];

export const CTRL_EMPTY = 0x80;
export const CTRL_DELETED = 0xfe;

/** Tombstones of one dumped Swiss group list (control bytes 0xFE). */
export function tombstonesOf(groups) {
  return groups.reduce((n, g) => n + g.ctrl.filter((c) => c === CTRL_DELETED).length, 0);
}

function swissSlotOf(dump, where) {
  const parts = where.split('.');
  if (parts.length !== 3) return { error: `bad slot address "${where}" (want table.group.slot or small.0.slot)` };
  const [t, g, s] = [parts[0], Number(parts[1]), Number(parts[2])];
  const group = t === 'small' ? (g === 0 ? dump.small : undefined) : dump.tables?.[Number(t)]?.groups[g];
  if (!group) return { error: t === 'small' ? 'the map has no small group' : `table ${t} has no group ${g}` };
  if (!(s >= 0 && s < 8)) return { error: `no slot ${s} in a group` };
  return { slot: { t: group.ctrl[s], k: group.s[s].k, v: group.s[s].v } };
}

// Split a lesson into the text of one scenario. Returns the text and, for
// every step, the range of scenario lines its ops occupy (1-based, inclusive),
// so a dump can be given back to the step whose line it carries.
export function lessonScenario(lesson) {
  const lines = lesson.setup.split('\n');
  const steps = [];
  for (const step of lesson.steps) {
    const first = lines.length + 1;
    lines.push(...step.ops.split('\n'));
    steps.push({ first, last: lines.length });
  }
  return { text: lines.join('\n') + '\n', steps };
}

// Group dumps (parsed JSON objects, in output order) by step.
export function dumpsByStep(ranges, dumps) {
  return ranges.map(({ first, last }) => dumps.filter((d) => d.line >= first && d.line <= last));
}

function slotOf(dump, which, where) {
  if (dump.model === 'swiss') return swissSlotOf(dump, where);
  const parts = where.split('.').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    return { error: `bad slot address "${where}" (want bucket.chain.slot)` };
  }
  const [b, c, s] = parts;
  const chain = dump[which]?.[b];
  if (!chain) return { error: `${which}[${b}] does not exist` };
  const bucket = chain[c];
  if (!bucket) return { error: `${which}[${b}] has no bucket at chain position ${c}` };
  const slot = bucket.s[s];
  if (!slot) return { error: `${which}[${b}] bucket ${c} has no slot ${s}` };
  return { slot };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Does one trace event match a pattern? Pattern fields: e, fn, old, bucket,
// slot, tophash, value (number, or hex string as printed), value2.
export function eventMatches(ev, pattern) {
  for (const [k, want] of Object.entries(pattern)) {
    if (k === 'old') {
      if ((ev.old === true) !== want) return false;
    } else if (k === 'value') {
      const got = BigInt('0x' + ev.value);
      if (typeof want === 'string' ? got !== BigInt('0x' + want) : got !== BigInt(want)) return false;
    } else if (ev[k] !== want) {
      return false;
    }
  }
  return true;
}

// Check one step. `dumps` are the dumps of the step's commands, in order; the
// last one is the state the step ends in. Returns a list of failure messages.
export function checkExpect(expect, dumps) {
  const failures = [];
  const fail = (msg) => failures.push(msg);
  if (dumps.length === 0) return ['the step produced no dump'];
  const last = dumps[dumps.length - 1];
  const events = dumps.flatMap((d) => d.trace ?? []);

  for (const [key, want] of Object.entries(expect)) {
    switch (key) {
      case 'count': case 'B': case 'flags': case 'noverflow': case 'nevacuate': case 'hash0':
        if (last[key] !== want) fail(`${key}: expected ${want}, got ${last[key]}`);
        break;
      case 'dirLen': case 'globalDepth': case 'tombstonePossible': case 'clearSeq':
        if (last[key] !== want) fail(`${key}: expected ${want}, got ${last[key]}`);
        break;
      case 'small': {
        const got = Boolean(last.small);
        if (got !== want) fail(`small: expected ${want}, got ${got}`);
        break;
      }
      case 'tables': {
        const got = last.tables?.length ?? 0;
        if (got !== want) fail(`tables: expected ${want}, got ${got}`);
        break;
      }
      case 'directory':
        if (!same(last.directory ?? [], want)) fail(`directory: expected ${JSON.stringify(want)}, got ${JSON.stringify(last.directory)}`);
        break;
      case 'table':
        for (const [t, fields] of Object.entries(want)) {
          const table = last.tables?.[Number(t)];
          if (!table) { fail(`table ${t}: there is no such table`); continue; }
          for (const [f, v] of Object.entries(fields)) {
            const got = f === 'tombstones' ? tombstonesOf(table.groups) : table[f];
            if (got !== v) fail(`table ${t} ${f}: expected ${v}, got ${got}`);
          }
        }
        break;
      case 'start': case 'offset': {
        const began = dumps.filter((d) => d.start !== undefined).pop();
        if (began?.[key] !== want) fail(`${key}: expected ${want}, got ${began?.[key]}`);
        break;
      }
      case 'result':
        if (last.result !== want) fail(`result: expected ${JSON.stringify(want)}, got ${JSON.stringify(last.result)}`);
        break;
      case 'growing': {
        const got = Array.isArray(last.oldbuckets);
        if (got !== want) fail(`growing: expected ${want}, got ${got}`);
        break;
      }
      case 'buckets': case 'oldbuckets': {
        const got = last[key]?.length ?? 0;
        if (got !== want) fail(`${key}: expected ${want} primary buckets, got ${got}`);
        break;
      }
      case 'keys':
        if (!same(last.keys, want)) fail(`keys: expected ${JSON.stringify(want)}, got ${JSON.stringify(last.keys)}`);
        break;
      case 'yielded': {
        const got = dumps.flatMap((d) => d.keys ?? []);
        if (!same(got, want)) fail(`yielded: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        break;
      }
      case 'slots': case 'oldslots': {
        const which = key === 'slots' ? 'buckets' : 'oldbuckets';
        for (const [where, t] of Object.entries(want)) {
          const { slot, error } = slotOf(last, which, where);
          if (error) fail(`${key} ${where}: ${error}`);
          else if (slot.t !== t) fail(`${key} ${where}: expected ${last.model === 'swiss' ? 'control byte' : 'tophash'} ${t}, got ${slot.t}`);
        }
        break;
      }
      case 'entries': case 'oldentries': {
        const which = key === 'entries' ? 'buckets' : 'oldbuckets';
        for (const [where, entry] of Object.entries(want)) {
          const { slot, error } = slotOf(last, which, where);
          if (error) { fail(`${key} ${where}: ${error}`); continue; }
          const [k, v] = Array.isArray(entry) ? entry : [entry];
          if (slot.k !== k) fail(`${key} ${where}: expected key ${JSON.stringify(k)}, got ${JSON.stringify(slot.k)} (tophash ${slot.t})`);
          if (Array.isArray(entry) && slot.v !== v) fail(`${key} ${where}: expected value ${JSON.stringify(v)}, got ${JSON.stringify(slot.v)}`);
        }
        break;
      }
      case 'chains': case 'oldchains': {
        const which = key === 'chains' ? 'buckets' : 'oldbuckets';
        for (const [b, n] of Object.entries(want)) {
          const got = last[which]?.[Number(b)]?.length;
          if (got !== n) fail(`${key} ${b}: expected a chain of ${n} bucket(s), got ${got}`);
        }
        break;
      }
      case 'hashes': {
        const seen = Object.assign({}, ...dumps.map((d) => d.hashes ?? {}));
        for (const [k, h] of Object.entries(want)) {
          if (seen[k] !== h) fail(`hashes ${k}: expected ${h}, got ${seen[k]}`);
        }
        break;
      }
      case 'events': {
        let i = 0;
        for (const pattern of want) {
          while (i < events.length && !eventMatches(events[i], pattern)) i++;
          if (i === events.length) { fail(`events: no ${JSON.stringify(pattern)} (in order) in the step's trace`); break; }
          i++;
        }
        break;
      }
      case 'noEvents':
        for (const pattern of want) {
          const hit = events.find((ev) => eventMatches(ev, pattern));
          if (hit) fail(`noEvents: ${JSON.stringify(pattern)} occurred: ${JSON.stringify(hit)}`);
        }
        break;
      case 'bucketsize': {
        // Pair up pickBucket events of one bucket array: a grow starts a new array.
        const groups = [[]];
        for (const ev of events) {
          if (ev.e === 'growStart') groups.push([]);
          else if (ev.e === 'pickBucket' && !ev.old && ev.addr) groups[groups.length - 1].push(ev);
        }
        const sizes = new Set();
        for (const picks of groups) {
          for (const a of picks) {
            for (const b of picks) {
              if (a.bucket > b.bucket) {
                const diff = BigInt('0x' + a.addr) - BigInt('0x' + b.addr);
                sizes.add(Number(diff / BigInt(a.bucket - b.bucket)));
              }
            }
          }
        }
        if (sizes.size === 0) fail('bucketsize: the step never picks two different buckets of one array');
        else if (sizes.size > 1 || !sizes.has(want)) fail(`bucketsize: expected ${want}, measured ${[...sizes].join(', ')}`);
        break;
      }
      default:
        fail(`unknown expect key "${key}"`);
    }
  }
  return failures;
}

// ---- Lessons on both maps (`compare: true`) ------------------------------
// A compare lesson plays its scenario on Go 1.14's bucket map and Go 1.26's
// Swiss table at once (compare mode). Its `setup` names no version; each
// step's `expect` holds one ordinary `expect` per side, under '1.14' and
// '1.26', and `figures`: the compare strip's numbers at the step's end
// (compare/compare-figures.mjs), per side.
export const COMPARE_SIDES = SIDES;

// Every key `figures` may use, and what it reads of one side's figures.
// A number with decimals holds when the figure rounds to it at its own
// number of decimals (the words say 41.1, the figure is 41.072).
export const FIGURE_KEYS = {
  count: (f) => f.count,
  bytes: (f) => f.bytes,                 // the heap bytes the map has taken (header().heapUsed)
  bytesPerEntry: (f) => f.bytesPerEntry,
  loadPercent: (f) => f.loadFactor * 100, // entries over slots, in %
  probeAverage: (f) => f.probe?.average,  // buckets (1.14) or groups (1.26) read to find a key
  probeLongest: (f) => f.probe?.longest,
  longestChain: (f) => f.longestChain,    // 1.14: buckets in the longest chain
  tables: (f) => f.tables,                // 1.26: tables
  moved: (f) => f.moved,                  // entries the last growth moved
  growing: (f) => f.growing,
};

/** True for a lesson that plays on both maps. */
export function isCompareLesson(lesson) {
  return lesson.compare === true;
}

/**
 * One side of a compare lesson as an ordinary lesson: the set-up with that
 * side's version line, each step's expect the side's own. A lesson that is
 * not a compare lesson is given back as it is.
 */
export function sideLesson(lesson, version) {
  if (!isCompareLesson(lesson)) return lesson;
  return { ...lesson, compare: false, setup: sideScenario(lesson.setup, version), steps: lesson.steps.map((s) => ({ ...s, expect: s.expect[version] ?? {} })) };
}

function decimalsOf(n) {
  const s = String(n);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Check a step's `figures` against both sides' figures; failure messages. */
export function checkFigures(want, figures) {
  const failures = [];
  for (const [side, fields] of Object.entries(want ?? {})) {
    const f = figures[side];
    if (!f) { failures.push(`figures: no side ${side}`); continue; }
    for (const [key, value] of Object.entries(fields)) {
      const read = FIGURE_KEYS[key];
      if (!read) { failures.push(`figures ${side}: unknown key "${key}"`); continue; }
      const got = read(f);
      const holds = typeof value === 'number' && typeof got === 'number'
        ? Number(got.toFixed(decimalsOf(value))) === value
        : got === value;
      if (!holds) failures.push(`figures ${side} ${key}: expected ${value}, got ${got}`);
    }
  }
  return failures;
}

// Every value an expect holds, numbers as the words write them.
function claimedNumbers(value, out = new Set()) {
  if (typeof value === 'number') out.add(value);
  else if (typeof value === 'string' && /^\d+$/.test(value)) out.add(Number(value));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/^\d+$/.test(k)) out.add(Number(k));
      claimedNumbers(v, out);
    }
  }
  return out;
}

/**
 * The numbers a compare lesson's words state that its expect does not hold
 * (versions named as "Go 1.14" / "Go 1.26", digits of a name such as int64,
 * and the numbers the step's ops name are not claims about the maps). Thousands separators are read away; "48.8%"
 * is the number 48.8.
 */
export function unclaimedNumbers(step) {
  const claimed = claimedNumbers(step.expect);
  for (const n of step.ops.match(/\d+/g) ?? []) claimed.add(Number(n));
  const text = step.say.replace(/Go 1\.(14|26)/g, '');
  // A number, not the digits of a name (int64).
  return (text.match(/(?<![\w.])\d[\d,]*(\.\d+)?/g) ?? [])
    .map((t) => t.replace(/,(?=\d{3})/g, '').replace(/[,.]$/, ''))
    .filter((t) => !claimed.has(Number(t)));
}

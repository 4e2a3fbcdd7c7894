// The one grammar of a shared playground state. The URL fragment, the
// attributes of <go-map-viz> and the iframe's fragment all go through this
// table: each field has its URL key, its attribute name (if the element has
// one), its default, a parser from text (the only way in) and a formatter to
// the canonical text (the only way out). A parser returns { value } or
// { error: 'what was wrong' }; it never throws and never evaluates anything.
import { parseMapType } from '../player/inputs.mjs';
import { checkFreeText } from './text-rules.mjs';
import { scanScenario } from '../player/scenario-text.mjs';
import { SCHEMA } from './core-schema.mjs';

// The core's own limits and names (web/share/core-schema.mjs, `gomap
// --schema`): seeds and rand words are uint32, hashkey words uint64, at most
// maxEntries live entries (a hint beyond that only asks for memory), trace
// events per operation, scenario lines (so no more operations than that).
const U32 = 0xffffffffn;
const U64 = (1n << 64n) - 1n;
export const MAX_HINT = Math.max(SCHEMA.buckets.limits.maxEntries, SCHEMA.swiss.limits.maxEntries);
export const MAX_OP = SCHEMA.limits.scenarioLines;
export const MAX_MICRO = SCHEMA.limits.traceEventsPerOperation;
// A shared scenario is at most this many UTF-16 units; larger ones are not
// meant for links (fill and collide make big maps in one line).
export const MAX_OPS_TEXT = 65536;

// go126 hashes Go 1.26's map (version 1.26, the Swiss table), its default there.
export const HASHERS = SCHEMA.hashers.map((h) => h.name);
export const VERSIONS = SCHEMA.versions.map((v) => v.name);

/** Whether the map of Go `version` takes `hasher` (go126 is the Swiss table's only). */
function versionTakesHasher(version, hasher) {
  const model = SCHEMA.versions.find((v) => v.name === version)?.model;
  return !!SCHEMA.hashers.find((h) => h.name === hasher)?.models.some((m) => m === model);
}
export const VIEWS = ['buckets', 'table', 'both'];
export const THEMES = ['auto', 'light', 'dark'];
export const CONTROLS = ['full', 'minimal', 'none'];
export const HEADERS = ['full', 'compact', 'none'];
// An embed's own height in CSS pixels (fixed, or at most), and the
// buckets it shows (indices into the bucket array shown at each moment).
export const MIN_HEIGHT_PX = 120;
export const MAX_HEIGHT_PX = 4000;
// No map has more buckets than it may hold entries.
export const MAX_BUCKET_INDEX = MAX_HINT - 1;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 120;

/** Decimal, or hex with 0x; no sign, no spaces inside. → BigInt or an error. */
function unsigned(raw, max) {
  let v;
  if (/^0[xX][0-9a-fA-F]{1,16}$/.test(raw)) v = BigInt(raw);
  else if (/^[0-9]{1,20}$/.test(raw)) v = BigInt(raw);
  else return { error: 'is not an unsigned number (decimal, or hex like 0x1f)' };
  if (v > max) return { error: `is over the limit of ${max}` };
  return { value: v };
}

function oneOf(list) {
  return (raw) => (list.includes(raw) ? { value: raw } : { error: `is not one of ${list.join(', ')}` });
}

function numberList(raw, { min, max, wordMax }) {
  const parts = raw.split(',');
  if (parts.length < min || parts.length > max) {
    return { error: min === max ? `needs exactly ${min} numbers separated by commas` : `needs ${min} to ${max} numbers separated by commas` };
  }
  const out = [];
  for (const p of parts) {
    const r = unsigned(p.trim(), wordMax);
    if (r.error) return { error: `word ${out.length + 1} ${r.error}` };
    out.push(r.value);
  }
  return { value: out };
}

const hex = (v) => `0x${v.toString(16)}`;

/**
 * The step the player shows: `N` is the map after the N-th operation (0 is
 * the map before any), `N.M` is micro-step M (from 0) of the N-th operation.
 * null, written `end` or left out, is the last step there is.
 */
function parseStep(raw) {
  if (raw === 'end' || raw === '') return { value: null };
  const m = /^(0|[1-9][0-9]{0,5})(?:\.(0|[1-9][0-9]{0,6}))?$/.exec(raw);
  if (!m) return { error: 'is not N or N.M (whole numbers, no leading zeros), nor end' };
  const op = Number(m[1]);
  const micro = m[2] === undefined ? null : Number(m[2]);
  if (op > MAX_OP) return { error: `names operation ${op}; a scenario has at most ${MAX_OP}` };
  if (micro !== null && op === 0) return { error: 'names a micro-step of step 0, which is the map before any operation' };
  if (micro !== null && micro > MAX_MICRO) return { error: `names micro-step ${micro}; an operation has at most ${MAX_MICRO}` };
  return { value: { op, micro } };
}

function formatStep(step) {
  if (step === null || step === undefined) return 'end';
  return step.micro === null || step.micro === undefined ? `${step.op}` : `${step.op}.${step.micro}`;
}

/**
 * Which buckets to show: indices and ranges separated by commas, like
 * `3,7,11` or `4-7` or `0,4-7`. → the canonical text (sorted, merged).
 */
function parseBuckets(raw) {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length > 64) return { error: 'lists more than 64 buckets or ranges' };
  const ranges = [];
  for (const p of parts) {
    const m = /^(0|[1-9][0-9]{0,6})(?:-(0|[1-9][0-9]{0,6}))?$/.exec(p);
    if (!m) return { error: `is not a list of bucket numbers and ranges like 3,7,11 or 4-7 (${JSON.stringify(p.slice(0, 12))})` };
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return { error: `has a range that runs backwards (${p})` };
    if (b > MAX_BUCKET_INDEX) return { error: `names bucket ${b}; a map has at most ${MAX_BUCKET_INDEX + 1}` };
    ranges.push([a, b]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return { value: merged.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',') };
}

/** The buckets text (canonical, from parseBuckets) as a test of an index. */
export function bucketFilter(text) {
  if (!text) return null;
  const ranges = text.split(',').map((p) => p.split('-').map(Number)).map(([a, b = a]) => [a, b]);
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

function parsePixels(raw, { auto }) {
  if (auto && raw === 'auto') return { value: null };
  if (!/^[0-9]{1,5}(px)?$/.test(raw)) return { error: `is not a height in pixels like 480${auto ? ', nor auto' : ''}` };
  const v = Number(raw.replace('px', ''));
  if (v < MIN_HEIGHT_PX || v > MAX_HEIGHT_PX) return { error: `must be between ${MIN_HEIGHT_PX} and ${MAX_HEIGHT_PX} pixels` };
  return { value: v };
}

function parseSpeed(raw) {
  if (!/^[0-9]{1,6}(\.[0-9]{1,2})?$/.test(raw)) return { error: 'is not a number of steps per second like 8 or 0.5' };
  const v = Number(raw);
  if (v < MIN_SPEED || v > MAX_SPEED) return { error: `must be between ${MIN_SPEED} and ${MAX_SPEED} steps per second` };
  return { value: v };
}

function parseBool(raw) {
  if (raw === '1' || raw === 'true') return { value: true };
  if (raw === '0' || raw === 'false') return { value: false };
  return { error: 'is not 1 or 0' };
}

// The longest map type a link or attribute may name. The core's own limits
// (core/go_type.h: nesting, array length, struct fields, type size) are
// what a type runs into first; this only keeps unread text short.
export const MAX_MAP_TYPE = 1024;

/**
 * A map type from a link or an attribute: any map[K]V text that is one
 * token of the scenario language (so no second command rides along) and
 * one plain line. Which map types exist is the core's answer, not this
 * file's: the page, the element and the embed ask it (gomap.mapLayout,
 * share/map-type-check.mjs) before a map is made, and show its message.
 */
function parseMapTypeText(raw) {
  const text = checkFreeText(raw, { max: MAX_MAP_TYPE });
  if (text.error) return { error: text.message }; // a map type is one line: its place goes unsaid
  if (text.notes.length || /\n/.test(raw)) return { error: 'contains a character no Go map type has (a line break or a bidirectional control)' };
  if (!parseMapType(raw)) return { error: 'is not a map type like map[string]int64 or map[struct{X, Y int32}]bool' };
  const commands = scanScenario(raw);
  if (commands.length !== 1 || commands[0].tokens.length !== 1 || commands[0].tokens[0] !== raw) {
    return { error: 'is not one map type: the scenario language would read it as more than one word' };
  }
  return { value: raw };
}

/**
 * name: the state's property. key: in the URL. attr: on the element.
 * scalar: surrounding spaces are trimmed (never for the scenario text).
 * max: the longest raw text looked at; longer is refused unread.
 */
export const FIELDS = [
  {
    // Every map type the core models (issue 16); parseMapTypeText says why
    // the core is asked too.
    name: 'mapType', key: 'type', attr: 'map-type', def: 'map[string]int64', max: MAX_MAP_TYPE, scalar: true,
    parse: parseMapTypeText,
    format: (v) => v,
  },
  { name: 'hasher', key: 'hasher', attr: 'hasher', def: 'go114', max: 16, scalar: true, parse: oneOf(HASHERS), format: (v) => v },
  {
    // uint32 hash0 for Go 1.14/1.19; Go 1.26's seed is 64 bits (crossCheck
    // refuses a wide seed for the older maps). Past 2^53 it stays a BigInt.
    name: 'seed', key: 'seed', attr: 'seed', def: null, max: 24, scalar: true,
    parse: (raw) => {
      const r = unsigned(raw, U64);
      return r.error ? r : { value: r.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r.value) : r.value };
    },
    format: (v) => String(v),
  },
  {
    name: 'hashkey', key: 'hashkey', attr: null, def: null, max: 100, scalar: true,
    parse: (raw) => numberList(raw, { min: 1, max: 4, wordMax: U64 }),
    format: (v) => v.map((w) => hex(BigInt(w))).join(','),
  },
  {
    name: 'rand', key: 'rand', attr: null, def: null, max: 50, scalar: true,
    parse: (raw) => {
      const r = numberList(raw, { min: 2, max: 2, wordMax: U32 });
      return r.error ? r : { value: r.value.map(Number) };
    },
    format: (v) => v.map(String).join(','),
  },
  {
    name: 'hint', key: 'hint', attr: null, def: 0, max: 24, scalar: true,
    parse: (raw) => {
      const r = unsigned(raw, BigInt(MAX_HINT));
      return r.error ? r : { value: Number(r.value) };
    },
    format: (v) => String(v),
  },
  { name: 'version', key: 'version', attr: 'version', def: '1.14', max: 8, scalar: true, parse: oneOf(VERSIONS), format: (v) => v },
  {
    name: 'ops', key: 'ops', attr: 'ops', def: '', max: MAX_OPS_TEXT, scalar: false,
    parse: (raw) => {
      const r = checkFreeText(raw, { max: MAX_OPS_TEXT });
      return r.error ? r : { value: r.text, notes: r.notes };
    },
    format: (v) => v,
  },
  { name: 'step', key: 'step', attr: 'step', def: null, max: 20, scalar: true, parse: parseStep, format: formatStep },
  { name: 'view', key: 'view', attr: 'view', def: 'buckets', max: 16, scalar: true, parse: oneOf(VIEWS), format: (v) => v },
  { name: 'theme', key: 'theme', attr: 'theme', def: 'auto', max: 16, scalar: true, parse: oneOf(THEMES), format: (v) => v },
  { name: 'speed', key: 'speed', attr: 'speed', def: 8, max: 16, scalar: true, parse: parseSpeed, format: (v) => String(v) },
  // On the element autoplay is a boolean attribute (present = on), read by
  // the attribute parser itself; in a URL it is autoplay=1.
  { name: 'autoplay', key: 'autoplay', attr: 'autoplay', def: false, max: 8, scalar: true, parse: parseBool, format: (v) => (v ? '1' : '0') },
  // Compare mode (web/compare/): the same operations on Go 1.14's bucket
  // map and Go 1.26's Swiss table side by side. A boolean attribute on the
  // element, compare=1 in a URL.
  { name: 'compare', key: 'compare', attr: 'compare', def: false, max: 8, scalar: true, parse: parseBool, format: (v) => (v ? '1' : '0') },
  { name: 'controls', key: 'controls', attr: 'controls', def: 'full', max: 16, scalar: true, parse: oneOf(CONTROLS), format: (v) => v },
  // How much of the map an embed shows, to fit a column: the hmap header
  // in full, in one compact line or not at all; only some buckets; a
  // fixed height (scrolling inside) or a maximum one. The playground
  // page itself shows everything.
  { name: 'header', key: 'header', attr: 'header', def: 'full', max: 16, scalar: true, parse: oneOf(HEADERS), format: (v) => v },
  { name: 'buckets', key: 'buckets', attr: 'buckets', def: null, max: 400, scalar: true, parse: parseBuckets, format: (v) => v },
  { name: 'height', key: 'height', attr: 'height', def: null, max: 8, scalar: true, parse: (raw) => parsePixels(raw, { auto: true }), format: (v) => (v === null ? 'auto' : String(v)) },
  { name: 'maxHeight', key: 'maxheight', attr: 'max-height', def: null, max: 8, scalar: true, parse: (raw) => parsePixels(raw, { auto: false }), format: (v) => String(v) },
];

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/**
 * What a link, an embed's attributes and the page share: a value per field
 * above, null where the field says none (the default seed, the last step…).
 * @typedef {{ mapType: string, hasher: string, seed: number|bigint|null, hashkey: (number|bigint)[]|null,
 *   rand: number[]|null, hint: number, version: string, ops: string, step: { op: number, micro: number|null }|null,
 *   view: string, theme: string, speed: number, autoplay: boolean, compare: boolean, controls: string,
 *   header: string, buckets: string|null, height: number|null, maxHeight: number|null }} ShareState
 */

export const DEFAULT_STATE = Object.freeze(/** @type {ShareState} */ (/** @type {unknown} */ (Object.fromEntries(FIELDS.map((f) => [f.name, f.def])))));

/** Left out of a URL or snippet: the value a reader would assume anyway. */
export function isDefault(field, value) {
  if (value === undefined || value === null) return true;
  if (field.def === null) return false;
  return field.format(value) === field.format(field.def);
}

/**
 * Runs one field's parser on raw text.
 * @returns {{ value: any, notes: string[], error?: undefined } | { error: string, value?: undefined, notes?: undefined }}
 */
export function parseField(field, raw) {
  if (typeof raw !== 'string') return { error: 'is not text' };
  if (raw.length > field.max) return { error: `is ${raw.length} characters long; the limit is ${field.max}` };
  const r = field.parse(field.scalar ? raw.trim() : raw);
  return r.error ? { error: r.error } : { value: r.value, notes: r.notes ?? [] };
}

/**
 * Checks that fields agree with each other once all are read: the identity
 * hasher hashes integer keys only (the core refuses the others). mapType is
 * the type the map will really have (a scenario may set it itself).
 * Fixes the state in place and returns warnings.
 */
export function crossCheck(state, mapType = state.mapType, version = state.version) {
  const warnings = [];
  // Go 1.26 (the Swiss table) has a 64-bit seed and the go126 hasher; the
  // bucket map a uint32 hash0 and no go126.
  if (version !== '1.26') {
    if (HASHERS.includes(state.hasher) && !versionTakesHasher(version ?? '1.14', state.hasher)) {
      warnings.push({ field: 'hasher', message: `${state.hasher} hashes Go 1.26's map (version=1.26) only, not Go ${version ?? '1.14'}'s; using go114` });
      state.hasher = 'go114';
    }
    if (state.seed !== null && state.seed !== undefined && BigInt(state.seed) > U32) {
      warnings.push({ field: 'seed', message: `seed is over the limit of ${U32} (hash0 is a uint32 before Go 1.26: ${state.seed}); using the model's` });
      state.seed = null;
    }
  }
  if (state.hasher === 'identity') {
    const t = parseMapType(mapType);
    if (t && t.key.kind !== 'int64' && t.key.kind !== 'int32') {
      state.hasher = 'go114';
      warnings.push({ field: 'hasher', message: `identity hashes integer keys only, not the keys of ${mapType}; using go114` });
    }
  }
  return warnings;
}

// What a person types into the page's fields, checked before anything
// reaches the map: each function returns { token } (a scenario token ready
// to use) or { error } (a sentence to show next to the field). The core
// checks again; these checks exist so the message can sit beside the field
// that caused it and say what would be accepted instead.
import { scanScenario } from './scenario-text.mjs';
import { quoteToken } from '../wasm/scenario-quote.mjs';
import { SCHEMA } from '../share/core-schema.mjs';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
// The longest string key either model takes (the core's limit).
const MAX_STRING_KEY = Math.min(SCHEMA.buckets.limits.maxStringKeyBytes, SCHEMA.swiss.limits.maxStringKeyBytes);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The integer types and their ranges (Go's, on a 64-bit target).
const INTEGER_RANGE = {
  int8: [-(1n << 7n), (1n << 7n) - 1n], int16: [-(1n << 15n), (1n << 15n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n], int64: [INT64_MIN, INT64_MAX], int: [INT64_MIN, INT64_MAX],
  uint8: [0n, (1n << 8n) - 1n], uint16: [0n, (1n << 16n) - 1n], uint32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n], uint: [0n, (1n << 64n) - 1n], uintptr: [0n, (1n << 64n) - 1n],
};

// How the page reads a value of Go type `name` from a field: the kinds of
// version 1 keep their names (int64, int32, float64, string, bytes); other
// integers are 'integer', float32 'float32', bool 'bool', and structs,
// other arrays, complex numbers and slices 'literal' (Go literal text the
// core checks). Which types exist at all is the core's to say.
function kindOf(name) {
  const bytes = /^\[(\d+)\](?:byte|uint8)$/.exec(name);
  if (bytes) return { kind: 'bytes', size: Number(bytes[1]) };
  if (['int64', 'int32', 'float64', 'string'].includes(name)) return { kind: name };
  if (INTEGER_RANGE[name]) return { kind: 'integer', name };
  if (name === 'float32' || name === 'bool') return { kind: name };
  return { kind: 'literal', name };
}

// The end of the bracketed text that starts at s[i] === '[' (or -1).
function closing(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if ('[{('.includes(s[j])) depth++;
    else if (']})'.includes(s[j]) && --depth === 0) return j;
  }
  return -1;
}

/**
 * "map[K]V" → { key, elem }, each { kind, size?, name? } (see kindOf), or
 * null when the text is not map[K]V at all. The split only finds K and V;
 * whether Go has such a map is the core's answer (it refuses with a message).
 */
export function parseMapType(name) {
  if (typeof name !== 'string' || !name.startsWith('map[') || /[\n\r]/.test(name)) return null;
  const end = closing(name, 3);
  if (end < 5 || end === name.length - 1) return null;
  const key = kindOf(name.slice(4, end));
  const elem = kindOf(name.slice(end + 1));
  return { key, elem };
}

export function isIntegerKey(mapType) {
  const t = parseMapType(mapType);
  return !!t && (t.key.kind === 'int64' || t.key.kind === 'int32' || t.key.kind === 'integer');
}

/** Keys printed as text (quoted in sentences), not as Go values. */
export function keyIsTextType(mapType) {
  const t = parseMapType(mapType);
  return !t || t.key.kind === 'string' || t.key.kind === 'bytes';
}

/** Float keys (NaN never found again, ±0 one key). */
export function keyIsFloatType(mapType) {
  const t = parseMapType(mapType);
  return !!t && (t.key.kind === 'float64' || t.key.kind === 'float32');
}

// A Go literal typed for a struct, array, complex or slice: it must stay one
// token of the scenario language (scenario-text.mjs splits as the core does).
function literal(raw, type, what) {
  const s = raw.trim();
  if (s === '') return { error: `Enter the ${what} as a Go literal of ${type.name}, like {1, "a"}.` };
  const bad = textError(s, what);
  if (bad) return { error: bad };
  const [cmd, ...more] = scanScenario(`get ${s}`);
  if (more.length || !cmd || cmd.tokens.length !== 2 || cmd.tokens[1] !== s) {
    return { error: `Write the ${what} as one Go literal of ${type.name}, like {1, "a"} or (1+2i); quote strings inside it.` };
  }
  return { token: s };
}

// A value of the types added with issue 16, as typed; null for the kinds
// of version 1 (their own rules follow).
function otherToken(type, raw, what) {
  if (type.kind === 'integer') return integer(raw, ...INTEGER_RANGE[type.name], what);
  if (type.kind === 'bool') {
    const s = raw.trim();
    return s === 'true' || s === 'false' ? { token: s } : { error: `Enter true or false for the ${what}.` };
  }
  if (type.kind === 'literal') return literal(raw, type, what);
  return null;
}

const utf8 = new TextEncoder();

function textError(text, what) {
  if (LONE_SURROGATE.test(text)) return `The ${what} contains a broken character (a lone UTF-16 surrogate).`;
  return null;
}

function integer(raw, min, max, what) {
  const s = raw.trim();
  if (!/^[+-]?\d+$/.test(s)) return { error: `Enter a whole number for the ${what}, like 42 or -7.` };
  const v = BigInt(s);
  if (v < min || v > max) return { error: `The ${what} must be between ${min} and ${max}.` };
  return { token: v.toString() };
}

/** A key as typed, for the map's key type. */
export function keyToken(mapType, raw) {
  const t = parseMapType(mapType);
  if (!t) return { error: `Unknown map type ${mapType}.` };
  const k = t.key;
  if (typeof raw !== 'string') return { error: 'Enter a key.' };
  if (k.kind === 'int64') return integer(raw, INT64_MIN, INT64_MAX, 'key');
  if (k.kind === 'int32') return integer(raw, -(1n << 31n), (1n << 31n) - 1n, 'key');
  const other = otherToken(k, raw, 'key');
  if (other) return other;
  if (k.kind === 'float64' || k.kind === 'float32') {
    const s = raw.trim();
    const special = { NaN: 'NaN', '+Inf': '+Inf', Inf: '+Inf', '-Inf': '-Inf', '-0': '-0' };
    if (special[s]) return { token: special[s] };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      return { error: 'Enter a number for the key, like 1.5, -0, NaN, +Inf or 2e10.' };
    }
    const v = Number(s);
    if (!Number.isFinite(v)) return { error: 'That number is too large for a float64; use +Inf or -Inf.' };
    return { token: Object.is(v, -0) ? '-0' : String(v) };
  }
  // An empty field is almost always a key not typed yet (the field shows
  // an example as its placeholder), not a wish for the empty string; that
  // key stays one scenario line away.
  if (raw === '') return { error: 'Type a key first. (The empty string is a key too: write set "" 1 in the Scenario box.)' };
  const bad = textError(raw, 'key');
  if (bad) return { error: bad };
  const bytes = utf8.encode(raw).length;
  if (k.kind === 'string') {
    if (bytes > MAX_STRING_KEY) return { error: `The key is ${bytes} bytes; keys here are at most ${MAX_STRING_KEY} bytes.` };
    return { token: quoteToken(raw) };
  }
  if (bytes > k.size) return { error: `A [${k.size}]byte key holds at most ${k.size} bytes; this one is ${bytes}.` };
  return { token: quoteToken(raw) };
}

/** An element as typed; empty means the zero value. */
export function valueToken(mapType, raw) {
  const t = parseMapType(mapType);
  if (!t) return { error: `Unknown map type ${mapType}.` };
  if (raw === undefined || raw === null || raw.trim() === '') return { token: '' };
  if (t.elem.kind === 'int64') return integer(raw, INT64_MIN, INT64_MAX, 'value');
  const other = otherToken(t.elem, raw, 'value');
  if (other) return other;
  if (t.elem.kind === 'float64' || t.elem.kind === 'float32') {
    const s = raw.trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^(NaN|[+-]?Inf)$/.test(s) ? { token: s } : { error: 'Enter a number for the value, like 1.5, NaN or +Inf.' };
  }
  const bad = textError(raw, 'value');
  if (bad) return { error: bad };
  const bytes = utf8.encode(raw).length;
  if (bytes > t.elem.size) return { error: `A [${t.elem.size}]byte value holds at most ${t.elem.size} bytes; this one is ${bytes}.` };
  return { token: quoteToken(raw) };
}

/** A count such as fill N: a whole number within [min, max]. */
export function countValue(raw, { min = 0, max, what = 'count' }) {
  const s = String(raw ?? '').trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(s)) return { error: `Enter a whole number for the ${what}.` };
  const v = Number(s);
  if (!Number.isSafeInteger(v) || v < min || v > max) {
    return { error: `The ${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.` };
  }
  return { value: v };
}

/** hash0: decimal or 0x hex, 0 to 2^32-1. */
export function seedValue(raw, { wide = false } = {}) {
  const s = String(raw ?? '').trim();
  if (s === '') return { value: undefined };
  if (wide) {
    // Go 1.26's seed: 64 bits, kept exact as text.
    if (!/^(0x[0-9a-f]{1,16}|\d{1,20})$/i.test(s)) return { error: 'Enter the seed as a whole number (decimal, or hex like 0x1f).' };
    const w = BigInt(s);
    if (w >= 1n << 64n) return { error: "Go 1.26's seed is a uint64: 0 to 18446744073709551615." };
    return { value: w.toString() };
  }
  let v;
  if (/^0x[0-9a-f]+$/i.test(s)) v = parseInt(s.slice(2), 16);
  else if (/^\d+$/.test(s)) v = Number(s);
  else return { error: 'Enter the seed as a whole number (decimal, or hex like 0x1f).' };
  if (!(v >= 0 && v <= 0xffffffff)) return { error: 'The seed (hash0) is a uint32: 0 to 4294967295.' };
  return { value: v };
}

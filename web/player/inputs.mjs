// What a person types into the page's fields, checked before anything
// reaches the map: each function returns { token } (a scenario token ready
// to use) or { error } (a sentence to show next to the field). The core
// checks again; these checks exist so the message can sit beside the field
// that caused it and say what would be accepted instead.
import { quoteToken } from './scenario-text.mjs';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const MAX_STRING_KEY = 64 * 1024;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "map[string]int64" → { key: {kind, size}, elem: {kind, size} } or null. */
export function parseMapType(name) {
  const m = /^map\[(int64|int32|string|float64|\[(\d+)\]byte)\](int64|\[(\d+)\]byte)$/.exec(name);
  if (!m) return null;
  const key = m[2] ? { kind: 'bytes', size: Number(m[2]) } : { kind: m[1] };
  const elem = m[4] ? { kind: 'bytes', size: Number(m[4]) } : { kind: 'int64' };
  for (const t of [key, elem]) if (t.kind === 'bytes' && !(t.size >= 1 && t.size <= 256)) return null;
  return { key, elem };
}

export function isIntegerKey(mapType) {
  const t = parseMapType(mapType);
  return !!t && (t.key.kind === 'int64' || t.key.kind === 'int32');
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
  if (k.kind === 'float64') {
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

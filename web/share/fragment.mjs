// The playground's state as a URL fragment, and back.
//
//   #v=1&type=map[string]int64&seed=7&ops=set+a+1;del+a&step=2.5
//
// Fields, their grammar and defaults are in fields.mjs (README.md lists
// them). Only fields that differ from their default are written, except
// `type`, the first thing a reader of a link wants to know; `v` pins what
// the defaults are. The decoder is where a hostile link meets the page:
// every value goes through its field's parser, a bad one falls back to the
// default with a warning, and the scenario comes back as plain text that
// nothing here runs or renders.
//
// Plain percent-encoding, no compression: a deflate variant would need
// CompressionStream, which is asynchronous, and a decompressor on the
// hostile-input side; scenarios are short (one `fill` makes a big map), and
// a readable link is worth more than a short one.
import { FIELDS, FIELD_BY_KEY, isDefault, parseField } from './fields.mjs';
import { decodeComponent, encodeComponent } from './percent.mjs';
import { Warnings, finish, newState, readField } from './read-fields.mjs';
import { excerpt } from './text-rules.mjs';

export const FORMAT_VERSION = '1';
/** The longest fragment written or read, in characters (UTF-16 units). */
export const FRAGMENT_LIMIT = 64 * 1024;

const sizeText = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Checks a state from the page and gives it in canonical form.
 * @returns {{ state: import('./fields.mjs').ShareState, problems: string[] }}
 */
function canonical(state) {
  const out = newState();
  const problems = [];
  for (const field of FIELDS) {
    const value = state?.[field.name];
    if (value === undefined || value === null) continue;
    let text;
    try {
      text = field.format(value);
    } catch {
      problems.push(`${field.key} has the wrong type`);
      continue;
    }
    const r = parseField(field, text);
    if (r.error) problems.push(`${field.key} ${r.error}`);
    else out[field.name] = r.value;
  }
  // The same cross-checks as the decoder, so what it would fix is refused.
  const warnings = new Warnings();
  finish(out, warnings, (f) => f.key);
  for (const w of warnings.done()) problems.push(w.message);
  return { state: out, problems };
}

/**
 * The fragment for a state, without '#'. Fields left out or null take
 * their defaults. Throws a RangeError (its message is a sentence for the
 * page) when the state could not be read back exactly: a value outside its
 * grammar, fields that contradict each other or the scenario's own set-up
 * lines, or a fragment over FRAGMENT_LIMIT. So every link made here decodes
 * to the same state, with no warnings but the note about bidirectional
 * controls, which are kept.
 * @param {Partial<import('./fields.mjs').ShareState>} state
 * @returns {string}
 */
export function encodeState(state) {
  const { state: s, problems } = canonical(state);
  if (problems.length) throw new RangeError(`This state cannot be put in a link: ${problems.join('; ')}.`);
  const parts = [`v=${FORMAT_VERSION}`];
  for (const field of FIELDS) {
    if (field.name !== 'mapType' && isDefault(field, s[field.name])) continue;
    parts.push(`${field.key}=${encodeComponent(field.format(s[field.name]))}`);
  }
  const fragment = parts.join('&');
  if (fragment.length > FRAGMENT_LIMIT) {
    throw new RangeError(`The scenario is too long for a link (${sizeText(fragment.length)} once encoded; ` +
      `the limit is ${sizeText(FRAGMENT_LIMIT)}). Export it as JSON instead, or use fill and collide for bulk keys.`);
  }
  return fragment;
}

/**
 * Reads a fragment (with or without its '#').
 * ok: false only when nothing can be trusted: not text, over the size
 * limit, or written by a later format version. Otherwise every usable field
 * is taken, and each problem is a warning { field, message } naming the
 * field and what was wrong (messages are text, to be shown as text).
 * @param {string} fragment
 * @returns {{ ok: true, state: import('./fields.mjs').ShareState, warnings: { field: string|null, message: string }[], error?: undefined }
 *         | { ok: false, error: string, state?: undefined, warnings?: undefined }}
 */
export function decodeState(fragment) {
  if (fragment === undefined || fragment === null) fragment = '';
  if (typeof fragment !== 'string') return { ok: false, error: 'The link state is not text.' };
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (body.length > FRAGMENT_LIMIT) {
    return { ok: false, error: `The link is too long to read (${sizeText(body.length)}; the limit is ${sizeText(FRAGMENT_LIMIT)}).` };
  }
  const state = newState();
  const warnings = new Warnings();
  const seen = new Set();
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    if (key.error) {
      warnings.add(null, `A parameter name ${key.error}; it was ignored`);
      continue;
    }
    if (seen.has(key.text)) {
      warnings.add(FIELD_BY_KEY.get(key.text)?.name ?? null, `${excerpt(key.text)} appears more than once; the first one was used`);
      continue;
    }
    seen.add(key.text);
    if (key.text === 'v') {
      const v = decodeComponent(raw).text ?? raw;
      if (v !== FORMAT_VERSION) {
        return { ok: false, error: `This link was made by another version of the playground (format ${excerpt(v)}); this page reads format ${FORMAT_VERSION}.` };
      }
      continue;
    }
    const field = FIELD_BY_KEY.get(key.text);
    if (!field) {
      warnings.add(null, `Unknown parameter ${excerpt(key.text)} was ignored`);
      continue;
    }
    const value = decodeComponent(raw);
    if (value.error) {
      warnings.add(field.name, `${field.key}: the value ${value.error}; ${field.name === 'ops' ? 'using an empty scenario' : 'using the default'}`);
      continue;
    }
    readField(state, field, value.text, field.key, warnings);
  }
  finish(state, warnings, (f) => f.key);
  return { ok: true, state, warnings: warnings.done() };
}

// What <go-map-viz>'s attributes mean. The shared fields (map-type, hasher,
// seed, ops, step, view, theme, speed, autoplay, controls) go through
// web/share's parseElementAttributes, so an attribute reads exactly like
// the same key in a permalink or an iframe's fragment. Two attributes are
// the element's own: `density` (how much each cell shows; `auto` picks by
// size) and `module-src` (where the map module is, same origin only).
//
// A refused value never changes what is on screen: the setting keeps the
// value it had (the default, the first time), and the refusal becomes a
// warning the element shows as text. No value is ever evaluated, and the
// only one used as a URL (module-src) must stay on the element's origin.
import { parseElementAttributes, DEFAULT_STATE, FIELDS } from '../share/permalink.mjs';

export const DENSITIES = ['auto', 'full', 'keys', 'compact', 'overview'];
const SHARED = FIELDS.filter((f) => f.attr);
export const SHARED_ATTRS = SHARED.map((f) => f.attr);
/** Attributes that change which map is built (the rest only change how it is shown). */
export const LOAD_FIELDS = ['mapType', 'hasher', 'seed', 'version', 'ops', 'compare'];
export const OBSERVED = [...SHARED_ATTRS, 'density', 'module-src'];

/** attribute → property, camelCase */
export const PROPERTY_OF = Object.fromEntries([...SHARED.map((f) => [f.attr, f.name]), ['density', 'density'], ['module-src', 'moduleSrc']]);

const DEFAULTS = { ...DEFAULT_STATE, density: 'auto', moduleSrc: /** @type {string|null} */ (null) };
/** @typedef {typeof DEFAULTS} Settings the element's settings: the shared fields, density and module-src */

function excerpt(text) {
  const s = String(text);
  return JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);
}

/** module-src: an http(s) URL on the element's own origin, or any file URL beside a file page. */
function readModuleSrc(raw, base) {
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    return { error: 'is not a URL' };
  }
  const home = new URL(base);
  const sameHttp = /^https?:$/.test(url.protocol) && url.origin === home.origin;
  const bothFiles = url.protocol === 'file:' && home.protocol === 'file:';
  if (!sameHttp && !bothFiles) return { error: `must be on the element's own origin (${home.protocol === 'file:' ? 'a file URL' : home.origin})` };
  return { value: url.href };
}

/** A refusal's message with its fallback clause replaced by what is kept. */
function keptMessage(message, field, value) {
  const cut = message.lastIndexOf('; ');
  const head = cut >= 0 ? message.slice(0, cut) : message;
  if (field.name === 'ops') return `${head}; keeping the scenario in use`;
  const shown = value === null ? "the model's default" : field.format ? field.format(value) : String(value);
  return `${head}; keeping ${shown}`;
}

/**
 * Reads the attributes into the settings in use.
 * @param {(name: string) => string | null} getAttr
 * @param {Settings | null} previous the settings in use before (null at first)
 * @param {string} base the element module's URL (for module-src)
 * @returns {{ settings: Settings, warnings: { field: string|null, message: string }[] }}
 */
export function readSettings(getAttr, previous, base) {
  const before = previous ?? DEFAULTS;
  const r = parseElementAttributes(getAttr);
  const settings = { ...DEFAULTS, ...r.state };
  const warnings = [...r.warnings];
  const warned = new Set(r.warnings.map((w) => w.field));
  for (const f of SHARED) {
    // The grammar fell back to the default: the value was refused, so the
    // one in use stays. (A field can also carry a note while its value is
    // used: autoplay="false", bidirectional controls in ops.)
    const raw = getAttr(f.attr);
    const refused = raw !== null && raw !== undefined && warned.has(f.name) && settings[f.name] === DEFAULT_STATE[f.name];
    if (!refused) continue;
    settings[f.name] = before[f.name];
    // The shared grammar words its fallback for a first reading ("using the
    // default…"); a live element keeps what it showed, so say that instead.
    if (previous && before[f.name] !== DEFAULT_STATE[f.name]) {
      const i = warnings.findIndex((w) => w.field === f.name);
      if (i >= 0) warnings[i] = { ...warnings[i], message: keptMessage(warnings[i].message, f, before[f.name]) };
    }
  }
  const density = getAttr('density');
  if (density !== null && density !== undefined) {
    const d = String(density).trim();
    if (DENSITIES.includes(d)) settings.density = d;
    else {
      settings.density = before.density;
      warnings.push({ field: 'density', message: `density: ${excerpt(d)} is not one of ${DENSITIES.join(', ')}; using ${settings.density}` });
    }
  }
  const src = getAttr('module-src');
  if (src !== null && src !== undefined) {
    const m = readModuleSrc(String(src), base);
    if (m.error) warnings.push({ field: 'moduleSrc', message: `module-src: ${m.error}; using the module beside the element` });
    else settings.moduleSrc = m.value;
  }
  return { settings, warnings };
}

/** True when the settings build a different map than the ones in use. */
export function needsReload(a, b) {
  return !a || LOAD_FIELDS.some((k) => a[k] !== b[k]);
}

/**
 * The settings in use: the map's own (map-type, hasher, seed, ops) are the
 * map's on screen, which a new value changes only once its map is built
 * (a scenario the core refuses never does); the rest are the attributes'.
 * Properties read these, and a refused value keeps them (readSettings'
 * `previous`), so neither names a map that is not the one shown.
 * @param {Settings} settings the attributes, read (readSettings)
 * @param {Settings | null} shown the settings the map on screen was built with; null: none yet
 * @returns {Settings}
 */
export function settingsInUse(settings, shown) {
  if (!shown) return settings;
  const used = { ...settings };
  for (const k of LOAD_FIELDS) used[k] = shown[k];
  return used;
}

/** The text a property setter writes into its attribute (null removes it). */
export function attributeText(prop, value) {
  if (value === null || value === undefined) return null;
  if (prop === 'autoplay' || prop === 'compare') return value === false || value === 'false' ? null : '';
  return String(value);
}

/** How a setting reads from its property: the value in use, typed. */
export function propertyValue(settings, prop) {
  const v = settings[prop];
  if (prop === 'step') return v === null ? 'end' : v.micro === null ? `${v.op}` : `${v.op}.${v.micro}`;
  return v;
}

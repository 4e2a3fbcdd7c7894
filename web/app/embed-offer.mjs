// What the Embed dialog makes from the moment on screen and the options a
// blogger picks: the state of the embed (which moment, its controls, look,
// header, buckets and height, in the one grammar of share/fields.mjs), and
// the snippets: the line that loads the element's script (once per page,
// from a package CDN pinned to a version or from this site), the element
// itself (once per embed), and an iframe of this site's embed page whose
// height suits the column it lands in. No DOM, so node tests hold the
// snippets to the grammar.
import { FIELDS, DEFAULT_STATE, parseField, crossCheck } from '../share/fields.mjs';
import { elementScript, elementTag, embedSnippets } from '../share/embed.mjs';
import { PACKAGE_CDNS, packageScriptUrl } from '../share/package-release.mjs';
import { siteUrls } from './share-offer.mjs';

const FIELD = Object.fromEntries(FIELDS.map((f) => [f.name, f]));

/** Where the element's script is loaded from: a CDN of the published package, or this site. */
export const SCRIPT_SOURCES = Object.freeze(['jsdelivr', 'unpkg', 'site']);
export const SOURCE_LABELS = Object.freeze({
  jsdelivr: `npm package on ${PACKAGE_CDNS.jsdelivr.label}`,
  unpkg: `npm package on ${PACKAGE_CDNS.unpkg.label}`,
  site: 'this site (self-hosted)',
});

/** Which moment the embed opens at. */
export const MOMENTS = Object.freeze(['current', 'start', 'end', 'custom']);

/** Columns the iframe's fixed height is measured for (CSS pixels): a phone, a narrow blog column, a wide one. */
export const COLUMNS = Object.freeze([375, 600, 720]);
export const DEFAULT_COLUMN = 600;

/** The height options: the element's own stable height, a fixed one, or a maximum. */
export const SIZES = Object.freeze(['auto', 'fixed', 'max']);

/**
 * The options the dialog opens with, from the page's state (its look, as a
 * link gave it, is carried over).
 * @param {Partial<import('../share/fields.mjs').ShareState>} [state] link-state.mjs's state of the page
 */
export function defaultOptions(state = {}) {
  return {
    moment: 'current',
    stepText: '',
    controls: state.controls ?? DEFAULT_STATE.controls,
    theme: state.theme ?? DEFAULT_STATE.theme,
    view: state.view ?? DEFAULT_STATE.view,
    header: DEFAULT_STATE.header,
    buckets: '',
    size: 'auto',
    sizePx: '480',
    autoplay: false,
    // The model: the page's (Go 1.14 or 1.26), the other, or both side by side.
    version: state.version ?? DEFAULT_STATE.version,
    compare: Boolean(state.compare),
    source: 'jsdelivr',
    column: DEFAULT_COLUMN,
  };
}

/**
 * The embed's state: the page's map and history, at the chosen moment, with
 * the chosen look. Values a reader typed (a step, buckets, a height) are
 * read by the grammar's own parsers; a refused one is left out and named
 * in `errors` (option → message), so no snippet carries it.
 * @param {Partial<import('../share/fields.mjs').ShareState>} state link-state.mjs's state of the page (its step is the moment on screen)
 * @param {ReturnType<typeof defaultOptions>} options
 * @returns {{ state: Partial<import('../share/fields.mjs').ShareState>, errors: Record<string, string> }}
 */
export function embedState(state, options) {
  const errors = {};
  const out = { ...state };
  const read = (option, field, raw) => {
    const r = parseField(field, String(raw ?? ''));
    if (r.error) {
      errors[option] = `${field.attr}: "${String(raw).slice(0, 40)}" ${r.error}`;
      return undefined;
    }
    return r.value;
  };
  if (options.moment === 'start') out.step = { op: 0, micro: null };
  else if (options.moment === 'end') out.step = null;
  else if (options.moment === 'custom') {
    const step = read('stepText', FIELD.step, options.stepText);
    if (step !== undefined) out.step = step;
  }
  for (const name of ['controls', 'theme', 'view', 'header']) out[name] = options[name];
  out.autoplay = Boolean(options.autoplay);
  out.compare = Boolean(options.compare);
  const pageVersion = state.version ?? DEFAULT_STATE.version;
  if (options.version && options.version !== pageVersion) {
    // The same operations on the other model: its micro-steps are not the
    // page's, so the moment is the end of the same operation; a hasher or a
    // seed only the page's model takes stays behind.
    out.version = options.version;
    if (out.step && out.step.micro !== null) out.step = { op: out.step.op, micro: null };
    // What the other model takes is fields.mjs's rule (crossCheck); a hasher
    // it refuses is left out (the model's default), not replaced.
    const hasher = out.hasher;
    crossCheck(out, out.mapType, out.version);
    if (out.hasher !== hasher) out.hasher = null;
  }
  out.buckets = null;
  if (String(options.buckets ?? '').trim() !== '') {
    const b = read('buckets', FIELD.buckets, options.buckets);
    if (b !== undefined) out.buckets = b;
  }
  out.height = null;
  out.maxHeight = null;
  if (options.size === 'fixed' || options.size === 'max') {
    const field = options.size === 'fixed' ? FIELD.height : FIELD.maxHeight;
    const px = read('sizePx', field, options.sizePx);
    if (px !== undefined && px !== null) out[field.name] = px;
  }
  return { state: out, errors };
}

/** The element's script URL for a source, on a page at `href`. */
export function scriptUrlOf(source, href) {
  if (source === 'site') return siteUrls(href).elementScriptUrl;
  return packageScriptUrl(source);
}

/**
 * The snippets for an embed state. script: loaded once per page; element:
 * once per embed; iframe: this site's embed page, `column` wide (its height
 * the default until the dialog has measured it), with the line that lets it
 * follow its content. Throws what the share grammar throws (a state too long
 * for a link).
 * @param {{ href: string, state: Partial<import('../share/fields.mjs').ShareState>, source: string, column: number }} options
 * @returns {{ script: string, element: string, iframe: string }}
 */
export function embedTexts({ href, state, source, column }) {
  const { iframe } = embedSnippets({ ...siteUrls(href), state, width: column });
  return { script: elementScript(scriptUrlOf(source, href)), element: elementTag(state), iframe };
}

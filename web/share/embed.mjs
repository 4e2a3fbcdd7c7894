// Snippets for sharing a state (a link, a <go-map-viz> element, an iframe)
// and the element's side of the same grammar: its attributes read through
// the URL's field parsers, with the same fallbacks and warnings.
//
// The element has attributes for the fields a page author is likely to
// write (map-type, version, hasher, seed, ops, step, autoplay, speed,
// controls, view, theme). The rarer set-up fields (hashkey, rand, hint) travel as
// set-up lines at the head of `ops`, which the scenario language allows, so
// the element needs no attribute for them.
import { FIELDS, isDefault } from './fields.mjs';
import { encodeState } from './fragment.mjs';
import { setupLinesOf } from './setup-lines.mjs';
import { Warnings, finish, newState, readField } from './read-fields.mjs';
import { isSetupCommand, splitScenario } from '../player/scenario-text.mjs';

// Boolean attributes of the element: present means on (HTML's rule).
const BOOLEAN_ATTRS = new Set(['autoplay', 'compare']);
const ELEMENT_ORDER = ['mapType', 'version', 'compare', 'hasher', 'seed', 'ops', 'step', 'autoplay', 'speed', 'controls', 'view', 'theme', 'header', 'buckets', 'height', 'maxHeight'];
const FIELD = Object.fromEntries(FIELDS.map((f) => [f.name, f]));
const FOLDED = new Set(['hashkey', 'rand', 'hint']);
export const ELEMENT_FALLBACK = 'Loading the Go map… (If this stays, the page’s script tag needs type="module".)';

/** Text for a double-quoted HTML attribute value (or element content). */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"'\n\t]/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
    // Character references keep a multi-line scenario on one snippet line;
    // the parser turns them back into the newline and tab they stand for.
    '\n': '&#10;', '\t': '&#9;',
  })[c]);
}

/**
 * The element's attributes for a state, in a fixed order, defaults left out
 * (map-type is always written). autoplay, a boolean attribute, has the
 * value '' when on.
 * @returns {[string, string][]}
 */
export function elementAttributes(state) {
  const s = { ...newState(), ...state };
  const folded = setupLinesOf(Object.fromEntries(FIELDS.map((f) => [f.name, FOLDED.has(f.name) ? s[f.name] : f.def])));
  const out = [];
  for (const name of ELEMENT_ORDER) {
    const field = FIELD[name];
    let v = s[name];
    if (name === 'ops') {
      // One line, '; ' between commands (the grammar's own separator), so
      // a snippet holds no character references for newlines.
      v = [...folded, ...splitScenario(v ?? '').map((c) => c.text)].filter((l) => l !== '').join('; ');
      if (v) out.push(['ops', v]);
      continue;
    }
    if (name !== 'mapType' && isDefault(field, v)) continue;
    out.push([field.attr, BOOLEAN_ATTRS.has(name) ? '' : field.format(v)]);
  }
  return out;
}

/**
 * The element's attributes → a validated state.
 * @param {(name: string) => string | null} getAttr usually el.getAttribute.bind(el)
 * @returns {{ ok: true, state: import('./fields.mjs').ShareState, warnings: { field: string|null, message: string }[] }}
 */
export function parseElementAttributes(getAttr) {
  const state = newState();
  const warnings = new Warnings();
  for (const field of FIELDS) {
    if (!field.attr) continue;
    const raw = getAttr(field.attr);
    if (raw === null || raw === undefined) continue;
    if (BOOLEAN_ATTRS.has(field.name)) {
      // HTML's rule for boolean attributes: present means on, whatever the
      // value, as for <video autoplay>. Say so when the value suggests
      // the author meant the opposite.
      const n = field.name;
      state[n] = true;
      if (/^\s*(false|0|no|off)\s*$/i.test(String(raw))) {
        warnings.add(n, `${n}: a boolean attribute is on whenever it is present, even as ${n}="false"; remove it to turn ${n} off`);
      }
      continue;
    }
    readField(state, field, raw, field.attr, warnings);
  }
  finish(state, warnings, (f) => f.attr ?? f.key);
  return { ok: true, state, warnings: warnings.done() };
}

/** An absolute http(s) or file URL without its fragment, or a TypeError. */
function baseUrl(raw, what) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`${what} must be an absolute URL, got ${JSON.stringify(String(raw)).slice(0, 80)}`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new TypeError(`${what} must be an http(s) or file URL`);
  url.hash = '';
  return url.href;
}

/**
 * The playground at a state: the page's URL (absolute http(s) or file)
 * with the state as its fragment. Throws what encodeState throws, and a
 * TypeError for a URL that is not absolute http(s)/file.
 */
export function permalinkTo(pageUrl, state) {
  return `${baseUrl(pageUrl, 'pageUrl')}#${encodeState(state)}`;
}

function operationCount(ops) {
  return splitScenario(ops ?? '').filter((c) => !isSetupCommand(c.text)).length;
}

/**
 * The line that loads <go-map-viz>, once per page however many elements
 * it holds. Throws a TypeError for a URL that is not absolute http(s)/file.
 */
export function elementScript(scriptUrl) {
  return `<script type="module" src="${escapeHtml(baseUrl(scriptUrl, 'elementScriptUrl'))}"></script>`;
}

/**
 * The element for a state, one line, once per embed. The text inside the
 * tag shows only until the element is defined: a page that loads the
 * script without type="module" keeps it, and so says why, instead of
 * showing a blank box.
 */
export function elementTag(state) {
  const attrs = elementAttributes({ ...newState(), ...state })
    .map(([name, value]) => (BOOLEAN_ATTRS.has(name) ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  return `<go-map-viz${attrs}>${ELEMENT_FALLBACK}</go-map-viz>`;
}

/**
 * Three ways to share a state.
 * link: the playground at this state. element: the <script> that defines
 * <go-map-viz> and the element with the state's attributes. iframe: the
 * embed page with the state in its fragment, then a one-line inline
 * <script> that sizes it to its content (heightListener; a page whose CSP
 * forbids inline scripts keeps the fixed height).
 * Throws what encodeState throws (a state that cannot be shared), and a
 * TypeError for a URL that is not absolute http(s)/file.
 * @param {{ pageUrl: string, elementScriptUrl: string, embedPageUrl: string, state: Partial<import('./fields.mjs').ShareState>,
 *           width?: number, height?: number, title?: string }} options
 * @returns {{ link: string, element: string, iframe: string }}
 */
export function embedSnippets({ pageUrl, elementScriptUrl, embedPageUrl, state, width = 720, height = 560, title }) {
  const fragment = encodeState(state);
  const s = { ...newState(), ...state };
  const link = `${baseUrl(pageUrl, 'pageUrl')}#${fragment}`;
  const element = `${elementScript(elementScriptUrl)}\n${elementTag(s)}`;
  const n = operationCount(s.ops);
  const label = title ?? `Go map playground: ${s.mapType}, ${n} operation${n === 1 ? '' : 's'}`;
  const w = Math.max(200, Math.min(4000, Math.round(Number(width) || 720)));
  const h = Math.max(150, Math.min(4000, Math.round(Number(height) || 560)));
  const embedUrl = baseUrl(embedPageUrl, 'embedPageUrl');
  const iframe = `<iframe src="${escapeHtml(`${embedUrl}#${fragment}`)}" ` +
    `title="${escapeHtml(label)}" width="${w}" height="${h}" loading="lazy" style="border:0;max-width:100%"></iframe>\n` +
    heightListener(embedUrl);
  return { link, element, iframe };
}

/**
 * The few lines that let the iframe take the height its content needs
 * (embed.html posts it whenever it changes; web/README.md). A page that
 * strips or forbids inline scripts keeps the iframe's fixed height. The
 * listener finds its frame by the message's sender, so the same snippet
 * pasted twice sizes both frames, and takes messages from the embed's own
 * origin only (any origin when the embed is a file, whose origin is opaque).
 */
function heightListener(embedUrl) {
  const origin = new URL(embedUrl).origin;
  const check = origin === 'null' ? '' : `e.origin !== ${JSON.stringify(origin)} || `;
  return '<script>addEventListener("message", (e) => { ' +
    `if (${check}e.data?.type !== "go-map-viz:height" || !Number.isInteger(e.data.height)) return; ` +
    'for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source) f.style.height = `${e.data.height}px`; ' +
    '});</script>';
}

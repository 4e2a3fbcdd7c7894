// The embed page (embed.html): one <go-map-viz> whose state is the URL
// fragment, in the permalink grammar (web/share). Meant for an <iframe> on
// any site: it stores nothing (no cookies, no storage), reports its height
// to the host page (height.mjs), and shows a bad fragment's problems as
// text beside the map it could still make.
import { define } from '../element/go-map-viz.mjs';
import { loadModule } from '../element/standalone.mjs';
import { mapTypeRefusal } from '../share/map-type-check.mjs';
import { SHARED_ATTRS } from '../element/settings.mjs';
import { decodeState, elementAttributes, encodeState } from '../share/permalink.mjs';
import { h } from '../render/dom.mjs';
import { darkMedia } from '../render/theme.mjs';
import { reportHeight } from './height.mjs';

define();
const $ = (id) => document.getElementById(id);
// The page's width must not change when a scrollbar comes or goes (a
// frame shorter than its content): the map's layout, and so its height,
// would change with it.
document.documentElement.style.scrollbarGutter = 'stable';
const viz = /** @type {import('../element/go-map-viz.mjs').GoMapViz} */ ($('viz'));
const notes = $('notes');
const open = /** @type {HTMLAnchorElement} */ ($('open-link'));

function showNotes(title, messages) {
  notes.hidden = messages.length === 0;
  notes.replaceChildren(...(messages.length ? [h('p', { text: title }), h('ul', {}, messages.map((m) => h('li', { text: m })))] : []));
}

function operationCount(text) {
  return text ? text.split(/[\n;]/).filter((l) => l.trim() && !l.trim().startsWith('#')).length : 0;
}

// The core's reason when it makes no map of the link's type (the element
// would say so too, but under its attribute's name, map-type); a module
// that does not load is the element's to report.
async function typeRefusal(mapType) {
  try {
    return mapTypeRefusal(await loadModule(), mapType, 'type');
  } catch {
    return null;
  }
}

let applying = 0;

async function apply() {
  const token = ++applying;
  const r = decodeState(location.hash);
  if (r.ok) {
    const refused = await typeRefusal(r.state.mapType);
    if (token !== applying) return;
    if (refused) {
      // Nothing of this link runs; the map shown (if any) stays.
      viz.hidden = !viz.player;
      showNotes('This link was not used; it describes its map wrongly:', [refused]);
      return;
    }
  }
  if (!r.ok) {
    // Nothing in this link can be trusted: no map, only the reason.
    for (const a of SHARED_ATTRS) viz.removeAttribute(a);
    viz.hidden = true;
    open.hidden = true;
    showNotes('This embedded map cannot be shown:', [r.error]);
    document.title = 'Go map playground (embedded): a link that cannot be read';
    return;
  }
  viz.hidden = false;
  showNotes('Some of the link was not used:', r.warnings.map((w) => w.message));
  const attrs = elementAttributes(r.state);
  for (const a of SHARED_ATTRS) if (!attrs.some(([name]) => name === a)) viz.removeAttribute(a);
  for (const [name, value] of attrs) viz.setAttribute(name, value);
  /** @type {HTMLLinkElement} */ ($('dark-tokens')).media = darkMedia(r.state.theme);
  document.documentElement.dataset.theme = r.state.theme;
  const n = operationCount(r.state.ops);
  document.title = `Go map playground (embedded): ${r.state.mapType}, ${n} operation${n === 1 ? '' : 's'}`;
  // The link to the full playground carries the state as read, re-encoded,
  // so nothing of the raw fragment reaches an href.
  try {
    open.href = new URL(`./#${encodeState(r.state)}`, location.href).href;
    open.hidden = false;
  } catch {
    open.hidden = true;
  }
}

apply();
window.addEventListener('hashchange', apply);
const resend = reportHeight(window, document.body);
// After the content changed; a timeout, because these fire mid-render.
for (const type of ['ready', 'step-change', 'gomap-error', 'gomap-height']) viz.addEventListener(type, () => setTimeout(resend, 0));
window.addEventListener('load', resend);
document.documentElement.dataset.ready = 'true';

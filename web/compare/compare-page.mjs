// The page's hooks for compare mode: a Compare button beside Share and
// Embed that opens compare/compare-panel.mjs on the playground's scenario,
// and `compare=1` in the address (a permalink's field) that opens it on
// load. Closing puts the playground back as it was.
import { h } from '../render/dom.mjs';
import { encodeState } from '../share/fragment.mjs';

// The panel's code (and the export code it brings) loads when compare mode
// first opens: the page's first screen needs none of it (issues 12 and 15).
const loadPanel = () => import('./compare-panel.mjs');

/** True when a fragment asks for compare mode (`compare=1`). */
export function wantsCompare(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  return params.get('compare') === '1';
}

/**
 * @param {import('../app/app.mjs').App} app
 * @param {import('../../wasm/gomap').GoMapModule} gomap
 * @param {{ linkState?: () => Partial<import('../share/fields.mjs').ShareState> }} [options] linkState: the page's
 *   permalink state (PermalinkSync.currentState); while compare mode is
 *   open the address is that link with compare=1, so it can be copied.
 */
export function wireCompare(app, gomap, { linkState = null } = {}) {
  let panel = null;
  let before = null; // the address before compare mode
  const setAddress = (hash) => history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  const status = h('p', { class: 'cmp-status', role: 'status' });
  const btn = h('button', { type: 'button', id: 'compare-btn', text: 'Compare 1.14 / 1.26', title: 'The same operations on Go 1.14\'s bucket map and Go 1.26\'s Swiss table, side by side' });
  const anchor = document.getElementById('embed-btn');
  if (anchor) anchor.after(btn, status);
  else document.body.append(btn, status);
  const open = async () => {
    if (!app.player) return { ok: false, error: 'no map' };
    const { ComparePanel, scenarioOf } = await loadPanel();
    panel ??= new ComparePanel(gomap, {
      onClose: () => {
        if (before !== null) setAddress(before);
        before = null;
        btn.focus();
      },
    });
    const r = await panel.open(scenarioOf(app.player));
    status.textContent = r.ok ? '' : `Compare mode cannot run this scenario: ${r.error}`;
    if (r.ok && linkState) {
      try {
        before = location.hash;
        setAddress(`#${encodeState({ ...linkState(), compare: true })}`);
      } catch {
        before = null; // a state that cannot be a link: the address stays
      }
    }
    return r;
  };
  btn.addEventListener('click', open);
  return {
    open,
    get panel() { return panel; },
    /** Opens compare mode if the address asks for it. */
    async fromLink(hash = location.hash) {
      return wantsCompare(hash) ? open() : null;
    },
  };
}

// Where a lesson on both maps (`compare: true`, lessons/check.mjs) shows
// them: compare mode's panel (compare/compare-panel.mjs) drawn inline in
// the page's map section, in place of the one map and its player, at the
// end of the lesson's step. The page's player keeps the lesson's Go 1.14
// side, so the tour, its steps and links work as for any lesson; the
// panel's own controls step each side. Its code loads on first use.
import { h } from '../render/dom.mjs';

export class CompareStage {
  /**
   * @param {import('../../wasm/gomap').GoMapModule} gomap
   * @param {HTMLElement} mapView the page's <go-map-viz>; the panel goes after it
   */
  constructor(gomap, mapView) {
    this.gomap = gomap;
    this.mapView = mapView;
    this.box = null;
    this.panel = null;
    this.text = null;
  }

  get isOpen() {
    return !!this.panel?.isOpen;
  }

  /** Both maps of scenario `text` at the end of operation `op`. */
  async show(text, op) {
    if (!this.box) {
      this.box = h('div', { class: 'lesson-compare' });
      this.mapView.after(this.box);
    }
    if (!this.panel) {
      const { ComparePanel } = await import('../compare/compare-panel.mjs');
      this.panel = new ComparePanel(this.gomap, { container: this.box });
      this.panel.root.classList.add('is-lesson');
    }
    if (this.text !== text || !this.panel.isOpen) {
      const r = await this.panel.open(text);
      if (!r.ok) return r;
      this.text = text;
    }
    this.box.hidden = false;
    document.documentElement.classList.add('is-compare-lesson');
    await this.panel.seekOp(op);
    return { ok: true };
  }

  /** The page's own map again (both sessions freed). */
  hide() {
    if (!this.panel) return;
    this.panel.close();
    this.text = null;
    this.box.hidden = true;
    document.documentElement.classList.remove('is-compare-lesson');
  }
}

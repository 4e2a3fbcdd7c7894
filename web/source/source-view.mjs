// The source pane: the Go runtime function the current micro-step belongs
// to, with its line marked, from a short window of the function around
// that line (the page has one scroll area, the pane none): Go 1.14.2's
// runtime/map.go for the bucket map, Go 1.26's internal/runtime/maps for
// the Swiss map. It draws only when the function or the line changes.
import { h, setText } from '../render/dom.mjs';
import { sourceLine } from './source-lines.mjs';
import { swissSourceLine } from './swiss-source-lines.mjs';
import { GO_VERSION, FILE } from './map-go-1.14.2.mjs';
import { GO_VERSION as GO_126, DIR as DIR_126, FILE_OF } from './maps-go-1.26.mjs';
import { goFunction } from '../player/narration.mjs';

const BEFORE = 6;
const AFTER = 9;

export class SourceView {
  /** @param {{ root: HTMLElement, title: HTMLElement }} parts the pane's body and the summary's function name */
  constructor({ root, title }) {
    this.title = title;
    this.caption = h('p', { class: 'source-caption' });
    this.list = h('ol', { class: 'source-lines' });
    this.note = h('p', { class: 'source-note' });
    root.append(this.caption, this.list, this.note);
    this.shown = null;
  }

  /**
   * @param {ReturnType<import('../player/player.mjs').Player['frame']>} frame the player's frame
   * @param {{ swiss?: boolean, small?: object|null, tables?: object[] }} [model] the drawn model (a Swiss map's says whether it is one small group)
   */
  update(frame, model = null) {
    const e = frame.event ?? null;
    const swiss = !!model?.swiss;
    const small = swiss && !!model.small && !model.tables?.length;
    const at = !e ? { fn: null, line: null, lines: null } : swiss ? swissSourceLine(frame, { small }) : sourceLine(e);
    const key = `${swiss}/${at.fn}/${at.line}/${e?.fn}/${frame.variant}`;
    if (key === this.shown) return;
    this.shown = key;
    // A Swiss step's function is the one shown (its variant's own entry point).
    const named = !e ? null : swiss ? at.fn ?? e.fn : goFunction(e.fn, frame.variant);
    const file = swiss ? `${DIR_126}/${FILE_OF[at.fn] ?? ''}` : FILE;
    setText(this.title, named ?? '');
    if (!at.lines) {
      setText(this.caption, e ? `${named}: not in this excerpt of ${swiss ? DIR_126 : FILE}.` : 'No micro-step: the map before or after an operation.');
      this.list.replaceChildren();
      setText(this.note, '');
      return;
    }
    setText(this.caption, `${file}, Go ${swiss ? GO_126 : GO_VERSION} · ${at.fn}${at.line === null ? ' (this step has no line of its own)' : `, line ${at.line + 1} of the function`}`);
    const centre = at.line ?? 0;
    const from = Math.max(0, centre - BEFORE);
    const to = Math.min(at.lines.length, centre + AFTER + 1);
    const items = [];
    if (from > 0) items.push(h('li', { class: 'source-gap', 'aria-hidden': 'true', text: `⋯ ${from} line${from === 1 ? '' : 's'}` }));
    // The window's common indentation is dropped: the pane is narrow.
    const indent = Math.min(...at.lines.slice(from, to).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
    for (let i = from; i < to; i++) {
      const current = i === at.line;
      items.push(h('li', { class: current ? 'is-current' : null, 'aria-current': current ? 'step' : null, value: String(i + 1) },
        h('code', { text: at.lines[i].slice(indent) || ' ' })));
    }
    if (to < at.lines.length) items.push(h('li', { class: 'source-gap', 'aria-hidden': 'true', text: `⋯ ${at.lines.length - to} more` }));
    this.list.replaceChildren(...items);
    // A fast variant lives in its own file (map_faststr.go…); its steps
    // are the ones of the generic function shown.
    setText(this.note, !swiss && named !== e.fn ? `${named} (map_${frame.variant}.go) takes the same steps as ${at.fn}, shown here.` : '');
  }
}

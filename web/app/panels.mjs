// The panels beside the map: the hash of the key in play, the iterator,
// stats over time, the table view, and the Go source of the step. Each reads the moment on screen.
import { HashView } from '../render/hash-view.mjs';
import { SwissHashView } from '../render/swiss-hash-view.mjs';
import { IterView } from '../render/iter-view.mjs';
import { StatsView } from '../render/stats-view.mjs';
import { TableView } from '../render/table-view.mjs';
import { describeBucket } from '../render/map-model.mjs';
import { mapStats } from '../player/stats.mjs';
import { hashFocus, keyIsText } from './describe.mjs';
import { goFunction } from '../player/narration.mjs';
import { swissFunction } from '../player/swiss-narration.mjs';

export class Panels {
  constructor(els) {
    this.els = els;
    this.hash = new HashView();
    this.swissHash = new SwissHashView();
    this.swissHash.root.hidden = true;
    this.iter = new IterView();
    this.stats = new StatsView();
    this.table = new TableView();
    els.hashView.append(this.hash.root, this.swissHash.root);
    els.iteratorView.append(this.iter.root);
    els.statsView.append(this.stats.root);
    els.tableView.append(this.table.root);
    // The Go source of the step, folded: its summary names the function;
    // the source and its view are loaded when a reader opens it (the page
    // stays within its weight budget for those who never do).
    this.source = null;
    this.sourceFn = document.getElementById('source-fn');
    const pane = document.getElementById('source-pane');
    pane?.addEventListener('toggle', async () => {
      if (!pane.open || this.source) return;
      const { SourceView } = await import('../source/source-view.mjs');
      this.source ??= new SourceView({ root: document.getElementById('source-view'), title: this.sourceFn });
      if (this.lastFrame) this.source.update(this.lastFrame, this.last);
    });
    this.tableShown = false;
    els.tableToggle.addEventListener('click', () => {
      this.tableShown = !this.tableShown;
      els.tableToggle.setAttribute('aria-expanded', String(this.tableShown));
      els.tableToggle.textContent = this.tableShown ? 'Hide table' : 'Show table';
      els.tableView.hidden = !this.tableShown;
      if (this.tableShown && this.last) this.table.update(this.last);
    });
  }

  update(player, frame, model) {
    this.last = model;
    this.lastFrame = frame;
    if (this.source) this.source.update(frame, model);
    else if (this.sourceFn) {
      // Folded: only the summary's function name (Go 1.26: the variant's own).
      const small = !!model.small && !model.tables?.length;
      this.sourceFn.textContent = !frame.event ? ''
        : model.swiss ? swissFunction(frame.event, { small, variant: frame.variant }) : goFunction(frame.event.fn, frame.variant);
    }
    this.hash.root.hidden = !!model.swiss;
    this.swissHash.root.hidden = !model.swiss;
    // The bucket map's stats, table and exports do not read a Swiss table
    // (yet): their cards and buttons step aside rather than show another map.
    for (const card of [this.els.statsView.closest('section'), document.getElementById('table-card')]) stepAside(card, !!model.swiss);
    for (const id of ['export-svg', 'export-png', 'export-json']) {
      const b = document.getElementById(id);
      if (!b) continue;
      if (model.swiss && b.dataset.swissAside === undefined) {
        b.dataset.swissAside = b.disabled ? 'disabled' : '';
        b.disabled = true;
        b.title = 'Export draws the Go 1.14 bucket map; the Swiss table is not exported yet';
      } else if (!model.swiss && b.dataset.swissAside !== undefined) {
        b.disabled = b.dataset.swissAside === 'disabled';
        b.removeAttribute('title');
        delete b.dataset.swissAside;
      }
    }
    if (model.swiss) {
      // Go 1.26: h1 and h2 of the key in play, and the keys a loop yielded;
      // the bucket map's stats, iterator and table do not apply.
      this.swissHash.update(hashFocus(player, frame, model));
      const yielded = player.yieldedKeys();
      this.els.iteratorCard.hidden = !yielded;
      if (yielded) this.iter.update({ it: null, yielded, event: null, keyIsText: keyIsText(model.header), where: () => '' });
      return;
    }
    this.hash.update(hashFocus(player, frame, model));
    const yielded = player.yieldedKeys();
    const it = player.iteratorAt(model.header.iterator ?? null);
    const showIter = !!(yielded || it);
    this.els.iteratorCard.hidden = !showIter;
    if (showIter) {
      this.iter.update({
        it,
        yielded,
        event: frame.event,
        keyIsText: keyIsText(model.header),
        where: (a) => describeBucket(model, a),
      });
    }
    const currentOp = frame.op;
    this.stats.update(mapStats(player.map, model.header), player.history.ops, currentOp);
    if (this.tableShown) this.table.update(model);
  }
}

// Hides a card while a Swiss map is shown and gives it back as it was
// (other settings, a link's view, may hide it too).
function stepAside(card, aside) {
  if (!card) return;
  if (aside && card.dataset.swissAside === undefined) {
    card.dataset.swissAside = card.hidden ? 'hidden' : '';
    card.hidden = true;
  } else if (!aside && card.dataset.swissAside !== undefined) {
    card.hidden = card.dataset.swissAside === 'hidden';
    delete card.dataset.swissAside;
  }
}

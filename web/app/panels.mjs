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
import { SwissStatsView } from '../render/swiss-stats-view.mjs';
import { SwissTableView } from '../render/swiss-table-view.mjs';
import { swissStatsOfModel } from '../render/swiss-stats.mjs';

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
    // Go 1.26's stats and table: their own views in the same cards.
    this.swissStats = new SwissStatsView();
    this.swissTable = new SwissTableView();
    this.swissStats.root.hidden = true;
    this.swissTable.root.hidden = true;
    els.statsView.append(this.stats.root, this.swissStats.root);
    els.tableView.append(this.table.root, this.swissTable.root);
    // The Go source of the step, folded: its summary names the function;
    // the source and its view are loaded when a reader opens it (the page
    // stays within its weight budget for those who never do).
    this.source = null;
    this.sourceFn = document.getElementById('source-fn');
    const pane = /** @type {HTMLDetailsElement} */ (document.getElementById('source-pane'));
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
      if (this.tableShown && this.last) (this.last.swiss ? this.swissTable : this.table).update(this.last);
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
    // Each model's stats and table view in the same cards.
    this.stats.root.hidden = !!model.swiss;
    this.swissStats.root.hidden = !model.swiss;
    this.table.root.hidden = !!model.swiss;
    this.swissTable.root.hidden = !model.swiss;
    const tableTitle = document.getElementById('table-title');
    if (tableTitle) tableTitle.textContent = model.swiss ? 'Slots as a table' : 'Buckets as a table';
    if (model.swiss) {
      // Go 1.26: h1 and h2 of the key in play, the keys a loop yielded, the
      // Swiss stats and table; the bucket map's iterator does not apply.
      // A Go 1.26 player's focus has the Swiss fields (describe.mjs).
      this.swissHash.update(/** @type {Parameters<SwissHashView['update']>[0]} */ (hashFocus(player, frame, model)));
      this.swissStats.update(swissStatsOfModel(model, player.reportedHashes(frame.op + 1)));
      if (this.tableShown) this.swissTable.update(model);
      const yielded = player.yieldedKeys();
      this.els.iteratorCard.hidden = !yielded;
      if (yielded) this.iter.update({ it: null, yielded, event: null, keyIsText: keyIsText(model.header), where: () => '' });
      return;
    }
    this.hash.update(/** @type {Parameters<HashView['update']>[0]} */ (hashFocus(player, frame, model)));
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


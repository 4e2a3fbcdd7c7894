// The stats panel under Go 1.26 (render/swiss-stats.mjs's numbers): the
// same grid of figures as Go 1.14's (stats-view.mjs), named as the Swiss
// table names them.
import { h, setText } from './dom.mjs';

const fmt = new Intl.NumberFormat('en-US').format;
const bytes = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

const CELLS = [
  ['entries', 'entries (used)'], ['tables', 'tables'], ['directory', 'directory'], ['load', 'load (entries / slots)'],
  ['tombstones', 'tombstones (0xFE)'], ['probe', 'probe: groups read per key'], ['heap', 'heap in use'], ['perEntry', 'bytes per entry'],
];

export class SwissStatsView {
  constructor() {
    this.cells = {};
    this.root = h('dl', { class: 'stat-grid swiss-stats' }, CELLS.map(([name, label]) => {
      const dd = h('dd');
      this.cells[name] = dd;
      return h('div', { class: `stat stat-${name}` }, h('dt', { text: label }), dd);
    }));
  }

  /** @param {ReturnType<typeof import('./swiss-stats.mjs').swissStats>} s */
  update(s) {
    setText(this.cells.entries, fmt(s.count));
    setText(this.cells.tables, s.tables ? fmt(s.tables) : 'none: a small map (one group)');
    setText(this.cells.directory, s.dirLen ? `${fmt(s.dirLen)} entr${s.dirLen === 1 ? 'y' : 'ies'} (globalDepth ${s.globalDepth})` : '—');
    setText(this.cells.load, `${(s.loadFactor * 100).toFixed(1)}% of ${fmt(s.capacity)} slots (grows at 87.5%)`);
    setText(this.cells.tombstones, fmt(s.tombstones));
    setText(this.cells.probe, s.probe ? `average ${s.probe.average.toFixed(2)}, longest ${s.probe.longest}` : `— (${s.probeWhy})`);
    setText(this.cells.heap, bytes(s.bytes));
    setText(this.cells.perEntry, s.bytesPerEntry === null ? '—' : s.bytesPerEntry.toFixed(1));
  }
}

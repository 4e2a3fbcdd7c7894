// Go 1.26's map as a table, for screen readers and for anyone who prefers
// rows to pictures (the Swiss counterpart of table-view.mjs): one row per
// slot of every table read with its groups (a big map: the tables the
// picture opens), with its table, group, slot, control byte, state, key
// and element; a deleted slot's stale key bytes say so.
import { h, setText } from './dom.mjs';
import { allTables, hex2 } from './swiss-model.mjs';

const COLS = ['Table', 'Group', 'Slot', 'Control byte', 'State', 'Key', 'Element'];
const STATE = { full: 'full', empty: 'empty', deleted: 'deleted (tombstone)' };

/** The rows the table shows, DOM-free: [table, group, slot, ctrl, state, key, element]. */
export function swissRows(model) {
  const rows = [];
  const add = (tname, g) => g.slots.forEach((s) => {
    const key = s.state === 'full' ? s.key : s.stale !== null ? `${s.stale} (stale)` : '';
    rows.push([tname, `g${g.index}`, String(s.slot), `0x${hex2(s.ctrl)}`, STATE[s.state], key, s.state === 'full' ? s.value : '']);
  });
  if (model.small) add('small map', model.small);
  for (const t of allTables(model)) {
    const name = t.role === 'live' ? `T${t.pos}` : `T${t.pos} (${t.role === 'new' ? 'new' : 'replaced'})`;
    for (const g of t.groups) add(name, g);
  }
  return rows;
}

export class SwissTableView {
  constructor() {
    this.caption = h('caption');
    this.body = h('tbody');
    this.root = h('div', { class: 'table-wrap' }, h('table', { class: 'bucket-table swiss-table' }, this.caption,
      h('thead', {}, h('tr', {}, COLS.map((c) => h('th', { scope: 'col', text: c })))), this.body));
  }

  update(model) {
    const rows = swissRows(model);
    const read = allTables(model).filter((t) => !t.summary).length;
    const all = model.tables.length;
    const hd = model.header;
    setText(this.caption, !hd.created ? 'The map has not been created yet.'
      : model.small ? `${hd.count} entries in the small map's one group`
        : `${hd.count} entries in ${all} table${all === 1 ? '' : 's'}${read < allTables(model).length ? `; the rows of the ${read} table${read === 1 ? '' : 's'} the picture opens` : ''}`);
    this.body.replaceChildren(...rows.map((r) => h('tr', { class: r[4] === 'full' ? 'row-live' : r[4] === 'empty' ? 'row-empty' : 'row-deleted' }, r.map((c) => h('td', { text: c })))));
  }
}

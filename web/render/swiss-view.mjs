// The Swiss table drawn from its bytes (render/swiss-model.mjs): the Map
// header, the directory with its entries pointing at tables (entries that
// share a table drawn as one run, with the table's localDepth), and each
// table with its groups — the control word as 8 bytes over the 8 slots,
// each slot's key and element under its byte, a deleted slot's leftover
// key shown as stale. Marks of the step (sw-* classes, swiss-model.mjs
// swissMarks) and `sw-focus` on what to keep in view.
import { h, setText } from './dom.mjs';
import { allTables, hex2, tablesInFull, tableName, focusTablePos, groupWindow, GROUP_WINDOW } from './swiss-model.mjs';
import { SwissOverview } from './swiss-overview.mjs';

// Past this many groups a table is drawn dense (render/swiss-view.mjs).
const DENSE_GROUPS = 16;
const MAX_SUMMARY_LINES = 32;
const ZOOM_OUT_TABLES = 8;
const MAX_DIR_RUNS = 128;
// Elements of groups and tables drawn lately, kept by address (a step back
// or forth finds most of them again and only patches what differs).
const GROUP_POOL = 512;
const TABLE_POOL = 64;
// One formatter, made once (toLocaleString builds one per call, at every step).
const count = new Intl.NumberFormat('en-US').format;
const STATE_LABEL = { empty: 'empty', deleted: 'deleted (tombstone)', full: 'full' };

function cls(base, extra) {
  return extra?.length ? `${base} ${extra.join(' ')}` : base;
}

// Puts exactly these nodes, in this order, under parent, leaving in place
// those already there: a node re-inserted costs its whole subtree's style
// and layout again, so a step touches only what changed.
function patchChildren(parent, list) {
  list.forEach((node, i) => {
    const at = parent.childNodes[i];
    if (at !== node) parent.insertBefore(node, at ?? null);
  });
  while (parent.childNodes.length > list.length) parent.lastChild.remove();
}

function field(name, value, title) {
  return h('span', { class: 'sw-field', title }, h('span', { class: 'sw-fname', text: name }), ' ', h('span', { class: 'sw-fval', text: String(value) }));
}

// A line of fields [name, value, title] after `lead` leading nodes of
// parent: a field whose name and title read the same keeps its node and
// gets its new value as text (an operation's end changes one or two
// values, not the line).
function patchFields(parent, lead, list) {
  const kids = [...parent.childNodes].slice(0, lead);
  let i = lead;
  for (const f of list) {
    if (!f) continue;
    const [name, value, title] = f;
    const at = /** @type {HTMLElement | undefined} */ (parent.childNodes[i++]);
    if (at?.title === title && at.firstChild?.textContent === name) {
      setText(/** @type {HTMLElement} */ (at.lastChild), String(value));
      kids.push(at);
    } else {
      kids.push(field(name, value, title));
    }
  }
  patchChildren(parent, kids);
}

// Keeps the most recently used entries of a pool, the oldest dropped.
function touch(pool, key, entry, cap) {
  pool.delete(key);
  pool.set(key, entry);
  if (pool.size > cap) pool.delete(pool.keys().next().value);
}

export class SwissView {
  /**
   * @param {{ onOpen?: (pos: number) => void, onPage?: () => void }} [options] onOpen: a table picked
   *   in the overview; onPage: a window paged, to be drawn again from the session (a model read as
   *   windows has only the groups it drew; without it, the last model is drawn again)
   */
  constructor({ onOpen, onPage } = {}) {
    this.onPage = onPage;
    this.overview = new SwissOverview({ onOpen });
    this.header = h('div', { class: 'sw-header', role: 'group', 'aria-label': 'Map header (Go 1.26)' });
    this.directory = h('div', { class: 'sw-directory' });
    this.tables = h('div', { class: 'sw-tables' });
    this.opened = h('div', { class: 'sw-tables' }); // a big map's opened tables, under its overview
    this.root = h('div', { class: 'swiss-map' }, this.header, this.directory, this.tables, swissLegend());
    this.windowFrom = new Map(); // table address → first group of its window, kept from step to step
    this.pinned = new Set();     // tables whose window the reader paged (until the next step)
    this.groupPool = new Map();  // group address → its element and what each slot shows
    this.tablePool = new Map();  // table address → its box, line of fields, rows and pager
  }

  /** Where a table's window stands (readSwissModel's windowOf): pinned while the reader pages it. */
  windowOf(addr) {
    return { from: this.windowFrom.get(addr) ?? 0, pinned: !!this.paging && this.pinned.has(addr) };
  }

  /**
   * @param {import('./swiss-model.mjs').SwissModel} model swissModelOf()
   * @param {ReturnType<typeof import('./swiss-model.mjs').swissMarks>} marks
   */
  update(model, marks, { dense = false, open = 0, theme = '' } = {}) {
    if (!this.paging) this.pinned.clear();
    this.last = { model, marks, options: { dense, open, theme } };
    this.theme = theme;
    this.allDense = dense; // every table dense, however small (compare mode)
    // A map of many tables, too big to draw table by table (the state
    // summarized some): the directory and the tables zoomed out, the
    // opened table below. A few big tables (a split) stay drawn as tables.
    this.zoomedOut = model.tables.length > ZOOM_OUT_TABLES && allTables(model).some((t) => t.summary);
    this.open = open;
    this.#header(model);
    this.#directory(model, marks);
    this.#tables(model, marks);
  }

  /** The element the step is about (for scrolling it into view). */
  focusElement() {
    return this.root.querySelector('.sw-focus');
  }

  #header(model) {
    const hd = model.header;
    // The same header as last step: its nodes stay (no style or layout for them).
    const sig = JSON.stringify([hd.created, hd.type?.name, hd.map, hd.count, hd.seed, hd.dirLen, hd.globalDepth, hd.tombstonePossible, hd.clearSeq]);
    if (sig === this.headerSig) return;
    this.headerSig = sig;
    if (!hd.created) {
      this.header.replaceChildren(h('span', { class: 'sw-note', text: `make(${hd.type.name}): no groups yet — the first insert allocates one.` }));
      return;
    }
    const title = `Map @0x${hd.map}`;
    const first = /** @type {HTMLElement | null} */ (this.header.firstChild);
    if (first?.className !== 'sw-title') this.header.replaceChildren(h('span', { class: 'sw-title', text: title }));
    else setText(first, title);
    patchFields(this.header, 1, [
      ['used', hd.count, 'Map.used: the number of entries'],
      ['seed', `0x${hd.seed}`, 'Map.seed: mixed into every hash'],
      ['dirLen', hd.dirLen, 'Map.dirLen: directory entries (0: a small map, its one group at dirPtr)'],
      ['globalDepth', hd.globalDepth, 'Map.globalDepth: the top bits of the hash that index the directory'],
      ['tombstonePossible', hd.tombstonePossible, 'Map.tombstonePossible: a delete may have left a tombstone'],
      ['clearSeq', hd.clearSeq, 'Map.clearSeq: clears so far (iterators compare it)'],
      ['type', hd.type.name, `slot ${hd.type.slotSize} B, group ${hd.type.groupSize} B`],
    ]);
  }

  #directory(model, marks) {
    const d = this.directory;
    if (!model.header.created) {
      d.hidden = true;
      return;
    }
    d.hidden = false;
    if (this.zoomedOut || model.small) this.dirSig = null;
    if (this.zoomedOut) {
      const label = `directory (${model.header.dirLen} entries)`;
      if (d.firstChild?.textContent !== label || !d.classList.contains('is-zoomed-out')) {
        d.replaceChildren(h('span', { class: 'sw-dlabel', text: label }), h('span', { class: 'sw-note', text: 'drawn zoomed out below' }));
      }
      d.classList.add('is-zoomed-out');
      return;
    }
    d.classList.remove('is-zoomed-out');
    if (model.small) {
      d.replaceChildren(h('span', { class: 'sw-dlabel', text: 'directory' }), h('span', { class: 'sw-note', text: 'none: a small map (up to 8 entries) is one group at dirPtr' }));
      return;
    }
    let runs = [];
    for (const e of model.directory) {
      if (e.first) runs.push([]);
      runs.at(-1).push(e);
    }
    // Thousands of entries: the first runs and the one a step is about.
    const more = runs.length > MAX_DIR_RUNS ? runs.length - MAX_DIR_RUNS : 0;
    if (more) runs = runs.filter((run, i) => i < MAX_DIR_RUNS || run.some((e) => marks.dir.has(e.index)));
    // The same entries, tables and marks as drawn: the nodes stay.
    const sig = JSON.stringify([model.header.dirLen, more, marks.focus?.dir, runs.map((run) => [model.tables[run[0].table].localDepth,
      run.map((e) => `${e.index}:${model.tables[e.table].pos}:${marks.dir.get(e.index)?.join(' ') ?? ''}`)])]);
    if (sig === this.dirSig) return;
    this.dirSig = sig;
    d.replaceChildren(
      h('span', { class: 'sw-dlabel', text: `directory (${model.header.dirLen} entr${model.header.dirLen === 1 ? 'y' : 'ies'})` }),
      h('span', { class: 'sw-runs' }, runs.map((run) => {
        const t = model.tables[run[0].table];
        return h('span', { class: cls('sw-run', run.length > 1 ? ['is-shared'] : []), title: `entries ${run[0].index}–${run.at(-1).index} → T${t.pos}, localDepth ${t.localDepth}${run.length > 1 ? ' (shared: localDepth < globalDepth)' : ''}` },
          run.map((e) => {
            const m = marks.dir.get(e.index);
            const focus = marks.focus?.dir === e.index ? ['sw-focus'] : [];
            return h('span', { class: cls('sw-entry', [...(m ?? []), ...focus]), dataset: { index: String(e.index) } },
              h('span', { class: 'sw-eidx', text: `[${e.index}]` }), h('span', { class: 'sw-eto', text: `→T${t.pos}` }));
          }),
          h('span', { class: 'sw-ld', text: `ld ${t.localDepth}` }));
      }), more ? h('span', { class: 'sw-note', text: `… ${more.toLocaleString('en-US')} more tables' entries` }) : null),
    );
  }

  #tables(model, marks) {
    if (this.zoomedOut) {
      this.#zoomedOut(model, marks);
      return;
    }
    const inFull = tablesInFull(model, marks);
    const parts = [];
    if (model.small) parts.push(this.#smallGroup(model, marks));
    // A map of thousands of tables: those drawn in full, the first few
    // summary lines, and a count of the rest.
    let summaries = 0;
    let hidden = 0;
    let hiddenUsed = 0;
    for (const t of allTables(model)) {
      const full = inFull.has(t.addr);
      if (!full && !marks.tables.has(t.addr) && summaries >= MAX_SUMMARY_LINES) {
        hidden++;
        hiddenUsed += t.used;
        continue;
      }
      if (!full) summaries++;
      parts.push(this.#table(t, model, marks, full));
    }
    if (hidden) parts.push(h('p', { class: 'sw-note', text: `… and ${hidden.toLocaleString('en-US')} more tables holding ${hiddenUsed.toLocaleString('en-US')} entries.` }));
    patchChildren(this.tables, parts);
  }

  // The overview, then in full the tables the step is about and the one
  // opened from the overview (the others are bars in it).
  #zoomedOut(model, marks) {
    const focusTable = focusTablePos(model, marks);
    // In the document first: the overview reads its colours from the
    // tokens, and a figure outside the document has none to read.
    patchChildren(this.tables, [this.overview.root, this.opened]);
    this.overview.update(model, { focusTable, focusDir: marks.focus?.dir ?? null, open: this.open, theme: this.theme });
    const inFull = tablesInFull(model, marks);
    const opened = model.tables[this.open];
    if (opened && !opened.summary) inFull.add(opened.addr);
    const parts = [];
    for (const t of allTables(model)) if (inFull.has(t.addr) && !t.summary) parts.push(this.#table(t, model, marks, true));
    // The overview stays in place (moving its canvases costs a style and
    // layout pass of their own); only the opened tables are drawn anew.
    patchChildren(this.opened, parts);
  }

  // The two lines around a table's window: "⋯ N groups above / below",
  // each a button that moves the window by GROUP_WINDOW groups (the step's
  // groups stay drawn) until the next step brings it back to the step.
  #pager(addr) {
    const line = (where) => h('button', { type: 'button', class: `sw-window sw-${where}`, dataset: { where } });
    const above = line('above');
    const below = line('below');
    const move = (by, other) => {
      const from = Math.max(0, (this.windowFrom.get(addr) ?? 0) + by);
      this.windowFrom.set(addr, from);
      this.pinned.add(addr);
      const hadFocus = /** @type {HTMLElement} */ (document.activeElement);
      this.paging = true;
      try {
        if (this.onPage) this.onPage();
        else this.update(this.last.model, this.last.marks, this.last.options);
      } finally {
        this.paging = false;
      }
      // The reader keeps paging from the keyboard: focus stays on the line,
      // or the other one once this end of the table is reached.
      if (hadFocus === above || hadFocus === below) (hadFocus.hidden ? other : hadFocus).focus();
    };
    above.addEventListener('click', () => move(-GROUP_WINDOW, below));
    below.addEventListener('click', () => move(GROUP_WINDOW, above));
    return {
      above,
      below,
      fill(win, total, others) {
        const span = `groups ${win.from}–${win.to - 1} of ${total} drawn${others ? ` (and ${others} more the step names)` : ''}`;
        const words = (n, where) => `⋯ ${count(n)} group${n === 1 ? '' : 's'} ${where}`;
        above.hidden = win.above === 0;
        below.hidden = win.below === 0;
        setText(above, words(win.above, 'above'));
        setText(below, words(win.below, 'below'));
        above.title = `${span}; show the ${GROUP_WINDOW} before them`;
        below.title = `${span}; show the ${GROUP_WINDOW} after them`;
        above.dataset.count = String(win.above);
        below.dataset.count = String(win.below);
      },
    };
  }

  #smallGroup(model, marks) {
    const g = model.small;
    let small = this.smallBox;
    if (!small) {
      const row = h('div', { class: 'sw-groups' });
      const addr = h('span', { class: 'sw-taddr' });
      const box = h('section', { class: 'sw-table is-small', 'aria-label': 'the small map: one group' },
        h('h4', { class: 'sw-thead' }, h('span', { class: 'sw-tname', text: 'small map: one group' }), addr), row);
      small = this.smallBox = { box, row, addr };
    }
    setText(small.addr, ` @0x${g.addr}`);
    patchChildren(small.row, [this.#group(g, 'g', model, marks)]);
    return small.box;
  }

  #table(t, model, marks, full) {
    const tm = marks.tables.get(t.addr) ?? [];
    const focus = marks.focus?.table === t.addr ? ['sw-focus'] : [];
    // The table's box, line of fields and rows, kept by address: a step
    // patches the fields that changed and the groups that differ.
    let cached = this.tablePool.get(t.addr);
    if (!cached) {
      const name = h('span', { class: 'sw-tname' });
      cached = { box: h('section', { dataset: { addr: t.addr } }), head: h('h4', { class: 'sw-thead' }, name, h('span', { class: 'sw-taddr', text: ` @0x${t.addr}` })), name };
    }
    touch(this.tablePool, t.addr, cached, TABLE_POOL);
    setText(cached.name, t.role === 'live' ? `T${t.pos}` : t.role === 'new' ? `T${t.pos} (new, filling)` : `T${t.pos} (replaced)`);
    patchFields(cached.head, 2, [
      ['capacity', t.capacity, 'table.capacity: slots'],
      ['used', t.used, 'table.used'],
      ['growthLeft', t.growthLeft, 'table.growthLeft: inserts into empty slots before it must grow (7/8 load)'],
      ['tombstones', t.tombstones, 'deleted slots (0xFE): 7/8 of capacity - used - growthLeft'],
      ['localDepth', t.localDepth, 'table.localDepth: hash bits this table was split by'],
      t.role === 'live' ? [t.entries.length === 1 ? 'dir entry' : 'dir entries', t.entries.length === 1 ? `${t.entries[0]}` : `${t.entries[0]}–${t.entries.at(-1)}`, 'the directory entries pointing here'] : null,
    ]);
    const { box, head } = cached;
    const dense = full && (t.groupCount > DENSE_GROUPS || (this.allDense && t.groupCount > 1));
    const boxClass = cls(`sw-table role-${t.role}`, [...tm, ...focus, ...(dense ? ['is-dense'] : []), ...(full ? [] : ['is-summary'])]);
    if (box.className !== boxClass) box.className = boxClass;
    const label = tableName(t);
    if (box.getAttribute('aria-label') !== label) box.setAttribute('aria-label', label);
    const kids = [head];
    if (full) {
      // A big table is dense: its groups side by side, control bytes only,
      // but for the groups the step is about, drawn whole on their own row.
      // A window of the table's groups (and those the step marks) when it
      // has more than fit beside the player: zoomed out, or a table of
      // more than GROUP_WINDOW groups (a 1,024-slot table has 128).
      const windowed = this.zoomedOut || t.groupCount > GROUP_WINDOW;
      const pinned = this.pinned?.has(t.addr) ?? false;
      const win = windowed ? groupWindow(t, marks, this.windowFrom.get(t.addr) ?? 0, { pinned }) : null;
      if (win) this.windowFrom.set(t.addr, win.from); // no focus here next step: stay where it was
      const groups = win ? win.groups : t.groups;
      cached.row ??= h('div', { class: 'sw-groups' });
      patchChildren(cached.row, groups.map((g) => this.#group(g, `g${g.index}`, model, marks, dense)));
      const pager = win && groups.length < t.groupCount ? (cached.pager ??= this.#pager(t.addr)) : null;
      if (pager) {
        const others = groups.length - (win.to - win.from);
        pager.fill(win, t.groupCount, others);
        kids.push(pager.above, cached.row, pager.below);
      } else {
        kids.push(cached.row);
      }
    } else {
      const fill = t.capacity ? t.used / t.capacity : 0;
      const width = `${(fill * 100).toFixed(1)}%`;
      const words = ` ${t.groupCount} groups, ${(fill * 100).toFixed(0)}% used — drawn in full when a step is about it`;
      if (cached.summarySig !== `${width}${words}`) {
        const bar = h('span', { class: 'sw-fill' }, h('span', { class: 'sw-fill-used' }));
        /** @type {HTMLElement} */ (bar.firstChild).style.width = width;
        cached.summary = h('p', { class: 'sw-summary' }, bar, words);
        cached.summarySig = `${width}${words}`;
      }
      kids.push(cached.summary);
    }
    patchChildren(box, kids);
    return box;
  }

  // A group drawn: its element kept by address (a pool across steps), its
  // class and label set when they differ, and each slot patched: a slot
  // that shows the same bytes only changes its class when its marks do;
  // one that shows other bytes is built anew. Nothing else is touched, so
  // a step restyles and relayouts the few slots it is about.
  #group(g, label, model, marks, dense = false) {
    const gm = marks.groups.get(g.addr) ?? [];
    const focusHere = marks.focus?.group === g.addr;
    const open = dense && (focusHere || gm.length > 0 || g.slots.some((s) => marks.slots.has(`${g.addr}:${s.slot}`)));
    let entry = this.groupPool.get(g.addr);
    if (!entry) {
      const glabel = h('span', { class: 'sw-glabel', title: `group at 0x${g.addr}` });
      const cells = h('span', { class: 'sw-cells' });
      entry = { el: h('div', { dataset: { addr: g.addr } }, glabel, cells), glabel, cells, cls: '', label: null, slots: [] };
    }
    touch(this.groupPool, g.addr, entry, GROUP_POOL);
    const focus = focusHere && marks.focus.slot === undefined ? ['sw-focus'] : [];
    const groupClass = cls('sw-group', [...gm, ...focus, ...(open ? ['is-open'] : [])]);
    if (entry.cls !== groupClass) entry.el.className = entry.cls = groupClass;
    if (entry.label !== label) entry.glabel.textContent = entry.label = label;
    const closed = dense && !open;
    const kids = g.slots.map((s, i) => {
      const m = marks.slots.get(`${g.addr}:${s.slot}`) ?? [];
      const slotClass = cls(`sw-slot s-${s.state}`, [...m, ...(focusHere && marks.focus.slot === s.slot ? ['sw-focus'] : [])]);
      const shows = `${label}\u0001${closed}\u0001${s.slot}\u0001${s.ctrl}\u0001${s.key ?? ''}\u0001${s.value ?? ''}\u0001${s.stale ?? ''}\u0001${s.staleValue ?? ''}`;
      let cell = entry.slots[i];
      if (cell?.shows !== shows) cell = entry.slots[i] = { el: slotElement(label, s, closed), shows, cls: '' };
      if (cell.cls !== slotClass) cell.el.className = cell.cls = slotClass;
      return cell.el;
    });
    entry.slots.length = kids.length;
    patchChildren(entry.cells, kids);
    return entry.el;
  }
}

// A slot's element (its class is the caller's): the control byte, and
// under it the key and element (or a deleted key's stale bytes) unless
// the slot is a closed group's of a dense table.
function slotElement(label, s, closed) {
  const byte = h('span', { class: 'sw-ctrl', text: hex2(s.ctrl) });
  const title = slotTitle(label, s);
  if (closed) {
    // A closed group of a dense table shows control bytes only: no key
    // and element nodes (thousands of them cost the layout of every
    // step); the slot's title and data-k still carry them.
    const text = s.state === 'full' ? s.key : s.stale;
    const dataset = { slot: String(s.slot) };
    if (text !== null) dataset.k = text;
    if (s.state !== 'full' && s.stale !== null) dataset.stale = '1';
    return h('span', { title, role: 'img', 'aria-label': title, dataset }, byte);
  }
  const k = h('span', { class: 'sw-k' });
  const v = h('span', { class: 'sw-v' });
  if (s.state === 'full') {
    k.textContent = s.key;
    v.textContent = s.value;
  } else if (s.stale !== null) {
    k.textContent = s.stale;
    k.classList.add('stale');
    if (s.staleValue !== null) {
      v.textContent = s.staleValue;
      v.classList.add('stale');
    }
  }
  return h('span', { title, role: 'img', 'aria-label': title, dataset: { slot: String(s.slot) } }, byte, k, v);
}

// A slot in words: its control byte and state, and its key and element (or stale key bytes).
function slotTitle(label, s) {
  let title = `${label}, slot ${s.slot}: control byte 0x${hex2(s.ctrl)} (${STATE_LABEL[s.state]}${s.state === 'full' ? `, h2 = ${s.ctrl}` : ''})`;
  if (s.state === 'full') title += ` · key ${s.key} · elem ${s.value}`;
  else if (s.stale !== null) title += ` · stale key bytes ${s.stale}`;
  return title;
}

/** Every mark of the Swiss picture, each sample drawn with the same classes. */
export function swissLegend() {
  const slot = (state, byte, extra = '') => h('span', { class: `sw-slot swatch s-${state} ${extra}` }, h('span', { class: 'sw-ctrl', text: byte }));
  const item = (title, sample, text) => h('li', { title }, sample, ` ${text}`);
  return h('ul', { class: 'legend sw-legend', 'aria-label': 'legend: control bytes and marks (Go 1.26)' },
    item('a live entry: the control byte is h2, the low 7 bits of its hash', slot('full', '3a'), 'full (h2)'),
    item('never used, or freed in a group that has an empty slot', slot('empty', '80'), 'empty 0x80'),
    item('deleted in a full group: probes must pass it', slot('deleted', 'fe'), 'tombstone 0xFE'),
    item('the bytes a deleted key left in its slot', h('span', { class: 'sw-k stale', text: 'k7' }), 'stale key bytes'),
    item('a group the probe looks at (matchH2 and matchEmpty over its control word)', h('span', { class: 'lg-box sw-probe-sample' }), 'probed group'),
    item('a slot whose control byte equals h2: its key is compared', slot('full', '3a', 'sw-match'), 'h2 match'),
    item('an empty slot in the probed group: the probe ends here', slot('empty', '80', 'sw-stop'), 'ends the probe'),
    item('the slot the step reads or writes', slot('full', '3a', 'sw-write'), 'this step'),
    item('a tombstone: remembered for reuse, or just made', slot('deleted', 'fe', 'sw-tomb'), 'tombstone step'),
    item('where a moved entry comes from (old table or small group)', slot('full', '3a', 'sw-move-src'), 'moved from'),
    item('where a moved entry lands; in a split, left (bit 0) or right (bit 1)', h('span', { class: 'lg-pair' }, slot('full', '3a', 'sw-move-left'), slot('full', '3a', 'sw-move-right')), 'left / right'),
    item('directory entries that point at the same table (its localDepth < globalDepth)', h('span', { class: 'sw-run is-shared lg-run' }, h('span', { class: 'sw-entry', text: '[0]' }), h('span', { class: 'sw-entry', text: '[1]' })), 'shared entries'),
    item('a table off the directory mid-step: a grow\'s new table, or the one it replaced', h('span', { class: 'lg-box sw-detached-sample' }), 'new / replaced table'));
}

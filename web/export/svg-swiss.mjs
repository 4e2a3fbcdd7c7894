// Go 1.26's map at one moment as a standalone SVG document (the Swiss
// counterpart of svg.mjs, same rules: presentation attributes only, generic
// fonts, every text from the map through xml.mjs). Input is
// SwissGoMap.state({ maxGroups }): up to that many groups every group is
// drawn (8 control bytes, each slot's key under its byte); past it the
// tables come as summaries and each is drawn as a bar (height: capacity,
// filled with used slots, then tombstones), as the page's overview does.
import { el, fragment } from './xml.mjs';
import { svgDocument } from './svg-document.mjs';
import { palette } from './palette.mjs';
import { PAD, MONO, textWidth } from './measure.mjs';
import { ctrlState, hex2, CTRL_EMPTY, CTRL_DELETED } from '../render/swiss-model.mjs';

export const SVG_MAX_GROUPS = 1024;
const CELL_W = 58;
const CELL_H = 30;
const LABEL_W = 34;
const GROUP_W = LABEL_W + 8 * CELL_W;
const GROUP_GAP = 18;
const MIN_WIDTH = 560;

const clip = (text, n) => (Array.from(text).length > n ? `${Array.from(text).slice(0, n - 1).join('')}…` : text);

const LOOKS = {
  empty: (colors) => ({ name: 'empty', look: colors.rest, dash: '1 3' }),
  deleted: (colors) => ({ name: 'deleted', look: colors.y, dash: '4 3' }),
  full: (colors) => ({ name: 'full', look: colors.live, dash: null }),
};

function slotLook(ctrl, colors) {
  return LOOKS[ctrlState(ctrl)](colors);
}

function groupRow(g, label, colors) {
  const cells = g.ctrl.map((c, i) => {
    const { look, dash } = slotLook(c, colors);
    const [fill, stroke, ink] = look;
    const s = g.s[i] ?? {};
    const key = 'k' in s ? String(s.k) : 'stale' in s ? String(s.stale) : '';
    const x = LABEL_W + i * CELL_W;
    return el('g', { transform: `translate(${x} 0)` },
      el('rect', { x: 1, y: 1, width: CELL_W - 4, height: CELL_H - 2, rx: 3, fill, stroke, 'stroke-width': 1.2, 'stroke-dasharray': dash }),
      el('text', { x: CELL_W / 2 - 1, y: 12, 'font-size': 10, 'font-family': MONO, 'font-weight': 'bold', 'text-anchor': 'middle', fill: ink }, hex2(c)),
      key ? el('text', { x: CELL_W / 2 - 1, y: 25, 'font-size': 9, 'font-family': MONO, 'text-anchor': 'middle', fill: ink, 'text-decoration': 'k' in s ? null : 'line-through' }, clip(key, 9)) : null);
  });
  return fragment(el('text', { x: LABEL_W - 6, y: 19, 'font-size': 10, 'font-family': MONO, 'text-anchor': 'end', fill: colors.muted }, label), ...cells);
}

function tableTitle(t, pos, colors) {
  const name = `T${pos}`;
  const fields = `capacity ${t.capacity} · used ${t.used} · growthLeft ${t.growthLeft} · tombstones ${t.tombstones ?? 0} · localDepth ${t.localDepth}`;
  return fragment(
    el('text', { x: 0, y: 13, 'font-size': 13, 'font-weight': 'bold', fill: colors.text }, name),
    el('text', { x: textWidth(name, 13) + 10, y: 13, 'font-size': 11, fill: colors.muted }, fields));
}

// Every table group by group, groups in as many columns as the width allows.
function detailBlock(sw, colors, width) {
  const cols = Math.max(1, Math.floor((width + GROUP_GAP) / (GROUP_W + GROUP_GAP)));
  const parts = [];
  let y = 0;
  const place = (groups, title) => {
    parts.push(el('g', { transform: `translate(0 ${y})` }, title));
    y += 22;
    groups.forEach((g, i) => {
      const x = (i % cols) * (GROUP_W + GROUP_GAP);
      const gy = y + Math.floor(i / cols) * (CELL_H + 4);
      parts.push(el('g', { transform: `translate(${x} ${gy})` }, groupRow(g, `g${i}`, colors)));
    });
    y += Math.ceil(groups.length / cols) * (CELL_H + 4) + 14;
  };
  if (sw.small) place([sw.small], el('text', { x: 0, y: 13, 'font-size': 13, 'font-weight': 'bold', fill: colors.text }, 'small map: one group'));
  (sw.tables ?? []).forEach((t, pos) => place(t.groups, tableTitle(t, pos, colors)));
  return { markup: fragment(...parts), width: Math.min(width, cols * (GROUP_W + GROUP_GAP) - GROUP_GAP), height: y };
}

// Every table as a bar, 8 px a table, as many to a row as fit.
function overviewBlock(sw, colors, width) {
  const tables = sw.tables ?? [];
  const maxCap = Math.max(1, ...tables.map((t) => t.capacity));
  const cols = Math.max(1, Math.min(tables.length, Math.floor(width / 8)));
  const bars = tables.map((t, i) => {
    const x = (i % cols) * 8;
    const bottom = Math.floor(i / cols) * 24 + 22;
    const capH = Math.max(3, Math.round((t.capacity / maxCap) * 20));
    const usedH = t.capacity ? Math.round((t.used / t.capacity) * capH) : 0;
    const tombH = t.capacity && t.tombstones ? Math.max(1, Math.round((t.tombstones / t.capacity) * capH)) : 0;
    return fragment(
      el('rect', { x, y: bottom - capH, width: 6, height: capH, fill: colors.ramp[0] }),
      el('rect', { x, y: bottom - usedH, width: 6, height: usedH, fill: colors.live[1] }),
      tombH ? el('rect', { x, y: bottom - usedH - tombH, width: 6, height: tombH, fill: colors.y[1] }) : null);
  });
  const rows = Math.ceil(tables.length / cols);
  return { markup: fragment(...bars), width: cols * 8, height: rows * 24 + 6 };
}

function legend(colors, big) {
  const items = big
    ? [[colors.live[1], 'used slots'], [colors.y[1], 'tombstones'], [colors.ramp[0], 'free (bar height: capacity)']]
    : [[colors.live[0], 'full: the byte is h2', colors.live[1]], [colors.rest[0], `empty 0x${hex2(CTRL_EMPTY)}`, colors.rest[1]], [colors.y[0], `tombstone 0x${hex2(CTRL_DELETED).toUpperCase()}`, colors.y[1]]];
  let x = 0;
  const parts = items.map(([fill, text, stroke]) => {
    const g = el('g', { transform: `translate(${x} 0)` },
      el('rect', { x: 0, y: 0, width: 12, height: 12, fill, stroke: stroke ?? colors.border }),
      el('text', { x: 18, y: 10, 'font-size': 11, fill: colors.muted }, text));
    x += 18 + textWidth(text, 11) + 20;
    return g;
  });
  return { markup: fragment(...parts), width: x, height: 14 };
}

function describe(state) {
  const sw = state.swiss;
  const h = state.header;
  if (!h.created || !sw) return `A ${h.type.name} (Go 1.26) that has not been made yet.`;
  if (sw.small) return `A ${h.type.name} (Go 1.26) holding ${sw.count} entries in its one small group.`;
  return `A ${h.type.name} (Go 1.26) holding ${sw.count} entries in ${sw.tables.length} tables under a directory of ${sw.dirLen} (globalDepth ${sw.globalDepth}).`;
}

/**
 * @param {{ header: import('../../wasm/gomap').SwissHeader, swiss?: import('../../wasm/gomap').SwissDump }} state SwissGoMap.state({ maxGroups: SVG_MAX_GROUPS })
 * @param {{ theme?: 'light'|'dark', title?: string }} options
 * @returns {string} an SVG document
 */
export function swissStateToSvg(state, { theme = 'light', title } = {}) {
  if (!state?.header?.type) throw new TypeError('swissStateToSvg expects the object SwissGoMap.state() returns');
  const colors = palette(theme);
  const sw = state.swiss;
  const heading = title ?? `Go map: ${state.header.type.name}`;
  const big = !!sw?.tables?.some((t) => t.summary);
  const width = Math.max(MIN_WIDTH, Math.min(1200, sw?.tables?.length > 1 && !big ? 2 * GROUP_W + GROUP_GAP : GROUP_W), textWidth(heading, 16));
  const lines = [];
  if (sw) {
    lines.push(`used ${sw.count} · seed 0x${sw.seed} · dirLen ${sw.dirLen} · globalDepth ${sw.globalDepth} · tombstonePossible ${sw.tombstonePossible} · clearSeq ${sw.clearSeq}`);
    if (sw.directory?.length) {
      const shown = sw.directory.slice(0, 48).map((pos, i) => `[${i}]→T${pos}`).join(' ');
      lines.push(`directory: ${shown}${sw.directory.length > 48 ? ` … (${sw.directory.length} entries)` : ''}`);
    }
  } else lines.push('The map has not been made yet: the first insert allocates its group.');
  const main = sw ? (big ? overviewBlock(sw, colors, width) : detailBlock(sw, colors, width)) : { markup: fragment(), width: 0, height: 0 };
  const W = Math.ceil(Math.max(width, main.width)) + 2 * PAD;
  let y = PAD;
  const pieces = [el('text', { x: PAD, y: y + 16, 'font-size': 16, 'font-weight': 'bold', fill: colors.text }, heading)];
  y += 30;
  for (const line of lines) {
    // A long directory wraps by characters at the width (monospace 0.6 em).
    const per = Math.max(20, Math.floor((W - 2 * PAD) / (11 * 0.6)));
    for (let i = 0; i < line.length; i += per) {
      pieces.push(el('text', { x: PAD, y: y + 12, 'font-size': 11, 'font-family': MONO, fill: colors.text }, line.slice(i, i + per)));
      y += 16;
    }
  }
  y += 10;
  pieces.push(el('g', { transform: `translate(${PAD} ${y})` }, main.markup));
  y += main.height + 10;
  if (sw) {
    const lg = legend(colors, big);
    pieces.push(el('g', { transform: `translate(${PAD} ${y})` }, lg.markup));
    y += lg.height;
  }
  const H = Math.ceil(y + PAD);
  return svgDocument({ width: W, height: H, heading, description: describe(state), background: colors.bg }, pieces);
}

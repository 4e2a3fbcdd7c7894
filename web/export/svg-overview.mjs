// The compact picture of a big map: one small cell per bucket (per group
// of buckets beyond 2^16), coloured by how many live entries its chain
// holds, on a ramp whose lightness rises steadily (viridis), so counts read
// in grey too. Chains with overflow buckets get a mark in the corner; old
// buckets already evacuated are drawn flat, and nevacuate is outlined.
// Cells of one colour are drawn as one path, so even 65,536 of them stay
// a few paths rather than tens of thousands of elements.
import { el, fragment } from './xml.mjs';
import { MONO, textWidth, flow } from './measure.mjs';
import { EVACUATED_X, EVACUATED_EMPTY, MIN_TOP_HASH } from '../player/tophash.mjs';

const MAX_CELLS = 1 << 16;
const CAPTION_H = 40;

/** Per chain: live entries, whether it has overflow buckets, whether evacuated. */
function summarize(chains) {
  return chains.map((chain) => {
    let live = 0;
    for (const b of chain) for (const t of b.t) if (t >= MIN_TOP_HASH) live++;
    const t0 = chain[0]?.t?.[0];
    return { live, overflow: chain.length > 1, evacuated: t0 >= EVACUATED_X && t0 <= EVACUATED_EMPTY };
  });
}

/** Buckets per cell, so that there are at most MAX_CELLS cells. */
function groupOf(n) {
  return Math.max(1, Math.ceil(n / MAX_CELLS));
}

/**
 * @param {import('../../wasm/gomap').Chain[]} chains
 * @param {{ old: boolean, caption: string, nevacuate?: number }} options
 */
export function overviewBlock(chains, { old, caption, nevacuate }, colors) {
  const info = summarize(chains);
  const per = groupOf(info.length);
  const cells = Math.ceil(info.length / per);
  const cols = Math.min(256, 2 ** Math.ceil(Math.log2(Math.max(1, cells)) / 2));
  const size = Math.max(3, Math.min(10, Math.floor(1024 / cols)));
  const rows = Math.ceil(cells / cols);
  // Path data per colour: 0..8 live (8 means 8 or more), 9 evacuated.
  const paths = Array.from({ length: 10 }, () => []);
  const marks = [];
  let run = null;
  const flush = () => {
    if (run) paths[run.color].push(`M${run.x} ${run.y}h${run.w}v${size - 1}h-${run.w}z`);
    run = null;
  };
  for (let c = 0; c < cells; c++) {
    let live = 0;
    let overflow = false;
    let evacuated = true;
    for (let i = c * per; i < Math.min(info.length, (c + 1) * per); i++) {
      live += info[i].live;
      overflow ||= info[i].overflow;
      evacuated &&= info[i].evacuated;
    }
    const color = old && evacuated ? 9 : Math.min(8, Math.round(live / per));
    const col = c % cols;
    const x = col * size;
    const y = CAPTION_H + Math.floor(c / cols) * size;
    if (col === 0) flush();
    if (run && run.color === color) run.w += size;
    else {
      flush();
      run = { color, x, y, w: size - 1 };
    }
    if (overflow) marks.push(`M${x} ${y}h${Math.max(1, size >> 1)}v${Math.max(1, size >> 1)}h-${Math.max(1, size >> 1)}z`);
  }
  flush();
  const fills = [...colors.ramp, colors.evacuated];
  const parts = [
    el('text', { x: 0, y: 15, 'font-size': 13, 'font-weight': 'bold', fill: colors.text }, caption),
    el('text', { x: 0, y: 31, 'font-size': 11, fill: colors.muted },
      per === 1 ? `${info.length} buckets, one cell each` : `${info.length} buckets, ${per} per cell (their average)`),
  ];
  paths.forEach((d, i) => {
    if (d.length) parts.push(el('path', { d: d.join(''), fill: fills[i] }));
  });
  if (marks.length) parts.push(el('path', { d: marks.join(''), fill: colors.overflow }));
  const width = cols * size;
  if (old && nevacuate !== undefined && nevacuate < info.length) {
    const c = Math.floor(nevacuate / per);
    const x = (c % cols) * size;
    const y = CAPTION_H + Math.floor(c / cols) * size;
    parts.push(el('rect', { x: x - 1.5, y: y - 1.5, width: size + 2, height: size + 2, fill: 'none', stroke: colors.accent, 'stroke-width': 2 }));
    parts.push(el('text', { x: width, y: 31, 'font-size': 11, 'text-anchor': 'end', fill: colors.accent, 'font-weight': 'bold' },
      `□ nevacuate = ${nevacuate}`));
  }
  return { markup: fragment(...parts), width: Math.max(width, textWidth(caption, 13)), height: CAPTION_H + rows * size };
}

export function overviewLegend(colors, maxWidth, { growing }) {
  const items = colors.ramp.map((fill, i) => ({ fill, text: i === 8 ? '8+' : String(i) }));
  items.push({ fill: colors.ramp[3], mark: true, text: 'chain has overflow buckets' });
  if (growing) items.push({ fill: colors.evacuated, text: 'old bucket evacuated' });
  const widths = items.map((it) => 20 + textWidth(it.text, 11));
  const laid = flow(widths, { maxWidth, gap: 12, rowHeight: 22 });
  const parts = [];
  items.forEach((it, i) => {
    const { x, y } = laid.at[i];
    parts.push(el('rect', { x, y: y + 2, width: 14, height: 14, fill: it.fill, stroke: colors.border }));
    if (it.mark) parts.push(el('rect', { x, y: y + 2, width: 7, height: 7, fill: colors.overflow }));
    parts.push(el('text', { x: x + 20, y: y + 14, 'font-size': 11, 'font-family': i < 9 ? MONO : null, fill: colors.text }, it.text));
  });
  const head = el('text', { x: 0, y: 11, 'font-size': 11, fill: colors.muted }, 'Live entries per chain:');
  return { markup: fragment(head, el('g', { transform: 'translate(0 18)' }, ...parts)), width: laid.width, height: laid.height + 18 };
}

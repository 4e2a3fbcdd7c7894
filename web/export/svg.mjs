// The map at one moment as a standalone SVG document, for download and for
// the PNG export (which draws this SVG on a canvas). Self-contained on
// purpose: presentation attributes only, generic font families, no
// stylesheet, no external reference, so it renders the same offline and
// from a canvas. Every piece of text from the map goes through xml.mjs.
//
// Input is map.state() (wasm/gomap.d.ts): the header and every chain of the
// current array (and of the old one while growing). Up to 2^10 buckets each
// slot is drawn; beyond, a compact overview (svg-overview.mjs).
import { el, fragment } from './xml.mjs';
import { svgDocument } from './svg-document.mjs';
import { palette } from './palette.mjs';
import { arrayBlock, slotLegend } from './svg-buckets.mjs';
import { overviewBlock, overviewLegend } from './svg-overview.mjs';
import { PAD, MONO, textWidth, flow } from './measure.mjs';
import { LOAD_FACTOR, BUCKET_CNT } from '../player/tophash.mjs';

export { stateToJson } from './json.mjs';

export const DETAIL_MAX_BUCKETS = 1 << 10;
/** @type {[number, string][]} */
const FLAG_NAMES = [[1, 'iterator'], [2, 'oldIterator'], [4, 'hashWriting'], [8, 'sameSizeGrow']];
const MIN_WIDTH = 560;
const GAP = 40;

export function flagNames(flags) {
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name);
  return names.length ? names.join(' | ') : 'none';
}

function loadBar(load, colors) {
  // 0 … 8 entries per bucket, the 6.5 trigger marked.
  const W = 96;
  const frac = Math.min(1, load / BUCKET_CNT);
  const over = load > LOAD_FACTOR;
  return fragment(
    el('rect', { x: 0, y: 0, width: W, height: 6, rx: 3, fill: colors.surface, stroke: colors.border }),
    el('rect', { x: 0, y: 0, width: Math.max(0, frac * W), height: 6, rx: 3, fill: over ? colors.warn : colors.accent }),
    el('path', { d: `M${(LOAD_FACTOR / BUCKET_CNT) * W} -2v10`, stroke: colors.text, 'stroke-width': 1.5 }));
}

/** The header strip: the hmap's fields, each as a small label over its value. */
function headerStrip(state, colors, maxWidth) {
  const h = state.header;
  const items = [['type', h.type.name], ['hasher', `${h.hasher} · Go ${h.version}`]];
  if (!h.created) items.push(['map', 'not made yet']);
  else {
    const n = state.buckets?.length ?? 0;
    const load = n ? h.count / n : 0;
    items.push(
      ['count', String(h.count)],
      ['B', `${h.B} (${n} bucket${n === 1 ? '' : 's'})`],
      ['load factor', `${load.toFixed(2)} / ${LOAD_FACTOR}`, { bar: load }],
      ['flags', flagNames(h.flags ?? 0)],
      ['noverflow', String(h.noverflow)],
      ['nevacuate', state.oldbuckets ? `${h.nevacuate} of ${state.oldbuckets.length}` : `${h.nevacuate} (not growing)`],
      ['hash0', `0x${(h.hash0 >>> 0).toString(16).padStart(8, '0')}`]);
    if (state.spare?.total) items.push(['spare overflow buckets', `${state.spare.unused} of ${state.spare.total} unused`]);
  }
  const widths = items.map(([label, value, extra]) => Math.max(textWidth(label, 10), textWidth(value, 13), extra ? 96 : 0) + 4);
  const laid = flow(widths, { maxWidth, gap: 22, rowHeight: 44 });
  const parts = items.map(([label, value, extra], i) => {
    const { x, y } = laid.at[i];
    return el('g', { transform: `translate(${x} ${y})` },
      el('text', { x: 0, y: 11, 'font-size': 10, fill: colors.muted }, label),
      el('text', { x: 0, y: 28, 'font-size': 13, 'font-family': i === 0 ? MONO : null, fill: colors.text }, value),
      extra ? el('g', { transform: 'translate(0 33)' }, loadBar(extra.bar, colors)) : null);
  });
  return { markup: fragment(...parts), width: laid.width, height: laid.height };
}

function describe(state) {
  const h = state.header;
  if (!h.created) return `A ${h.type.name} that has not been made yet.`;
  if (!state.buckets) return `A ${h.type.name} with no bucket array yet; the first insert allocates it.`;
  let s = `A ${h.type.name} holding ${h.count} entries in ${state.buckets.length} buckets (B = ${h.B}), ` +
    `with ${h.noverflow} overflow buckets.`;
  if (state.oldbuckets) s += ` Growing: ${h.nevacuate} of ${state.oldbuckets.length} old buckets evacuated in order.`;
  return s;
}

function body(state, colors) {
  const h = state.header;
  if (!state.buckets) {
    const text = h.created ? 'No bucket array yet: the first insert allocates it.' : 'The map has not been made yet.';
    return { markup: el('text', { x: 0, y: 14, 'font-size': 13, fill: colors.muted }, text), width: textWidth(text, 13), height: 20, big: false };
  }
  const n = state.buckets.length;
  const big = n > DETAIL_MAX_BUCKETS;
  const draw = big ? overviewBlock : arrayBlock;
  const blocks = [];
  if (state.oldbuckets) {
    const sameSize = ((h.flags ?? 0) & 8) !== 0;
    blocks.push(draw(state.oldbuckets, {
      old: true,
      nevacuate: h.nevacuate,
      caption: `oldbuckets: ${state.oldbuckets.length} (${sameSize ? 'same-size grow' : 'doubling'})`,
    }, colors));
  }
  blocks.push(draw(state.buckets, { old: false, caption: `buckets: 2^${h.B} = ${n}` }, colors));
  let x = 0;
  const parts = blocks.map((b) => {
    const g = el('g', { transform: `translate(${x} 0)` }, b.markup);
    x += b.width + GAP;
    return g;
  });
  return { markup: fragment(...parts), width: x - GAP, height: Math.max(...blocks.map((b) => b.height)), big };
}

/**
 * @param {import('../../wasm/gomap').State} state map.state()
 * @param {{ theme?: 'light'|'dark', title?: string }} options
 * @returns {string} an SVG document
 */
export function stateToSvg(state, { theme = 'light', title } = {}) {
  if (!state?.header?.type) throw new TypeError('stateToSvg expects the object map.state() returns');
  const colors = palette(theme);
  const heading = title ?? `Go map: ${state.header.type.name}`;
  const main = body(state, colors);
  const width = Math.ceil(Math.max(MIN_WIDTH, main.width, textWidth(heading, 16)));
  const header = headerStrip(state, colors, width);
  const legend = main.big
    ? overviewLegend(colors, width, { growing: !!state.oldbuckets })
    : slotLegend(colors, width);
  let y = PAD;
  const place = (part, dy) => {
    const g = el('g', { transform: `translate(${PAD} ${y})` }, part.markup);
    y += part.height + dy;
    return g;
  };
  const titleText = el('text', { x: PAD, y: y + 16, 'font-size': 16, 'font-weight': 'bold', fill: colors.text }, heading);
  y += 30;
  const pieces = [place(header, 16), place(main, 20)];
  if (state.buckets) pieces.push(place(legend, 0));
  const W = width + 2 * PAD;
  const H = Math.ceil(y + PAD);
  return svgDocument({ width: W, height: H, heading, description: describe(state), background: colors.bg }, [titleText, ...pieces]);
}

// The detailed picture: each bucket array as rows of chains, a primary
// bucket of 8 slots with its overflow buckets to the right, linked by
// arrows; while growing, the old array stands to the left with the
// evacuation mark (nevacuate) on its rows.
import { el, fragment, printable } from './xml.mjs';
import { slotLook, STATE_NAMES, SAMPLE_TOPHASH } from './palette.mjs';
import { fitText } from './fit-text.mjs';
import { MONO, SANS, textWidth, flow } from './measure.mjs';
import { EVACUATED_X, EVACUATED_EMPTY, MIN_TOP_HASH, hex2 } from '../player/tophash.mjs';

const SLOT_W = 58;
const SLOT_H = 40;
const SLOT_GAP = 2;
const INSET = 3;
export const BUCKET_W = INSET * 2 + 8 * SLOT_W + 7 * SLOT_GAP;
const BUCKET_H = INSET * 2 + SLOT_H;
const ROW_H = BUCKET_H + 8;
const LINK_W = 30;
const CAPTION_H = 24;
const KEY_COLUMNS = 9;       // at 10px monospace in a 58px slot
const TITLE_KEY_CHARS = 200; // the full key in the tooltip, up to this

function quoted(text) {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > TITLE_KEY_CHARS ? chars.slice(0, TITLE_KEY_CHARS).join('') + '…' : text);
}

function slot(b, s, x, y, where, colors) {
  const t = b.t[s] ?? 0;
  const look = slotLook(t, colors);
  const key = b.k?.[s] ?? null;
  const value = b.v?.[s] ?? null;
  const live = t >= MIN_TOP_HASH;
  let tip = `${where}, slot ${s}: tophash 0x${hex2(t)}, ${look.name}`;
  if (key !== null) tip += `${live ? ', key ' : ', left-over key '}${quoted(key)}`;
  if (live && value !== null) tip += ` = ${quoted(value)}`;
  return el('g', {},
    el('title', {}, tip),
    el('rect', { x, y, width: SLOT_W, height: SLOT_H, rx: 3, fill: look.fill, stroke: look.stroke, 'stroke-width': live ? 1.5 : 1, 'stroke-dasharray': look.dash }),
    // Fonts come from the array's group: monospace, 10px.
    el('text', { x: x + 4, y: y + 12, fill: look.ink }, hex2(t)),
    el('text', { x: x + SLOT_W - 4, y: y + 12, 'text-anchor': 'end', fill: look.ink, 'font-weight': 'bold', 'font-family': SANS }, look.glyph),
    key === null ? null : el('text', {
      x: x + SLOT_W / 2, y: y + SLOT_H - 9, 'text-anchor': 'middle',
      fill: live ? look.ink : colors.muted, 'font-style': live ? null : 'italic',
    }, fitText(printable(key), KEY_COLUMNS)));
}

function bucket(b, x, y, where, colors) {
  const slots = [];
  for (let s = 0; s < 8; s++) slots.push(slot(b, s, x + INSET + s * (SLOT_W + SLOT_GAP), y + INSET, where, colors));
  return el('g', {},
    el('rect', { x, y, width: BUCKET_W, height: BUCKET_H, rx: 5, fill: colors.surface, stroke: colors.border }, el('title', {}, `${where} at 0x${b.addr}`)),
    slots);
}

function arrow(x1, x2, y, colors) {
  return fragment(
    el('path', { d: `M${x1} ${y}H${x2 - 6}`, stroke: colors.arrow, 'stroke-width': 1.5, fill: 'none' }),
    el('path', { d: `M${x2} ${y}l-7 -4.5v9z`, fill: colors.arrow }));
}

function isEvacuated(chain) {
  const t0 = chain[0]?.t?.[0];
  return t0 >= EVACUATED_X && t0 <= EVACUATED_EMPTY;
}

/**
 * One bucket array.
 * @param {import('../../wasm/gomap').Chain[]} chains
 * @param {{ old: boolean, caption: string, nevacuate?: number }} options
 * @returns {{ markup, width: number, height: number }}
 */
export function arrayBlock(chains, { old, caption, nevacuate }, colors) {
  const labelW = Math.ceil(textWidth(`${old ? '✓' : ''}${Math.max(0, chains.length - 1)}`, 11)) + 10;
  const longest = chains.reduce((m, c) => Math.max(m, c.length), 1);
  const width = labelW + longest * (BUCKET_W + LINK_W) - LINK_W;
  const parts = [el('text', { x: 0, y: 15, 'font-family': SANS, 'font-size': 13, 'font-weight': 'bold', fill: colors.text }, caption)];
  chains.forEach((chain, i) => {
    const y = CAPTION_H + i * ROW_H;
    const evacuated = old && isEvacuated(chain);
    parts.push(el('text', {
      x: labelW - 6, y: y + BUCKET_H / 2 + 4, 'font-size': 11, 'text-anchor': 'end',
      fill: evacuated ? colors.muted : colors.text,
    }, `${evacuated ? '✓' : ''}${i}`));
    chain.forEach((b, j) => {
      const x = labelW + j * (BUCKET_W + LINK_W);
      const where = `${old ? 'old bucket' : 'bucket'} ${i}`;
      parts.push(bucket(b, x, y, j === 0 ? where : `overflow bucket ${j} of ${where}`, colors));
      if (j > 0) parts.push(arrow(x - LINK_W + 2, x - 2, y + BUCKET_H / 2, colors));
    });
  });
  if (old && nevacuate !== undefined && nevacuate < chains.length) {
    // Buckets below nevacuate are evacuated; the line sits above the next
    // one evacuation will take in order.
    const y = CAPTION_H + nevacuate * ROW_H - 4;
    parts.push(el('path', { d: `M0 ${y}H${width}`, stroke: colors.accent, 'stroke-width': 2, 'stroke-dasharray': '6 3' }));
    parts.push(el('text', { x: width, y: y - 3, 'font-family': SANS, 'text-anchor': 'end', fill: colors.accent, 'font-weight': 'bold' },
      `nevacuate = ${nevacuate}`));
  }
  return { markup: el('g', { 'font-family': MONO, 'font-size': 10 }, ...parts), width, height: CAPTION_H + chains.length * ROW_H };
}

/** The slot states with their look, for the detailed picture. */
export function slotLegend(colors, maxWidth) {
  const items = STATE_NAMES.map((name) => {
    const look = slotLook(SAMPLE_TOPHASH[name], colors);
    return { look, text: name === 'live' ? 'live (key shown; hex = top byte of its hash)' : name };
  });
  const widths = items.map((it) => 34 + textWidth(it.text, 11));
  const laid = flow(widths, { maxWidth, gap: 18, rowHeight: 28 });
  const parts = items.map((it, i) => {
    const { x, y } = laid.at[i];
    return el('g', {},
      el('rect', { x, y, width: 28, height: 20, rx: 3, fill: it.look.fill, stroke: it.look.stroke, 'stroke-dasharray': it.look.dash }),
      el('text', { x: x + 14, y: y + 14, 'font-size': 10, 'text-anchor': 'middle', 'font-weight': 'bold', fill: it.look.ink }, it.look.glyph),
      el('text', { x: x + 34, y: y + 14, 'font-size': 11, fill: colors.text }, it.text));
  });
  return { markup: fragment(...parts), width: laid.width, height: laid.height };
}

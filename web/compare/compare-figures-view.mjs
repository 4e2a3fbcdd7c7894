// The strip of figures under the two maps: one row per figure, a column
// per side, each number as compare-figures.mjs computed it from the
// session. DOM only; no numbers are made here.
import { h } from '../render/dom.mjs';
import { SCHEMA } from '../share/core-schema.mjs';

const { buckets: B, swiss: S } = SCHEMA; // the load limits the Load row's title states

const int = (n) => Math.round(n).toLocaleString('en-US');
const dec = (n, d = 2) => (n === null || n === undefined ? '—' : n.toFixed(d));
const pct = (n) => `${(n * 100).toFixed(1)}%`;

/** [label, title, value for one side's figures] */
/** @typedef {ReturnType<typeof import('./compare-figures.mjs').bucketFigures> | ReturnType<typeof import('./compare-figures.mjs').swissFigures>} Figures */
/** @type {[string, string, (figures: Figures) => string][]} label, what it means, its text */
export const ROWS = [
  ['Bytes', 'heap bytes the map holds (header, buckets or groups, directory, overflow)', (f) => `${int(f.bytes)} B`],
  ['Bytes/entry', 'bytes in use ÷ entries', (f) => (f.bytesPerEntry === null ? '—' : `${dec(f.bytesPerEntry, 1)} B`)],
  ['Load', `entries ÷ slots (1.14: ${B.bucketCnt} per primary bucket, limit ${B.loadFactor} per bucket = ${Math.round((100 * B.loadFactor) / B.bucketCnt)}%; 1.26: limit ${S.maxAvgGroupLoad}/${S.groupSlots} = ${100 * S.loadFactor}% per table)`, (f) => pct(f.loadFactor)],
  ['Avg probe', '1.14: buckets read along the chain to find a key; 1.26: groups read along the probe sequence', (f) => (f.probe && f.probe.longest ? dec(f.probe.average, 3) : '—')],
  ['Max probe', '1.14: the most buckets a lookup of a present key reads; 1.26: the most groups', (f) => (f.probe ? String(f.probe.longest) : '—')],
  ['Moved (last growth)', 'entries the last growth moved (1.14: evacuated so far; 1.26: rebuilt at once)', (f) => (f.moved === null ? 'not traced' : int(f.moved))],
  ['Growing', '1.14 grows a little per write; a 1.26 table is rebuilt inside one operation', (f) => (f.growing ? 'yes' : 'no')],
];

/**
 * @param {Record<string, Figures>} figures each side's (compare-figures.mjs)
 * @param {string[]} sides
 * @param {{ caption?: string }} [options] caption: what the strip is (read
 *   out by screen readers; shown in compare mode's table view)
 */
export function figuresTable(figures, sides, { caption = '' } = {}) {
  // A strip: one column per figure, one row per side.
  return h('table', { class: 'cmp-figures' },
    caption ? h('caption', { class: 'cmp-figures-caption', text: caption }) : null,
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Go' }), ROWS.map(([label, title]) => h('th', { scope: 'col', title, text: label })))),
    h('tbody', {}, sides.map((v) => h('tr', { dataset: { side: v } },
      h('th', { scope: 'row', text: v }),
      ROWS.map(([label, , value]) => h('td', { dataset: { figure: label }, text: value(figures[v]) }))))));
}

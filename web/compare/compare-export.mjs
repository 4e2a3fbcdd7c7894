// Compare mode's Export: both maps at the moment shown, as one SVG (each
// side's own export, export/svg.mjs and export/svg-swiss.mjs, side by side
// in one document), a PNG of it, or JSON (the scenario and both states).
// Files are made in the page; nothing leaves the browser.
import { el } from '../export/xml.mjs';
import { stateToSvg, stateToJson } from '../export/svg.mjs';
import { swissStateToSvg, SVG_MAX_GROUPS } from '../export/svg-swiss.mjs';
import { palette } from '../export/palette.mjs';
import { PAD, SANS } from '../export/measure.mjs';

const GAP = 32;

// One side's document as a nested <svg> at x, its ids its own.
function nested(svg, x, y, suffix) {
  const body = svg.replace(/^<\?xml[^>]*>\n/, '').trim()
    .replaceAll('gomap-title', `gomap-title-${suffix}`).replaceAll('gomap-desc', `gomap-desc-${suffix}`);
  return { markup: body.replace(/^<svg /, `<svg x="${x}" y="${y}" `), width: Number(/ width="(\d+)"/.exec(body)[1]), height: Number(/ height="(\d+)"/.exec(body)[1]) };
}

/**
 * @param {{ '1.14': import('../../wasm/gomap').State, '1.26': { header: import('../../wasm/gomap').SwissHeader, swiss?: import('../../wasm/gomap').SwissDump } }} states each side's state (the Swiss one read with SVG_MAX_GROUPS)
 * @param {{ theme?: 'light'|'dark', title: string, titles: { '1.14': string, '1.26': string } }} options
 */
export function compareToSvg(states, { theme = 'light', title, titles }) {
  const colors = palette(theme);
  const top = PAD + 30;
  const left = nested(stateToSvg(states['1.14'], { theme, title: titles['1.14'] }), 0, top, '114');
  const right = nested(swissStateToSvg(states['1.26'], { theme, title: titles['1.26'] }), 0, top, '126');
  right.markup = right.markup.replace(/^<svg x="0"/, `<svg x="${left.width + GAP}"`);
  const W = left.width + GAP + right.width;
  const H = top + Math.max(left.height, right.height);
  const head = el('text', { x: PAD, y: PAD + 16, 'font-size': 16, 'font-weight': 'bold', fill: colors.text }, title);
  const open = el('svg', { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': SANS, role: 'img', 'aria-labelledby': 'compare-title' },
    el('title', { id: 'compare-title' }, title),
    el('rect', { x: 0, y: 0, width: W, height: H, fill: colors.bg }), head).s;
  // The two sides go inside the outer element, after its title and background.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open.replace(/<\/svg>$/, `${left.markup}${right.markup}</svg>`)}\n`;
}

/** Both states at the moment shown, with the scenario that made them. */
export function compareToJson(states, scenario, { op }) {
  return stateToJson({ compare: true, op, sides: states }, scenario);
}

/** What each side's state is read as, for the exports. */
export function exportStates(players) {
  return { '1.14': players['1.14'].map.state(), '1.26': players['1.26'].map.state({ near: [], maxGroups: SVG_MAX_GROUPS }) };
}

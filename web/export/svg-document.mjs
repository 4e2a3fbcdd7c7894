// The document around an exported picture, the same for both models: its
// size, a title and a description a screen reader announces (role img),
// and the theme's background under everything drawn.
import { el } from './xml.mjs';
import { SANS } from './measure.mjs';

/**
 * @param {{ width: number, height: number, heading: string, description: string, background: string }} doc
 * @param {import('./xml.mjs').Markup[]} pieces the drawing, in order (el() results)
 * @returns {string} a standalone SVG file
 */
export function svgDocument({ width, height, heading, description, background }, pieces) {
  const svg = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    'font-family': SANS, role: 'img', 'aria-labelledby': 'gomap-title gomap-desc',
  },
  el('title', { id: 'gomap-title' }, heading),
  el('desc', { id: 'gomap-desc' }, description),
  el('rect', { x: 0, y: 0, width, height, fill: background }),
  ...pieces);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

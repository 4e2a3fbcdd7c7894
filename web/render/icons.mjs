// Small SVG icons for the player's buttons, drawn in currentColor so they
// follow the theme. Inline SVG needs no font and no network.
import { svg } from './dom.mjs';

const PATHS = {
  'to-start': { fill: 'M5 5h2.2v14H5zM19 5.5v13L9 12z' },
  'to-end': { fill: 'M5 5.5v13L15 12zM16.8 5H19v14h-2.2z' },
  'prev-op': { stroke: 'M12 6l-6 6 6 6M19 6l-6 6 6 6' },
  'next-op': { stroke: 'M5 6l6 6-6 6M12 6l6 6-6 6' },
  'step-back': { stroke: 'M15 5.5L8.5 12l6.5 6.5' },
  'step-forward': { stroke: 'M9 5.5l6.5 6.5L9 18.5' },
  play: { fill: 'M7 4.8v14.4L19 12z' },
  pause: { fill: 'M6.5 5h4v14h-4zM13.5 5h4v14h-4z' },
};

export function icon(name) {
  const p = PATHS[name];
  const path = p.fill
    ? svg('path', { d: p.fill, fill: 'currentColor' })
    : svg('path', { d: p.stroke, fill: 'none', stroke: 'currentColor', 'stroke-width': '2.4', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
  return svg('svg', { class: 'icon', viewBox: '0 0 24 24', width: '20', height: '20', 'aria-hidden': 'true', focusable: 'false' }, path);
}

/** Puts an icon into every button with data-icon="name". */
export function installIcons(root) {
  for (const b of root.querySelectorAll('[data-icon]')) b.replaceChildren(icon(b.dataset.icon));
}

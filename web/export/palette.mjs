// Colours for the exported picture, the same Okabe–Ito based tokens as
// web/styles/tokens-light.css and tokens-dark.css (copied, since an export
// carries no stylesheet).
// No state is told by colour alone: each has a label (the glyph the page
// uses, from player/tophash.mjs) and its own border style.
import { slotState, MIN_TOP_HASH } from '../player/tophash.mjs';

const LIGHT = {
  bg: '#ffffff', surface: '#f4f5f7', text: '#1b1f24', muted: '#57606a', border: '#d0d7de', accent: '#007d9c',
  warn: '#b3261e', arrow: '#57606a',
  live: ['#dcebf7', '#0072b2', '#06365a'],
  rest: ['#ffffff', '#aab3bd', '#57606a'],
  one: ['#fff3dc', '#e69f00', '#6b4a00'],
  x: ['#d3f0e6', '#009e73', '#00543d'],
  y: ['#f6dfec', '#cc79a7', '#6e2a52'],
  ee: ['#eceef1', '#8c959f', '#454c54'],
  ramp: ['#eef0f3', '#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989'],
  overflow: '#d55e00', evacuated: '#b8bec6',
};

const DARK = {
  bg: '#0e1116', surface: '#161b22', text: '#e6edf3', muted: '#9da7b3', border: '#30363d', accent: '#3fb9d9',
  warn: '#ff8a80', arrow: '#9da7b3',
  live: ['#0f2d47', '#56b4e9', '#cfe8fb'],
  rest: ['#0e1116', '#4b545e', '#9da7b3'],
  one: ['#3a2a08', '#e69f00', '#ffd88a'],
  x: ['#0c3327', '#2fc79d', '#a6ecd7'],
  y: ['#3a1a2e', '#e08cbe', '#f5cde4'],
  ee: ['#22282f', '#768390', '#c9d1d9'],
  ramp: ['#1c232c', '#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989'],
  overflow: '#ff8c42', evacuated: '#444c56',
};

export function palette(theme) {
  return theme === 'dark' ? DARK : LIGHT;
}

// key into the palette, border dash, and the label drawn in the slot.
const STYLE = {
  live: { key: 'live', dash: null },
  emptyRest: { key: 'rest', dash: '1 3' },
  emptyOne: { key: 'one', dash: '4 3' },
  evacuatedX: { key: 'x', dash: null },
  evacuatedY: { key: 'y', dash: null },
  evacuatedEmpty: { key: 'ee', dash: '6 2 1 2' },
};

/** Every state the legend lists, in tophash order, live last. */
export const STATE_NAMES = ['emptyRest', 'emptyOne', 'evacuatedX', 'evacuatedY', 'evacuatedEmpty', 'live'];

/**
 * How a slot with this tophash is drawn.
 * @returns {{ name: string, glyph: string, what: string, fill: string, stroke: string, ink: string, dash: string|null }}
 */
export function slotLook(tophash, colors) {
  const st = slotState(tophash);
  const s = STYLE[st.name];
  const [fill, stroke, ink] = colors[s.key];
  // A live slot's label is its key; its glyph marks it live where the key
  // is unreadable or does not fit.
  const glyph = tophash >= MIN_TOP_HASH ? '●' : st.short;
  return { name: st.name, glyph, what: st.what, fill, stroke, ink, dash: s.dash };
}

/** A tophash that stands for each state, for the legend. */
export const SAMPLE_TOPHASH = { emptyRest: 0, emptyOne: 1, evacuatedX: 2, evacuatedY: 3, evacuatedEmpty: 4, live: 0x8f };

// Colours for the exported picture, the same Okabe–Ito based tokens as
// web/styles/tokens-light.css and tokens-dark.css (copied, since an export
// carries no stylesheet).
// No state is told by colour alone: each has a label (the glyph the page
// uses, from player/tophash.mjs) and its own border style.
import { slotState, MIN_TOP_HASH, TOPHASH_STATES } from '../player/tophash.mjs';

// Each token as [light, dark]; a state's is [fill, stroke, ink] in each theme.
const RAMP = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989'];
const TOKENS = {
  bg: ['#ffffff', '#0e1116'], surface: ['#f4f5f7', '#161b22'], text: ['#1b1f24', '#e6edf3'],
  muted: ['#57606a', '#9da7b3'], border: ['#d0d7de', '#30363d'], accent: ['#007d9c', '#3fb9d9'],
  warn: ['#b3261e', '#ff8a80'], arrow: ['#57606a', '#9da7b3'],
  live: [['#dcebf7', '#0072b2', '#06365a'], ['#0f2d47', '#56b4e9', '#cfe8fb']],
  rest: [['#ffffff', '#aab3bd', '#57606a'], ['#0e1116', '#4b545e', '#9da7b3']],
  one: [['#fff3dc', '#e69f00', '#6b4a00'], ['#3a2a08', '#e69f00', '#ffd88a']],
  x: [['#d3f0e6', '#009e73', '#00543d'], ['#0c3327', '#2fc79d', '#a6ecd7']],
  y: [['#f6dfec', '#cc79a7', '#6e2a52'], ['#3a1a2e', '#e08cbe', '#f5cde4']],
  ee: [['#eceef1', '#8c959f', '#454c54'], ['#22282f', '#768390', '#c9d1d9']],
  // The heat ramp: the empty end differs per theme, the colours do not.
  ramp: [['#eef0f3', ...RAMP], ['#1c232c', ...RAMP]],
  overflow: ['#d55e00', '#ff8c42'], evacuated: ['#b8bec6', '#444c56'],
};
/**
 * @typedef {{ bg: string, surface: string, text: string, muted: string, border: string, accent: string,
 *   warn: string, arrow: string, live: string[], rest: string[], one: string[], x: string[], y: string[],
 *   ee: string[], ramp: string[], overflow: string, evacuated: string }} Palette
 */
/** @type {(i: number) => Palette} */
const themeOf = (i) => /** @type {Palette} */ (Object.fromEntries(Object.entries(TOKENS).map(([name, pair]) => [name, pair[i]])));
const LIGHT = themeOf(0);
const DARK = themeOf(1);

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
export const STATE_NAMES = [...TOPHASH_STATES.map((s) => s.name), 'live'];

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

/** A tophash that stands for each state, for the legend (a state's own byte; any live one). */
export const SAMPLE_TOPHASH = Object.fromEntries([...TOPHASH_STATES.map((s) => [s.name, s.value]), ['live', 0x8f]]);

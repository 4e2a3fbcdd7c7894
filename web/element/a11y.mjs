// What <go-map-viz> offers a reader who does not see it or does not use a
// mouse, kept apart from the DOM so node tests hold it (tests/web/):
//  - the name of its controls group: a page with several maps must not
//    expose several identical "Player controls" groups;
//  - where the keyboard focus goes when the button holding it becomes
//    disabled at either end of the timeline: a disabled button drops the
//    focus to the page's <body>, and the reader would have to find the map
//    again.
// (What is read out, and when, is the element's: go-map-viz.mjs #draw.)

/**
 * The accessible name of the element's controls. An aria-label the author
 * put on the element wins (the page knows what the map is for); else the
 * map type and the number of operations, the words of the iframe's title.
 * @param {{ label?: string|null, mapType?: string|null, operations?: number|null }} about
 */
export function controlsLabel({ label = null, mapType = null, operations = null } = {}) {
  const own = typeof label === 'string' ? label.replace(/\s+/g, ' ').trim() : '';
  if (own) return `Player controls: ${own}`;
  if (!mapType) return 'Player controls';
  if (!Number.isInteger(operations)) return `Player controls: ${mapType}`;
  return `Player controls: ${mapType}, ${operations} operation${operations === 1 ? '' : 's'}`;
}

// From a control that has just become disabled, the focus goes to its
// mirror first (back for forward, start for end): at the end of the
// timeline the next thing a reader can do is go back. Then the other way
// of going back, play, the timeline.
const HANDOFF = {
  'step-forward': ['step-back', 'to-start'],
  'to-end': ['to-start', 'step-back'],
  'step-back': ['step-forward', 'to-end'],
  'to-start': ['to-end', 'step-forward'],
  play: [],
};

/**
 * Which control takes the focus from `from`, now disabled.
 * @param {string} from the control that held the focus
 * @param {(name: string) => boolean} usable whether a control is shown and enabled
 * @returns {string|null} a control's name, null when none can take it
 */
export function focusHandoff(from, usable) {
  for (const name of [...(HANDOFF[from] ?? []), 'play', 'timeline']) {
    if (name !== from && usable(name)) return name;
  }
  return null;
}

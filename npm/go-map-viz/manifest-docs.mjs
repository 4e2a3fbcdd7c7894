// Words for custom-elements.json that the element's code does not carry:
// one line per attribute and per event. build-package.mjs takes the lists
// themselves from the code (the attributes the element observes, the events
// it dispatches) and stops if one there has no words here (words here for a
// name the code no longer has are reported, and left out of the manifest).
export const ATTRIBUTE_DOCS = {
  'map-type': 'The map type, map[K]V: K one of int64, int32, string, float64, [N]byte; V one of int64, [N]byte (1 ≤ N ≤ 256).',
  version: "Which Go's map: 1.14 or 1.19 (the bucket map, default 1.14) or 1.26 (the Swiss table).",
  hasher: 'The hash function: go114, go119, identity (integer keys only), or go126 (version 1.26 only, its default).',
  seed: "The map's hash0, a uint32 (decimal or 0x hex); under version 1.26 the 64-bit seed; absent: the model's default.",
  ops: 'The scenario: operations separated by ";" or newlines (set k v, del k, fill N, collide B N, iterate, …), at most 65,536 characters.',
  step: 'The moment shown: N (after operation N, 0 before any), N.M (micro-step M of operation N, from 0) or end.',
  view: 'What is drawn: the bucket arrays, a table, or both.',
  theme: "The palette: auto follows the reader's prefers-color-scheme.",
  speed: 'Steps per second while playing, 0.25 … 120.',
  compare: 'Boolean attribute: the same operations on Go 1.14\'s bucket map and Go 1.26\'s Swiss table side by side, one timeline per operation, each side steppable through its micro-steps, with a strip of figures (bytes, load, probe lengths, entries moved by the last growth).',
  autoplay: 'Boolean attribute: play from the start (or from step) to the end once, on load.',
  controls: 'The element\'s own controls: full (buttons, timeline, narration), minimal (back, play, forward, counter) or none.',
  density: 'How much a cell shows: auto (by the map\'s size), full, keys, compact, overview.',
  header: 'The hmap header: full, compact (one line) or none.',
  buckets: 'Only these buckets of the array, a list of numbers and ranges like 0,3,8-11; absent: all.',
  height: 'A fixed height in CSS pixels (the map scrolls inside), or auto.',
  'max-height': 'At most this height in CSS pixels; the map scrolls inside beyond it.',
  'module-src': 'Another build of the map module (gomap.mjs), on the element\'s own origin; default: the one in this package.',
};

export const EVENT_DOCS = {
  ready: { type: 'CustomEvent<GoMapVizReadyDetail>', description: 'A map was (re)built from the attributes and drawn.' },
  'step-change': { type: 'CustomEvent<GoMapVizStepDetail>', description: 'The step drawn changed (controls, keyboard, autoplay, the step attribute).' },
  'gomap-error': { type: 'CustomEvent<GoMapVizErrorDetail>', description: 'The scenario did not run; the map shown (if any) is unchanged.' },
  'gomap-window': { type: 'CustomEvent<{ from: number }>', description: "The overview's detailed window moved (big maps)." },
  'gomap-height': { type: 'CustomEvent<{ height: number }>', description: 'The height it keeps for its timeline is measured (stable height), in CSS pixels.' },
  'gomap-inspect': { type: 'CustomEvent<{ slot: object }>', description: 'A slot was hovered or focused.' },
};

// The legend under the bucket arrays: every mark the picture draws, each
// with a sample drawn by the same classes as the real thing (map.css), so
// the legend cannot drift from the picture. Titles say more on hover.
import { h } from './dom.mjs';
import { SLOT_CLASS } from './bucket-array.mjs';
import { hex2, TOPHASH_STATES } from '../player/tophash.mjs';

// The legend's words per state; the states, their bytes and names are the core's.
const WHAT = {
  emptyRest: 'empty, and so is the rest of the chain',
  emptyOne: 'empty, later slots may be live',
  evacuatedX: 'moved to the X half',
  evacuatedY: 'moved to the Y half',
  evacuatedEmpty: 'was empty when evacuated',
};
const STATES = [
  [SLOT_CLASS.live, '8f', 'live', 'a key lives here; the byte is the top of its hash'],
  ...TOPHASH_STATES.map((s) => [SLOT_CLASS[s.name], hex2(s.value), s.name, WHAT[s.name]]),
];

const swatch = (cls, text) => h('span', { class: `slot swatch ${cls}` }, h('span', { class: 'th', text }));

/** @returns {HTMLUListElement} */
export function legendView() {
  const item = (title, sample, text) => h('li', { title }, sample, ` ${text}`);
  return h('ul', { class: 'legend', 'aria-label': 'legend: slot states and marks' },
    STATES.map(([cls, hex, name, what]) => item(what, swatch(cls, hex), name)),
    item('the value of an evacuated or deleted slot: the bytes its key left behind', h('span', { class: 'lg-stale', text: 'k7' }), 'stale key bytes'),
    item('the slot or bucket the step reads or writes', h('span', { class: 'lg-box lg-hl' }), 'this step'),
    item('where an evacuated entry lands: X keeps its index, Y is index + old size', h('span', { class: 'lg-pair' }, h('span', { class: 'lg-box lg-x' }), h('span', { class: 'lg-box lg-y' })), 'X / Y destination'),
    item('an overflow bucket, linked from the bucket before it', h('span', { class: 'lg-box lg-overflow' }), 'overflow bucket'),
    item('an old bucket whose whole chain has been evacuated', h('span', { class: 'lg-label', text: '3 ✓' }), 'evacuated'),
    item('nevacuate: the old bucket the next evacuation step starts from', h('span', { class: 'lg-label lg-nevacuate', text: '▶ 1' }), 'nevacuate'),
    item('a new bucket whose old bucket is not evacuated yet: its keys are still in the old array', h('span', { class: 'lg-label', text: '5 …' }), 'waiting for its old bucket'));
}

// <go-map-viz> for a reader who does not see it or does not use a mouse:
// the name of its controls group and where the focus goes from a button
// that a move has disabled (web/element/a11y.mjs). The browser side (the
// live region, the focus in the shadow root) is tests/e2e/flows/element-a11y.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlsLabel, focusHandoff } from '../../web/element/a11y.mjs';

test('controls are named after their map, and an author\'s aria-label wins', () => {
  assert.equal(controlsLabel(), 'Player controls');
  assert.equal(controlsLabel({ mapType: 'map[string]int64', operations: 3 }), 'Player controls: map[string]int64, 3 operations');
  assert.equal(controlsLabel({ mapType: 'map[int64]int64', operations: 1 }), 'Player controls: map[int64]int64, 1 operation');
  assert.equal(controlsLabel({ mapType: 'map[int64]int64', operations: 0 }), 'Player controls: map[int64]int64, 0 operations');
  assert.equal(controlsLabel({ label: '  Figure 2:\n deleting   apple ', mapType: 'map[string]int64', operations: 3 }), 'Player controls: Figure 2: deleting apple');
  // An empty or blank label names nothing; the map does.
  assert.equal(controlsLabel({ label: ' \t', mapType: 'map[string]int64', operations: 2 }), 'Player controls: map[string]int64, 2 operations');
  assert.equal(controlsLabel({ label: 'Growth', mapType: null }), 'Player controls: Growth');
});

// Regression: at either end of the timeline the button that took the
// reader there was disabled and the focus fell to <body>.
test('a button disabled at an end of the timeline hands the focus to its mirror', () => {
  const full = (disabled) => (name) => !disabled.includes(name);
  const atEnd = full(['step-forward', 'to-end']);
  const atStart = full(['step-back', 'to-start']);
  assert.equal(focusHandoff('step-forward', atEnd), 'step-back');
  assert.equal(focusHandoff('to-end', atEnd), 'to-start');
  assert.equal(focusHandoff('step-back', atStart), 'step-forward');
  assert.equal(focusHandoff('to-start', atStart), 'to-end');
  // minimal: no start and end buttons, and no timeline.
  const minimal = (disabled) => (name) => ['step-back', 'play', 'step-forward'].includes(name) && !disabled.includes(name);
  assert.equal(focusHandoff('step-forward', minimal(['step-forward'])), 'step-back');
  assert.equal(focusHandoff('step-back', minimal(['step-back'])), 'step-forward');
  // A map of no operations: every button off; the timeline, else nothing.
  const none = (name) => name === 'timeline';
  assert.equal(focusHandoff('play', none), 'timeline');
  assert.equal(focusHandoff('step-forward', () => false), null);
  assert.equal(focusHandoff('step-forward', (name) => name === 'play'), 'play');
});

// The standalone element's own player controls, in its shadow root:
//   full     start, back, play/pause, forward, end, a timeline and the
//            narration of the step;
//   minimal  back, play/pause, forward and a step counter;
//   none     nothing (the page drives it, or it is a still picture).
// Buttons only report what was asked (onCommand); the element moves its
// player and calls update() with the frame it then shows, and says when
// that moment is to be read out (a polite live region of its own).
import { h, setText } from '../render/dom.mjs';
import { icon } from '../render/icons.mjs';
import { controlsLabel, focusHandoff } from './a11y.mjs';

// A moment is read out once the moves settle: holding a key down, or
// dragging the timeline, would otherwise queue a sentence per step.
const SAY_AFTER_MS = 250;

const BUTTONS = [
  ['to-start', 'To the start', 'full'],
  ['step-back', 'Step back', 'minimal'],
  ['play', 'Play', 'minimal'],
  ['step-forward', 'Step forward', 'minimal'],
  ['to-end', 'To the end', 'full'],
];

export class VizControls {
  /** @param {(command: string, arg?: number) => void} onCommand */
  constructor(onCommand) {
    this.buttons = new Map();
    for (const [name, label, level] of BUTTONS) {
      const b = h('button', { type: 'button', class: `vc-${name}`, 'aria-label': label, title: label, dataset: { level } }, icon(name));
      b.addEventListener('click', () => onCommand(name));
      this.buttons.set(name, b);
    }
    this.timeline = h('input', { type: 'range', class: 'vc-timeline', min: '0', max: '0', value: '0', step: '1', 'aria-label': 'Timeline' });
    // Scrubbing asks for the latest position once per frame.
    let pending = null;
    this.timeline.addEventListener('input', () => {
      const first = pending === null;
      pending = Number(this.timeline.value);
      if (first) {
        requestAnimationFrame(() => {
          const p = pending;
          pending = null;
          onCommand('seek', p);
        });
      }
    });
    this.counter = h('span', { class: 'vc-counter' });
    this.narration = h('p', { class: 'vc-narration' });
    this.bar = h('div', { class: 'vc-bar', role: 'group', 'aria-label': controlsLabel() }, [...this.buttons.values()], this.timeline, this.counter);
    // The visible narration changes on every step of a playback; what is
    // read out is this region's, written only when the element says so.
    // It is not hidden with the narration in minimal mode: the counter
    // alone would tell a reader nothing.
    this.live = h('div', { class: 'vc-live', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.sayTimer = 0;
    this.root = h('div', { class: 'viz-controls', part: 'controls' }, this.bar, this.narration, this.live);
    this.mode = 'none';
    this.root.hidden = true;
  }

  /** The group's accessible name (a11y.mjs controlsLabel). */
  setLabel(about) {
    const label = controlsLabel(about);
    if (this.bar.getAttribute('aria-label') !== label) this.bar.setAttribute('aria-label', label);
  }

  /** @param {'full'|'minimal'|'none'} mode */
  setMode(mode) {
    this.mode = mode;
    this.root.hidden = mode === 'none';
    this.root.dataset.mode = mode;
    const full = mode === 'full';
    this.buttons.get('to-start').hidden = !full;
    this.buttons.get('to-end').hidden = !full;
    this.timeline.hidden = !full;
    this.narration.hidden = !full;
  }

  /**
   * @param {{ position: number, total: number }} frame
   * @param {{ playing: boolean, counter: string, narration: string, say?: boolean }} info
   *   say: read the narration out (a move of the reader's, not a tick of playback)
   */
  update(frame, { playing, counter, narration, say = false }) {
    if (this.mode === 'none') return;
    // Inside a shadow root the document's activeElement is the host; the
    // root's own is the control.
    const focused = this.#controlName(this.root.getRootNode().activeElement);
    const atStart = frame.position === 0;
    const atEnd = frame.position >= frame.total - 1;
    this.buttons.get('to-start').disabled = atStart;
    this.buttons.get('step-back').disabled = atStart;
    this.buttons.get('step-forward').disabled = atEnd;
    this.buttons.get('to-end').disabled = atEnd;
    const play = this.buttons.get('play');
    if (play.dataset.state !== String(playing)) {
      play.dataset.state = String(playing);
      play.replaceChildren(icon(playing ? 'pause' : 'play'));
      play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      play.title = playing ? 'Pause' : 'Play';
    }
    play.disabled = atEnd && !playing && frame.total <= 1;
    this.timeline.max = String(frame.total - 1);
    this.timeline.value = String(frame.position);
    this.timeline.setAttribute('aria-valuetext', counter);
    setText(this.counter, counter);
    setText(this.narration, narration);
    // A button that becomes disabled drops the focus; hand it on.
    if (focused && this.#control(focused).disabled) {
      const to = focusHandoff(focused, (name) => {
        const c = this.#control(name);
        return !c.disabled && !c.hidden;
      });
      if (to) this.#control(to).focus();
      else {
        // No control is left to take it (minimal controls, a scenario of
        // no operations): the group holds it, out of the tab order.
        this.bar.tabIndex = -1;
        this.bar.focus();
      }
    }
    if (say) this.#say(narration, frame.position);
    // A move not to be read (a playback tick, the host setting step) makes
    // a pending sentence stale: it would describe a moment no longer shown.
    else if (frame.position !== this.sayPosition) clearTimeout(this.sayTimer);
  }

  #control(name) {
    return name === 'timeline' ? this.timeline : this.buttons.get(name);
  }

  #controlName(el) {
    if (el === this.timeline) return 'timeline';
    for (const [name, b] of this.buttons) if (b === el) return name;
    return null;
  }

  #say(text, position) {
    clearTimeout(this.sayTimer);
    this.sayPosition = position;
    this.sayTimer = setTimeout(() => {
      // The same text again would not be read; a trailing space makes it
      // a change (as the page's announcer does).
      this.live.textContent = this.live.textContent === text ? `${text} ` : text;
    }, SAY_AFTER_MS);
  }
}

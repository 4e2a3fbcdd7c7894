// The standalone element's own player controls, in its shadow root:
//   full     start, back, play/pause, forward, end, a timeline and the
//            narration of the step;
//   minimal  back, play/pause, forward and a step counter;
//   none     nothing (the page drives it, or it is a still picture).
// Buttons only report what was asked (onCommand); the element moves its
// player and calls update() with the frame it then shows.
import { h, setText } from '../render/dom.mjs';
import { icon } from '../render/icons.mjs';

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
    this.bar = h('div', { class: 'vc-bar', role: 'group', 'aria-label': 'Player controls' }, [...this.buttons.values()], this.timeline, this.counter);
    this.root = h('div', { class: 'viz-controls', part: 'controls' }, this.bar, this.narration);
    this.mode = 'none';
    this.root.hidden = true;
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
   * @param {{ playing: boolean, counter: string, narration: string }} info
   */
  update(frame, { playing, counter, narration }) {
    if (this.mode === 'none') return;
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
    this.timeline.setAttribute('aria-valuetext', `moment ${frame.position} of ${frame.total - 1}`);
    setText(this.counter, counter);
    setText(this.narration, narration);
  }
}

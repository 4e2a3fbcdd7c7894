// The lesson player's markup: which lesson, a button per step, the step's
// narration in a live region (read out when the step changes), the
// operations it runs, and Previous / Replay / Next. It only draws; the
// tour (tour.mjs) decides what is shown and handles the buttons.
import { h, setText } from '../render/dom.mjs';

export class LessonPlayerView {
  /**
   * @param {HTMLElement} root the empty container from index.html
   * @param {{ prev: () => void, replay: () => void, next: () => void, goTo: (k: number) => void,
   *   close: () => void, nextLesson: () => void, showList: () => void }} on
   */
  constructor(root, on) {
    this.root = root;
    this.on = on;
    this.kicker = h('p', { class: 'lesson-kicker' });
    this.title = h('h3', { class: 'lesson-title', id: 'lesson-title', tabindex: '-1' });
    this.all = h('button', { type: 'button', class: 'lesson-all', 'aria-controls': 'lesson-list', 'aria-expanded': 'false', onclick: () => on.showList() }, 'All lessons');
    this.close = h('button', { type: 'button', class: 'lesson-close', onclick: () => on.close() }, 'Close lesson');
    this.steps = h('ol', { class: 'lesson-steps', 'aria-label': 'Steps of this lesson' });
    this.count = h('p', { class: 'lesson-count' });
    this.say = h('p', { class: 'lesson-say', id: 'lesson-say' });
    // One live region holds the count and the words, read as one message.
    this.narration = h('div', { class: 'lesson-narration', 'aria-live': 'polite', 'aria-atomic': 'true' }, this.count, this.say);
    this.ops = h('code', { class: 'lesson-ops-code' });
    this.opsLine = h('p', { class: 'lesson-ops' }, h('span', { class: 'lesson-ops-label', text: 'Runs' }), ' ', this.ops);
    this.note = h('p', { class: 'lesson-note', role: 'status' });
    this.prev = h('button', { type: 'button', class: 'lesson-prev', onclick: () => on.prev() }, h('span', { 'aria-hidden': 'true', text: '←' }), ' Previous step');
    this.replay = h('button', { type: 'button', class: 'lesson-replay', onclick: () => on.replay() }, 'Replay step');
    this.next = h('button', { type: 'button', class: 'primary lesson-next', onclick: () => this.#onNext() });
    this.nav = h('div', { class: 'lesson-nav', role: 'group', 'aria-label': 'Lesson steps' }, this.prev, this.replay, this.steps, this.next);
    root.replaceChildren(
      h('div', { class: 'lesson-head' }, h('div', { class: 'lesson-name' }, this.kicker, this.title), h('div', { class: 'lesson-head-buttons' }, this.all, this.close)),
      this.narration,
      this.opsLine,
      this.note,
      this.nav,
    );
    this.lastStep = false;
  }

  #onNext() {
    if (this.lastStep) this.on.nextLesson();
    else this.on.next();
  }

  /** A new lesson: its title and one button per step. */
  showLesson(lesson, index, total) {
    setText(this.kicker, `Lesson ${index + 1} of ${total}`);
    setText(this.title, lesson.title);
    this.steps.replaceChildren(...lesson.steps.map((step, k) => h('li', {},
      h('button', { type: 'button', class: 'lesson-step', 'aria-label': `Step ${k + 1}`, onclick: () => this.on.goTo(k) }, String(k + 1)))));
  }

  /**
   * @param {{ lesson: { title: string, steps: { say: string, ops: string }[] }, step: number, nextTitle: string|null, note: string }} s
   */
  showStep({ lesson, step, nextTitle, note }) {
    const n = lesson.steps.length;
    const s = lesson.steps[step];
    setText(this.count, `Step ${step + 1} of ${n}`);
    setText(this.say, s.say);
    setText(this.ops, s.ops.split('\n').map((l) => l.trim()).filter(Boolean).join('; '));
    [...this.steps.querySelectorAll('button')].forEach((b, k) => {
      if (k === step) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
      b.classList.toggle('is-done', k < step);
    });
    setText(this.note, note);
    this.note.hidden = !note;
    this.lastStep = step === n - 1;
    const nextLabel = this.lastStep ? (nextTitle ? 'Next lesson' : 'Finish') : 'Next step';
    this.next.replaceChildren(nextLabel, ' ', h('span', { 'aria-hidden': 'true', text: '→' }));
    this.next.title = this.lastStep && nextTitle ? nextTitle : '';
    // A button that becomes disabled drops the focus; hand it on.
    const hadFocus = document.activeElement === this.prev;
    this.prev.disabled = step === 0;
    if (hadFocus && this.prev.disabled) this.next.focus();
  }

  focusTitle() {
    this.title.focus();
  }
}

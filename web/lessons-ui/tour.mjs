// The guided tour: which lesson is open and at which step, kept in step
// with the page's player. A lesson is loaded as one scenario; going to a
// step shows the map before it and plays the step's operations through
// the playground's own player (App.play with a route), so the map view,
// the timeline and the micro-step narration are the usual ones. Moving the
// cursor by other means (timeline, keys) moves the lesson with it; an
// operation of the reader's own makes the history no longer the lesson's,
// and the next step reloads it.
import { lessonPlan, setupOf, stepBounds, stepRoute, stepAt, followsPlan } from './steps.mjs';
import { lessonFragment, readLessonFragment } from './fragment.mjs';
import { isCompareLesson } from '../lessons/check.mjs';

/**
 * A lesson module's default export (web/lessons/): its steps run in order, each
 * one's ops then its words; `expect` is what the tests check at its end.
 * @typedef {{ id: string, title: string, summary: string, setup: string, compare?: boolean,
 *   steps: { ops: string, say: string, expect?: object }[] }} Lesson
 */

export class LessonTour {
  /** @type {Lesson | null} the lesson open, if any */
  lesson = null;

  /**
   * @param {import('../app/app.mjs').App} app
   * @param {{ lessons: Lesson[], view: import('./player-view.mjs').LessonPlayerView,
   *   showSetup?: (lines: string[]) => void, onOpen?: (open: boolean) => void,
   *   compareStage?: import('./compare-stage.mjs').CompareStage }} options
   *   compareStage: where a lesson on both maps shows them
   */
  constructor(app, { lessons, view, showSetup, onOpen, compareStage = null }) {
    this.app = app;
    this.lessons = lessons;
    this.view = view;
    this.showSetup = showSetup;
    this.onOpen = onOpen ?? (() => {});
    this.compareStage = compareStage;
    this.plan = null;
    this.step = 0;
    this.player = null;   // the Player this lesson was loaded into
    this.commands = [];   // its operations, to tell when the reader changed them
    this.detached = false;
    this.loading = false;
    // While a step starts to play: the position it plays from. That map is
    // the end of the step before, and stepAt gives it to that step; during
    // its lead-in (one tick, until the route moves on or playing stops) it
    // shows the step being played.
    this.leadIn = null;
    app.onRender((e) => this.#sync(e));
  }

  get index() {
    return this.lessons.indexOf(this.lesson);
  }

  /**
   * The lesson open and the step shown (from 1, as links count), for the
   * Share dialog's lesson link; null when no lesson is open, or when the
   * reader has changed the map (the map to share is then theirs).
   * @returns {{ id: string, step: number, title: string, steps: number } | null}
   */
  get openStep() {
    if (!this.lesson || this.detached) return null;
    return { id: this.lesson.id, step: this.step + 1, title: this.lesson.title, steps: this.lesson.steps.length };
  }

  /** Opens lesson `id` at step k (from 0) and plays that step. */
  async open(id, k = 0, { play = true } = {}) {
    const lesson = this.lessons.find((l) => l.id === id);
    if (!lesson || this.app.busy) return false;
    if (!isCompareLesson(lesson)) this.compareStage?.hide();
    this.lesson = lesson;
    this.plan = lessonPlan(lesson);
    this.view.showLesson(lesson, this.index, this.lessons.length);
    this.onOpen(true);
    if (!(await this.#load())) return false;
    await this.goTo(k, { play });
    return true;
  }

  close() {
    if (!this.lesson) return;
    this.app.pause();
    this.compareStage?.hide();
    this.lesson = null;
    this.plan = null;
    this.player = null;
    this.onOpen(false);
    if (readLessonFragment(location.hash)) writeFragment('');
  }

  async #load() {
    this.loading = true;
    let r;
    try {
      r = await this.app.loadScenario(this.plan.text);
    } finally {
      this.loading = false;
    }
    const history = this.app.player?.history;
    if (!r.ok || history.length !== this.plan.ops) {
      // The lessons are tested against the model; this is for a broken build.
      const why = r.ok ? `it made ${history.length} operations, not ${this.plan.ops}` : r.errors?.[0]?.message ?? 'it did not run';
      this.view.showStep({ lesson: this.lesson, step: this.step, nextTitle: null, note: `This lesson could not be loaded: ${why}.` });
      return false;
    }
    this.player = this.app.player;
    this.commands = history.ops.map((o) => o.command);
    this.detached = false;
    this.showSetup?.(setupOf(this.lesson));
    return true;
  }

  /** Shows step k: the map before it, then its operations playing (or, with play: false, the map after it). */
  async goTo(k, { play = true } = {}) {
    if (!this.lesson || this.app.busy) return;
    const step = Math.max(0, Math.min(this.lesson.steps.length - 1, k));
    // Stopping a step that is playing draws where it stopped, and the tour
    // follows that; the step asked for is set after.
    this.leadIn = null;
    this.app.pause();
    this.step = step;
    if (this.detached || this.app.player !== this.player) {
      if (!(await this.#load())) return;
    }
    const history = this.player.history;
    const { start, end } = stepBounds(history, this.plan, step);
    if (isCompareLesson(this.lesson)) {
      // Both maps at the step's end; each side's micro-steps are the panel's.
      this.app.seek(end);
      this.#show();
      await this.#showBoth();
      return;
    }
    if (play) {
      this.leadIn = start;
      this.app.seek(start);
      this.#show();
      this.app.play({ route: stepRoute(history, this.plan, step) });
    } else {
      this.app.seek(end);
      this.#show();
    }
  }

  next() {
    return this.goTo(this.step + 1);
  }

  prev() {
    return this.goTo(this.step - 1);
  }

  replay() {
    return this.goTo(this.step);
  }

  /** After the last step: the next lesson, or the end of the tour. */
  nextLesson() {
    const following = this.lessons[this.index + 1];
    if (following) return this.open(following.id, 0);
    this.close();
    return null;
  }

  /** Opens the lesson a `#lesson=…&step=…` fragment names; false if it names none. */
  async openFragment(hash) {
    const f = readLessonFragment(hash);
    if (!f || !this.lessons.some((l) => l.id === f.id)) return false;
    if (this.lesson?.id === f.id && this.step === f.step - 1 && !this.detached) return true;
    if (this.lesson?.id === f.id) {
      await this.goTo(f.step - 1);
      return true;
    }
    return this.open(f.id, f.step - 1);
  }

  #show() {
    const following = this.lessons[this.index + 1];
    this.view.showStep({
      lesson: this.lesson,
      step: this.step,
      nextTitle: following?.title ?? null,
      note: this.detached
        ? 'You changed the map, so it no longer follows the lesson. Any step button puts the lesson\'s map back.'
        : '',
    });
    writeFragment(lessonFragment(this.lesson.id, this.step + 1));
  }

  // Every render of the page: follow the cursor, notice the reader's own operations.
  #sync({ frame, historyChanged, playing }) {
    if (playing === false) this.leadIn = null;
    if (!this.lesson || this.loading || !this.player) return;
    if (historyChanged !== undefined || frame) {
      const own = this.app.player === this.player && followsPlan(this.player.history, this.plan, this.commands);
      if (!own && !this.detached) {
        this.detached = true;
        this.#show();
        return;
      }
      if (!own) return;
    }
    if (!frame) return;
    if (frame.position !== this.leadIn) this.leadIn = null;
    const k = this.leadIn === null ? stepAt(this.player.history, this.plan, frame.position) : this.step;
    if (k !== this.step) {
      this.step = k;
      this.#show();
      if (isCompareLesson(this.lesson)) this.#showBoth();
    }
  }

  // A lesson on both maps: compare mode's panel at the end of the step.
  async #showBoth() {
    const r = await this.compareStage?.show(this.plan.text, this.plan.steps[this.step].last + 1);
    if (r && !r.ok) this.view.showStep({ lesson: this.lesson, step: this.step, nextTitle: null, note: `Both maps could not be shown: ${r.error}.` });
  }
}

// The lesson's place in the address, without a history entry per step.
function writeFragment(fragment) {
  const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // Some file:// pages refuse replaceState; the address then stays as it was.
  }
}

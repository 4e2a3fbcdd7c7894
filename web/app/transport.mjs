// The player's controls: buttons, speed, the timeline, and the keyboard.
// Space plays or pauses, ←/→ step one micro-step, Shift+←/→ a whole
// operation, Home/End jump to the ends — unless focus is in a field or a
// control that uses those keys itself.
import { icon } from '../render/icons.mjs';
import { momentName } from '../share/step.mjs';

const $ = (id) => document.getElementById(id);
const button = (id) => /** @type {HTMLButtonElement} */ ($(id));

function ownsKeys(el) {
  if (!el || el === document.body) return false;
  if (el.closest('input, textarea, select, [contenteditable], [role="grid"], [role="slider"]')) return true;
  return false;
}

// Space is play/pause, as the header says, wherever it does not type or
// choose: not in text fields, lists, checkboxes, nor on a control the
// reader reached with the keyboard (Space presses it, as everywhere). A
// button clicked with the pointer keeps the focus; Space there plays
// too, rather than press that button again.
const CONTROL = 'button, a, summary, [role="button"], [role="checkbox"], [role="radio"]';
let clicked = null; // the control the pointer last focused, while it keeps the focus
document.addEventListener('pointerdown', (ev) => { clicked = /** @type {Element} */ (ev.target)?.closest?.(CONTROL) ?? null; }, true);
document.addEventListener('focusin', (ev) => { if (ev.target !== clicked) clicked = null; }, true);

function ownsSpace(el) {
  if (!el || el === document.body) return false;
  if (el.closest('textarea, select, [contenteditable], input:not([type="range"])')) return true;
  const control = el.closest(CONTROL);
  return !!control && control !== clicked;
}

export function wireTransport(app) {
  const playBtn = $('play');
  const timeline = /** @type {HTMLInputElement} */ ($('timeline'));
  const timelineText = $('timeline-text');
  $('to-start').addEventListener('click', () => app.toStart());
  $('to-end').addEventListener('click', () => app.toEnd());
  $('step-back').addEventListener('click', () => app.step(-1));
  $('step-forward').addEventListener('click', () => app.step(1));
  $('prev-op').addEventListener('click', () => app.stepOp(-1));
  $('next-op').addEventListener('click', () => app.stepOp(1));
  playBtn.addEventListener('click', () => app.togglePlay());
  const speed = /** @type {HTMLSelectElement} */ ($('speed'));
  speed.addEventListener('change', () => app.setSpeed(Number(speed.value)));
  app.setSpeed(Number(speed.value));

  // Scrubbing: only the latest position matters, once per frame.
  let pending = null;
  timeline.addEventListener('input', () => {
    app.pause();
    const first = pending === null;
    pending = Number(timeline.value);
    if (first) {
      requestAnimationFrame(() => {
        const p = pending;
        pending = null;
        app.seek(p, { follow: true });
      });
    }
  });
  timeline.addEventListener('change', () => app.seek(Number(timeline.value), { announce: true }));

  // A Space this handler took must not press the focused button on keyup.
  let spaceTaken = false;
  document.addEventListener('keyup', (ev) => {
    if (ev.key === ' ' && spaceTaken) {
      spaceTaken = false;
      ev.preventDefault();
    }
  }, true);
  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const target = ev.target;
    switch (ev.key) {
      case ' ':
        if (ownsSpace(target)) return;
        ev.preventDefault();
        spaceTaken = true;
        if (!ev.repeat) app.togglePlay();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (ownsKeys(target)) return;
        ev.preventDefault();
        if (ev.shiftKey) app.stepOp(ev.key === 'ArrowLeft' ? -1 : 1);
        else app.step(ev.key === 'ArrowLeft' ? -1 : 1);
        break;
      case 'Home':
      case 'End':
        if (ownsKeys(target)) return;
        ev.preventDefault();
        if (ev.key === 'Home') app.toStart();
        else app.toEnd();
        break;
      default:
    }
  });

  app.onRender(({ frame, playing, busy }) => {
    if (playing !== undefined) {
      playBtn.replaceChildren(icon(playing ? 'pause' : 'play'));
      playBtn.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      playBtn.title = playing ? 'Pause (Space)' : 'Play (Space)';
      playBtn.classList.toggle('is-playing', playing);
    }
    if (busy !== undefined) {
      for (const id of ['to-start', 'to-end', 'step-back', 'step-forward', 'prev-op', 'next-op', 'play']) button(id).disabled = busy;
      timeline.disabled = busy;
    }
    if (frame) {
      const focused = /** @type {HTMLButtonElement} */ (document.activeElement);
      timeline.max = String(frame.total - 1);
      timeline.value = String(frame.position);
      // The moment's one name (N.M), as in the counter, a link's step= and exports.
      const name = momentName(frame);
      timeline.setAttribute('aria-valuetext', `step ${name}`);
      timelineText.textContent = `step ${name}`;
      button('step-back').disabled = frame.position === 0;
      button('to-start').disabled = frame.position === 0;
      button('prev-op').disabled = frame.position === 0;
      const atEnd = frame.position === frame.total - 1;
      button('step-forward').disabled = atEnd;
      button('to-end').disabled = atEnd;
      button('next-op').disabled = atEnd;
      // A button that disables itself under the keyboard (Step forward at
      // the end) would drop focus to the page's top; hand it to the button
      // that goes the other way, so the next Enter or Tab starts from here.
      if (focused?.disabled && focused.closest('.transport')) {
        const other = button(atEnd ? 'step-back' : 'step-forward');
        (other.disabled ? playBtn : other).focus();
      }
    }
  });
}

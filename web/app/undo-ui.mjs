// Undo for the last change of the history, of any kind (an operation, a
// fill, a preset or scenario loaded, a new map, a link opened): an Undo
// button with the player's controls, Ctrl+Z (Cmd+Z) outside text fields,
// and a notice whenever a change dropped something (the operations after
// the moment shown, or a whole map), so nothing is lost in silence. The
// same notice suggests the evacuation preset when a grow began and ended
// within one operation, too fast to watch.
import { h } from '../render/dom.mjs';

const $ = (id) => document.getElementById(id);
const EVACUATION_PRESET = 'evacuation';

function ownsUndo(el) {
  return !!el?.closest?.('input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), textarea, [contenteditable]');
}

/**
 * @param {import('./app.mjs').App} app
 * @param {{ loadPreset: (id: string) => void }} presets
 */
export function wireUndo(app, { loadPreset }) {
  const button = h('button', { type: 'button', id: 'undo', class: 'undo', disabled: true, 'aria-keyshortcuts': 'Control+Z', text: 'Undo' });
  // Its name stays "Undo"; what it would undo is its description.
  // Beside the timeline, whose range gives it room on a narrow screen.
  ($('timeline-text') ?? $('to-end'))?.after(button);
  const notice = h('div', { class: 'history-notice', id: 'history-notice', role: 'status', hidden: true });
  $('link-notice')?.before(notice);
  let suggested = false;

  const refresh = () => {
    const label = app.undoLabel;
    button.disabled = !label || app.busy;
    button.title = label ? `Undo ${label} (Ctrl+Z)` : 'Nothing to undo';
    button.setAttribute('aria-description', label ? `Undoes ${label}` : 'Nothing to undo');
  };

  function show(lines, actions) {
    const dismiss = h('button', { type: 'button', class: 'notice-dismiss', text: 'Dismiss' });
    dismiss.addEventListener('click', () => { notice.hidden = true; });
    const buttons = actions.map(([text, fn]) => {
      const b = h('button', { type: 'button', class: 'notice-dismiss', text });
      b.addEventListener('click', fn);
      return b;
    });
    notice.replaceChildren(...lines.map((t) => h('p', { text: t })), h('div', { class: 'button-row' }, ...buttons, dismiss));
    notice.hidden = false;
  }

  const undoAction = ['Undo', () => { notice.hidden = true; app.undo(); }];
  app.onUndoChange((change) => {
    refresh();
    if (!change) {
      notice.hidden = true;
      return;
    }
    const { label, lost, lostCommands = [], operations, replaced, grewWithin } = change;
    if (lost > 0) {
      const named = lostCommands.slice(0, 3).join('; ') + (lostCommands.length > 3 ? '; …' : '');
      show([`Added ${label.replace(/, which replaced.*$/, '')} at the moment shown, so the ${lost === 1 ? 'operation' : `${lost} operations`} after it (${named}) ${lost === 1 ? 'was' : 'were'} dropped.`], [undoAction]);
    } else if (replaced && operations > 0) {
      show([`Loaded ${label}; the previous map and its ${operations === 1 ? 'operation' : `${operations} operations`} can be brought back with Undo.`], [undoAction]);
    } else if (grewWithin && !suggested) {
      suggested = true;
      show(['That grow began and finished within one operation, too fast to watch. The preset “Evacuation, step by step (B 2 → 3)” spreads one over several inserts.'],
        [['Load that preset', () => { notice.hidden = true; loadPreset(EVACUATION_PRESET); }]]);
    } else notice.hidden = true;
  });
  app.onRender(({ busy }) => {
    if (busy !== undefined) refresh();
  });
  button.addEventListener('click', () => app.undo());
  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.altKey || ev.shiftKey || !(ev.ctrlKey || ev.metaKey) || ev.key.toLowerCase() !== 'z') return;
    // A text field undoes its own typing.
    if (ownsUndo(ev.target)) return;
    ev.preventDefault();
    app.undo();
  });
  refresh();
  return { notice, button };
}

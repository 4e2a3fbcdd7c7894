// What the Share and Embed dialogs are built from: a read-only snippet field
// with its Copy button, and a focus trap. A modal <dialog> already makes the
// page around it inert and closes on Escape; Tab past its last control would
// still leave for the browser's own toolbar, so the trap brings it round to
// the first (and Shift+Tab from the first to the last).
import { h } from '../render/dom.mjs';
import { wireCopyButton } from './copy-button.mjs';

/**
 * @param {{ id: string, label: string, multiline?: boolean, rows?: number, copyLabel: string, what: string,
 *   status: HTMLElement, hint?: string }} options
 * @returns {{ field: HTMLInputElement | HTMLTextAreaElement, copy: HTMLButtonElement, row: HTMLElement }}
 */
export function snippetField({ id, label, multiline = false, rows = 4, copyLabel, what, status, hint }) {
  const field = multiline
    ? h('textarea', { id, readonly: true, rows, spellcheck: 'false' })
    : h('input', { id, readonly: true, spellcheck: 'false' });
  const copy = h('button', { type: 'button', 'aria-label': copyLabel, text: 'Copy' });
  const note = hint ? h('p', { class: 'hint share-field-hint', id: `${id}-hint`, text: hint }) : null;
  if (note) field.setAttribute('aria-describedby', note.id);
  const row = h('div', { class: 'share-field' }, h('label', { for: id, text: label }), note, h('div', { class: 'with-button' }, field, copy));
  wireCopyButton(copy, { text: () => field.value, field, status, what });
  field.addEventListener('focus', () => field.select());
  return { field, copy, row };
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside an open dialog. */
export function trapFocus(dialog) {
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = [...dialog.querySelectorAll(FOCUSABLE)]
      .filter((el) => !el.disabled && !el.closest('[hidden]') && el.getClientRects().length > 0);
    if (!all.length) return;
    const first = all[0];
    const last = all.at(-1);
    if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    }
  });
}

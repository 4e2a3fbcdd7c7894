// The Share button: a dialog with the ways to pass the moment on that work
// in this edition of the page (share-offer.mjs). On the site: a link to the
// playground at this moment. In the offline single file: a link to the file
// itself and the scenario text. While a lesson is open, a link to the
// lesson at its step comes first. Each is a read-only field with a Copy
// button. Embedding the moment in another page is the Embed dialog's job
// (embed-dialog.mjs).
import { EDITION } from './edition.mjs';
import { HINTS, LESSON_OFFER, OFFERS, carriedNote, lessonHint, offerFor, shareTexts } from './share-offer.mjs';
import { h } from '../render/dom.mjs';
import { snippetField, trapFocus } from './dialog-parts.mjs';

const $ = (id) => document.getElementById(id);

const FIELDS = {
  lesson: { label: 'Link to this lesson step', multiline: false, copyLabel: 'Copy the lesson link', what: 'The lesson link' },
  link: { label: 'Link to this moment', multiline: false, copyLabel: 'Copy the link', what: 'The link' },
  scenario: { label: 'Scenario', multiline: true, copyLabel: 'Copy the scenario', what: 'The scenario' },
};

/**
 * @param {{ announce: (text: string) => void, scenarioText: () => string }} app
 * @param {() => Partial<import('../share/fields.mjs').ShareState>} currentState the state to share (link-state.mjs)
 * @param {{ edition?: 'site' | 'offline', lessonStep?: () => ({ id: string, step: number, title?: string, steps?: number } | null) }} [options]
 *   edition: which build this page is (edition.mjs); lessonStep: the lesson open now, its step from 1
 */
export function wireShareDialog(app, currentState, { edition = EDITION, lessonStep = () => null } = {}) {
  // Inside the dialog: while it is open the page's live region is inert.
  const status = h('p', { class: 'share-status', role: 'status' });
  const field = (key) => snippetField({ id: `share-${key}`, ...FIELDS[key], status });
  const snippets = OFFERS[edition].map((key) => ({ key, ...field(key) }));
  // The lesson's link is in the dialog only while a lesson is open (open()
  // puts it before the others), so what is there is what is offered.
  const lessonSnippet = { key: LESSON_OFFER, ...field(LESSON_OFFER) };
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const lessonNote = h('p', { class: 'hint share-lesson', hidden: true });
  const carried = h('p', { class: 'hint share-carried', hidden: true });
  const close = h('button', { type: 'submit', class: 'primary', text: 'Close' });
  // The link (and the scenario with it) can open compare mode: compare=1.
  const compare = h('input', { id: 'share-compare', type: 'checkbox' });
  const compareRow = h('div', { class: 'embed-option embed-check share-compare' }, compare,
    h('label', { for: 'share-compare', text: 'Open in compare mode: Go 1.14 and Go 1.26 side by side' }));
  const dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: 'Share this moment' }),
    h('p', { class: 'hint', text: HINTS[edition] }),
    lessonNote, carried, problem, snippets.some((s) => s.key === 'link') ? compareRow : null, snippets.map((s) => s.row),
    // method="dialog" closes it without any script.
    h('form', { method: 'dialog', class: 'button-row' }, status, close));
  dialog.dataset.edition = edition;
  document.body.append(dialog);
  trapFocus(dialog);

  const byKey = Object.fromEntries([lessonSnippet, ...snippets].map((s) => [s.key, s]));
  let base = null;
  function open() {
    base = currentState();
    compare.checked = Boolean(base.compare);
    fill();
    dialog.showModal();
    // It starts at the first field offered: the lesson's link while a lesson is open.
    const first = offerFor(edition, lessonStep()).find((key) => byKey[key].field.value !== '');
    if (first) byKey[first].field.focus();
    else close.focus();
  }
  function fill() {
    const state = { ...base, compare: compare.checked };
    const lesson = lessonStep();
    const offered = offerFor(edition, lesson);
    const r = shareTexts(edition, { href: location.href, state, scenario: app.scenarioText(), lesson });
    lessonNote.textContent = lessonHint(lesson) ?? '';
    lessonNote.hidden = !lesson;
    problem.textContent = r.problem ?? '';
    status.textContent = '';
    const text = carriedNote(edition, state);
    carried.hidden = !text;
    carried.textContent = text ?? '';
    if (offered.includes(LESSON_OFFER)) snippets[0].row.before(lessonSnippet.row);
    else lessonSnippet.row.remove();
    for (const s of [lessonSnippet, ...snippets]) {
      s.field.value = r.texts[s.key] ?? '';
      s.copy.disabled = (r.texts[s.key] ?? null) === null;
    }
  }
  compare.addEventListener('change', fill);
  $('share-btn').addEventListener('click', open);
  return { dialog, open };
}

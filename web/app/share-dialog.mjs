// The Share and Embed buttons: one dialog with the ways to pass the moment
// on that work in this edition of the page (share-offer.mjs). On the site:
// a link to the playground at this moment, the <go-map-viz> element with
// its one script, and an iframe of the embed page. In the offline single
// file: a link to the file itself and the scenario text, with a note that
// embeds need the hosted files. While a lesson is open, a link to the
// lesson at its step comes first. Each is a read-only field with a Copy
// button. The iframe's height is measured from the embed itself
// (embed-height.mjs) and written in once known.
import { EDITION } from './edition.mjs';
import { EMBED_NOTES, HINTS, LESSON_OFFER, OFFERS, carriedNote, lessonHint, offerFor, shareTexts } from './share-offer.mjs';
import { h } from '../render/dom.mjs';
import { wireCopyButton } from './copy-button.mjs';
import { frameOf, measureEmbedHeight, withHeight } from './embed-height.mjs';

const $ = (id) => document.getElementById(id);

const FIELDS = {
  lesson: { label: 'Link to this lesson step', multiline: false, copyLabel: 'Copy the lesson link', what: 'The lesson link' },
  link: { label: 'Link to this moment', multiline: false, copyLabel: 'Copy the link', what: 'The link' },
  element: { label: 'Element: the script, then the tag', multiline: true, copyLabel: 'Copy the element', what: 'The element' },
  iframe: { label: 'iframe', multiline: true, copyLabel: 'Copy the iframe', what: 'The iframe' },
  scenario: { label: 'Scenario', multiline: true, copyLabel: 'Copy the scenario', what: 'The scenario' },
};

function snippetField(key) {
  const { label, multiline, copyLabel } = FIELDS[key];
  const id = `share-${key}`;
  const field = multiline
    ? h('textarea', { id, readonly: true, rows: 4, spellcheck: 'false' })
    : h('input', { id, readonly: true, spellcheck: 'false' });
  const copy = h('button', { type: 'button', 'aria-label': copyLabel, text: 'Copy' });
  const row = h('div', { class: 'share-field' }, h('label', { for: id, text: label }), h('div', { class: 'with-button' }, field, copy));
  return { key, field, copy, row };
}

/**
 * @param {{ announce: (text: string) => void, scenarioText: () => string }} app
 * @param {() => object} currentState the state to share (link-state.mjs)
 * @param {{ edition?: string, lessonStep?: () => ({ id: string, step: number, title?: string, steps?: number } | null) }} [options]
 *   edition: which build this page is (edition.mjs); lessonStep: the lesson open now, its step from 1
 */
export function wireShareDialog(app, currentState, { edition = EDITION, lessonStep = () => null } = {}) {
  const snippets = OFFERS[edition].map(snippetField);
  // The lesson's link is in the dialog only while a lesson is open (open()
  // puts it before the others), so what is there is what is offered.
  const lessonSnippet = snippetField(LESSON_OFFER);
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const lessonNote = h('p', { class: 'hint share-lesson', hidden: true });
  const carried = h('p', { class: 'hint share-carried', hidden: true });
  // Offline, the note comes before the fields, and the Embed button
  // brings the reader to it: it is the answer to what they asked for.
  const note = EMBED_NOTES[edition] ? h('p', { id: 'share-note', class: 'share-note', tabindex: '-1', text: EMBED_NOTES[edition] }) : null;
  const close = h('button', { type: 'submit', class: 'primary', text: 'Close' });
  // Inside the dialog: while it is open the page's live region is inert.
  const status = h('p', { class: 'share-status', role: 'status' });
  const dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-title', 'aria-describedby': note ? 'share-note' : null },
    h('h2', { id: 'share-title', text: 'Share this moment' }),
    h('p', { class: 'hint', text: HINTS[edition] }),
    lessonNote, note, carried, problem, snippets.map((s) => s.row),
    // method="dialog" closes it without any script.
    h('form', { method: 'dialog', class: 'button-row' }, status, close));
  dialog.dataset.edition = edition;
  document.body.append(dialog);

  for (const s of [lessonSnippet, ...snippets]) {
    wireCopyButton(s.copy, { text: () => s.field.value, field: s.field, status, what: FIELDS[s.key].what });
    s.field.addEventListener('focus', () => s.field.select());
  }

  const byKey = Object.fromEntries([lessonSnippet, ...snippets].map((s) => [s.key, s]));
  const title = dialog.querySelector('#share-title');
  let opened = 0;
  // The last snippet measured and its height: reopening the dialog on the
  // same moment loads no second embed.
  let measured = { snippet: null, height: null };
  // The iframe snippet's height, once the embed has been measured; only if
  // the dialog still shows the snippet that was measured.
  function fitIframe(snippet) {
    const field = byKey.iframe.field;
    const fit = (height) => {
      if (height === null || field.value !== snippet) return;
      const focused = document.activeElement === field;
      field.value = withHeight(snippet, height);
      if (focused) field.select();
    };
    if (measured.snippet === snippet) {
      fit(measured.height);
      return;
    }
    const frame = frameOf(snippet);
    if (!frame) return;
    const at = opened;
    measureEmbedHeight(frame.src, frame.width).then((height) => {
      if (height !== null) measured = { snippet, height };
      if (at === opened) fit(height);
    });
  }
  function open(focusKey, heading) {
    opened++;
    title.textContent = heading;
    const state = currentState();
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
    dialog.showModal();
    if (byKey.iframe && r.texts.iframe) fitIframe(r.texts.iframe);
    if (focusKey === 'note' && note) note.focus();
    else if (byKey[focusKey] && offered.includes(focusKey) && r.texts[focusKey] !== null) byKey[focusKey].field.focus();
    else close.focus();
  }
  // Share starts at the first field offered: the lesson's link while a lesson is open.
  $('share-btn').addEventListener('click', () => open(offerFor(edition, lessonStep())[0], 'Share this moment'));
  $('embed-btn').addEventListener('click', () => open(byKey.element ? 'element' : 'note', 'Embed this moment'));
  return { dialog, open };
}

// The Embed button: a dialog that puts the moment on another page. The
// blogger picks the moment (this one, the start, the end or any N.M), the
// embed's controls, theme, view, header, buckets and height, and sees the
// embed as a reader will, live, at the column width they pick. Below it,
// the snippets (embed-offer.mjs): the script line, to paste once per page
// (from the npm package on a CDN, pinned to a version, or from this site),
// the element line, once per embed, and an iframe of this site's embed page
// whose fixed height is measured at the chosen column (embed-height.mjs).
// The offline single file has none of the files an embed loads, so there
// the dialog holds only the note saying so (share-offer.mjs).
import { EDITION } from './edition.mjs';
import { EMBED_NOTES, carriedNote } from './share-offer.mjs';
import { COLUMNS, MOMENTS, SCRIPT_SOURCES, SIZES, SOURCE_LABELS, defaultOptions, embedState, embedTexts } from './embed-offer.mjs';
import { elementAttributes } from '../share/embed.mjs';
import { CONTROLS, FIELDS, HEADERS, THEMES, VERSIONS, VIEWS } from '../share/fields.mjs';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../share/package-release.mjs';
import { h } from '../render/dom.mjs';
import { snippetField, trapFocus } from './dialog-parts.mjs';
import { frameOf, measureEmbedHeight, withHeight } from './embed-height.mjs';

const STEP = FIELDS.find((f) => f.name === 'step');
const UPDATE_MS = 150;   // options typed in quick succession update the preview once
const COLUMN_LABELS = { 375: '375 px (a phone)', 600: '600 px (a narrow blog column)', 720: '720 px (a wide column)' };

function select(id, label, values, labels = {}) {
  const el = h('select', { id }, values.map((v) => h('option', { value: String(v), text: labels[v] ?? String(v) })));
  return { el, row: h('div', { class: 'embed-option' }, h('label', { for: id, text: label }), el) };
}

/**
 * @param {string} id
 * @param {string} label
 * @param {{ placeholder?: string, inputmode?: string }} [hints]
 */
function textOption(id, label, { placeholder, inputmode } = {}) {
  const el = h('input', { id, type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder, inputmode, 'aria-describedby': `${id}-error` });
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  return { el, error, row: h('div', { class: 'embed-option' }, h('label', { for: id, text: label }), el, error) };
}

/**
 * Builds the dialog (main.mjs does so on the first click of Embed, so its
 * code is not part of the page's first load); open() shows it.
 * @param {() => object} currentState the page's state (link-state.mjs); its step is the moment on screen
 * @param {{ edition?: string }} [options]
 */
export function makeEmbedDialog(currentState, { edition = EDITION } = {}) {
  const status = h('p', { class: 'share-status', role: 'status' });
  const close = h('button', { type: 'submit', class: 'primary', text: 'Close' });
  const title = h('h2', { id: 'embed-title', text: 'Embed this moment' });
  const buttons = h('form', { method: 'dialog', class: 'button-row' }, status, close);
  if (EMBED_NOTES[edition]) {
    const note = h('p', { id: 'embed-note', class: 'share-note', tabindex: '-1', text: EMBED_NOTES[edition] });
    const dialog = h('dialog', { class: 'share-dialog embed-dialog', 'aria-labelledby': 'embed-title', 'aria-describedby': 'embed-note' },
      title, note, buttons);
    dialog.dataset.edition = edition;
    document.body.append(dialog);
    trapFocus(dialog);
    const open = () => {
      dialog.showModal();
      note.focus();
    };
    return { dialog, open };
  }

  const moment = select('embed-moment', 'Moment', MOMENTS);
  const step = textOption('embed-step', 'Step (N or N.M)', { placeholder: '2.3', inputmode: 'decimal' });
  const controls = select('embed-controls', 'Controls', CONTROLS);
  const theme = select('embed-theme', 'Theme', THEMES, { auto: 'auto (the reader’s)' });
  const view = select('embed-view', 'View', VIEWS);
  const header = select('embed-header', 'Header', HEADERS);
  const autoplay = h('input', { id: 'embed-autoplay', type: 'checkbox' });
  const version = select('embed-version', 'Map', VERSIONS, { '1.14': 'Go 1.14: bucket map', '1.19': 'Go 1.19: bucket map', '1.26': 'Go 1.26: Swiss table' });
  const compare = h('input', { id: 'embed-compare', type: 'checkbox' });
  const buckets = textOption('embed-buckets', 'Buckets', { placeholder: 'all, or 3,7,11 or 4-7' });
  const size = select('embed-size', 'Height', SIZES, { auto: 'its own (stable)', fixed: 'fixed', max: 'at most' });
  const px = textOption('embed-px', 'Pixels', { inputmode: 'numeric' });
  const column = select('embed-column', 'Column width', COLUMNS, COLUMN_LABELS);
  const source = select('embed-source', 'Load the script from', SCRIPT_SOURCES, SOURCE_LABELS);
  const inputs = [moment.el, step.el, version.el, compare, controls.el, theme.el, view.el, header.el, autoplay, buckets.el, size.el, px.el, column.el, source.el];

  const preview = h('div', { class: 'embed-preview-frame' });
  const previewNote = h('p', { class: 'hint embed-preview-note', id: 'embed-preview-note' });
  const carried = h('p', { class: 'hint share-carried', hidden: true });
  const problem = h('p', { class: 'field-error', role: 'alert' });

  const script = snippetField({
    id: 'embed-script', label: '1. Once per page: the script', multiline: true, rows: 2, copyLabel: 'Copy the script line', what: 'The script line', status,
    hint: `With several embeds on a page, paste this line once (in the page's head or before the first embed).`,
  });
  const element = snippetField({
    id: 'embed-element', label: '2. Once per embed: the element', multiline: true, rows: 3, copyLabel: 'Copy the element', what: 'The element', status,
  });
  const iframe = snippetField({
    id: 'embed-iframe', label: 'Or an iframe (nothing else to load; from this site)', multiline: true, rows: 4, copyLabel: 'Copy the iframe', what: 'The iframe', status,
    hint: 'Its height is measured at the column width above; the line after it lets the frame follow its content where inline scripts run.',
  });
  const sourceHint = h('p', { class: 'hint share-field-hint', id: 'embed-source-hint' });
  source.el.setAttribute('aria-describedby', sourceHint.id);

  const dialog = h('dialog', { class: 'share-dialog embed-dialog', 'aria-labelledby': 'embed-title' },
    title,
    h('p', { class: 'hint', text: 'Pick the moment and the look; the preview is what a reader of your page will see. ' +
      'Then copy the script line once per page and the element once per embed, or the iframe.' }),
    carried,
    h('div', { class: 'embed-body' },
      h('div', { class: 'embed-options' },
        h('fieldset', {}, h('legend', { text: 'Moment' }), moment.row, step.row),
        h('fieldset', {}, h('legend', { text: 'Model' }), version.row,
          h('div', { class: 'embed-option embed-check' }, compare, h('label', { for: 'embed-compare', text: 'Compare: Go 1.14 and Go 1.26 side by side' }))),
        h('fieldset', {}, h('legend', { text: 'Look' }), controls.row, theme.row, view.row, header.row,
          h('div', { class: 'embed-option embed-check' }, autoplay, h('label', { for: 'embed-autoplay', text: 'Autoplay (from this moment, once, to the end)' }))),
        h('fieldset', {}, h('legend', { text: 'Size' }), buckets.row, size.row, px.row, column.row)),
      h('section', { class: 'embed-preview', 'aria-labelledby': 'embed-preview-title' },
        h('h3', { id: 'embed-preview-title', text: 'Preview' }), previewNote, preview),
      h('div', { class: 'embed-snippets' },
        h('div', { class: 'embed-source' }, source.row, sourceHint),
        problem, script.row, element.row, iframe.row)),
    buttons);
  document.body.append(dialog);
  trapFocus(dialog);

  let base = null;      // the page's state when the dialog opened
  let viz = null;       // the preview element
  let timer = 0;
  let measuring = 0;    // which update the iframe height belongs to
  const measured = new Map(); // iframe snippet → its measured height

  function options() {
    return {
      moment: moment.el.value, stepText: step.el.value, controls: controls.el.value, theme: theme.el.value,
      view: view.el.value, header: header.el.value, buckets: buckets.el.value, size: size.el.value,
      sizePx: px.el.value, autoplay: autoplay.checked, source: source.el.value, column: Number(column.el.value),
      version: version.el.value, compare: compare.checked,
    };
  }

  function showPreview(state) {
    if (!viz) {
      viz = h('go-map-viz', { 'aria-label': 'Preview of the embed' });
      preview.append(viz);
    }
    const attrs = new Map(elementAttributes(state));
    for (const name of [...viz.getAttributeNames()]) {
      if (name !== 'aria-label' && !attrs.has(name)) viz.removeAttribute(name);
    }
    for (const [name, value] of attrs) if (viz.getAttribute(name) !== value) viz.setAttribute(name, value);
  }

  function fitIframe(snippet, at) {
    const frame = frameOf(snippet);
    if (!frame) return;
    const fit = (height) => {
      if (height === null || at !== measuring || iframe.field.value !== snippet) return;
      const focused = document.activeElement === iframe.field;
      iframe.field.value = withHeight(snippet, height);
      if (focused) iframe.field.select();
      dialog.dataset.iframeMeasured = 'true';
    };
    if (measured.has(snippet)) {
      fit(measured.get(snippet));
      return;
    }
    measureEmbedHeight(frame.src, frame.width).then((height) => {
      if (height !== null) measured.set(snippet, height);
      fit(height);
    });
  }

  function update() {
    clearTimeout(timer);
    const o = options();
    step.row.hidden = o.moment !== 'custom';
    version.el.disabled = o.compare; // compare mode shows both models
    px.row.hidden = o.size === 'auto';
    const { state, errors } = embedState(base, o);
    for (const t of [step, buckets, px]) {
      const message = errors[t.el.id === 'embed-step' ? 'stepText' : t.el.id === 'embed-buckets' ? 'buckets' : 'sizePx'] ?? '';
      t.error.textContent = message;
      if (message) t.el.setAttribute('aria-invalid', 'true');
      else t.el.removeAttribute('aria-invalid');
    }
    preview.style.maxWidth = `${o.column}px`;
    const at = STEP.format(state.step ?? null);
    previewNote.textContent = `At step ${at}, ${o.column} px wide at most` +
      `${o.size === 'auto' ? '' : `, ${o.size === 'fixed' ? 'fixed at' : 'at most'} ${state.height ?? state.maxHeight ?? '…'} px high`}.`;
    sourceHint.textContent = o.source === 'site'
      ? 'go-map-viz.js from this site, where the playground is hosted. To host the package yourself: ' +
        `npm install ${PACKAGE_NAME}@${PACKAGE_VERSION}, serve node_modules/${PACKAGE_NAME}/ and point src at its go-map-viz.js.`
      : `${PACKAGE_NAME} ${PACKAGE_VERSION} from npm, pinned to that version so the embed never changes under your post.`;
    dialog.dataset.step = at;
    measuring++;
    delete dialog.dataset.iframeMeasured;
    const bad = Object.values(errors);
    let texts = null;
    if (!bad.length) {
      try {
        texts = embedTexts({ href: location.href, state, source: o.source, column: o.column });
        problem.textContent = '';
      } catch (err) {
        problem.textContent = String(err?.message ?? err);
      }
    } else {
      problem.textContent = `No snippet until the options say what the embed can show: ${bad.join('; ')}.`;
    }
    for (const [s, key] of /** @type {[typeof script, 'script' | 'element' | 'iframe'][]} */ ([[script, 'script'], [element, 'element'], [iframe, 'iframe']])) {
      s.field.value = texts?.[key] ?? '';
      s.copy.disabled = !texts;
    }
    if (texts) {
      showPreview(state);
      fitIframe(texts.iframe, measuring);
    }
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, UPDATE_MS);
  };
  for (const el of inputs) {
    el.addEventListener('change', update);
    if (el.tagName === 'INPUT' && el.type === 'text') el.addEventListener('input', later);
  }

  function open() {
    base = currentState();
    const o = defaultOptions(base);
    const here = STEP.format(base.step ?? null);
    moment.el.options[0].textContent = `This moment (${here})`;
    moment.el.options[1].textContent = 'The start (0, before any operation)';
    moment.el.options[2].textContent = 'The end (after the last operation)';
    moment.el.options[3].textContent = 'Another step…';
    moment.el.value = o.moment;
    step.el.value = here;
    controls.el.value = o.controls;
    theme.el.value = o.theme;
    view.el.value = o.view;
    header.el.value = o.header;
    autoplay.checked = o.autoplay;
    version.el.value = o.version;
    compare.checked = o.compare;
    buckets.el.value = o.buckets;
    size.el.value = o.size;
    px.el.value = o.sizePx;
    column.el.value = String(o.column);
    source.el.value = o.source;
    status.textContent = '';
    const text = carriedNote(edition, base);
    carried.hidden = !text;
    carried.textContent = text ?? '';
    // A fresh preview for each opening: the page's map may have changed.
    viz?.remove();
    viz = null;
    measured.clear();
    dialog.showModal();
    update();
    moment.el.focus();
  }
  dialog.addEventListener('close', () => {
    clearTimeout(timer);
    measuring++;
    // The preview's map is freed once it has been out of the document a while.
    viz?.remove();
    viz = null;
  });
  return { dialog, open };
}

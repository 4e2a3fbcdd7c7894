// The Share and Embed buttons: one dialog with the three ways to pass the
// moment on (web/share's embedSnippets): a link to the playground at this
// moment, the <go-map-viz> element with its one script, and an iframe of
// the embed page. Each is a read-only field with a Copy button.
import { embedSnippets } from '../share/permalink.mjs';
import { h } from '../render/dom.mjs';

const $ = (id) => document.getElementById(id);

function snippetField(id, label, { multiline, copyLabel }) {
  const field = multiline
    ? h('textarea', { id, readonly: true, rows: 4, spellcheck: 'false' })
    : h('input', { id, readonly: true, spellcheck: 'false' });
  const copy = h('button', { type: 'button', 'aria-label': copyLabel, text: 'Copy' });
  const row = h('div', { class: 'share-field' }, h('label', { for: id, text: label }), h('div', { class: 'with-button' }, field, copy));
  return { field, copy, row };
}

/** The URLs of the page, the element's script and the embed page, beside this page. */
export function siteUrls(href) {
  const page = new URL(href);
  page.hash = '';
  return {
    pageUrl: page.href,
    elementScriptUrl: new URL('go-map-viz.js', page).href,
    embedPageUrl: new URL('embed.html', page).href,
  };
}

/**
 * @param {{ announce: (text: string) => void }} app
 * @param {() => object} currentState the state to share (link-state.mjs)
 */
export function wireShareDialog(app, currentState) {
  const link = snippetField('share-link', 'Link to this moment', { multiline: false, copyLabel: 'Copy the link' });
  const element = snippetField('share-element', 'Element: the script, then the tag', { multiline: true, copyLabel: 'Copy the element' });
  const iframe = snippetField('share-iframe', 'iframe', { multiline: true, copyLabel: 'Copy the iframe' });
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const close = h('button', { type: 'submit', class: 'primary', text: 'Close' });
  const dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: 'Share this moment' }),
    h('p', { class: 'hint', text: 'Whoever opens the link sees this map at this step. The element and the iframe show it on another page; the iframe needs nothing else, the element needs its script.' }),
    problem, link.row, element.row, iframe.row,
    // method="dialog" closes it without any script.
    h('form', { method: 'dialog', class: 'button-row' }, close));
  document.body.append(dialog);

  for (const s of [link, element, iframe]) {
    s.copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(s.field.value);
        app.announce('Copied.');
      } catch {
        // No clipboard permission (or no secure context): select it for Ctrl+C.
        s.field.focus();
        s.field.select();
        app.announce('Selected; press Ctrl+C or ⌘C to copy.');
      }
    });
    s.field.addEventListener('focus', () => s.field.select());
  }

  function open(focus) {
    let snippets = null;
    try {
      snippets = embedSnippets({ ...siteUrls(location.href), state: currentState() });
      problem.textContent = '';
    } catch (err) {
      problem.textContent = String(err?.message ?? err);
    }
    for (const [s, key] of [[link, 'link'], [element, 'element'], [iframe, 'iframe']]) {
      s.field.value = snippets?.[key] ?? '';
      s.copy.disabled = !snippets;
    }
    dialog.showModal();
    (snippets ? focus.field : close).focus();
  }
  $('share-btn').addEventListener('click', () => open(link));
  $('embed-btn').addEventListener('click', () => open(element));
  return { dialog, open };
}

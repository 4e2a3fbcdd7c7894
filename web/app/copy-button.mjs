// A Copy button that says what happened, where the reader is looking.
// Announcing through the page's live region alone is not enough: a sighted
// reader sees no change, and while a modal dialog is open the rest of the
// page is inert, so a screen reader may not read a live region outside it.
// So the button's own text turns to "Copied" for a moment, and a status
// line beside it (inside the dialog, if there is one) says it in words.

const SHOWN_MS = 2000;

/**
 * @param {HTMLButtonElement} button
 * @param {{ text: () => string, field?: HTMLInputElement|HTMLTextAreaElement,
 *   status?: HTMLElement, what: string, clipboard?: { writeText(t: string): Promise<void> } }} options
 *   field: selected for Ctrl+C when the clipboard refuses; status: a
 *   role="status" element for the sentence; what: "The link", "The scenario".
 */
export function wireCopyButton(button, { text, field, status, what, clipboard = globalThis.navigator?.clipboard }) {
  const label = button.textContent;
  let timer = 0;
  const say = (buttonText, sentence) => {
    clearTimeout(timer);
    button.textContent = buttonText;
    if (status) status.textContent = sentence;
    timer = setTimeout(() => {
      button.textContent = label;
      if (status && status.textContent === sentence) status.textContent = '';
    }, SHOWN_MS);
  };
  button.addEventListener('click', async () => {
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text());
      say('Copied', `${what} is copied.`);
    } catch {
      // No clipboard permission (or not a secure context, as from file://):
      // select the text so Ctrl+C copies it, and say so.
      if (!field) {
        say(label, `${what} could not be copied: the browser refused.`);
        return;
      }
      field.focus();
      field.select();
      say(label, `${what} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  });
}

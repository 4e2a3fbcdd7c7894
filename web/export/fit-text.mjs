// Fitting a label into a fixed number of monospace columns: cut at a
// character boundary the reader sees (a grapheme: an emoji with its
// modifiers, a letter with its accents), count East Asian wide characters
// and emoji as two columns, and end a cut label with an ellipsis.

const segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

function graphemes(text) {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

function columns(g) {
  const cp = g.codePointAt(0);
  const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Text cut to at most max columns, with '…' when cut. */
export function fitText(text, max) {
  // Long keys are cut before segmenting, so a 64 KiB key costs no more
  // than a short one (4 UTF-16 units per column is more than any grapheme
  // the label keeps needs, bar long combining sequences).
  const head = text.length > max * 4 + 8 ? text.slice(0, max * 4 + 8) : text;
  const gs = graphemes(head);
  let used = 0;
  let out = '';
  for (let i = 0; i < gs.length; i++) {
    const w = columns(gs[i]);
    const rest = i === gs.length - 1 && head.length === text.length;
    if (used + w > (rest ? max : max - 1)) return `${out}…`;
    out += gs[i];
    used += w;
  }
  return head.length === text.length ? out : `${out}…`;
}

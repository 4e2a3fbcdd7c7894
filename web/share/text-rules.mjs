// What free text arriving from outside (a URL, an attribute) may contain.
// The scenario text is only ever handed to the core as text and shown as
// text, but it is also shown to the person who opened the link, so the
// rules aim at text that reads the way it runs: no invisible control
// characters, no half of a UTF-16 pair. Anything a key really needs can be
// written with the scenario language's escapes inside quotes (\x01, \u00e9).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls except \t and \n, DEL, and the C1 block: the Cc category.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// Bidirectional overrides and isolates can make a line display in an order
// other than the one it is read in ("Trojan Source"). Allowed, but flagged.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

export function hasLoneSurrogate(text) {
  return LONE_SURROGATE.test(text);
}

/** U+XXXX, for naming a character in a message without printing it. */
export function codePointName(ch) {
  return `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Line (1-based) of offset i in text. */
function lineAt(text, i) {
  let line = 1;
  for (let j = 0; j < i; j++) if (text.charCodeAt(j) === 10) line++;
  return line;
}

/** A refusal on one line, as fields and as the words "line 2 contains …; hint". */
function placed(line, message, hint) {
  return { error: `line ${line} ${message}${hint ? `; ${hint}` : ''}`, line, message, ...(hint ? { hint } : {}) };
}

/**
 * Checks free text. CRLF is a line ending, not content, so it becomes LF
 * first (the scenario splitter treats both alike).
 * A refusal comes as words (error) and as fields: the line it is on (for
 * a character), what is wrong (message) and how to write it instead (hint),
 * so a caller with its own words composes them rather than parsing these.
 * @returns {{ text: string, notes: string[], error?: undefined, message?: undefined } | { error: string, message: string, line?: number, hint?: string, text?: undefined, notes?: undefined }}
 */
export function checkFreeText(raw, { max }) {
  if (typeof raw !== 'string') return { error: 'is not text', message: 'is not text' };
  if (raw.length > max) {
    const message = `is ${raw.length} characters long`;
    const hint = `the limit is ${max}`;
    return { error: `${message}; ${hint}`, message, hint };
  }
  const text = raw.replace(/\r\n/g, '\n');
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return placed(lineAt(text, surrogate.index), 'contains a broken character (a lone UTF-16 surrogate)');
  const control = CONTROL.exec(text);
  if (control) {
    return placed(lineAt(text, control.index), `contains the control character ${codePointName(control[0])}`,
      'inside a quoted key write it as an escape such as \\x01');
  }
  const notes = [];
  const bidi = BIDI.exec(text);
  if (bidi) {
    notes.push(`line ${lineAt(text, bidi.index)} contains the bidirectional formatting character ${codePointName(bidi[0])}, ` +
      'so the text may display in a different order than it runs');
  }
  return { text, notes };
}

/**
 * A short, quoted, printable excerpt of a value, for naming it in a
 * warning. The page shows warnings as text; this only keeps them short and
 * keeps invisible characters visible.
 */
export function excerpt(value, max = 24) {
  const s = String(value);
  const chars = Array.from(s);
  const cut = chars.length > max ? chars.slice(0, max).join('') + '…' : s;
  return JSON.stringify(cut).replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

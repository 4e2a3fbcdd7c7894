// Percent-encoding for the fragment, in the application/x-www-form-urlencoded
// style (space is '+'), but leaving readable the characters a fragment may
// carry as they are: letters, digits, - . _ ~ and ; : , / ? @ [ ] — so
// `type=map[string]int64&ops=fill+30;+del+k3` reads as written. Everything
// else is UTF-8 percent-encoded, including ' ( ) * ! $ which chat programs
// and Markdown tend to cut a link at.

const RAW = /[A-Za-z0-9\-._~;:,/?@[\]]/;

export function encodeComponent(text) {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += '+';
    else if (RAW.test(ch)) out += ch;
    else out += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

/**
 * The inverse, strict: '+' is a space, %XX must form valid UTF-8 (so an
 * encoded lone surrogate or a stray byte is an error, not a U+FFFD).
 * @returns {{ text: string, error?: undefined } | { error: string, text?: undefined }}
 */
export function decodeComponent(raw) {
  try {
    return { text: decodeURIComponent(raw.replace(/\+/g, ' ')) };
  } catch {
    return { error: 'is not valid percent-encoded UTF-8' };
  }
}

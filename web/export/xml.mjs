// Writing XML without ever pasting text into markup. el() builds an element
// from a name, attributes and children; a child that is a plain string is
// text and gets escaped, only another el() result counts as markup. So a
// key like `</text><script>` can only ever come out as characters.
//
// Text is first made printable: XML 1.0 cannot carry most control
// characters at all (not even as &#1;), lone surrogates or U+FFFE/FFFF,
// so those are written as the scenario language would escape them (\x01,
// \ud800). Bidirectional overrides are escaped too, so a key cannot
// reorder how its own label reads.

export class Markup {
  constructor(s) {
    this.s = s;
  }

  toString() {
    return this.s;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** XML text or attribute value (for double- or single-quoted attributes). */
export function escapeXml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function hexEscape(cp) {
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** Text with every character XML or a reader could trip on shown as an escape. */
export function printable(text) {
  let out = '';
  // for…of walks code points; a lone surrogate arrives as itself.
  for (const ch of String(text)) {
    const cp = ch.codePointAt(0);
    const bad = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) ||
      cp === 0xfffe || cp === 0xffff || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    out += bad ? hexEscape(cp) : ch;
  }
  return out;
}

function render(child) {
  if (child === null || child === undefined || child === false) return '';
  if (child instanceof Markup) return child.s;
  if (Array.isArray(child)) return child.map(render).join('');
  return escapeXml(printable(child));
}

/**
 * <name attrs>children</name>, or <name attrs/> without children.
 * Attribute values are printable-escaped; null/undefined leave it out.
 * Names come from this code only, never from data.
 */
export function el(name, attrs = {}, ...children) {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    s += ` ${k}="${escapeXml(printable(typeof v === 'number' ? fmt(v) : String(v)))}"`;
  }
  const inner = render(children);
  return new Markup(inner ? `${s}>${inner}</${name}>` : `${s}/>`);
}

/** Markup from several pieces, without a wrapping element. */
export function fragment(...children) {
  return new Markup(render(children));
}

/** Numbers in coordinates: at most two decimals, no exponent. */
export function fmt(n) {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

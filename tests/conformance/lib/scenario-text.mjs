// Just enough of the scenario language (docs/scenario-format.md) to rewrite a scenario:
// split it into commands with their line numbers, read each command's name, and write tokens
// back with the quoting the language expects.

const SETUP = new Set(['hasher', 'hashkey', 'seed', 'rand', 'hint', 'version']);

export function isSetup(name) {
  return SETUP.has(name) || name.startsWith('map[');
}

// [{line, text, name}] for every non-empty command; ';' ends a command and '#' starts a
// comment, both only outside double quotes and outside the brackets of a composite token
// (`map[struct{A int8; B string}]bool`, `{1, "a;b"}`).
export function splitCommands(src) {
  const cmds = [];
  src.split('\n').forEach((raw, i) => {
    let start = 0;
    let inQuote = false;
    let depth = 0;
    const pieces = [];
    let j = 0;
    for (; j < raw.length; j++) {
      const c = raw[j];
      if (inQuote && c === '\\') j++;
      else if (c === '"') inQuote = !inQuote;
      else if (!inQuote && '{(['.includes(c)) depth++;
      else if (!inQuote && depth > 0 && '})]'.includes(c)) depth--;
      else if (!inQuote && depth > 0) continue;
      else if (!inQuote && c === ';') { pieces.push(raw.slice(start, j)); start = j + 1; }
      else if (!inQuote && c === '#') break;
    }
    pieces.push(raw.slice(start, j));
    for (const p of pieces) {
      const text = p.trim();
      if (text !== '') cmds.push({ line: i + 1, text, name: text.split(/[ \t]/)[0] });
    }
  });
  return cmds;
}

// Set-up commands come first (before the first operation); returns {setup, ops}.
export function splitSetup(src) {
  const cmds = splitCommands(src);
  let n = 0;
  while (n < cmds.length && isSetup(cmds[n].name)) n++;
  return { setup: cmds.slice(0, n), ops: cmds.slice(n) };
}

// Writes a key as a token the scenario parser reads back unchanged (mirror of the oracle's
// quoteToken): plain when safe, else double-quoted with \" \\ \n \t \xNN escapes.
export function quoteToken(s) {
  const plain = s !== '' && !s.startsWith('@') && /^[^\x00-\x20\x7f;#"\\]+$/.test(s);
  if (plain) return s;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

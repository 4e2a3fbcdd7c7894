// Scenario text (docs/scenario-format.md) on the page side: splitting
// a text into commands, quoting tokens, and telling set-up lines from
// operations. The core parses every command itself; the page splits only so
// that each operation becomes one entry of the history with its own
// micro-steps. The rules here are the core's splitter's (see scan below);
// the set-up commands are the core's list (web/share/core-schema.mjs).
import { SCHEMA } from '../share/core-schema.mjs';

import { quoteToken } from '../wasm/scenario-quote.mjs';

const SETUP = new Set(SCHEMA.setupCommands);

// A composite token (docs/scenario-format.md, "Go's other types"): one that
// starts with '{', '(' or "map[" runs while brackets are open, blanks, ';',
// '#' and quoted strings inside included, then to the next blank at depth 0.
// Its end, or -1 when a bracket stays open to the end of the line (the token
// is then read as a plain one). The same rule as compositeEnd in
// core/scenario_parse.cpp; tests/wasm/tokenizer-parity.test.mjs holds the two
// together on many inputs.
function compositeEnd(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\n') return depth === 0 ? j : -1;
    if (c === '"' && depth > 0) {
      for (j++; j < s.length && s[j] !== '"' && s[j] !== '\n'; j++) if (s[j] === '\\') j++;
      if (j >= s.length || s[j] !== '"') return -1;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (depth <= 0 && (c === ' ' || c === '\t' || c === '\r' || c === ';' || c === '#' || c === '"')) return j;
    if (depth < 0) return -1;
  }
  return depth === 0 ? s.length : -1;
}

// A double-quoted token from just after its opening quote: { token, next }
// with escapes decoded, or next -1 when the quote does not close on its line.
function readQuoted(s, i) {
  let tok = '';
  while (i < s.length && s[i] !== '\n') {
    const c = s[i];
    if (c === '"') return { token: tok, next: i + 1 };
    if (c !== '\\') {
      tok += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    const hex = (n) => (/^[0-9a-fA-F]+$/.test(s.slice(i + 2, i + 2 + n)) && s.length >= i + 2 + n ? parseInt(s.slice(i + 2, i + 2 + n), 16) : NaN);
    if (e === 'n') tok += '\n';
    else if (e === 't') tok += '\t';
    else if (e === 'x') {
      tok += String.fromCharCode(hex(2) || 0);
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const cp = hex(n);
      tok += cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
      i += n;
    } else if (e !== undefined) tok += e;
    i += 2;
  }
  return { token: tok, next: -1 };
}

// Commands and their tokens, as core/scenario_parse.cpp splits them: one
// command per line or per ';', '#' starts a comment, both only outside
// quotes and composite tokens.
function scan(text) {
  const out = [];
  let line = 1;
  let start = 0;
  let tokens = [];
  const finish = (end) => {
    const t = text.slice(start, end).replace(/^[ \t\r]+|[ \t\r]+$/g, '');
    if (tokens.length) out.push({ line, text: t, tokens });
    tokens = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === ';') {
      finish(i);
      if (c === '\n') line++;
      start = ++i;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      finish(i);
      i = start = end;
    } else if (c === '"') {
      const q = readQuoted(text, i + 1);
      tokens.push(q.token);
      if (q.next < 0) {
        // The core reports the broken quote; the command ends with the line.
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl;
      } else i = q.next;
    } else if ((c === '{' || c === '(' || text.startsWith('map[', i)) && compositeEnd(text, i) >= 0) {
      const j = compositeEnd(text, i);
      tokens.push(text.slice(i, j));
      i = j;
    } else {
      let j = i;
      while (j < text.length && !' \t\r\n;#"'.includes(text[j])) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  finish(text.length);
  return out;
}

/** @returns {{line: number, text: string}[]} commands, trimmed, empty ones dropped */
export function splitScenario(text) {
  return scan(text).map(({ line, text: t }) => ({ line, text: t }));
}

/** The tokens of one command, quotes removed and escapes decoded. */
export function tokenize(command) {
  return scan(command).flatMap((c) => c.tokens);
}

/** Commands with their tokens ({ line, text, tokens }), for the parity test. */
export function scanScenario(text) {
  return scan(text);
}

/** A token written bare when that is unambiguous, quoted otherwise. */
export function token(text) {
  return /^[^\s;#"\\]+$/.test(text) ? text : quoteToken(text);
}

export function commandName(command) {
  const first = command.trimStart().split(/[\s]/, 1)[0] ?? '';
  return first.startsWith('map[') ? 'map' : first;
}

export function isSetupCommand(command) {
  const name = commandName(command);
  return name === 'map' || SETUP.has(name);
}

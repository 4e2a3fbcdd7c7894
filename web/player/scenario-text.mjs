// Scenario text (docs/scenario-format.md) on the page side: splitting
// a text into commands, quoting tokens, and telling set-up lines from
// operations. The core parses every command itself; the page splits only so
// that each operation becomes one entry of the history with its own
// micro-steps. The rules here mirror the core's splitter: one command per
// line or per ';', '#' starts a comment, both only outside double quotes.

const SETUP = new Set(['hasher', 'hashkey', 'seed', 'rand', 'hint', 'version']);

/** @returns {{line: number, text: string}[]} commands, trimmed, empty ones dropped */
export function splitScenario(text) {
  const out = [];
  let line = 1;
  let inQuote = false;
  let escaped = false;
  let comment = false;
  let current = '';
  const flush = () => {
    const t = current.trim();
    if (t) out.push({ line, text: t });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A quote left open at the end of a line is the core's error to
      // report; the command ends here either way.
      flush();
      line++;
      inQuote = false;
      escaped = false;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (inQuote) {
      current += ch;
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') inQuote = true;
    if (ch === '#') {
      comment = true;
      continue;
    }
    if (ch === ';') {
      flush();
      continue;
    }
    current += ch === '\r' ? '' : ch;
  }
  flush();
  return out;
}

/** The tokens of one command, quotes removed and escapes decoded. */
export function tokenize(command) {
  const tokens = [];
  let i = 0;
  while (i < command.length) {
    while (i < command.length && (command[i] === ' ' || command[i] === '\t')) i++;
    if (i >= command.length) break;
    if (command[i] === '"') {
      let tok = '';
      i++;
      while (i < command.length && command[i] !== '"') {
        if (command[i] === '\\' && i + 1 < command.length) {
          const e = command[i + 1];
          if (e === 'n') tok += '\n';
          else if (e === 't') tok += '\t';
          else if (e === 'x') {
            tok += String.fromCharCode(parseInt(command.slice(i + 2, i + 4), 16));
            i += 2;
          } else if (e === 'u') {
            tok += String.fromCharCode(parseInt(command.slice(i + 2, i + 6), 16));
            i += 4;
          } else tok += e;
          i += 2;
        } else {
          tok += command[i++];
        }
      }
      i++;
      tokens.push(tok);
    } else {
      let tok = '';
      while (i < command.length && command[i] !== ' ' && command[i] !== '\t') tok += command[i++];
      tokens.push(tok);
    }
  }
  return tokens;
}

/**
 * Double-quoted with the language's escapes, so any text is one token.
 * The wasm facade has the same function (gomap-api.mjs); the player keeps its
 * own because it must load in node from the source tree, where the facade
 * only exists after a build. tests/web checks both quote alike.
 */
export function quoteToken(text) {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    // C1 controls and bidi overrides are escaped too, so a token never hides
    // or reorders the text around it where a scenario is shown.
    else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
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

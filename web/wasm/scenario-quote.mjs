// A scenario token written so any text stays one token: double-quoted, with
// the escapes docs/scenario-format.md defines. One module for the page's
// fields (web/player/inputs.mjs) and the wasm facade (wasm/gomap-api.mjs).
//
// Why it sits in web/wasm/: the site lays web/ and the module's build
// folder on top of each other (dist/wasm/ holds both), so the page imports
// ../wasm/scenario-quote.mjs alike from the source tree (node tests) and
// from the site, and the facade imports ./scenario-quote.mjs beside it
// (wasm/CMakeLists.txt copies this file into the build's wasm/ folder).
// tsconfig.json's rootDirs resolve the facade's import the same way.

/** @param {string} text @returns {string} the text as one double-quoted token */
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

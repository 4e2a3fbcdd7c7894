// Comments out of a JavaScript module for the site: they are most of what
// a reader of the repository needs and most of what a visitor's browser
// would download for nothing (about a quarter of the page's weight). The
// parser says where each comment is, so nothing inside a string, a
// template or a regular expression is touched. Lines stay where they were,
// so an error in the console points at the same line as in web/.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loadParser() {
  try {
    // Debian's node-acorn, installed with Emscripten (scripts/setup.sh).
    return require('/usr/share/nodejs/acorn');
  } catch {
    throw new Error('strip-comments: the acorn parser is missing (Debian package node-acorn; scripts/setup.sh installs it with emscripten)');
  }
}

/**
 * @param {string} source an ES module
 * @param {string} [label] its name, for errors
 * @returns {string} the module without comments, each line where it was
 */
export function stripComments(source, label = 'module') {
  const acorn = loadParser();
  const comments = [];
  try {
    acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', onComment: (block, text, start, end) => comments.push([start, end]) });
  } catch (err) {
    throw new Error(`strip-comments: ${label} does not parse: ${err.message}`, { cause: err });
  }
  let out = '';
  let at = 0;
  for (const [start, end] of comments) {
    // A block comment over several lines leaves its line breaks behind.
    out += source.slice(at, start) + source.slice(start, end).replace(/[^\n]/g, '');
    at = end;
  }
  out += source.slice(at);
  return out.replace(/[ \t]+$/gm, '');
}

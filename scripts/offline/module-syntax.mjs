// Reads the import and export statements of one of our own ES modules and
// the edits that turn it into the body of a function, for the offline
// bundle (bundle.mjs). It is not a JavaScript parser: it knows the forms our
// code (and Emscripten's output) uses, written at the start of a line, and
// refuses anything else that starts a line with `import` or `export`, so an
// unfamiliar form stops the build instead of being bundled wrongly.
//
// What it gives back:
//   imports   [{ spec, bindings: [{ imported, local }] }]   imported: a name, 'default' or '*'
//   exports   [{ exported, local }]                         names declared in this module
//   reexports [{ spec, imported, exported }]                imported '*' with exported null: export *
//   dynamic   [spec]                                        import('literal') of a relative file
//   usesMetaUrl                                             the module reads import.meta.url
//   edits     [{ start, end, text }]                        in source order, not overlapping

const NAME = '[A-Za-z_$][\\w$]*';
const SPEC = `(['"])([^'"\\n]+)\\`;
const END = '[ \\t]*;?';

const FORMS = [
  // import a, { b as c } from './x.mjs'   import * as ns from './x.mjs'
  { kind: 'import', re: new RegExp(`import\\s+(?:(${NAME})\\s*(?:,\\s*)?)?(?:\\*\\s*as\\s+(${NAME})|\\{([^}]*)\\})?\\s*from\\s*${SPEC}4${END}`, 'y') },
  { kind: 'import-bare', re: new RegExp(`import\\s*${SPEC}1${END}`, 'y') },
  { kind: 'reexport-star', re: new RegExp(`export\\s*\\*\\s*(?:as\\s+(${NAME})\\s*)?from\\s*${SPEC}2${END}`, 'y') },
  { kind: 'reexport', re: new RegExp(`export\\s*\\{([^}]*)\\}\\s*from\\s*${SPEC}2${END}`, 'y') },
  { kind: 'export-list', re: new RegExp(`export\\s*\\{([^}]*)\\}${END}`, 'y') },
  { kind: 'export-default-decl', re: new RegExp(`export\\s+default\\s+(?=(?:async\\s+)?function\\b|class\\b)((?:async\\s+)?function\\s*\\*?\\s*|class\\s+)(${NAME})?`, 'y') },
  { kind: 'export-default', re: /export\s+default\s+/y },
  { kind: 'export-decl', re: new RegExp(`export\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+|(?:const|let|var)\\s+)(${NAME})`, 'y') },
];

// Where the bundle keeps what the module exports by default.
export const DEFAULT_LOCAL = '__bundle_default';
export const META_URL_LOCAL = '__bundle_meta_url';

function lineOf(source, index) {
  return source.slice(0, index).split('\n').length;
}

// `a, b as c, default as d` (comments allowed) → [[a, a], [b, c], [default, d]]
function nameList(text, where) {
  const clean = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const out = [];
  for (const part of clean.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const m = new RegExp(`^(${NAME})(?:\\s+as\\s+(${NAME}))?$`).exec(p);
    if (!m) throw new Error(`${where}: cannot read "${p}" in an import or export list`);
    out.push([m[1], m[2] ?? m[1]]);
  }
  return out;
}

// A line that is a comment (JSDoc types name modules with import('...')).
function inCommentLine(source, index) {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return /^\s*(\*|\/\/|\/\*)/.test(source.slice(lineStart, index));
}

/**
 * @param {string} source the module's text
 * @param {string} file its name, for messages
 * @param {(spec: string) => boolean} isBundled whether a dynamic import's
 *   specifier names a file the bundle can hold (others are left alone)
 */
export function scanModule(source, file, isBundled = () => true) {
  const imports = [];
  const exports = [];
  const reexports = [];
  const dynamic = [];
  const edits = [];
  let usesMetaUrl = false;

  const statement = /^(?:import|export)\b/gm;
  for (let m; (m = statement.exec(source));) {
    const at = m.index;
    const where = `${file}:${lineOf(source, at)}`;
    if (/^import\s*[(.]/.test(source.slice(at, at + 40))) continue; // import(...) or import.meta
    let form = null;
    let match = null;
    for (const f of FORMS) {
      f.re.lastIndex = at;
      match = f.re.exec(source);
      if (match) {
        form = f;
        break;
      }
    }
    if (!form) throw new Error(`${where}: an import or export the offline bundler does not know: ${source.slice(at, source.indexOf('\n', at)).slice(0, 80)}`);
    const end = at + match[0].length;
    statement.lastIndex = end;
    const whole = !form.kind.startsWith('export-d');
    if (whole && !/^[ \t]*(\/\/[^\n]*)?(\n|$)/.test(source.slice(end, source.indexOf('\n', end) + 1 || undefined))) {
      throw new Error(`${where}: an import or export the offline bundler does not know: ${source.slice(at, source.indexOf('\n', end)).slice(0, 80)}`);
    }
    const cut = (text = '') => edits.push({ start: at, end, text });
    switch (form.kind) {
      case 'import': {
        const [, def, ns, list, , spec] = match;
        const bindings = [];
        if (def) bindings.push({ imported: 'default', local: def });
        if (ns) bindings.push({ imported: '*', local: ns });
        if (list !== undefined) for (const [imported, local] of nameList(list, where)) bindings.push({ imported, local });
        imports.push({ spec, bindings });
        cut();
        break;
      }
      case 'import-bare':
        imports.push({ spec: match[2], bindings: [] });
        cut();
        break;
      case 'reexport-star':
        reexports.push({ spec: match[3], imported: '*', exported: match[1] ?? null });
        cut();
        break;
      case 'reexport':
        for (const [imported, exported] of nameList(match[1], where)) reexports.push({ spec: match[3], imported, exported });
        cut();
        break;
      case 'export-list':
        for (const [local, exported] of nameList(match[1], where)) exports.push({ exported, local });
        cut();
        break;
      case 'export-default-decl': {
        // A named function or class keeps its declaration; an anonymous one
        // becomes an expression bound to the default name.
        const [, keyword, name] = match;
        if (name) {
          exports.push({ exported: 'default', local: name });
          cut(`${keyword}${name}`);
        } else {
          exports.push({ exported: 'default', local: DEFAULT_LOCAL });
          cut(`const ${DEFAULT_LOCAL} = ${keyword}`);
        }
        break;
      }
      case 'export-default':
        exports.push({ exported: 'default', local: DEFAULT_LOCAL });
        cut(`const ${DEFAULT_LOCAL} = `);
        break;
      case 'export-decl':
        exports.push({ exported: match[2], local: match[2] });
        cut(`${match[1]}${match[2]}`);
        break;
      default:
    }
  }

  const dyn = new RegExp(`\\bimport\\s*\\(\\s*${SPEC}1\\s*\\)`, 'g');
  for (let m; (m = dyn.exec(source));) {
    const spec = m[2];
    if (inCommentLine(source, m.index) || !spec.startsWith('.') || !isBundled(spec)) continue;
    dynamic.push(spec);
    edits.push({ start: m.index, end: m.index + m[0].length, dynamic: spec });
  }

  const meta = /\bimport\.meta\b(\.url\b)?/g;
  for (let m; (m = meta.exec(source));) {
    if (inCommentLine(source, m.index)) continue;
    if (!m[1]) throw new Error(`${file}:${lineOf(source, m.index)}: only import.meta.url can be bundled`);
    usesMetaUrl = true;
    edits.push({ start: m.index, end: m.index + m[0].length, text: META_URL_LOCAL });
  }

  edits.sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].start < edits[i - 1].end) throw new Error(`${file}:${lineOf(source, edits[i].start)}: overlapping module syntax`);
  }
  return { imports, exports, reexports, dynamic, usesMetaUrl, edits };
}

/** Applies edits; `dynamicText(spec)` gives what replaces import('spec'). */
export function applyEdits(source, edits, dynamicText) {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += source.slice(from, e.start) + (e.dynamic !== undefined ? dynamicText(e.dynamic) : e.text);
    from = e.end;
  }
  return out + source.slice(from);
}

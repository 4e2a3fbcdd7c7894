// Writes web/source/maps-go-1.26.mjs, the source pane's data for Go 1.26's
// Swiss map: the internal/runtime/maps functions a micro-step can belong to,
// read from an installed Go 1.26 (Debian's golang-1.26-go; GOROOT126
// overrides), code only. Go's source is BSD-licensed (NOTICE); it is shown
// on the page, never run. tests/web/source-go126.test.mjs checks the data
// against the installed source when there is one.
//
//   node scripts/extract-go126-source.mjs            # write the data file
//   node scripts/extract-go126-source.mjs --check    # exit 1 if it differs
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const OUT = join(ROOT, 'web/source/maps-go-1.26.mjs');
export const GOROOT = process.env.GOROOT126 ?? '/usr/lib/go-1.26';
const DIR = 'src/internal/runtime/maps';

// The pane's name for each function → [file, the line that opens it].
export const WANTED = {
  'maps.NewMap': ['map.go', 'func NewMap('],
  runtime_mapaccess2: ['runtime.go', 'func runtime_mapaccess2('],
  runtime_mapaccess2_fast32: ['runtime_fast32.go', 'func runtime_mapaccess2_fast32('],
  runtime_mapaccess2_fast64: ['runtime_fast64.go', 'func runtime_mapaccess2_fast64('],
  runtime_mapaccess2_faststr: ['runtime_faststr.go', 'func runtime_mapaccess2_faststr('],
  runtime_mapassign: ['runtime.go', 'func runtime_mapassign('],
  runtime_mapassign_fast32: ['runtime_fast32.go', 'func runtime_mapassign_fast32('],
  runtime_mapassign_fast64: ['runtime_fast64.go', 'func runtime_mapassign_fast64('],
  runtime_mapassign_faststr: ['runtime_faststr.go', 'func runtime_mapassign_faststr('],
  'Map.putSlotSmall': ['map.go', 'func (m *Map) putSlotSmall('],
  'Map.putSlotSmallFast32': ['runtime_fast32.go', 'func (m *Map) putSlotSmallFast32('],
  'Map.putSlotSmallFast64': ['runtime_fast64.go', 'func (m *Map) putSlotSmallFast64('],
  'Map.putSlotSmallFastStr': ['runtime_faststr.go', 'func (m *Map) putSlotSmallFastStr('],
  'Map.getWithKeySmall': ['map.go', 'func (m *Map) getWithKeySmall('],
  'Map.getWithoutKeySmallFastStr': ['runtime_faststr.go', 'func (m *Map) getWithoutKeySmallFastStr('],
  'Map.growToSmall': ['map.go', 'func (m *Map) growToSmall('],
  'Map.growToTable': ['map.go', 'func (m *Map) growToTable('],
  'table.uncheckedPutSlot': ['table.go', 'func (t *table) uncheckedPutSlot('],
  'table.pruneTombstones': ['table.go', 'func (t *table) pruneTombstones('],
  'table.rehash': ['table.go', 'func (t *table) rehash('],
  'table.grow': ['table.go', 'func (t *table) grow('],
  'table.split': ['table.go', 'func (t *table) split('],
  'Map.installTableSplit': ['map.go', 'func (m *Map) installTableSplit('],
  'Map.Delete': ['map.go', 'func (m *Map) Delete('],
  'Map.deleteSmall': ['map.go', 'func (m *Map) deleteSmall('],
  'table.Delete': ['table.go', 'func (t *table) Delete('],
  'Map.Clear': ['map.go', 'func (m *Map) Clear('],
  'table.Clear': ['table.go', 'func (t *table) Clear('],
  'Iter.Init': ['table.go', 'func (it *Iter) Init('],
  'Iter.Next': ['table.go', 'func (it *Iter) Next('],
};

// A function's lines: from its opening line to the first `}` in column 0,
// comments dropped (whole-line ones, and the tail of a line after ` //`
// outside a string), tabs as two spaces, runs of blank lines as one.
export function functionLines(text, opening) {
  const all = text.split('\n');
  const from = all.findIndex((l) => l.startsWith(opening));
  if (from < 0) throw new Error(`not found: ${opening}`);
  const to = all.findIndex((l, i) => i > from && l === '}');
  const out = [];
  for (const raw of all.slice(from, to + 1)) {
    if (/^\s*\/\//.test(raw)) continue;
    const line = stripTrailingComment(raw).replace(/\s+$/, '').replace(/\t/g, '  ');
    if (line === '' && (out.length === 0 || out.at(-1) === '')) continue;
    out.push(line);
  }
  // A blank line left before a closing brace by a dropped comment block.
  return out.filter((l, i) => !(l === '' && /^\s*}/.test(out[i + 1] ?? '')));
}

function stripTrailingComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '\'' || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

export function extract(goroot = GOROOT) {
  const version = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0].replace(/^go/, '');
  const files = new Map();
  const read = (f) => files.get(f) ?? files.set(f, readFileSync(join(goroot, DIR, f), 'utf8')).get(f);
  const functions = {};
  const fileOf = {};
  for (const [name, [file, opening]] of Object.entries(WANTED)) {
    functions[name] = functionLines(read(file), opening);
    fileOf[name] = file;
  }
  return { version, functions, fileOf };
}

export function render({ version, functions, fileOf }) {
  const body = Object.entries(functions).map(([name, lines]) =>
    `  ${JSON.stringify(name)}: [\n${lines.map((l) => `    ${JSON.stringify(l)},`).join('\n')}\n  ],`).join('\n');
  return `// Go ${version}'s internal/runtime/maps, the functions a Swiss-map micro-step
// can belong to, as data for the source pane (source-view.mjs): code only,
// comments omitted. Copyright 2024 The Go Authors, BSD-style license
// (NOTICE). Written by scripts/extract-go126-source.mjs from an installed
// Go ${version}; not our code: it is shown, never run.
export const GO_VERSION = ${JSON.stringify(version)};
export const DIR = 'internal/runtime/maps';
export const FILE_OF = ${JSON.stringify(fileOf, null, 2).replace(/\n/g, '\n')};
export const FUNCTIONS = {
${body}
};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = render(extract());
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(same ? 'web/source/maps-go-1.26.mjs matches the installed Go source' : 'web/source/maps-go-1.26.mjs differs from the installed Go source');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${Object.keys(WANTED).length} functions`);
}

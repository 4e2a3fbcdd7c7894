// A clone of the repository builds, tests and documents itself: no tracked file
// points at a path outside it (issue 13). The contract lives in docs/; the team's
// shared folder beside the checkout is named once, as docs/README.md's upstream
// note, and nowhere else. System tools (Debian's /usr/lib/go-1.19 …) are not
// files of the project and are installed by scripts/setup.sh, so they are allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = relative(ROOT, import.meta.filename).split(sep).join('/');

/** The one place the upstream reference may be named, and what it may say there. */
const UPSTREAM_NOTE = { file: 'docs/README.md', text: '../shared/spec/' };

// Written in pieces so this file does not match itself.
const OUTSIDE = [
  { why: 'an absolute path into the machine\'s workspace', re: new RegExp('/' + 'work/') },
  { why: 'the shared folder beside the checkout', re: new RegExp('(\\.\\./)+' + 'shared\\b') },
  { why: 'a path into the shared folder', re: new RegExp('\\b' + 'shared/(spec|seed|notes)/') },
];

// Outside a git checkout (an exported tree), every file but what builds and installs make.
const MADE = new Set(['.git', 'node_modules', 'build', 'dist', 'screenshots']);
function walk(dir, out = []) {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (MADE.has(e.name)) continue;
    const name = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) walk(name, out);
    else if (e.isFile()) out.push(name);
  }
  return out;
}

function trackedTextFiles() {
  let names;
  try {
    names = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0').filter(Boolean);
  } catch {
    names = walk('');
  }
  const files = [];
  for (const name of names) {
    let text;
    try { text = readFileSync(join(ROOT, name), 'utf8'); } catch { continue; } // deleted in the tree
    if (text.includes('\0')) continue; // binary
    files.push({ name, text });
  }
  return files;
}

/** Relative references a file makes: Markdown links and ES module specifiers. */
function relativeReferences(name, text) {
  const refs = [];
  const patterns = [];
  if (name.endsWith('.md')) patterns.push(/\]\((\.{1,2}\/[^)\s#]*)/g);
  if (/\.(m?js|ts)$/.test(name)) {
    patterns.push(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g, /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]/g);
  }
  for (const re of patterns) for (const m of text.matchAll(re)) refs.push(m[1]);
  return refs;
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

test('no tracked file names a path outside the repository', () => {
  const files = trackedTextFiles();
  assert.ok(files.length > 100, `git ls-files found only ${files.length} text files`);
  const problems = [];
  for (const { name, text } of files) {
    if (name === SELF) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      for (const { why, re } of OUTSIDE) {
        if (!re.test(line)) continue;
        const allowed = name === UPSTREAM_NOTE.file && line.includes(UPSTREAM_NOTE.text) &&
          line.replace(UPSTREAM_NOTE.text, '').match(re) === null;
        if (!allowed) problems.push(`${name}:${i + 1}: ${why}: ${line.trim()}`);
      }
    });
    for (const ref of relativeReferences(name, text)) {
      const target = resolve(ROOT, dirname(name), ref);
      if (relative(ROOT, target).startsWith('..')) {
        problems.push(`${name}:${lineOf(text, text.indexOf(ref))}: "${ref}" leaves the repository`);
      }
    }
  }
  assert.deepEqual(problems, [], `paths outside the repository (point at docs/ instead):\n${problems.join('\n')}`);
});

test('the contract the code cites is in the repository', () => {
  for (const doc of ['docs/scenario-format.md', 'docs/go-map-1.14.md', 'docs/go-map-swiss-1.26.md']) {
    assert.ok(readFileSync(join(ROOT, doc), 'utf8').length > 1000, `${doc} is missing or empty`);
  }
  const cited = new Set();
  for (const { text } of trackedTextFiles()) {
    for (const m of text.matchAll(/\bdocs\/([\w.-]+\.md)\b/g)) cited.add(m[1]);
  }
  for (const name of cited) {
    assert.doesNotThrow(() => readFileSync(join(ROOT, 'docs', name)), `docs/${name} is cited but not in docs/`);
  }
});

test('the check catches what it is for', () => {
  // Outside truth for the patterns: the lines this repository held before issue 13 moved the contract.
  const before = [
    'tests — is in `../shared/spec/scenario-format.md`, and `gomap --help` summarises the tool:',
    '// /work/shared/spec/scenario-format.md). No dependencies, no DOM.',
    '// (shared/spec/scenario-format.md, "State dump"), plus oracle-only fields',
  ];
  for (const line of before) assert.ok(OUTSIDE.some(({ re }) => re.test(line)), line);
  assert.ok(!OUTSIDE.some(({ re }) => re.test('see `docs/scenario-format.md` (shared by the CLI)')));
  const escaping = relativeReferences('web/x.mjs', "import a from '../../../elsewhere/a.mjs';");
  assert.ok(relative(ROOT, resolve(ROOT, 'web', escaping[0])).startsWith('..'));
});

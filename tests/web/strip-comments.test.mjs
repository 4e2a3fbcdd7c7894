// The site's modules lose their comments (scripts/strip-comments.mjs) and
// nothing else: strings, templates and regular expressions that look like
// comments stay, every line keeps its number, and every module of web/
// still parses and exports the same names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripComments } from '../../scripts/strip-comments.mjs';

const tricky = [
  '// a line comment',
  'const url = "http://example.org/*not a comment*/"; // trailing',
  "const t = `line // kept\n/* kept too */ ${1 /* gone */ + 1}`;",
  'const re = /\\/\\/ not a comment/g;',
  '/**',
  ' * a block',
  ' */',
  'export const answer = 42; /* inline */ export const other = re.source + url + t;',
].join('\n');

test('comments go, look-alikes in strings, templates and regular expressions stay, lines keep their numbers', () => {
  const out = stripComments(tricky);
  assert.equal(out.split('\n').length, tricky.split('\n').length);
  assert.doesNotMatch(out, /a line comment|trailing|a block|inline|gone/);
  assert.match(out, /"http:\/\/example\.org\/\*not a comment\*\/"/);
  assert.match(out, /`line \/\/ kept\n\/\* kept too \*\/ \$\{1 {2}\+ 1\}`/);
  assert.match(out, /\/\\\/\\\/ not a comment\/g/);
  assert.equal(out.split('\n')[8], 'export const answer = 42;  export const other = re.source + url + t;');
});

test('a module that does not parse is an error naming it, not a silent copy', () => {
  assert.throws(() => stripComments('export const = ;', 'web/broken.mjs'), /web\/broken\.mjs does not parse/);
});

test('every module of web/ strips to one with the same exports, on the same lines', async () => {
  const web = resolve(import.meta.dirname, '../../web');
  const files = [];
  const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (/\.m?js$/.test(f)) files.push(p); } };
  walk(web);
  assert.ok(files.length > 50, `${files.length} modules`);
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const out = stripComments(src, f);
    assert.equal(out.split('\n').length, src.split('\n').length, f);
    const exported = (text) => [...text.matchAll(/^export (?:async )?(?:function\*? |class |const |let )(\w+)/gm)].map((m) => m[1]);
    assert.deepEqual(exported(out), exported(src), f);
  }
});

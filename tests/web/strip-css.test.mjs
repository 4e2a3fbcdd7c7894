// The site build leaves stylesheets' comments behind, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stripCssComments } from '../../scripts/strip-comments.mjs';

test('comments go, strings and line numbers stay', () => {
  const css = '/* a\n b */ .x { content: "/* not a comment */"; }\n.y { c: \'*/\' } /* z */\n';
  const out = stripCssComments(css);
  assert.equal(out, '\n .x { content: "/* not a comment */"; }\n.y { c: \'*/\' } \n');
  assert.equal(out.split('\n').length, css.split('\n').length);
});

test('every stylesheet of the page keeps its rules', () => {
  for (const f of ['web/styles/map.css', 'web/styles/page.css', 'web/lessons-ui/lessons.css']) {
    const css = readFileSync(f, 'utf8');
    const out = stripCssComments(css);
    assert.ok(!out.includes('/*'), f);
    assert.equal(out.split('{').length, css.replace(/\/\*[\s\S]*?\*\//g, '').split('{').length, `${f}: rules`);
    assert.equal(out.split('\n').length, css.split('\n').length, `${f}: lines`);
  }
});

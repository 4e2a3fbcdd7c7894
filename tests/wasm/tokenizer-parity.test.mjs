// The page's scenario splitter (web/player/scenario-text.mjs) against the
// core's (core/scenario_parse.cpp, through the module's splitCommands): the
// same commands, lines, texts and tokens on hand-picked and random texts,
// composite tokens ({…}, (…), map[…] with blanks, ';', '#' and quotes
// inside) included. Issue 13 wants one tokenizer; until the page can call
// the core synchronously from the source tree, this holds the two as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load.mjs';
import { scanScenario } from '../../web/player/scenario-text.mjs';
import { quoteToken } from '../../web/wasm/scenario-quote.mjs';

const gomap = await loadModule();

function same(text) {
  const core = gomap.splitCommands(text);
  assert.equal(core.ok, true, text);
  const want = core.commands.map(({ line, text: t, tokens }) => ({ line, text: t, tokens }));
  assert.deepEqual(scanScenario(text), want, JSON.stringify(text));
}

const PICKED = [
  'set {1, "a b"} (1+2i); map[struct{A int8; B string}]bool # c\nget [1 2]',
  'map[struct{X, Y int32}]bool\nset {1, 2} true\nget {1, 2}',
  'set {1, "a;b#c"} x',
  'set {1, "a\\"b"} x',
  'set {1, "open} x',
  'set {1, 2 x; del 3',
  'set (1+2i) 3;get (1+2i',
  'set }{ 1',
  'set {}} 1',
  'set map[ x; y',
  'set "a b" 1 # comment ; not a command\n\n;;\r\nget "a\\tb"',
  'set "unterminated ; still the same line\nget x',
  'set "a"b c',
  'set a"b" c',
  'get {1,"x"}y z',
  '  \t ; # only comment\n',
  'set "\\u00e9\\U0001F600\\x41" 1',
  'map[[2]int64]string\nset {1, 2} "two words"',
  'map[int]struct{}\nset 7 {}',
  'set {{1, 2}, {3, 4}} {"a", "b"}',
  'set k\r\nget k\r\n',
];

test('hand-picked texts split alike', () => {
  for (const text of PICKED) same(text);
});

test('ten thousand random texts split alike', () => {
  // A small deterministic generator, so a failure reproduces.
  let x = 0x2545f491;
  const next = (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const PIECES = ['set', 'get', 'del', ' ', ' ', '\t', ';', '#', '\n', '\r', '"', '\\"', '\\n', '\\\\',
    '{', '}', '(', ')', '[', ']', 'map[', ',', '1', 'a', 'é', 'int8', 'struct{', '\\u00e9', '\\x41', '+2i'];
  for (let n = 0; n < 10000; n++) {
    let text = '';
    const len = 1 + next(14);
    for (let k = 0; k < len; k++) text += PIECES[next(PIECES.length)];
    same(text);
  }
});

// The one quoteToken (web/wasm/scenario-quote.mjs, which the facade and the
// page's fields both import): whatever the text, the core reads it back as
// one token, the text itself.
test('the core reads every quoted text back as that one token', () => {
  const samples = ['', 'plain', 'a b', 'semi;colon#hash', 'quote"back\\slash', 'tab\tnew\nline', 'cr\rlf',
    '\u0000\u0001\u007f', '\u0085\u009f', 'bidi\u202e\u2066', 'é日本😀', '{1, "a"}', 'x'.repeat(300)];
  for (const s of samples) {
    const quoted = quoteToken(s);
    assert.doesNotMatch(quoted, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(s));
    const core = gomap.splitCommands(`set ${quoted} 1`);
    assert.equal(core.ok, true, JSON.stringify(s));
    assert.deepEqual(core.commands.map((c) => c.tokens), [['set', s, '1']], JSON.stringify(s));
  }
});

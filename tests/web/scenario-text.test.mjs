import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitScenario, tokenize, token, isSetupCommand, commandName } from '../../web/player/scenario-text.mjs';
import { quoteToken } from '../../web/wasm/scenario-quote.mjs';

test('commands split on lines and semicolons, comments dropped', () => {
  const text = 'map[string]int64\nseed 7 # fixed\nset a 1; set b 2\n\n  del a  ';
  assert.deepEqual(splitScenario(text), [
    { line: 1, text: 'map[string]int64' },
    { line: 2, text: 'seed 7' },
    { line: 3, text: 'set a 1' },
    { line: 3, text: 'set b 2' },
    { line: 5, text: 'del a' },
  ]);
});

test('semicolons and hashes inside quotes belong to the token', () => {
  assert.deepEqual(splitScenario('set "a;b#c" 1; get "x\\"y;"'), [
    { line: 1, text: 'set "a;b#c" 1' },
    { line: 1, text: 'get "x\\"y;"' },
  ]);
});

test('quoting round-trips through tokenize', () => {
  for (const s of ['plain', 'two words', 'quote " and \\ backslash', 'tab\tnew\nline', '<img src=x>', 'é ✓', '\x01']) {
    assert.deepEqual(tokenize(`set ${quoteToken(s)} 1`), ['set', s, '1']);
  }
  assert.equal(token('k1'), 'k1');
  assert.equal(token('a b'), '"a b"');
});

test('set-up lines are told from operations', () => {
  assert.ok(isSetupCommand('map[int64]int64'));
  assert.ok(isSetupCommand('seed 3'));
  assert.ok(!isSetupCommand('set 1 2'));
  assert.equal(commandName('map[[4]byte]int64'), 'map');
});

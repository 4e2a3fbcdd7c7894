// The player's quoteToken and the wasm facade's must write the same tokens
// (the player's copy exists so it loads in node without a build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteToken as playerQuote } from '../../web/player/scenario-text.mjs';
import { quoteToken as facadeQuote } from '../../wasm/gomap-api.mjs';

test('the player and the wasm facade quote every kind of text alike', () => {
  const samples = ['', 'plain', 'a b', 'semi;colon#hash', 'quote"back\\slash', 'tab\tnew\nline',
    '\u0000\u0001\u007f', '\u0085\u009f', 'bidi\u202e\u2066', 'é日本😀', 'x'.repeat(300)];
  for (const s of samples) assert.equal(playerQuote(s), facadeQuote(s), JSON.stringify(s));
});

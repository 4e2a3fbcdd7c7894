// What a first-time visitor meets in the first minute, below the DOM:
// an empty key field refused with a hint, scenario errors that name the
// command on a ';'-joined line, the element's narration naming the Go
// function once, and a Copy button that says what it did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyToken } from '../../web/player/inputs.mjs';
import { errorText, shownCommand } from '../../web/player/error-place.mjs';
import { narrationLine } from '../../web/app/describe.mjs';
import { wireCopyButton } from '../../web/app/copy-button.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

test('an empty key field is refused for string and byte keys, with the way to the empty string', () => {
  for (const mt of ['map[string]int64', 'map[[4]byte]int64', 'map[[200]byte][200]byte']) {
    const r = keyToken(mt, '');
    assert.match(r.error, /Type a key first/, mt);
    assert.match(r.error, /set "" 1/, mt);
  }
  // A key of spaces is typed on purpose: it stays a key.
  assert.deepEqual(keyToken('map[string]int64', ' '), { token: '" "' });
});

test('an error names its line and the command on it', () => {
  assert.equal(errorText({ line: 1, command: 'sett 2', message: "unknown command 'sett'" }, { lineWord: 'ops line' }),
    "ops line 1, `sett 2`: unknown command 'sett'");
  assert.equal(errorText({ line: 0, command: 'seed x', message: 'bad seed' }, { lineWord: 'ops line' }), 'set-up, `seed x`: bad seed');
  assert.equal(errorText({ line: 4, message: 'no command known' }), 'line 4: no command known');
  assert.equal(shownCommand('set   a\t1'), 'set a 1');
  const long = shownCommand(`set ${'x'.repeat(100)} 1`);
  assert.equal(long.length, 40);
  assert.ok(long.endsWith('…'));
});

test('Player.load reports the failing command of a line that holds several', async () => {
  const gomap = await loadModule();
  const r = await Player.load(gomap, 'map[int64]int64\nset 1 1; sett 2; set x 3\nset 4 4');
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.line, e.command]), [[2, 'sett 2'], [2, 'set x 3']]);
  assert.ok(r.errors.every((e) => e.message.length > 0));
});

test('the element narration names the Go function once', () => {
  assert.equal(narrationLine({ fn: 'mapassign_fast64', text: 'mapassign_fast64 compares the key bytes in slot 3.', counter: 'step 6 of 10' }),
    'step 6 of 10: mapassign_fast64 compares the key bytes in slot 3.');
  assert.equal(narrationLine({ fn: 'evacuate', text: 'Old slot 6 was empty.', counter: 'step 1' }), 'step 1 · evacuate: Old slot 6 was empty.');
  assert.equal(narrationLine({ fn: null, text: 'Done.', counter: 'end' }), 'end: Done.');
});

// A button and a field that need no DOM: what wireCopyButton touches.
class FakeButton extends EventTarget {
  textContent = 'Copy';
}
const click = async (b) => {
  b.dispatchEvent(new Event('click'));
  await new Promise((r) => setTimeout(r, 0));
};

test('Copy says "Copied" on the button and in the status, then goes back', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const button = new FakeButton();
  const status = { textContent: '' };
  const written = [];
  wireCopyButton(button, { text: () => 'the link', status, what: 'The link', clipboard: { writeText: async (x) => { written.push(x); } } });
  button.dispatchEvent(new Event('click'));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(written, ['the link']);
  assert.equal(button.textContent, 'Copied');
  assert.equal(status.textContent, 'The link is copied.');
  t.mock.timers.tick(2000);
  assert.equal(button.textContent, 'Copy');
  assert.equal(status.textContent, '');
});

test('Copy without a clipboard selects the text and says to press Ctrl+C', async () => {
  const button = new FakeButton();
  const status = { textContent: '' };
  const field = { focused: false, selected: false, focus() { this.focused = true; }, select() { this.selected = true; } };
  wireCopyButton(button, { text: () => 'x', field, status, what: 'The scenario', clipboard: { writeText: async () => { throw new Error('denied'); } } });
  await click(button);
  assert.ok(field.focused && field.selected);
  assert.equal(button.textContent, 'Copy');
  assert.match(status.textContent, /^The scenario is selected: press Ctrl\+C/);
});

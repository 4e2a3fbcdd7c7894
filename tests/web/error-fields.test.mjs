// A scenario error crosses the wasm boundary as fields (line, index,
// message) beside the CLI's words, so the page composes its own words
// from them and no JavaScript takes the core's text apart (issue 13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorText } from '../../web/player/error-place.mjs';
import { Player } from '../../web/player/player.mjs';
import { FIELD_BY_KEY, parseField } from '../../web/share/fields.mjs';
import { checkFreeText } from '../../web/share/text-rules.mjs';
import { loadModule } from './wasm-module.mjs';

const gomap = await loadModule();

test('an error from a line of several commands carries its line, index and bare message', () => {
  for (const version of [undefined, '1.26']) {
    const { map } = gomap.createMap(version ? { version } : {});
    const outcomes = map.run('set a 1; sett 2; set b 3\nget a');
    const bad = outcomes.find((o) => o.error);
    assert.equal(bad.line, 1, version);
    assert.equal(bad.index, 2, version);
    assert.equal(bad.message, "unknown command 'sett'", version);
    // The CLI's words (docs/scenario-format.md) are still there, built from the same fields.
    assert.equal(bad.error, `line 1, command 2: ${bad.message}`, version);
    // A command alone on its line has no index, as its words name none.
    const [alone] = map.run('frob');
    assert.equal(alone.line, 1);
    assert.equal(alone.index, undefined);
    assert.equal(alone.error, `line 1: ${alone.message}`);
    assert.ok(alone.message.length > 0 && !/^line /.test(alone.message));
    map.free();
  }
});

test('a Go 1.26 map refusing another version names the command on its line', () => {
  const { map } = gomap.createMap({ version: '1.26' });
  const [, bad] = map.run('set a 1; version 1.14');
  assert.equal(bad.index, 2);
  assert.match(bad.message, /^this is a Go 1\.26 \(Swiss table\) map; version 1\.14 needs/);
  assert.equal(bad.error, `line 1, command 2: ${bad.message}`);
  map.free();
});

test("the page's words for such an error are unchanged", async () => {
  const loaded = await Player.load(gomap, 'map[int64]int64\nset 1 1; sett 2; set 4 4');
  assert.equal(loaded.ok, false);
  assert.deepEqual(loaded.errors.map((e) => errorText(e)), ["line 2, `sett 2`: unknown command 'sett'"]);
  // A refused set-up line: the message alone, its line a field.
  const made = Player.create(gomap, ['map[int64]int64', 'seed x']);
  assert.equal(made.ok, false);
  assert.equal(made.line, 2);
  assert.ok(!/^line /.test(made.error), made.error);
});

test('free text is refused with its line and message as fields; a map type shows the message alone', () => {
  const r = checkFreeText('set a 1\nset \u0001 2', { max: 100 });
  assert.equal(r.line, 2);
  assert.equal(r.message, 'contains the control character U+0001');
  assert.equal(r.error, `line 2 ${r.message}; ${r.hint}`);
  assert.equal(parseField(FIELD_BY_KEY.get('type'), 'map[string]int64\u0001').error, 'contains the control character U+0001');
  assert.equal(parseField(FIELD_BY_KEY.get('type'), 'map[\uD800]int64').error, 'contains a broken character (a lone UTF-16 surrogate)');
});

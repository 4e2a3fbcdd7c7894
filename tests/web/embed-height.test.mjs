// The Embed dialog writes the measured height into the iframe snippet
// (app/embed-height.mjs): only the iframe's own height changes, and the
// frame it measures is the snippet's, entities undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameOf, withHeight } from '../../web/app/embed-height.mjs';
import { embedSnippets } from '../../web/share/embed.mjs';

const URLS = {
  pageUrl: 'https://gomap.example/play/',
  elementScriptUrl: 'https://gomap.example/go-map-viz.js',
  embedPageUrl: 'https://gomap.example/embed.html',
};

test('the measured height replaces the iframe\'s and nothing else', () => {
  const { iframe } = embedSnippets({ ...URLS, state: { ops: 'set "height=\\"1\\"" 1; fill 30' } });
  const fitted = withHeight(iframe, 987);
  assert.match(fitted, /^<iframe [^>]* width="720" height="987" /);
  assert.equal(fitted.replace('height="987"', 'height="560"'), iframe, 'one attribute changed');
  assert.equal(withHeight(fitted, 1200), fitted.replace('height="987"', 'height="1200"'));
});

test('the frame to measure is the snippet\'s page at the snippet\'s width', () => {
  const state = { mapType: 'map[string]int64', ops: 'set "a&b" 1; set <x> 2' };
  const { iframe } = embedSnippets({ ...URLS, state, width: 640 });
  const frame = frameOf(iframe);
  assert.equal(frame.width, 640);
  assert.ok(frame.src.startsWith('https://gomap.example/embed.html#v=1&type=map[string]int64&'), frame.src);
  assert.doesNotMatch(frame.src, /&amp;/);
  assert.equal(frameOf('<go-map-viz></go-map-viz>'), null);
});

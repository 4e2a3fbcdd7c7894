// web/share: the state in a URL fragment, the element's attributes and the
// embed snippets, all one grammar. The decoder is the page's boundary for
// hostile links, so most of these tests feed it what a hostile link could.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitScenario } from '../../web/player/scenario-text.mjs';
import {
  encodeState, decodeState, embedSnippets, permalinkTo, parseElementAttributes, elementAttributes, toScenarioText,
  stepOfFrame, positionOfStep, DEFAULT_STATE, FRAGMENT_LIMIT,
} from '../../web/share/permalink.mjs';
import { History } from '../../web/player/history.mjs';
import { Player } from '../../web/player/player.mjs';
import { loadModule } from './wasm-module.mjs';

const full = (s) => ({ ...DEFAULT_STATE, ...s });
const fieldsWarned = (r) => r.warnings.map((w) => w.field);

const TRICKY_OPS = [
  'fill 30; del k3',
  'set "a;b" 1 # a comment; not a command\nset "#x" 2',
  'set "quote \\" and \\\\ backslash" 1\n\tdel "tab\\tin"',
  'set é 1; set 日本語 2; set "👩‍👩‍👧‍👦" 3; set "\u00a0nbsp" 4',
  'set "a+b=c&d%20e" 1; set "100%" 2',
  'set "<img src=x onerror=alert(1)>" 1; set "</script>" 2',
  'set x 1\n\n\n# only comments\n',
];

test('a state survives encode → decode unchanged, whatever its scenario holds', () => {
  for (const ops of TRICKY_OPS) {
    const state = full({
      mapType: 'map[[16]byte][4]byte', hasher: 'go119', seed: 0xdeadbeef, hashkey: [1n, 0xffffffffffffffffn, 3n, 5n],
      rand: [0, 4294967295], hint: 100, version: '1.19', ops, step: { op: 2, micro: 5 }, view: 'both', theme: 'dark',
      speed: 0.5, autoplay: true, controls: 'minimal',
    });
    const fragment = encodeState(state);
    const r = decodeState(fragment);
    assert.equal(r.ok, true);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(r.state, state, ops);
    assert.deepEqual(decodeState(`#${fragment}`).state, state, 'a leading # is fine');
  }
});

test('defaults are left out and a plain scenario reads as written', () => {
  assert.equal(encodeState({ seed: 7, ops: 'fill 30; del k3', step: { op: 2, micro: 5 } }),
    'v=1&type=map[string]int64&seed=7&ops=fill+30;+del+k3&step=2.5');
  assert.equal(encodeState({}), 'v=1&type=map[string]int64');
  assert.deepEqual(decodeState(''), { ok: true, state: full({}), warnings: [] });
  assert.deepEqual(decodeState(undefined).state, full({}));
  // Characters that end a link in chat or Markdown are encoded.
  assert.doesNotMatch(encodeState({ ops: 'set "(x)" 1; set \'*!$\' 2' }), /[()'*!$ #]/);
});

test('numbers may be written in hex and steps as N, N.M or end', () => {
  const r = decodeState('seed=0x1F&hashkey=0xff,10&rand=0x0,0xffffffff&hint=0x10&step=end');
  assert.deepEqual(r.warnings, []);
  assert.equal(r.state.seed, 31);
  assert.deepEqual(r.state.hashkey, [255n, 10n]);
  assert.deepEqual(r.state.rand, [0, 0xffffffff]);
  assert.equal(r.state.hint, 16);
  assert.equal(r.state.step, null);
  assert.deepEqual(decodeState('step=0').state.step, { op: 0, micro: null });
  assert.deepEqual(decodeState('step=12').state.step, { op: 12, micro: null });
  assert.deepEqual(decodeState('step=3.0').state.step, { op: 3, micro: 0 });
  assert.deepEqual(decodeState('ops=set%20a%201').state.ops, 'set a 1', 'spaces as %20 too');
});

// Each bad value falls back to the field's default, with a warning that
// names the field. [key, raw value as it appears in the fragment, field]
const HOSTILE = [
  // (A type Go refuses or the core does not model is the core's to refuse,
  // where the map is made: tests/web/map-type-links.test.mjs.)
  ['type', 'map[string]int64;fill+9', 'mapType'],
  ['type', 'map[string]int64%20fill', 'mapType'],
  ['type', 'map[string]int64%23x', 'mapType'],
  ['type', 'map[string]int64%0Afill+9', 'mapType'],
  ['type', 'map%5B%E2%80%AEstring%5Dint64', 'mapType'],
  ['type', 'int64', 'mapType'],
  ['type', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'mapType'],
  ['type', 'map[string]int64' + 'x'.repeat(1100), 'mapType'],
  ['hasher', 'md5', 'hasher'],
  ['hasher', 'GO114', 'hasher'],
  ['seed', '-1', 'seed'],
  ['seed', '4294967296', 'seed'],
  ['seed', '0x1ffffffff', 'seed'],
  ['seed', '1e3', 'seed'],
  ['seed', '7.5', 'seed'],
  ['seed', '', 'seed'],
  ['seed', '9'.repeat(400), 'seed'],
  ['hashkey', '1,2,3,4,5', 'hashkey'],
  ['hashkey', '0x1ffffffffffffffff', 'hashkey'],
  ['hashkey', '1,,2', 'hashkey'],
  ['rand', '1', 'rand'],
  ['rand', '1,2,3', 'rand'],
  ['rand', '1,4294967296', 'rand'],
  ['hint', '2097153', 'hint'],
  ['hint', '-5', 'hint'],
  ['version', '1.20', 'version'],
  ['step', 'abc', 'step'],
  ['step', '1.2.3', 'step'],
  ['step', '-1', 'step'],
  ['step', '01', 'step'],
  ['step', '0.3', 'step'],
  ['step', '99999999', 'step'],
  ['step', '50001', 'step'],
  ['step', '2.1000001', 'step'],
  ['view', 'grid', 'view'],
  ['theme', 'neon', 'theme'],
  ['speed', '0', 'speed'],
  ['speed', '1000', 'speed'],
  ['speed', 'NaN', 'speed'],
  ['speed', 'Infinity', 'speed'],
  ['speed', '-8', 'speed'],
  ['autoplay', 'yes', 'autoplay'],
  ['controls', 'all', 'controls'],
  ['ops', 'set%20a%01b%201', 'ops'],             // a control character
  ['ops', 'set%20a%0D1', 'ops'],                 // a lone CR
  ['ops', 'set%20%C2%85%201', 'ops'],            // C1 control (NEL)
  ['ops', 'set%20%1B[31m%201', 'ops'],           // terminal escape
  ['ops', 'set%20%ED%A0%80%201', 'ops'],         // an encoded lone surrogate is not UTF-8
  ['ops', 'set%20%FF%201', 'ops'],               // nor is a stray byte
  ['ops', '%E0%A4', 'ops'],                      // truncated sequence
  ['seed', '%ZZ', 'seed'],                       // malformed percent-encoding
];

// A good field beside the bad one, to see that it is still read.
const companion = (field) => (field === 'view' ? ['theme', 'dark'] : ['view', 'both']);

test('every hostile value falls back to its default with a warning naming the field', () => {
  for (const [key, raw, field] of HOSTILE) {
    const [other, good] = companion(field);
    const r = decodeState(`v=1&${key}=${raw}&${other}=${good}`);
    assert.equal(r.ok, true, `${key}=${raw.slice(0, 40)}`);
    assert.deepEqual(r.state[field], DEFAULT_STATE[field], `${key}=${raw.slice(0, 40)} falls back`);
    assert.equal(r.state[other], good, 'the other fields are still read');
    assert.deepEqual(fieldsWarned(r), [field], `${key}=${raw.slice(0, 40)}: ${JSON.stringify(r.warnings)}`);
    assert.match(r.warnings[0].message, new RegExp(`^${key}: `));
    assert.ok(r.warnings[0].message.length < 400, 'warnings stay short');
  }
});

test('text reaching the decoder as a string is checked too (lone surrogates, controls)', () => {
  for (const ops of ['set \uD800 1', 'set \uDC00x 1', 'set a\u0000 1', 'set a\u007f 1']) {
    const r = decodeState(`ops=${ops}`);
    assert.equal(r.state.ops, '', JSON.stringify(ops));
    assert.deepEqual(fieldsWarned(r), ['ops']);
  }
  const crlf = decodeState('ops=set+a+1%0D%0Aset+b+2');
  assert.equal(crlf.state.ops, 'set a 1\nset b 2', 'CRLF is a line ending');
  assert.deepEqual(crlf.warnings, []);
});

test('bidirectional controls are kept but flagged', () => {
  const r = decodeState(`ops=${encodeURIComponent('set "abc\u202edef" 1')}`);
  assert.equal(r.state.ops, 'set "abc\u202edef" 1');
  assert.deepEqual(fieldsWarned(r), ['ops']);
  assert.match(r.warnings[0].message, /U\+202E/);
});

test('the scenario comes back as text, exactly', () => {
  const ops = '<img src=x onerror=alert(1)>"; set `${x}` 1; javascript:alert(1)';
  const r = decodeState(encodeState({ ops }));
  assert.equal(r.state.ops, ops);
  assert.equal(typeof r.state.ops, 'string');
});

test('unknown and repeated parameters are ignored with a warning; prototypes stay clean', () => {
  const r = decodeState('v=1&seed=3&seed=4&__proto__=x&constructor=y&toString=z&foo&=bar&%ZZ=1');
  assert.equal(r.ok, true);
  assert.equal(r.state.seed, 3, 'the first of repeated parameters is used');
  assert.equal(Object.getPrototypeOf(r.state), Object.prototype);
  assert.equal({}.x, undefined);
  assert.equal(Object.hasOwn(r.state, '__proto__'), false);
  const messages = r.warnings.map((w) => w.message).join('\n');
  for (const name of ['"seed"', '"__proto__"', '"constructor"', '"toString"', '"foo"', '""']) assert.ok(messages.includes(name), name);
  assert.match(messages, /parameter name is not valid percent-encoded UTF-8/);
});

test('a flood of bad parameters yields a bounded list of warnings', () => {
  const r = decodeState(Array.from({ length: 5000 }, (_, i) => `x${i}=1`).join('&'));
  assert.equal(r.ok, true);
  assert.equal(r.warnings.length, 21);
  assert.match(r.warnings.at(-1).message, /and 4980 more/);
});

test('a fragment over the limit, or from a later format, is refused as a whole', () => {
  const long = decodeState(`ops=${'a'.repeat(FRAGMENT_LIMIT)}`);
  assert.equal(long.ok, false);
  assert.match(long.error, /too long.*64\.0 KB/);
  const later = decodeState('v=2&seed=1');
  assert.equal(later.ok, false);
  assert.match(later.error, /format "2"/);
  assert.equal(decodeState(42).ok, false);
});

test('the encoder refuses what the decoder would not read back exactly', () => {
  assert.throws(() => encodeState({ seed: -1 }), /seed is not an unsigned number/);
  assert.throws(() => encodeState({ seed: 2 ** 32 }), /seed is over the limit/);
  assert.throws(() => encodeState({ hasher: 'identity' }), /identity hashes integer keys only/);
  assert.throws(() => encodeState({ ops: 'set \u0001 1' }), /control character U\+0001/);
  assert.throws(() => encodeState({ hashkey: 'nope' }), RangeError);
  // 30,000 characters that each take nine once encoded: the link limit.
  assert.throws(() => encodeState({ ops: `set "${'é'.repeat(30000)}" 1` }), (e) => e instanceof RangeError && /too long for a link/.test(e.message));
  assert.throws(() => encodeState({ seed: 7, ops: 'seed 8; set a 1' }), /line 1 sets seed, which seed sets too/);
  assert.equal(encodeState({ hasher: 'identity', mapType: 'map[int32]int64' }), 'v=1&type=map[int32]int64&hasher=identity');
  assert.equal(encodeState({ hasher: 'identity', ops: 'map[int64]int64; set 1 1' }),
    'v=1&type=map[string]int64&hasher=identity&ops=map[int64]int64;+set+1+1', 'a scenario may choose its own type');
  assert.equal(encodeState({ ops: 'set a 1\r\nset b 2' }), 'v=1&type=map[string]int64&ops=set+a+1%0Aset+b+2');
});

test('fields that contradict each other or the scenario are reported', () => {
  const identity = decodeState('type=map[string]int64&hasher=identity');
  assert.equal(identity.state.hasher, 'go114');
  assert.deepEqual(fieldsWarned(identity), ['hasher']);
  // A scenario may set itself up, as lessons do ...
  const lesson = decodeState(`hasher=identity&ops=${encodeURIComponent('map[int64]int64\nhint 14\nset 3 1')}`);
  assert.deepEqual(lesson.warnings, [], 'identity is fine: the scenario makes an int64 map');
  assert.equal(toScenarioText(lesson.state), 'hasher identity\nmap[int64]int64\nhint 14\nset 3 1');
  // ... but not for a field the link sets as well.
  const twice = decodeState(`seed=7&ops=${encodeURIComponent('seed 8\nset a 1')}`);
  assert.deepEqual(fieldsWarned(twice), ['ops']);
  assert.match(twice.warnings[0].message, /line 1 sets seed, which seed sets too/);
});

test('the scenario a state stands for has one set-up line per field off its default', () => {
  assert.equal(toScenarioText(full({ ops: 'fill 3' })), 'fill 3');
  assert.equal(toScenarioText(full({
    mapType: 'map[int64]int64', hasher: 'identity', hashkey: [1n, 255n], seed: 7, rand: [1, 2], hint: 9, version: '1.19', ops: 'set 1 1',
  })), 'map[int64]int64\nhasher identity\nhashkey 0x1 0xff\nseed 7\nrand 1 2\nhint 9\nversion 1.19\nset 1 1');
});

// A small reader for the snippet's attributes, as an HTML parser would
// decode them (only the references the escaper writes).
function readAttributes(html, tag) {
  const open = new RegExp(`<${tag}((?:\\s+[a-z-]+(?:="[^"]*")?)*)\\s*>`).exec(html);
  assert.ok(open, `a <${tag}> tag in ${html}`);
  const attrs = new Map();
  for (const m of open[1].matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)) {
    const value = (m[2] ?? '').replace(/&(amp|lt|gt|quot|#39|#10|#9);/g, (_, e) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#10': '\n', '#9': '\t' })[e]);
    attrs.set(m[1], value);
  }
  return attrs;
}

const URLS = {
  pageUrl: 'https://gomap.example/play/?lang=en#old-fragment',
  elementScriptUrl: 'https://gomap.example/web/element/go-map-viz.mjs',
  embedPageUrl: 'https://gomap.example/embed.html',
};

test('snippets escape the scenario and carry the same state in all three forms', () => {
  for (const ops of [...TRICKY_OPS, 'set "\\"><script>alert(1)</script>" 1; set \'&amp;\' 2']) {
    const state = full({ mapType: 'map[string]int64', seed: 42, hint: 5, version: '1.19', ops, step: { op: 1, micro: 0 }, autoplay: true, speed: 3, controls: 'none', view: 'table', theme: 'light' });
    const { link, element, iframe } = embedSnippets({ ...URLS, state });

    assert.ok(link.startsWith('https://gomap.example/play/?lang=en#v=1&'), link);
    assert.deepEqual(decodeState(new URL(link).hash).state, state);

    // One script tag (the module), no other markup from the scenario.
    assert.equal(element.match(/<script/g).length, 1);
    assert.equal(element.match(/<\/script>/g).length, 1);
    assert.ok(element.startsWith('<script type="module" src="https://gomap.example/web/element/go-map-viz.mjs"></script>\n<go-map-viz '));
    assert.ok(element.endsWith('>Loading the Go map… (If this stays, the page’s script tag needs type="module".)</go-map-viz>'), 'fallback text for a page without type="module"');
    assert.equal(element.split('\n').length, 2, 'the script line, then the tag');
    assert.doesNotMatch(element, /&#10;|&#9;/, 'a multi-line scenario is one line joined by "; ", not character references');
    const attrs = readAttributes(element, 'go-map-viz');
    assert.equal(attrs.get('autoplay'), '');
    const parsed = parseElementAttributes((name) => (attrs.has(name) ? attrs.get(name) : null));
    assert.deepEqual(parsed.warnings, []);
    // hint travels as a set-up line in ops, version as its own attribute
    // (issue 15: version="1.26" picks the Swiss table); the same set-up lines
    // (the scenario language applies `version` first wherever it stands).
    const commands = (st) => splitScenario(toScenarioText(st)).map((c) => c.text).sort();
    assert.deepEqual(commands(parsed.state), commands(state));
    assert.equal(attrs.get('version'), '1.19');
    assert.deepEqual({ ...parsed.state, ops: '', hint: 0 }, { ...state, ops: '', hint: 0 });

    const frame = readAttributes(iframe, 'iframe');
    assert.ok(frame.get('src').startsWith('https://gomap.example/embed.html#v=1&'));
    assert.deepEqual(decodeState(new URL(frame.get('src')).hash).state, state);
    assert.equal(frame.get('loading'), 'lazy');
    assert.match(frame.get('title'), /^Go map playground: map\[string\]int64, \d+ operations?$/);
    assert.equal(frame.get('width'), '720');
    assert.equal(frame.get('height'), '560');
    assert.match(iframe, /><\/iframe>\n<script>[^<]*<\/script>$/, 'the iframe, then its height listener');
  }
});

// The iframe snippet's script, run against stand-ins for a host page:
// it sizes the frame that sent a well-formed height, and nothing else.
function runHeightListener(iframeSnippet) {
  const script = /<script>([^<]*)<\/script>/.exec(iframeSnippet)[1];
  const frames = [{ contentWindow: {}, style: {} }, { contentWindow: {}, style: {} }];
  let listener = null;
  const document = { querySelectorAll: (sel) => (sel === 'iframe' ? frames : []) };
  new Function('addEventListener', 'document', script)((type, fn) => { if (type === 'message') listener = fn; }, document);
  return { frames, post: (e) => listener(e) };
}

test('the iframe snippet resizes its frame from the embed\'s height messages only', () => {
  const { iframe } = embedSnippets({ ...URLS, state: { ops: 'fill 3' } });
  const { frames, post } = runHeightListener(iframe);
  const [a, b] = frames;
  const origin = 'https://gomap.example';
  post({ origin, source: a.contentWindow, data: { type: 'go-map-viz:height', height: 841 } });
  assert.equal(a.style.height, '841px');
  assert.equal(b.style.height, undefined, 'only the sender');
  post({ origin: 'https://evil.example', source: b.contentWindow, data: { type: 'go-map-viz:height', height: 10 } });
  post({ origin, source: b.contentWindow, data: { type: 'go-map-viz:height', height: '10' } });
  post({ origin, source: b.contentWindow, data: { type: 'something-else', height: 10 } });
  post({ origin, source: b.contentWindow, data: null });
  assert.equal(b.style.height, undefined, 'another origin, a height that is not a whole number, another message');
  // An embed opened from a file has an opaque origin: the sender is the check.
  const fromFile = embedSnippets({ ...URLS, embedPageUrl: 'file:///srv/go-map/embed.html', state: { ops: 'fill 3' } });
  const file = runHeightListener(fromFile.iframe);
  file.post({ origin: 'null', source: file.frames[1].contentWindow, data: { type: 'go-map-viz:height', height: 300 } });
  assert.equal(file.frames[1].style.height, '300px');
});

test('attribute values never carry a raw quote, angle bracket or ampersand', () => {
  const { element, iframe } = embedSnippets({ ...URLS, state: { ops: 'set "<&>\'" 1', seed: 1 }, title: 'My "map" <demo> & co' });
  for (const snippet of [element, iframe]) {
    for (const m of snippet.matchAll(/="([^"]*)"/g)) {
      assert.doesNotMatch(m[1], /[<>'"]|&(?!(amp|lt|gt|quot|#39|#10|#9);)/, m[1]);
    }
  }
  assert.match(iframe, /title="My &quot;map&quot; &lt;demo&gt; &amp; co"/);
  assert.match(element, /ops="set &quot;&lt;&amp;&gt;&#39;&quot; 1"/);
});

test('snippets only point at absolute http(s) or file URLs', () => {
  assert.throws(() => embedSnippets({ ...URLS, pageUrl: 'javascript:alert(1)', state: {} }), TypeError);
  assert.throws(() => embedSnippets({ ...URLS, elementScriptUrl: '/relative.mjs', state: {} }), TypeError);
  assert.throws(() => embedSnippets({ ...URLS, embedPageUrl: 'data:text/html,hi', state: {} }), TypeError);
  assert.throws(() => permalinkTo('javascript:alert(1)', {}), TypeError);
  assert.throws(() => permalinkTo('index.html', {}), TypeError);
});

test('the link alone is the snippets\' link, for a web page or a file', () => {
  const state = { mapType: 'map[int64]int64', seed: 7, ops: 'fill 3', theme: 'dark' };
  assert.equal(permalinkTo(URLS.pageUrl, state), embedSnippets({ ...URLS, state }).link);
  assert.equal(permalinkTo('file:///C:/Users/t/go-map-playground-offline.html#old', state),
    'file:///C:/Users/t/go-map-playground-offline.html#v=1&type=map[int64]int64&seed=7&ops=fill+3&theme=dark');
  assert.throws(() => permalinkTo(URLS.pageUrl, { seed: -1 }), RangeError);
});

test('default attributes are left off the element', () => {
  assert.deepEqual(elementAttributes({ ops: 'fill 3' }), [['map-type', 'map[string]int64'], ['ops', 'fill 3']]);
});

test('the element reads its attributes with the URL grammar: same fallbacks, same warnings', () => {
  const attrName = { mapType: 'map-type' };
  for (const [key, raw, field] of HOSTILE) {
    const f = DEFAULT_STATE[field];
    const name = attrName[field] ?? key;
    if (['hashkey', 'rand', 'hint', 'version'].includes(field)) continue; // set-up lines in ops instead
    let value;
    try {
      value = decodeURIComponent(raw);
    } catch {
      continue; // percent-encoding errors exist only in URLs
    }
    if (field === 'autoplay') continue; // a boolean attribute, below
    const [other, good] = companion(field);
    const r = parseElementAttributes((n) => (n === name ? value : n === other ? good : null));
    assert.deepEqual(r.state[field], f, `${name}=${raw.slice(0, 30)}`);
    assert.deepEqual(fieldsWarned(r), [field], `${name}=${raw.slice(0, 30)}`);
    assert.match(r.warnings[0].message, new RegExp(`^${name}: `));
    assert.equal(r.state[other], good);
  }
  const long = parseElementAttributes((n) => (n === 'ops' ? 'a'.repeat(65537) : null));
  assert.equal(long.state.ops, '');
  assert.match(long.warnings[0].message, /^ops: is 65537 characters long; the limit is 65536; using an empty scenario$/);
  const spaced = parseElementAttributes((n) => ({ seed: ' 7 ', 'map-type': ' map[int64]int64 ' })[n] ?? null);
  assert.equal(spaced.state.seed, 7, 'spaces around a number are fine in an attribute');
  assert.equal(spaced.state.mapType, 'map[int64]int64');
});

test('autoplay is a boolean attribute: present means on', () => {
  assert.equal(parseElementAttributes(() => null).state.autoplay, false);
  assert.equal(parseElementAttributes((n) => (n === 'autoplay' ? '' : null)).state.autoplay, true);
  const odd = parseElementAttributes((n) => (n === 'autoplay' ? 'false' : null));
  assert.equal(odd.state.autoplay, true);
  assert.deepEqual(fieldsWarned(odd), ['autoplay']);
});

test('a step names an operation and a micro-step; the player timeline maps both ways', () => {
  const history = new History();
  for (const eventCount of [3, 0, 5]) history.push({ command: 'x', eventCount, ms: 1 });
  // positions: 0 origin | op1: 1..4 (done 4) | op2: 5 | op3: 6..11 (done 11)
  assert.equal(history.total, 12);
  assert.equal(positionOfStep(null, history), 11);
  assert.equal(positionOfStep({ op: 0, micro: null }, history), 0);
  assert.equal(positionOfStep({ op: 1, micro: null }, history), 4);
  assert.equal(positionOfStep({ op: 1, micro: 2 }, history), 3);
  assert.equal(positionOfStep({ op: 1, micro: 99 }, history), 4, 'past the last micro-step: the done step');
  assert.equal(positionOfStep({ op: 3, micro: 0 }, history), 6);
  assert.equal(positionOfStep({ op: 40, micro: 1 }, history), 11, 'past the last operation: the end');
  for (let p = 0; p < history.total; p++) {
    const { op, step } = history.locate(p);
    const phase = op >= 0 && step >= history.ops[op].eventCount ? 'done' : 'event';
    const s = stepOfFrame({ op, step, phase, position: p, total: history.total });
    assert.equal(positionOfStep(s, history), p, `position ${p} → ${JSON.stringify(s)}`);
  }
});

test('a shared link replays to the same map, and its step to the same moment', async () => {
  const gomap = await loadModule();
  const state = full({ mapType: 'map[int64]int64', seed: 99, hint: 20, ops: 'fill 40; del 3; set 1000 1\nget 7', step: { op: 3, micro: 2 } });
  const back = decodeState(encodeState(state)).state;
  const text = toScenarioText(back);
  const a = gomap.createMap({ mapType: 'map[int64]int64', seed: 99, hint: 20 }).map;
  a.run(state.ops);
  const b = gomap.createMap({}).map;
  assert.ok(b.run(text).every((o) => !o.error), text);
  assert.deepEqual(b.state(), a.state());
  a.free();
  b.free();

  const r = await Player.load(gomap, text);
  assert.ok(r.ok, JSON.stringify(r.errors));
  const p = r.player;
  p.seek(positionOfStep(back.step, p.history));
  const frame = p.frame();
  assert.equal(frame.op, 2);
  assert.equal(frame.step, 2);
  assert.equal(frame.command, 'set 1000 1');
  assert.deepEqual(stepOfFrame(frame), back.step);
  p.toEnd();
  assert.equal(stepOfFrame(p.frame()), null, 'at the end the link says nothing, and opens at the end');
  p.free();
});

// web/export: the SVG and JSON exports. The SVG must be well-formed XML
// whatever the keys hold, self-contained (it is rasterized offline on a
// canvas), and tell every slot state by a label as well as a colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateToSvg, stateToJson, flagNames } from '../../web/export/svg.mjs';
import { loadModule } from './wasm-module.mjs';

// ---- a strict, small XML 1.0 reader -------------------------------------
// Enough of XML for what an SVG export contains: a declaration, elements,
// double-quoted attributes, text, the five predefined entities and
// character references. Anything else (comments, CDATA, processing
// instructions, doctype, raw '<' or '&' in text) is an error, which is
// stricter than XML and the point: an export has no business containing
// them. Returns the tree { name, attrs, children } with text decoded.

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;

function decodeRefs(raw, where) {
  return raw.replace(/&([^;]*);|&/g, (m, body) => {
    if (m === '&') throw new Error(`bare & in ${where}`);
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[body];
    if (named) return named;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!num) throw new Error(`unknown entity &${body}; in ${where}`);
    const ch = String.fromCodePoint(num[1] ? parseInt(num[1], 16) : Number(num[2]));
    if (!XML_CHAR.test(ch)) throw new Error(`character reference to a non-XML character in ${where}`);
    return ch;
  });
}

function parseXml(text) {
  if (!XML_CHAR.test(text)) throw new Error('a character XML does not allow');
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(text);
  if (decl) i = decl[0].length;
  const stack = [{ name: '#document', attrs: {}, children: [] }];
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk) {
      if (stack.length === 1) {
        if (chunk.trim()) throw new Error('text outside the root element');
      } else {
        if (chunk.includes('>') && chunk.includes(']]>')) throw new Error(']]> in text');
        stack.at(-1).children.push(decodeRefs(chunk, 'text'));
      }
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_][A-Za-z0-9_.:-]*)\s*>/.exec(text.slice(i));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const open = stack.pop();
      if (open.name !== m[1]) throw new Error(`</${m[1]}> closes <${open.name}>`);
      i += m[0].length;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1));
    if (!name) throw new Error(`'<' that starts no element at ${i}: ${text.slice(i, i + 20)}`);
    i += 1 + name[0].length;
    const el = { name: name[0], attrs: {}, children: [] };
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))[0];
      i += ws.length;
      if (text.startsWith('/>', i)) {
        i += 2;
        stack.at(-1).children.push(el);
        break;
      }
      if (text[i] === '>') {
        i += 1;
        stack.at(-1).children.push(el);
        stack.push(el);
        break;
      }
      if (!ws) throw new Error(`attributes need space between them in <${el.name}>`);
      const a = /^([A-Za-z_][A-Za-z0-9_.:-]*)="([^"<]*)"/.exec(text.slice(i));
      if (!a) throw new Error(`bad attribute in <${el.name}> at ${text.slice(i, i + 30)}`);
      if (Object.hasOwn(el.attrs, a[1])) throw new Error(`attribute ${a[1]} twice in <${el.name}>`);
      el.attrs[a[1]] = decodeRefs(a[2], `attribute ${a[1]}`);
      i += a[0].length;
    }
    if (stack.length === 2 && stack[0].children.length > 1) throw new Error('more than one root element');
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1).name}> is never closed`);
  const roots = stack[0].children.filter((c) => typeof c !== 'string');
  if (roots.length !== 1) throw new Error('one root element expected');
  return roots[0];
}

function* walk(node) {
  yield node;
  for (const c of node.children) if (typeof c !== 'string') yield* walk(c);
}

const textOf = (node) => node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
const texts = (root) => [...walk(root)].filter((n) => n.name === 'text').map(textOf);

test('the XML reader used below rejects what it should', () => {
  for (const bad of ['<svg><text>a<b</text></svg>', '<svg><text>a & b</text></svg>', '<svg a="1" a="2"/>',
    '<svg><g></svg>', '<svg/><svg/>', '<svg a="<"/>', '<svg>\u0001</svg>', '<svg><!-- x --></svg>', '<svg><text>&#0;</text></svg>']) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
  assert.equal(textOf(parseXml('<svg><text>&lt;&amp;&#x41;&#66;</text></svg>').children[0]), '<&AB');
});

// ---- exported documents ---------------------------------------------------

const ALLOWED_ELEMENTS = new Set(['svg', 'title', 'desc', 'g', 'rect', 'path', 'text']);

/** Well-formed, self-contained, only the elements and fonts the export uses. */
function checkDocument(svg) {
  assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '));
  const root = parseXml(svg);
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
  const { width, height, viewBox } = root.attrs;
  assert.match(width, /^\d+$/);
  assert.match(height, /^\d+$/);
  assert.equal(viewBox, `0 0 ${width} ${height}`);
  assert.equal(root.children[0].name, 'title');
  for (const n of walk(root)) {
    assert.ok(ALLOWED_ELEMENTS.has(n.name), `unexpected <${n.name}>`);
    for (const [k, v] of Object.entries(n.attrs)) {
      assert.ok(!/href|^on|^style$/i.test(k), `attribute ${k}`);
      assert.ok(!/url\(|@import|javascript:/i.test(v), `${k}="${v}"`);
      if (k === 'font-family') assert.ok(['sans-serif', 'monospace'].includes(v), v);
      if (['x', 'y', 'width', 'height'].includes(k)) assert.ok(Number.isFinite(Number(v)), `${k}="${v}"`);
    }
  }
  assert.doesNotMatch(svg, /<script|<style|<image|<foreignObject|<!--|<!\[CDATA|href/i);
  return root;
}

const HOSTILE_KEYS = [
  '</text><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "a'b\"c",
  '&amp; &lt; &#60; & ;',
  ']]> <![CDATA[ x ]]>',
  '<!-- comment -->',
  '\\x00 is not a NUL',
  'tab\there\nnewline\rcr',
  'bidi \u202e reversed',
  'é 日本語 👩‍👩‍👧‍👦 🇫🇷',
  'x'.repeat(300),
];

let gomap;
async function mapWith(setup, ops) {
  gomap ??= await loadModule();
  const made = gomap.createMap(setup);
  assert.ok(made.ok, made.error);
  const out = made.map.run(ops);
  for (const o of out) assert.ok(!o.error, `${o.op}: ${o.error}`);
  const state = made.map.state();
  made.map.free();
  return state;
}

const quote = (k) => {
  let s = '"';
  for (const ch of k) {
    const c = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') s += `\\${ch}`;
    else if (ch === '\n') s += '\\n';
    else if (ch === '\t') s += '\\t';
    else if (c < 0x20) s += `\\x${c.toString(16).padStart(2, '0')}`;
    else s += ch;
  }
  return `${s}"`;
};

test('hostile keys cannot break or inject into the SVG', async () => {
  const ops = HOSTILE_KEYS.map((k, i) => `set ${quote(k)} ${i}`).join('\n') + '\nset "\\x00\\x01\\x1f\\x7f" 99';
  const state = await mapWith({ mapType: 'map[string]int64' }, ops);
  for (const theme of ['light', 'dark']) {
    const svg = stateToSvg(state, { theme, title: '</title><script>alert("t")</script> & co' });
    const root = checkDocument(svg);
    assert.equal(textOf(root.children[0]), '</title><script>alert("t")</script> & co', 'the title is text');
    const shown = texts(root).join('\n');
    const tips = [...walk(root)].filter((n) => n.name === 'title').map(textOf).join('\n');
    // Keys appear as their characters (cut to fit in the slot, whole in the tooltip).
    assert.ok(shown.includes('</text><…'), 'a cut key keeps its characters');
    assert.ok(tips.includes(JSON.stringify('</text><script>alert(1)</script>')));
    assert.ok(tips.includes(JSON.stringify('"><svg onload=alert(1)>')));
    // Control and bidi characters are shown as escapes, never raw.
    assert.ok(shown.includes('\\x00\\x01…'), 'cut to fit, escapes and all');
    assert.ok(tips.includes('"\\u0000\\u0001\\u001f\\x7f"'), 'whole in the tooltip');
    assert.ok(tips.includes('bidi \\u202e reversed'));
    assert.doesNotMatch(svg, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
    // A 300-character key is cut in the slot and in the tooltip.
    assert.ok(shown.includes('xxxxxxxx…'));
    assert.ok(tips.includes(`"${'x'.repeat(200)}…"`));
  }
});

test('keys that are not valid XML text (lone surrogates, U+FFFE) come out as escapes', () => {
  const state = {
    header: { type: { name: 'map[string]int64' }, hasher: 'go114', version: '1.14', created: true, count: 3, flags: 0, B: 0, noverflow: 0, nevacuate: 0, hash0: 1 },
    buckets: [[{ addr: 'c0', t: [200, 201, 202, 0, 0, 0, 0, 0], k: ['\uD800', 'a\uFFFEb', '\uDC00\u0000', null, null, null, null, null], v: ['1', '2', '3', null, null, null, null, null], overflow: '0' }]],
  };
  const root = checkDocument(stateToSvg(state));
  const shown = texts(root).join('\n');
  for (const s of ['\\ud800', 'a\\ufffeb', '\\udc00\\x…']) assert.ok(shown.includes(s), s);
});

test('every slot state has its own colour, glyph and legend entry', () => {
  const t = [0x8f, 1, 2, 3, 4, 0, 0, 0];
  const state = {
    header: { type: { name: 'map[int64]int64' }, hasher: 'go114', version: '1.14', created: true, count: 1, flags: 8, B: 0, noverflow: 0, nevacuate: 0, hash0: 0 },
    buckets: [[{ addr: 'c0', t, k: ['7', null, '8', '9', null, null, null, null], v: ['1', null, null, null, null, null, null, null], overflow: '0' }]],
  };
  const root = checkDocument(stateToSvg(state));
  const slots = [...walk(root)].filter((n) => n.name === 'g' && n.children[0]?.name === 'title' && /slot \d/.test(textOf(n.children[0])));
  assert.equal(slots.length, 8);
  const look = (g) => {
    const rect = g.children.find((c) => c.name === 'rect');
    const [hex, glyph] = g.children.filter((c) => c.name === 'text').map(textOf);
    return { hex, glyph, fill: rect.attrs.fill, dash: rect.attrs['stroke-dasharray'] ?? 'solid', tip: textOf(g.children[0]) };
  };
  const looks = slots.map(look);
  const expect = [['8f', '●', 'live'], ['01', 'one', 'emptyOne'], ['02', '→X', 'evacuatedX'], ['03', '→Y', 'evacuatedY'], ['04', '→∅', 'evacuatedEmpty'], ['00', 'rest', 'emptyRest']];
  expect.forEach(([hex, glyph, name], i) => {
    assert.equal(looks[i].hex, hex);
    assert.equal(looks[i].glyph, glyph);
    assert.ok(looks[i].tip.includes(name), looks[i].tip);
  });
  assert.equal(new Set(looks.slice(0, 6).map((l) => l.fill)).size, 6, 'six states, six fills');
  assert.equal(new Set(looks.slice(0, 6).map((l) => l.glyph)).size, 6, 'six states, six glyphs');
  assert.ok(looks[6].tip.includes('emptyRest') && looks[6].glyph === 'rest');
  const shown = texts(root);
  for (const name of ['emptyRest', 'emptyOne', 'evacuatedX', 'evacuatedY', 'evacuatedEmpty']) assert.ok(shown.includes(name), `legend: ${name}`);
  assert.ok(shown.some((s) => s.startsWith('live')), 'legend: live');
  assert.ok(shown.includes('sameSizeGrow'), 'flags by name');
  // Left-over keys of evacuated slots are drawn, muted; empty slots show none.
  assert.ok(shown.includes('8') && shown.includes('9'));
});

test('the header strip names the hmap fields, and the load factor against 6.5', async () => {
  const state = await mapWith({ mapType: 'map[int64]int64', seed: 7 }, 'fill 30; del 3');
  const shown = texts(checkDocument(stateToSvg(state)));
  for (const label of ['count', 'B', 'load factor', 'flags', 'noverflow', 'nevacuate', 'hash0']) assert.ok(shown.includes(label), label);
  assert.ok(shown.includes('29'));
  assert.ok(shown.includes(`${state.header.B} (${2 ** state.header.B} buckets)`));
  assert.ok(shown.includes(`${(29 / 2 ** state.header.B).toFixed(2)} / 6.5`));
  assert.ok(shown.includes('0x00000007'));
  assert.equal(flagNames(0), 'none');
  assert.equal(flagNames(1 | 8), 'iterator | sameSizeGrow');
});

test('overflow buckets sit to the right of their bucket, linked by an arrow', async () => {
  const state = await mapWith({ mapType: 'map[int64]int64', hasher: 'identity', hint: 14 },
    'set 4; set 8; set 12; set 16; set 20; set 24; set 28; set 32; set 36');
  const svg = stateToSvg(state);
  const root = checkDocument(svg);
  const tips = [...walk(root)].filter((n) => n.name === 'title').map(textOf);
  assert.ok(tips.some((t) => t.startsWith('overflow bucket 1 of bucket 0 at 0x')));
  assert.ok(tips.some((t) => t.startsWith('overflow bucket 1 of bucket 0, slot 0: tophash 0x05, live, key "36"')));
  assert.equal((svg.match(/l-7 -4.5v9z/g) ?? []).length, 1, 'one arrowhead, one link');
});

test('while growing, the old array is drawn beside the new one with nevacuate marked', async () => {
  gomap ??= await loadModule();
  const m = gomap.createMap({ mapType: 'map[int64]int64' }).map;
  let n = 0;
  while (m.header().oldbuckets === '0' || m.header().oldbuckets === undefined) m.set(++n, 1);
  const state = m.state();
  m.free();
  const root = checkDocument(stateToSvg(state));
  const shown = texts(root);
  assert.ok(shown.includes(`oldbuckets: ${state.oldbuckets.length} (doubling)`));
  assert.ok(shown.includes(`buckets: 2^${state.header.B} = ${state.buckets.length}`));
  assert.ok(shown.includes(`nevacuate = ${state.header.nevacuate}`));
  assert.ok(shown.some((s) => s.startsWith('✓')), 'evacuated old buckets are ticked');
  const tips = [...walk(root)].filter((n) => n.name === 'title').map(textOf);
  assert.ok(tips.some((t) => /^old bucket 0, slot 0: tophash 0x0[234]/.test(t)), 'old bucket 0 is evacuated');
});

test('above 2^10 buckets a compact overview replaces the slots', async () => {
  const state = await mapWith({ mapType: 'map[int64]int64' }, 'fill 7000');
  assert.equal(state.buckets.length, 2048);
  const svg = stateToSvg(state);
  const root = checkDocument(svg);
  assert.ok(svg.length < 200_000, `${svg.length} bytes`);
  const shown = texts(root);
  assert.ok(shown.includes('2048 buckets, one cell each'));
  assert.ok(shown.includes('Live entries per chain:'));
  assert.ok(shown.includes('8+') && shown.includes('chain has overflow buckets'));
  assert.ok(![...walk(root)].some((n) => n.name === 'title' && /slot/.test(textOf(n))), 'no per-slot detail');
  // Every bucket is drawn: the cells of the colour paths add up to 2048.
  const paths = [...walk(root)].filter((n) => n.name === 'path' && n.attrs.d.startsWith('M'));
  const widthOf = (d) => [...d.matchAll(/h(\d+)v/g)].reduce((s, m) => s + (Number(m[1]) + 1) / 10, 0);
  const cells = paths.filter((p) => !/h5v5h-5z/.test(p.attrs.d)).reduce((s, p) => s + widthOf(p.attrs.d), 0);
  assert.equal(Math.round(cells), 2048 + (state.oldbuckets?.length ?? 0));
});

test('maps with no bucket array yet still export', async () => {
  const made = await mapWith({ mapType: 'map[string]int64' }, '');
  assert.equal(made.header.created, false);
  assert.ok(texts(checkDocument(stateToSvg(made))).includes('The map has not been made yet.'));
  const lazy = await mapWith({ mapType: 'map[string]int64' }, 'get a');
  assert.ok(texts(checkDocument(stateToSvg(lazy))).includes('No bucket array yet: the first insert allocates it.'));
  assert.throws(() => stateToSvg({}), TypeError);
});

test('the themes differ in colour only', async () => {
  const state = await mapWith({ mapType: 'map[string]int64' }, 'fill 20');
  const light = stateToSvg(state, { theme: 'light' });
  const dark = stateToSvg(state, { theme: 'dark' });
  assert.notEqual(light, dark);
  const strip = (s) => s.replace(/#[0-9a-f]{6}/g, '#');
  assert.equal(strip(light), strip(dark));
  assert.match(dark, /<rect x="0" y="0" width="\d+" height="\d+" fill="#0e1116"\/>/);
});

test('the JSON export carries the scenario and the state, bucket per line', async () => {
  const scenario = 'map[string]int64\nset "a \\"quoted\\" key" 1 # é\nfill 20; del k3';
  const state = await mapWith({ mapType: 'map[string]int64' }, 'set "a \\"quoted\\" key" 1\nfill 20; del k3');
  const json = stateToJson(state, scenario);
  const back = JSON.parse(json);
  assert.equal(back.format, 'go-map-playground/1');
  assert.equal(back.scenario, scenario);
  assert.deepEqual(back.state, state);
  assert.ok(json.includes('\n    "buckets": [\n      [{"addr":'), 'each chain on one line');
  assert.equal(json.split('\n').length < 80, true);
  const odd = JSON.parse(stateToJson({ header: { k: '\uD800' } }, '\uDC00'));
  assert.equal(odd.scenario, '\uDC00', 'lone surrogates survive as JSON escapes');
});

// ---- Go 1.26 (issue 15) ------------------------------------------------------

test('Go 1.26 SVG: well-formed; every group\'s 8 control bytes and each full slot\'s key, in the dump\'s order; a huge map as bars', async () => {
  const { swissStateToSvg, SVG_MAX_GROUPS } = await import('../../web/export/svg-swiss.mjs');
  gomap ??= await loadModule();
  const made = gomap.createMap({ version: '1.26', mapType: 'map[string]int64', seed: 9n });
  assert.ok(made.ok, made.error);
  const m = made.map;
  const keys = ['a&b', '<k>', '"q"', 'plain'];
  for (let i = 0; i < 40; i++) m.set(i < keys.length ? keys[i] : `k${i}`, i);
  m.delete('k7');
  m.delete('k9');
  const state = m.state({ near: [], maxGroups: SVG_MAX_GROUPS });
  for (const theme of ['light', 'dark']) {
    const svg = swissStateToSvg(state, { theme, title: 'Go map: <test> & more' });
    checkDocument(svg);
    const t = texts(parseXml(svg));
    assert.ok(t.includes('Go map: <test> & more'));
    // The control bytes drawn, in order, are the dump's.
    const drawnBytes = t.filter((x) => /^[0-9a-f]{2}$/.test(x));
    const want = state.swiss.tables.flatMap((tb) => tb.groups.flatMap((g) => g.ctrl.map((c) => c.toString(16).padStart(2, '0'))));
    assert.deepEqual(drawnBytes, want);
    for (const k of keys) assert.ok(t.includes(k), k);
    assert.ok(t.some((x) => x.includes('used 38')));
  }
  m.free();
  // A map past SVG_MAX_GROUPS groups: summaries, drawn as one bar per table.
  const big = gomap.createMap({ version: '1.26', mapType: 'map[int64]int64', seed: 1n }).map;
  big.run('fill 60000');
  const bs = big.state({ near: [], maxGroups: SVG_MAX_GROUPS });
  assert.ok(bs.swiss.tables.some((x) => x.summary));
  const svg = swissStateToSvg(bs);
  checkDocument(svg);
  assert.ok(svg.length < 400000, `${svg.length} characters`);
  assert.ok(texts(parseXml(svg)).some((x) => x.includes(`directory:`)));
  big.free();
});

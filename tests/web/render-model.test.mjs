// The DOM-free parts under the drawing: the model read from the map, the
// heap scan used for big maps, where each step's highlights land, and the
// table view's caption (on a stand-in document).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import { scanArray, addr, chainHistogram, oldArrayLength } from '../../web/player/heap-scan.mjs';
import { readModel, describeBucket, DETAIL_MAX_BUCKETS, WINDOW_BUCKETS } from '../../web/render/map-model.mjs';
import { marksFor } from '../../web/render/highlights.mjs';

let gomap;
before(async () => { gomap = await loadModule(); });

test('the heap scan counts what the JSON state shows', () => {
  const { map } = gomap.createMap({ mapType: 'map[string]int64', seed: 3 });
  map.run('fill 900; collide 5 20');
  const h = map.header();
  const s = map.state();
  const scan = scanArray(map, { array: addr(h.buckets), n: 2 ** h.B, bucketsize: h.type.bucketsize });
  s.buckets.forEach((chain, i) => {
    assert.equal(scan.chain[i], chain.length, `chain ${i}`);
    assert.equal(scan.live[i], chain.flatMap((b) => b.t).filter((t) => t >= 5).length, `live ${i}`);
  });
  // While growing, the entries not yet evacuated are in the old array.
  let old = 0;
  if (h.oldbuckets !== '0') {
    const o = scanArray(map, { array: addr(h.oldbuckets), n: s.oldbuckets.length, bucketsize: h.type.bucketsize });
    old = o.liveTotal;
    s.oldbuckets.forEach((chain, i) => assert.equal(o.evacuated[i], chain[0].t[0] >= 2 && chain[0].t[0] <= 4 ? 1 : 0));
  }
  assert.equal(scan.liveTotal + old, h.count);
  const hist = chainHistogram(scan.chain);
  assert.equal(hist.reduce((a, b) => a + b, 0), 2 ** h.B);
  map.free();
});

test('deleted numeric keys show their stale bytes; never-written slots do not', () => {
  const { map } = gomap.createMap({ mapType: 'map[int64]int64', seed: 1 });
  map.run('set 77 1; set 78 2; del 77');
  const model = readModel(map);
  const b = model.newArray.chains[0][0];
  const deleted = b.t.findIndex((t) => t === 1 || t === 0);
  assert.equal(b.stale?.[deleted], '77');
  assert.ok(b.stale.filter(Boolean).length === 1);
  map.free();
});

test('every highlight of every step lands on a bucket that is drawn', async () => {
  const { player } = await Player.load(gomap,
    'map[int64]int64\nseed 4\nhint 53\ncollide 3 12\nfill 70\nrange\nset 5000 1\nnext 3\ndel 9\nget 10\nclear');
  for (let p = 1; p < player.total; p++) {
    const f = player.seek(p);
    const model = readModel(player.map);
    const m = marksFor(f, model, model.header.iterator);
    for (const key of m.cells.keys()) {
      const a = key.split(':')[0];
      assert.ok(model.index.has(a), `step ${f.step} of "${f.command}" (${f.event?.e}) marks ${key}, not drawn`);
    }
    for (const a of m.buckets.keys()) {
      const drawn = model.index.has(a) || model.pool?.buckets?.some((b) => b.addr === a);
      // A bucket just allocated is not linked yet, so it may not be drawn.
      if (!drawn) assert.ok(['overflowFresh', 'overflowPrealloc'].includes(f.event?.e), `${f.event?.e} marks ${a}`);
    }
    if (f.event?.addr && f.event.addr !== '0' && model.index.has(f.event.addr)) {
      assert.match(describeBucket(model, f.event.addr), /bucket \d+/);
    }
  }
  player.free();
});

// Just enough of a document for render/dom.mjs's h(), so the table view's
// caption can be read in node.
class FakeNode {
  constructor(tag) {
    this.tagName = tag;
    this.children = [];
    this.parent = null;
    this.dataset = {};
    this.style = {};
    this.attrs = new Map();
    this.text = '';
  }
  get firstChild() { return this.children[0] ?? null; }
  get textContent() { return this.text + this.children.map((c) => c.textContent).join(''); }
  set textContent(v) { this.children = []; this.text = String(v); }
  setAttribute(k, v) { this.attrs.set(k, v); }
  addEventListener() {}
  append(...nodes) { for (const n of nodes) { n.parent = this; this.children.push(n); } }
  remove() { if (this.parent) this.parent.children.splice(this.parent.children.indexOf(this), 1); this.parent = null; }
}

test('the table\'s caption counts entries and buckets with their nouns (1 entry, 1 bucket)', async () => {
  const saved = { document: globalThis.document, Node: globalThis.Node };
  globalThis.Node = FakeNode;
  globalThis.document = {
    createElement: (tag) => new FakeNode(tag),
    createTextNode: (text) => Object.assign(new FakeNode('#text'), { text }),
  };
  try {
    const { TableView } = await import('../../web/render/table-view.mjs');
    const caption = async (text) => {
      const { player } = await Player.load(gomap, text);
      const view = new TableView();
      view.update(readModel(player.map));
      player.free();
      return view.caption.textContent;
    };
    assert.equal(await caption('map[int64]int64\nset 1 1'), '1 entry in 1 bucket');
    assert.equal(await caption('map[int64]int64\nfill 7'), '7 entries in 1 bucket');
    assert.equal(await caption('map[int64]int64\nhint 53\nset 1 1\ndel 1'), '0 entries in 16 buckets');
    assert.equal(await caption('map[int64]int64'), 'The map has not been created yet.');
  } finally {
    globalThis.document = saved.document;
    globalThis.Node = saved.Node;
  }
});

test('past the detail limit every requested density is drawn as the overview (a cell per slot would take gigabytes)', () => {
  const { map } = gomap.createMap({ mapType: 'map[int64]int64', seed: 2 });
  map.run('fill 20000');
  const h = map.header();
  assert.ok(2 ** h.B > DETAIL_MAX_BUCKETS, `B ${h.B} is past the limit`);
  for (const density of ['full', 'keys', 'compact', 'auto', undefined]) {
    const model = readModel(map, { density });
    assert.equal(model.density, 'overview', `asked ${density}`);
    assert.ok(model.newArray.chains.length <= WINDOW_BUCKETS, `only a window of the array is read for ${density}`);
  }
  // A small map keeps the density asked for.
  const { map: small } = gomap.createMap({ mapType: 'map[int64]int64', seed: 2 });
  small.run('fill 100');
  assert.equal(readModel(small, { density: 'full' }).density, 'full');
  map.free();
  small.free();
});

test('prescan scans what the overview will read: the overview finds both arrays already scanned', () => {
  // A map past 4,096 buckets caught mid-grow (prescan's threshold).
  const { player } = Player.create(gomap, ['map[int64]int64', 'seed 4']);
  let r = player.perform('fill 30000');
  assert.equal(r.ok, true);
  for (let i = 0; !player.map.header().oldbuckets || player.map.header().oldbuckets === '0'; i++) {
    r = player.perform(`set ${1e9 + i} 1`);
    assert.equal(r.ok, true);
  }
  player.seek(player.history.donePosition(player.history.length - 1));
  player.prescan();
  const h = player.map.header();
  assert.ok(2 ** h.B >= 4096 && h.oldbuckets !== '0', `B ${h.B}, growing`);
  const bucketsize = h.type.bucketsize;
  let scans = 0;
  const withHeap = player.map.withHeap.bind(player.map);
  player.map.withHeap = (fn) => { scans++; return withHeap(fn); };
  scanArray(player.map, { array: addr(h.buckets), n: 2 ** h.B, bucketsize });
  scanArray(player.map, { array: addr(h.oldbuckets), n: oldArrayLength(h), bucketsize });
  assert.equal(scans, 0, 'both scans were remembered from prescan');
  player.map.withHeap = withHeap;
  player.free();
});

// The playground's performance budgets, measured in Debian's Chromium and
// printed with their ratio to the budget (below 1 is within it). Not a
// test: numbers vary with the machine; run it with `node tests/e2e/bench.mjs`
// after `bash scripts/build.sh`.
//   - a step renders in ≤ 16 ms at B=8 (about 1,600 keys)
//   - the overview of B=16 renders in ≤ 100 ms
//   - no task longer than 200 ms during a million-insert run
//   - the whole page is ≤ 250 KB gzipped
//   - Go 1.26 (issue 15): a step of the Swiss map renders in ≤ 16 ms at 10,000 keys (zoomed
//     out: directory and tables as bars, the step's table opened below), and so does a step of
//     compare mode at 1,600 keys per side; the page with both models (version=1.26, compare
//     open: every module either needs) is ≤ 300 KB gzipped
// `node tests/e2e/bench.mjs swiss` runs only the Go 1.26 rows, the 1.14 step row (the same
// machine's yardstick) and the page weights; `node tests/e2e/bench.mjs steps` only the Go 1.26
// step rows.
// A step's time is its task up to a forced style and layout, plus the work it left to the next
// animation frame's callbacks (the page scrolls the step into view there, where the frame's one
// layout serves it): what the browser must do before it can paint the step. `node tests/e2e/bench.mjs weight` runs only the
// page weights, each followed by its gzipped size per kind of file (wasm, JS, CSS, HTML, …).
import { gzipSync } from 'node:zlib';
import { startServer, launchBrowser, openPage, runScenario, newMap, fillKeys } from './harness.mjs';
import { embedHeights } from './embed-moments.mjs';

const BUDGET = { step: 16, overview: 100, task: 200, pageKB: 250, bothPageKB: 300, secondModelKB: 60 };
const onlySwiss = process.argv[2] === 'swiss';
const onlyWeight = process.argv[2] === 'weight';
const onlySteps = process.argv[2] === 'steps';

// window.__timeStep(fn, settle): ms for fn() and settle() (the forced layout), then for the
// animation frame callbacks fn left (from a callback queued before fn to one queued after).
async function installStepTimer(page) {
  await page.evaluate(() => {
    window.__timeStep = async (fn, settle) => {
      let frameStart = 0;
      const started = new Promise((resolve) => requestAnimationFrame(() => resolve(frameStart = performance.now())));
      const t0 = performance.now();
      fn();
      settle();
      const task = performance.now() - t0;
      const ended = new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      await started;
      return task + ((await ended) - frameStart);
    };
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const ratio = (v, budget) => (v / budget).toFixed(2);

// A fresh page with `text` run from the scenario box (`ops` operations),
// handed to `measure`; closed after.
async function onScenarioPage(env, text, ops, measure) {
  const page = await openPage(env);
  try {
    await runScenario(page, text, ops);
    return await measure(page);
  } finally {
    await page.close();
  }
}

async function pageWeight(env, { path = '', compare = false } = {}) {
  const page = await env.context.newPage();
  const bodies = new Map();
  page.on('response', async (r) => {
    try {
      bodies.set(r.url(), await r.body());
    } catch { /* redirects have no body */ }
  });
  await page.goto(env.url + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  if (compare) {
    await page.getByRole('button', { name: 'Compare 1.14 / 1.26' }).click();
    await page.waitForFunction(() => window.goMapPlayground.compare?.panel?.isOpen, null, { timeout: 60000 });
  }
  await page.waitForLoadState('networkidle');
  let raw = 0;
  let gz = 0;
  let wasmGz = 0;
  const perUrl = new Map();
  for (const [url, body] of bodies) {
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    perUrl.set(url.replace(env.url, ''), z);
    if (url.endsWith('.wasm')) wasmGz += z;
  }
  await page.close();
  return { files: bodies.size, raw, gz, wasmGz, perUrl };
}

// Every micro-step of the operations after the first, forward and back,
// three rounds: each step's time up to a forced style and layout of the
// drawing (`drawing`, a selector in the element's shadow root) and of the page.
async function stepTimes(page, drawing) {
  await installStepTimer(page);
  return page.evaluate(async (selector) => {
    const app = window.goMapPlayground.app;
    const viz = document.querySelector('go-map-viz');
    const p = app.player;
    const forward = [];
    const back = [];
    const time = async (fn, into) => {
      into.push(await window.__timeStep(fn, () => {
        // Style and layout of what changed, as the browser must do before paint.
        void viz.shadowRoot.querySelector(selector).offsetHeight;
        void document.body.offsetHeight;
      }));
    };
    const start = p.history.position(1, 0);
    for (let round = 0; round < 3; round++) {
      app.seek(start);
      while (p.position < p.total - 1) await time(() => app.step(1), forward);
      while (p.position > start) await time(() => app.step(-1), back);
    }
    return { forward, back };
  }, drawing);
}

// Go 1.26's map at 10,000 keys: steps of an insert, a delete and an insert
// (a zoomed-out map: the directory and tables as bars, the step's table below).
async function swissStepRender(env) {
  return onScenarioPage(env, 'map[string]int64\nversion 1.26\nseed 1\nfill 10000\nset hello 1\ndel k77\nset world 2', 4, async (page) => {
    const { forward, back } = await stepTimes(page, '.swiss-map');
    const shape = await page.evaluate(() => {
      const state = window.goMapPlayground.app.player.map.state({ near: [], maxGroups: 256 });
      const nodes = document.querySelector('go-map-viz').shadowRoot.querySelectorAll('*').length;
      return { keys: state.swiss.count, tables: state.swiss.tables.length, nodes };
    });
    return { times: [...forward, ...back], ...shape };
  });
}

// Compare mode at 1,600 keys per side: each operation (both maps drawn),
// then every micro-step of the last one on each side.
async function compareStepRender(env) {
  return onScenarioPage(env, 'map[string]int64\nseed 1\nfill 1600\nset hello 1\ndel k77\nset world 2', 4, async (page) => {
    await page.getByRole('button', { name: 'Compare 1.14 / 1.26' }).click();
    await page.waitForFunction(() => window.goMapPlayground.compare.panel?.isOpen);
    await installStepTimer(page);
    return page.evaluate(async () => {
      const panel = window.goMapPlayground.compare.panel;
      const ops = [];
      const micro = [];
      const time = async (fn, into) => {
        into.push(await window.__timeStep(fn, () => void document.body.offsetHeight));
      };
      for (let round = 0; round < 3; round++) {
        for (let n = 1; n <= panel.session.length; n++) await time(() => panel.seekOp(n), ops);
        for (const v of ['1.14', '1.26']) {
          const count = panel.session.stepCount(v, panel.session.op);
          for (let i = 0; i < Math.min(count, 40); i++) await time(() => panel.microStep(v, 1), micro);
        }
      }
      const keys = Object.fromEntries(['1.14', '1.26'].map((v) => [v, panel.session.players[v].map.header().count]));
      return { ops, micro, keys };
    });
  });
}

async function stepRender(env) {
  return onScenarioPage(env, 'map[string]int64\nseed 1\nfill 1600\nset hello 1\ndel k77\nset world 2', 4, async (page) => {
    const { forward, back } = await stepTimes(page, '.arrays');
    const B = await page.evaluate(() => window.goMapPlayground.app.player.map.header().B);
    return { B, forward, back };
  });
}

async function overview(env) {
  return onScenarioPage(env, 'map[int64]int64\nseed 1\nfill 400000\nset 0 1', 2, (page) => page.evaluate(() => {
    const viz = document.querySelector('go-map-viz');
    const B = window.goMapPlayground.app.player.map.header().B;
    const times = [];
    for (let i = 0; i < 12; i++) {
      viz.windowFrom = (i * 4096) % 65536;
      const t0 = performance.now();
      viz.show({ animate: false, follow: false });
      void viz.shadowRoot.querySelector('.overviews').offsetHeight;
      times.push(performance.now() - t0);
    }
    return { B, times: times.slice(2) };
  }));
}

async function millionInserts(env) {
  const page = await openPage(env);
  await newMap(page, 'map[int64]int64');
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await fillKeys(page, 1000000);
  await page.waitForFunction(() => window.goMapPlayground.app.player.history.length === 1 && !window.goMapPlayground.app.busy, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  const total = Date.now() - t0;
  const tasks = await page.evaluate(() => window.__tasks);
  await page.close();
  return { total, tasks };
}

const server = await startServer();
const browser = await launchBrowser();
const env = { url: server.url, context: browser.context };
try {
  if (onlyWeight) {
    await weightRows(env, { breakdown: true });
  } else if (onlySteps) {
    await swissRows(env);
  } else {
    await bucketRows(env);
    await swissRows(env);
    await weightRows(env);
  }
} finally {
  await browser.close();
  server.stop();
}

// Where the gzipped bytes go: the .wasm, the JS by folder, CSS, HTML and the rest.
function breakdown(perUrl) {
  const kinds = new Map();
  for (const [url, z] of perUrl) {
    const path = url.split(/[?#]/)[0];
    const kind = path.endsWith('.wasm') ? 'wasm'
      : /\.m?js$/.test(path) ? `js ${path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : './'}`
        : (path.match(/\.(\w+)$/)?.[1] ?? 'html');
    kinds.set(kind, (kinds.get(kind) ?? 0) + z);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, z]) => `${k} ${(z / 1024).toFixed(1)}`).join(', ');
}

async function swissRows(env) {
  const sw = await swissStepRender(env);
  console.log(`Go 1.26 step render at ${sw.keys.toLocaleString('en-US')} keys (${sw.tables} tables, zoomed out; ${sw.nodes} nodes): ` +
    `median ${ms(quantile(sw.times, 0.5))}, p95 ${ms(quantile(sw.times, 0.95))}, max ${ms(Math.max(...sw.times))} over ${sw.times.length} steps — ` +
    `budget ${BUDGET.step} ms, p95 ratio ${ratio(quantile(sw.times, 0.95), BUDGET.step)}`);
  const c = await compareStepRender(env);
  const call = [...c.ops, ...c.micro];
  console.log(`compare mode step render at ${c.keys['1.14'].toLocaleString('en-US')} / ${c.keys['1.26'].toLocaleString('en-US')} keys (1.14 / 1.26): ` +
    `operation median ${ms(quantile(c.ops, 0.5))}, p95 ${ms(quantile(c.ops, 0.95))}; micro-step median ${ms(quantile(c.micro, 0.5))}, p95 ${ms(quantile(c.micro, 0.95))} — ` +
    `budget ${BUDGET.step} ms, p95 ratio ${ratio(quantile(call, 0.95), BUDGET.step)}`);
}

async function weightRows(env, { breakdown: detail = false } = {}) {
  const w = await pageWeight(env);
  console.log(`page weight: ${(w.gz / 1024).toFixed(1)} KB gzipped (${(w.raw / 1024).toFixed(0)} KB raw, ${w.files} files; the .wasm ${(w.wasmGz / 1024).toFixed(1)} KB of it) — ` +
    `budget ${BUDGET.pageKB} KB, ratio ${ratio(w.gz / 1024, BUDGET.pageKB)}`);
  const b = await pageWeight(env, { path: '#v=1&version=1.26', compare: true });
  const extra = [...b.perUrl].filter(([u]) => !w.perUrl.has(u)).reduce((n, [, z]) => n + z, 0);
  console.log(`page weight with both models (Go 1.26, compare mode open): ${(b.gz / 1024).toFixed(1)} KB gzipped (${b.files} files) — ` +
    `budget ${BUDGET.bothPageKB} KB, ratio ${ratio(b.gz / 1024, BUDGET.bothPageKB)}; loaded only for them: ${(extra / 1024).toFixed(1)} KB gzipped ` +
    `(one .wasm holds both models, so the second model's share is inside the first page's ${(w.wasmGz / 1024).toFixed(1)} KB; budget for the second model ${BUDGET.secondModelKB} KB)`);
  if (detail) {
    console.log(`  first load, KB gzipped: ${breakdown(w.perUrl)}`);
    console.log(`  with both models, KB gzipped: ${breakdown(b.perUrl)}`);
  }
}

async function bucketRows(env) {
  const s = await stepRender(env);
  const all = [...s.forward, ...s.back];
  console.log(`step render at B=${s.B} (1,600 keys): forward median ${ms(quantile(s.forward, 0.5))}, p95 ${ms(quantile(s.forward, 0.95))}; ` +
    `back median ${ms(quantile(s.back, 0.5))}, p95 ${ms(quantile(s.back, 0.95))}; max ${ms(Math.max(...all))} — ` +
    `budget ${BUDGET.step} ms, p95 ratio ${ratio(quantile(all, 0.95), BUDGET.step)}`);
  if (onlySwiss) return;
  const o = await overview(env);
  console.log(`overview at B=${o.B}: median ${ms(quantile(o.times, 0.5))}, max ${ms(Math.max(...o.times))} — ` +
    `budget ${BUDGET.overview} ms, max ratio ${ratio(Math.max(...o.times), BUDGET.overview)}`);
  const m = await millionInserts(env);
  const longest = m.tasks.length ? Math.max(...m.tasks) : 0;
  console.log(`a million inserts: ${(m.total / 1000).toFixed(1)} s, ${m.tasks.length} tasks over 50 ms, longest ${longest ? ms(longest) : 'none over 50 ms'} — ` +
    `budget ${BUDGET.task} ms, ratio ${ratio(longest, BUDGET.task)}`);
  // Embed heights at a 700 px column, stepping through each standard moment's timeline.
  for (const r of await embedHeights(env, { width: 700 })) {
    console.log(`embed at 700 px, ${r.name}: ${r.first} px at load, ${r.min}–${r.max} px over ${r.steps} steps (change ${r.max - r.min} px)`);
    await r.page.close();
  }
}

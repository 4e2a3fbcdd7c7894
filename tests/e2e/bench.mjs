// The playground's performance budgets, measured in Debian's Chromium and
// printed with their ratio to the budget (below 1 is within it). Not a
// test: numbers vary with the machine; run it with `node tests/e2e/bench.mjs`
// after `bash scripts/build.sh`.
//   - a step renders in ≤ 16 ms at B=8 (about 1,600 keys)
//   - the overview of B=16 renders in ≤ 100 ms
//   - no task longer than 200 ms during a million-insert run
//   - the whole page is ≤ 250 KB gzipped
import { gzipSync } from 'node:zlib';
import { startServer, launchBrowser, openPage } from './harness.mjs';
import { embedHeights } from './embed-moments.mjs';

const BUDGET = { step: 16, overview: 100, task: 200, pageKB: 250 };

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const ratio = (v, budget) => (v / budget).toFixed(2);

async function loadScenario(page, text, ops) {
  await page.getByLabel('Scenario text').fill(text);
  await page.getByRole('button', { name: 'Run scenario' }).click();
  await page.waitForFunction((n) => window.goMapPlayground.app.player?.history.length === n && !window.goMapPlayground.app.busy, ops, { timeout: 120000 });
}

async function pageWeight(env) {
  const page = await env.context.newPage();
  const bodies = new Map();
  page.on('response', async (r) => {
    try {
      bodies.set(r.url(), await r.body());
    } catch { /* redirects have no body */ }
  });
  await page.goto(env.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForLoadState('networkidle');
  let raw = 0;
  let gz = 0;
  for (const body of bodies.values()) {
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  await page.close();
  return { files: bodies.size, raw, gz };
}

async function stepRender(env) {
  const page = await openPage(env);
  await loadScenario(page, 'map[string]int64\nseed 1\nfill 1600\nset hello 1\ndel k77\nset world 2', 4);
  const result = await page.evaluate(() => {
    const app = window.goMapPlayground.app;
    const viz = document.querySelector('go-map-viz');
    const p = app.player;
    const B = p.map.header().B;
    const forward = [];
    const back = [];
    const time = (fn, into) => {
      const t0 = performance.now();
      fn();
      // Style and layout of what changed, as the browser must do before paint.
      void viz.shadowRoot.querySelector('.arrays').offsetHeight;
      void document.body.offsetHeight;
      into.push(performance.now() - t0);
    };
    const start = p.history.position(1, 0);
    for (let round = 0; round < 3; round++) {
      app.seek(start);
      while (p.position < p.total - 1) time(() => app.step(1), forward);
      while (p.position > start) time(() => app.step(-1), back);
    }
    return { B, forward, back };
  });
  await page.close();
  return result;
}

async function overview(env) {
  const page = await openPage(env);
  await loadScenario(page, 'map[int64]int64\nseed 1\nfill 400000\nset 0 1', 2);
  const result = await page.evaluate(() => {
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
  });
  await page.close();
  return result;
}

async function millionInserts(env) {
  const page = await openPage(env);
  await page.getByLabel('Map type', { exact: true }).fill('map[int64]int64');
  await page.getByLabel('Map type', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.getByLabel('Fill with N keys').fill('1000000');
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
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
  const s = await stepRender(env);
  const all = [...s.forward, ...s.back];
  console.log(`step render at B=${s.B} (1,600 keys): forward median ${ms(quantile(s.forward, 0.5))}, p95 ${ms(quantile(s.forward, 0.95))}; ` +
    `back median ${ms(quantile(s.back, 0.5))}, p95 ${ms(quantile(s.back, 0.95))}; max ${ms(Math.max(...all))} — ` +
    `budget ${BUDGET.step} ms, p95 ratio ${ratio(quantile(all, 0.95), BUDGET.step)}`);
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
  const w = await pageWeight(env);
  console.log(`page weight: ${(w.gz / 1024).toFixed(1)} KB gzipped (${(w.raw / 1024).toFixed(0)} KB raw, ${w.files} files) — ` +
    `budget ${BUDGET.pageKB} KB, ratio ${ratio(w.gz / 1024, BUDGET.pageKB)}`);
} finally {
  await browser.close();
  server.stop();
}

// What every browser flow needs: the site served on a free localhost port,
// Debian's Chromium driven by playwright-core, a page that records console
// errors, readers for what the page shows, and the gomap CLI as an
// independent oracle for what the map should be.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');
const CLI = process.env.GOMAP_CLI ?? join(ROOT, 'build/native-release/gomap');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** scripts/serve.mjs on dist/, resolved once it listens. */
export async function startServer() {
  const port = await freePort();
  // GOMAP_DIST serves another build of the site (a private one while iterating).
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), resolve(process.env.GOMAP_DIST ?? join(ROOT, 'dist'))], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('server did not start')), 10000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('http://')) {
        clearTimeout(timer);
        res();
      }
    });
    child.on('exit', (code) => rej(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gomap-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh page on the playground, ready, with its console errors collected.
 * path: what follows the site's URL (a fragment, embed.html#…); traps: the
 * tripwires of installTraps(), set before the page's first script runs;
 * ready: false for a page that is not the playground.
 */
export async function openPage(env, { viewport, colorScheme, reducedMotion, path = '', traps = false, ready = true } = {}) {
  const page = await env.context.newPage();
  if (traps) await installTraps(page);
  if (viewport) await page.setViewportSize(viewport);
  if (colorScheme || reducedMotion) await page.emulateMedia({ colorScheme, reducedMotion });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(env.url + path);
  if (ready) await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  page.consoleErrors = errors;
  return page;
}

/**
 * Tripwires in every frame of a page, before any of its scripts: alert,
 * confirm, prompt and print count into window.__pwned (as would a payload
 * that sets it), CSP violations are listed in window.__csp, and every
 * touch of cookies, localStorage, sessionStorage or indexedDB counts into
 * window.__storage. Browser dialogs are recorded and dismissed.
 */
export async function installTraps(page) {
  await page.addInitScript(() => {
    window.__pwned = 0;
    window.__csp = [];
    window.__storage = 0;
    for (const fn of ['alert', 'confirm', 'prompt', 'print']) window[fn] = () => { window.__pwned++; };
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
    const count = (target, name, proto) => {
      const d = Object.getOwnPropertyDescriptor(proto, name) ?? Object.getOwnPropertyDescriptor(target, name);
      if (!d?.get) return;
      Object.defineProperty(target, name, {
        configurable: true,
        get() { window.__storage++; return d.get.call(target); },
        set: d.set ? (v) => { window.__storage++; d.set.call(target, v); } : undefined,
      });
    };
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) count(window, name, Window.prototype);
    count(document, 'cookie', Document.prototype);
  });
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
}

/** What the tripwires caught, frame by frame (installTraps). */
export async function trapsFired(page) {
  const out = [];
  for (const f of page.frames()) {
    const r = await f.evaluate(() => ({ pwned: window.__pwned, csp: window.__csp, storage: window.__storage })).catch(() => null);
    if (!r) continue;
    if (r.pwned) out.push(`${f.url()}: script ran (${r.pwned})`);
    if (r.csp?.length) out.push(`${f.url()}: CSP violations: ${r.csp.join('; ')}`);
    if (r.storage) out.push(`${f.url()}: cookies or storage touched ${r.storage} times`);
  }
  for (const d of page.dialogs ?? []) out.push(`dialog opened: ${d}`);
  return out;
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(SHOTS, { recursive: true });
  // Sticky panels would be drawn where the scroll left them, mid-page.
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

/**
 * The bucket arrays as drawn by the <go-map-viz> `selector` names (the page's own by default):
 * per array, per chain, per bucket, the cells' tophash and key.
 */
export function shownArrays(page, selector = 'go-map-viz') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const read = (sel) => {
      const arr = root.querySelector(sel);
      if (!arr || arr.closest('[hidden]') || arr.hidden) return null;
      return [...arr.querySelectorAll('.chain')].map((chain) => ({
        index: Number(chain.dataset.index),
        buckets: [...chain.querySelectorAll('.bucket')].map((b) => [...b.querySelectorAll('.slot')].map((c) => ({
          t: Number(c.dataset.t),
          k: c.dataset.k ?? null,
          text: c.querySelector('.k').textContent,
        }))),
      }));
    };
    return { buckets: read('.array-new'), oldbuckets: read('.array-old') };
  }, selector);
}

/**
 * Adds a <go-map-viz id=`id`> with `attributes` ([name, value] pairs, set in order) to the
 * element `parent` names and waits for its first `ready`. window.__vizReady[id] counts its
 * `ready` events, so a test can tell that a change rebuilt nothing.
 */
export async function addViz(page, id, attributes, parent = 'body') {
  await page.evaluate(([vizId, attrs, parentSelector]) => {
    const el = document.createElement('go-map-viz');
    el.id = vizId;
    for (const [name, value] of attrs) el.setAttribute(name, value);
    window.__vizReady = { ...window.__vizReady, [vizId]: 0 };
    el.addEventListener('ready', () => window.__vizReady[vizId]++);
    document.querySelector(parentSelector).append(el);
  }, [id, attributes, parent]);
  await page.waitForFunction((vizId) => window.__vizReady[vizId] >= 1, id);
}

/** The header fields as drawn. */
export function shownHeader(page) {
  return page.evaluate(() => {
    const root = document.querySelector('go-map-viz').shadowRoot;
    const out = {};
    for (const f of root.querySelectorAll('.field')) {
      const name = [...f.classList].find((c) => c.startsWith('field-') && c !== 'field-value')?.slice(6);
      const dd = f.querySelector('dd');
      out[name] = name === 'flags' ? dd.firstChild.textContent : dd.textContent;
    }
    return out;
  });
}

/** The map's own state at this moment, read from the page's session. */
export function coreState(page) {
  return page.evaluate(() => window.goMapPlayground.app.player.map.state());
}

/**
 * Checks that drawn chains equal a dump's (the CLI's {s:[{t,k}]} chains or
 * state()'s {t:[], k:[]} buckets). Returns a list of differences.
 */
export function compareChains(shown, expected, what) {
  const diffs = [];
  if (!expected) {
    if (shown) diffs.push(`${what}: drawn but absent in the map`);
    return diffs;
  }
  if (!shown) return [`${what}: not drawn`];
  const byIndex = new Map(shown.map((c) => [c.index, c]));
  expected.forEach((chain, i) => {
    const got = byIndex.get(i);
    if (!got) {
      diffs.push(`${what}[${i}] not drawn`);
      return;
    }
    if (got.buckets.length !== chain.length) diffs.push(`${what}[${i}]: ${got.buckets.length} buckets drawn, ${chain.length} in the map`);
    chain.forEach((b, pos) => {
      for (let s = 0; s < 8; s++) {
        const t = b.s ? b.s[s].t : b.t[s];
        const k = b.s ? (b.s[s].k ?? null) : (t >= 5 ? b.k[s] : null);
        const cell = got.buckets[pos]?.[s];
        if (!cell) continue;
        if (cell.t !== t) diffs.push(`${what}[${i}].${pos}.${s}: tophash ${cell.t} drawn, ${t} in the map`);
        if (t >= 5 && cell.k !== String(k)) diffs.push(`${what}[${i}].${pos}.${s}: key ${cell.k} drawn, ${k} in the map`);
      }
    });
  });
  return diffs;
}

/** Drawn vs the page's own map.state() at this moment. */
export async function drawnEqualsState(page) {
  const [shown, state] = await Promise.all([shownArrays(page), coreState(page)]);
  return [
    ...compareChains(shown.buckets, state.buckets, 'buckets'),
    ...compareChains(shown.oldbuckets, state.oldbuckets, 'oldbuckets'),
  ];
}

/** Runs scenario text through the gomap CLI; returns its JSON lines. */
export function cliDumps(text) {
  const out = execFileSync(CLI, ['-'], { input: text, maxBuffer: 1 << 30 });
  return String(out).split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** The page's scenario box text (the whole history). */
export function scenarioText(page) {
  return page.locator('#scenario').inputValue();
}

/** Waits until the player has stopped playing. */
export async function pause(page) {
  await page.evaluate(() => window.goMapPlayground.app.pause());
}

export function frame(page) {
  return page.evaluate(() => {
    const f = window.goMapPlayground.app.player.frame();
    return { position: f.position, total: f.total, op: f.op, step: f.step, phase: f.phase, e: f.event?.e ?? null, kind: f.kind ?? null };
  });
}

/** A new map from the form: its type (Enter applies it), a seed when given, then New map. */
export async function newMap(page, mapType, { seed } = {}) {
  const type = page.getByLabel('Map type', { exact: true });
  await type.fill(mapType);
  await type.press('Enter');
  if (seed !== undefined) await page.getByLabel('Seed (hash0)').fill(String(seed));
  await page.getByRole('button', { name: 'New map' }).click();
}

/** Fill with n keys through the form. */
export async function fillKeys(page, n) {
  await page.getByLabel('Fill with N keys').fill(String(n));
  await page.getByRole('button', { name: 'Fill', exact: true }).click();
}

/** Runs scenario text from the box and waits until the history holds `operations` and the page is idle. */
export async function runScenario(page, text, operations) {
  await page.getByLabel('Scenario text').fill(text);
  await page.getByRole('button', { name: 'Run scenario' }).click();
  await page.waitForFunction((n) => window.goMapPlayground.app.player?.history.length === n && !window.goMapPlayground.app.busy,
    operations, { timeout: 120000 });
}

/** What a refused input must leave as it was: the map, the history, the position, the scenario. */
export function playerSnapshot(page) {
  return page.evaluate(() => {
    const p = window.goMapPlayground.app.player;
    return JSON.stringify({ state: p.map.state(), ops: p.history.length, position: p.position, scenario: p.scenarioText() });
  });
}

/**
 * The page's height once it holds: the embed page draws its timeline in
 * slices, so this waits until the body's height stays the same for a second
 * (polled every 250 ms, 20 s at the most).
 */
export async function settledHeight(page) {
  let height = -1;
  for (let same = 0, i = 0; same < 4 && i < 80; i++) {
    await page.waitForTimeout(250);
    const h = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    same = h === height ? same + 1 : 0;
    height = h;
  }
  return height;
}

/** To the end of the history with the End key (harmless if already there). */
export async function toEnd(page) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('End');
}

/**
 * Runs `steps(page, requested)` on a fresh page that owns what its flow started (servers, an
 * installed package, scratch folders): `stop` runs when the page closes, and a failing flow
 * closes the page itself (run.mjs closes only a page that is returned, and a live server would
 * keep the process alive). Console errors, page errors, failed requests and HTTP errors are
 * collected in page.consoleErrors and, on a failure, added to the error's stack; `requested`
 * lists every URL the page asked for. Resolves to the page, for run.mjs to close.
 */
export async function runOnOwnedPage(env, stop, steps) {
  const page = await env.context.newPage();
  const closePage = page.close.bind(page);
  page.close = async () => {
    await closePage();
    await stop();
  };
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.consoleErrors = errors;
  try {
    await steps(page, requested);
  } catch (err) {
    await page.close();
    if (errors.length) err.stack = `${err.stack}\n  console: ${errors.join('\n  console: ')}`;
    throw err;
  }
  return page;
}

/**
 * Runs `steps(page, host)` on a fresh page for the host site
 * (startHostServer): console errors are collected as openPage does, the
 * server stops when the page closes, and a failing flow closes the page
 * itself (run.mjs closes only a page that is returned, and the server would
 * keep the process alive). Resolves to the page, for run.mjs to close.
 */
export async function runOnHostPage(env, steps) {
  const host = await startHostServer(env.url);
  const page = await env.context.newPage();
  const closePage = page.close.bind(page);
  page.close = async () => {
    await closePage();
    host.stop();
  };
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.consoleErrors = errors;
  try {
    await steps(page, host);
  } catch (err) {
    await page.close();
    throw err;
  }
  return page;
}

/**
 * A host page on another site: tests/e2e/fixtures served from
 * http://localhost:<port>/ while the playground is on 127.0.0.1, with
 * __DIST__ in its files replaced by the playground's URL. It sends its own
 * strict CSP, which lets in exactly what embedding the element needs from
 * the playground's origin.
 */
export async function startHostServer(distUrl) {
  const { createServer: createHttp } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const dist = new URL(distUrl).origin;
  const csp = `default-src 'self'; script-src 'self' ${dist} 'wasm-unsafe-eval'; style-src 'self' ${dist}; ` +
    `connect-src 'self' ${dist}; frame-src ${dist}; img-src 'self' data: blob:`;
  const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const dir = join(ROOT, 'tests/e2e/fixtures');
  const server = createHttp(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'host.html';
    const ext = name.slice(name.lastIndexOf('.'));
    if (!/^[a-z-]+\.(html|mjs|css)$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const text = (await readFile(join(dir, name), 'utf8')).replaceAll('__DIST__', distUrl);
      res.writeHead(200, { 'Content-Type': types[ext], 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache' });
      res.end(text);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise((res) => server.listen(port, '127.0.0.1', res));
  return { url: `http://localhost:${port}/`, stop: () => server.close() };
}

/** The page's address once it has stopped changing (it follows the moment shown after a short delay). */
export async function settledHash(page, { every = 400 } = {}) {
  let last = null;
  for (;;) {
    await page.waitForTimeout(every);
    const now = await page.evaluate(() => location.hash);
    if (now === last) return now;
    last = now;
  }
}

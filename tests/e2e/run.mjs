// The browser end-to-end suite: a few long flows a person takes through the
// playground, on Debian's Chromium. Each flow checks that what the page
// draws equals the map's bytes (the page's session and, independently, the
// gomap CLI replaying the page's scenario), and that the console stayed
// clean. Screenshots land in tests/e2e/screenshots/ for people to look at.
// Ends with one line: "N passed, N failed".
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser } from './harness.mjs';

const only = process.argv[2];
const dir = join(import.meta.dirname, 'flows');
const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();

let passed = 0;
let failed = 0;
const server = await startServer();
const browser = await launchBrowser();
const env = { url: server.url, context: browser.context };
try {
  for (const file of files) {
    const flow = await import(join(dir, file));
    if (only && !file.includes(only)) continue;
    const t0 = performance.now();
    let page = null;
    try {
      page = await flow.run(env);
      const errors = page?.consoleErrors ?? [];
      if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
      passed++;
      console.log(`ok - ${flow.name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      console.log(`not ok - ${flow.name}\n  ${String(err.stack ?? err).split('\n').slice(0, 8).join('\n  ')}`);
    } finally {
      await page?.close().catch(() => {});
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

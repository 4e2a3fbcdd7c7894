// Diagnostic (not a test): opens the playground at a fragment, clicks Fill N and prints the
// renderer's RSS each second. Reproduces the renderer death on a 300k fill with a non-empty
// history: node tests/e2e/tools/fill-memory.mjs '#v=1&type=map[int64]int64&ops=set+1' 300000
import { execSync } from 'node:child_process';
import { startServer, launchBrowser, openPage } from '../harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const env = { url: server.url, context: browser.context };
const page = await openPage(env, { path: process.argv[2] ?? '' });
const rss = () => execSync("ps -eo rss,args | grep 'type=renderer' | grep -v grep | sort -n | tail -1 | awk '{print int($1/1024)}'").toString().trim();
console.log('start', rss());
await page.getByLabel('Fill with N keys').fill(process.argv[3] ?? '300000');
await page.getByRole('button', { name: 'Fill', exact: true }).click();
for (let i = 0; i < 25; i++) {
  await page.waitForTimeout(1000);
  try { const s = await page.evaluate(() => [window.goMapPlayground.app.busy, window.goMapPlayground.app.player.map.header().count, location.hash.length]); console.log(i, JSON.stringify(s), rss(), 'MB'); if (!s[0] && i > 3) break; } catch (e) { console.log('ERR', e.message.slice(0, 80)); break; }
}
await browser.close(); process.exit(0);

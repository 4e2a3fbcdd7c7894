// The go-map-viz package as a blogger meets it: packed from dist/package/,
// installed from the tarball into a scratch folder (npm, offline: a local
// tarball without dependencies needs no registry), served the way jsDelivr
// and unpkg serve a package (/go-map-viz@<version>/<file>, CORS, immutable
// caching), and small static servers for host pages with their own
// Content-Security-Policy. Used by the package, blog and sub-path flows and
// by package-bench.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './harness.mjs';
import { insideRoot } from '../../scripts/offline/inside-root.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

/**
 * The package built from the site in dist/ into a private folder
 * (scripts/build-package.mjs --out), packed with npm pack, and the tarball
 * installed with npm into a new scratch folder. Returns the folder, the
 * tarball, the installed package's path and its version.
 */
export function installPackage() {
  if (!existsSync(join(ROOT, 'dist/go-map-viz.js'))) throw new Error('dist/ has no site: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'gomap-pkg-'));
  const built = join(dir, 'built');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-package.mjs'), '--out', built], { stdio: ['ignore', 'ignore', 'inherit'] });
  const { version } = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
  const npm = (args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  npm(['pack', built, '--pack-destination', dir]);
  const tarball = join(dir, `go-map-viz-${version}.tgz`);
  if (!existsSync(tarball)) throw new Error(`npm pack did not write go-map-viz-${version}.tgz`);
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  npm(['install', '--offline', '--no-save', tarball]);
  const installed = join(dir, 'node_modules/go-map-viz');
  if (!existsSync(join(installed, 'go-map-viz.js'))) throw new Error('the installed package has no go-map-viz.js');
  return { dir, tarball, installed, version, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A static server on 127.0.0.1 or localhost (two names: two origins).
 * mounts: [[urlPrefix, folder]], longest first; headers(file) → extra headers.
 * Records every request (path, status) in `requests`.
 */
export async function startStatic({ host = '127.0.0.1', mounts, headers = () => ({}) }) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = (() => {
      try {
        return decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return null;
      }
    })();
    const mount = path && mounts.find(([prefix]) => path.startsWith(prefix));
    let status;
    try {
      if (!mount || path.includes('\0')) throw new Error('not found');
      const [prefix, folder] = mount;
      let file = normalize(join(folder, path.slice(prefix.length)));
      if (!insideRoot(folder, file)) throw new Error('not found');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      status = 200;
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(file) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      // A missing file is a 404; anything else is this server's bug, and says so.
      status = err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.message === 'not found' ? 404 : 500;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 404 ? 'not found\n' : `${err.stack}\n`);
    }
    requests.push({ path, status });
  });
  await new Promise((res) => server.listen(0, host, res));
  const url = `http://${host}:${server.address().port}`;
  return { url, origin: url, requests, stop: () => new Promise((res) => server.close(res)) };
}

/** The installed package as a CDN serves it: /go-map-viz@<version>/…, CORS, cached for good. */
export function startCdn(installed, version) {
  return startStatic({
    host: '127.0.0.1',
    mounts: [[`/go-map-viz@${version}/`, installed]],
    headers: () => ({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
  });
}

/** The Content-Security-Policy of a strict host page that embeds from `cdn` (an origin). */
export function strictCsp(cdn) {
  return `default-src 'none'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; style-src 'self' ${cdn}; ` +
    `connect-src ${cdn}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/** A host site on localhost from a folder, every response with the given CSP. */
export function startHost(folder, csp) {
  return startStatic({ host: 'localhost', mounts: [['/', folder]], headers: () => ({ 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache' }) });
}

/** A scratch folder with these files (name → text). */
export function scratchSite(files) {
  const dir = mkdtempSync(join(tmpdir(), 'gomap-host-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a folder (for the blog's sources). */
export function copyFolder(from, to, filter = () => true) {
  cpSync(from, to, { recursive: true, filter });
}

// A small static file server for the built site (dist/), on localhost only.
// No dependencies: the playground is static files and needs nothing more.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { insideRoot } from './offline/inside-root.mjs';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
// The same strict policy the hardening tests check the site works under.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

const notFound = () => Object.assign(new Error('not found'), { code: 'ENOENT' });

const server = createServer(async (req, res) => {
  try {
    // Static files only: reading is all this server does.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume(); // drain the body unread, so the reply reaches the client
      res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD', Connection: 'close' });
      res.end('method not allowed\n');
      return;
    }
    let path;
    try {
      // The request's path as sent: resolved against a base, "//x/y" would
      // name a host "x" and serve "/y" instead.
      path = decodeURIComponent(new URL(`http://localhost${req.url.startsWith('/') ? '' : '/'}${req.url}`).pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('bad request\n');
      return;
    }
    if (path.includes('\0')) throw notFound();
    let file = normalize(join(root, path));
    // Inside dist/ itself: "/..%2fdist-private/x" must not reach a sibling.
    if (!insideRoot(root, file)) throw notFound();
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
      // go-map-viz.js may be embedded by pages on other sites: module
      // scripts and the wasm fetch are CORS requests. Nothing here is
      // private and no cookie is ever set, so any origin may read it.
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    const missing = err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'EISDIR';
    res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' });
    res.end(missing ? 'not found\n' : 'server error\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  // The port actually bound (PORT=0 picks a free one, as the tests do).
  console.log(`Go Map Playground: http://localhost:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`);
});

// The dev server (scripts/serve.mjs) and the offline builder
// (scripts/build-offline.mjs, scripts/offline/bundle.mjs) read files from
// dist/ and nothing else: a sibling folder whose name merely starts with
// "dist" stays out of reach, and the server only reads (405 for writes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insideRoot } from '../../scripts/offline/inside-root.mjs';
import { bundle } from '../../scripts/offline/bundle.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SECRET = 'private: never served';

let dir;
let server;
let base;

function makeSite() {
  dir = mkdtempSync(join(tmpdir(), 'gomap-serve-'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'dist-private'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>site</title>');
  writeFileSync(join(dir, 'dist-private', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
}

// A raw request: the path goes out exactly as written (no URL clean-up).
function fetchRaw(method, path) {
  return new Promise((resolveReq, reject) => {
    const req = request(`${base}`, { method, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolveReq({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (method !== 'GET' && method !== 'HEAD') req.write('payload');
    req.end();
  });
}

before(async () => {
  makeSite();
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), join(dir, 'dist')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise((ok, fail) => {
    let out = '';
    server.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/http:\/\/localhost:(\d+)\//);
      if (m) ok(`http://127.0.0.1:${m[1]}`);
    });
    server.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
});

after(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the server serves dist/ to GET and HEAD', async () => {
  const get = await fetchRaw('GET', '/index.html');
  assert.equal(get.status, 200);
  assert.match(get.body, /<title>site<\/title>/);
  const head = await fetchRaw('HEAD', '/');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('the server answers 405 to every method that would write, without the file', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = await fetchRaw(method, '/index.html');
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD', method);
    assert.doesNotMatch(r.body, /<title>/, method);
  }
});

test('the server refuses every path outside dist/, siblings named dist-… included', async () => {
  for (const path of [
    '/..%2fdist-private/secret.txt',
    '/../dist-private/secret.txt',
    '/%2e%2e/dist-private/secret.txt',
    '/..%2f..%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5cdist-private%5csecret.txt',
    '/index.html%00.txt',
  ]) {
    const r = await fetchRaw('GET', path);
    assert.equal(r.status, 404, path);
    assert.ok(!r.body.includes(SECRET), path);
  }
  // A path starting with two slashes is a path, not a host: "//x/index.html"
  // is not the site's /index.html.
  for (const path of ['//wasm/', '//x/index.html', '//index.html/']) {
    const r = await fetchRaw('GET', path);
    assert.equal(r.status, 404, path);
  }
  const bad = await fetchRaw('GET', '/%E0%A4%A');
  assert.equal(bad.status, 400, 'a malformed escape is a bad request, not a server error');
});

test('insideRoot needs a separator after the folder', () => {
  assert.ok(insideRoot('/site/dist', '/site/dist'));
  assert.ok(insideRoot('/site/dist', '/site/dist/a/b.css'));
  assert.ok(insideRoot('/site/dist', '/site/dist/..notes.txt'), 'a name that starts with two dots is inside');
  assert.ok(!insideRoot('/site/dist', '/site/dist-private/x'));
  assert.ok(!insideRoot('/site/dist', '/site/distx'));
  assert.ok(!insideRoot('/site/dist', '/site'));
  assert.ok(!insideRoot('/site/dist', '/site/dist/../dist-private/x'));
});

test('the offline builder refuses a sheet from a sibling folder named dist-…', () => {
  writeFileSync(join(dir, 'dist-private', 's.css'), `/* ${SECRET} */`);
  const page = join(dir, 'dist', 'index.html');
  writeFileSync(page, '<!doctype html><html><head><link rel="stylesheet" href="../dist-private/s.css"></head><body></body></html>');
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-offline.mjs')], {
      env: { ...process.env, GOMAP_DIST: join(dir, 'dist') },
      encoding: 'utf8',
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /\.\.\/dist-private\/s\.css is outside the site/);
  } finally {
    writeFileSync(page, '<!doctype html><title>site</title>');
  }
});

test('the offline bundler refuses a module outside its root', async () => {
  writeFileSync(join(dir, 'dist-private', 'm.mjs'), 'export const secret = 1;\n');
  writeFileSync(join(dir, 'dist', 'entry.mjs'), "import { secret } from '../dist-private/m.mjs';\nconsole.log(secret);\n");
  await assert.rejects(bundle(join(dir, 'dist', 'entry.mjs'), { root: join(dir, 'dist') }), /dist-private\/m\.mjs is outside/);
  // Without the sibling import the same entry bundles.
  writeFileSync(join(dir, 'dist', 'entry.mjs'), 'console.log(1);\n');
  const { files } = await bundle(join(dir, 'dist', 'entry.mjs'), { root: join(dir, 'dist') });
  assert.equal(files.length, 1);
});

// tools/serve.js: the demo / test server (no browser needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, resolvePath, STRICT_CSP } from '../../tools/serve.js';

let plain;
let strict;
before(async () => {
  plain = await startServer({ port: 0 });
  strict = await startServer({ port: 0, csp: true });
});
after(async () => {
  await plain.close();
  await strict.close();
});

// Raw request: fetch() would normalise "/../" away before it reaches the server.
function get(base, path) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    http
      .get({ hostname, port, path }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

test('/ is the demo page; content types are right', async () => {
  const home = await get(plain.url, '/');
  assert.equal(home.status, 200);
  assert.match(home.headers['content-type'], /^text\/html/);
  assert.match(home.body, /<article-widget src="\/examples\/la-la-land.json">/);
  for (const [path, type] of [
    ['/web/dist/article-widget.js', /^text\/javascript/],
    ['/web/article-widget.css', /^text\/css/],
    ['/examples/la-la-land.json', /^application\/json/],
    ['/web/dist/article-widget-core.wasm', /^application\/wasm$/],
    ['/web/dist/article-widget-core.mjs', /^text\/javascript/],
    ['/docs/screenshot.png', /^image\/png$/],
  ]) {
    const r = await get(plain.url, path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers['content-type'], type, path);
  }
  assert.equal(home.headers['content-security-policy'], undefined);
});

test('no directory listings, no path traversal, 404 for missing files', async () => {
  assert.equal((await get(plain.url, '/web/')).status, 404);
  assert.equal((await get(plain.url, '/examples')).status, 404);
  assert.equal((await get(plain.url, '/nope.html')).status, 404);
  for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/web/..%2f..%2f..%2fetc/passwd', '/a%00b']) {
    const r = await get(plain.url, path);
    assert.ok(r.status === 403 || r.status === 404, `${path} → ${r.status}`);
    assert.doesNotMatch(r.body, /root:/);
  }
  assert.equal(resolvePath('/srv/site', '/../x'), '/srv/site/x');
  assert.equal(resolvePath('/srv/site', '/%E0%A4%A'), null);
});

test('--csp sends the strict policy with Trusted Types', async () => {
  const r = await get(strict.url, '/');
  assert.equal(r.headers['content-security-policy'], STRICT_CSP);
  assert.match(STRICT_CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(STRICT_CSP, /require-trusted-types-for 'script'; trusted-types article-widget/);
});

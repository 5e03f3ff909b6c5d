#!/usr/bin/env node
// Tiny dependency-free static server for the demo and the browser tests.
//   node tools/serve.js [--port 8080] [--host 127.0.0.1] [--csp]      (PORT env overrides --port)
// Serves the repository root; `/` is examples/index.html. No directory listings, no path traversal.
// `--csp` adds the strict policy a publisher is expected to run the widget under (issue 4).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types article-widget";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Maps a request path to a file inside root, or null when it would leave root. */
export function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded === '/') decoded = '/examples/index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * `hooks` is for the browser tests, which run the server in their own process and need what
 * request interception gives in one engine only, in every engine:
 *   respond(req, urlPath) → undefined (serve the file) | { status, body, headers } | { file,
 *     status, headers } (a file of the repository) | 'abort' (may be async: a held response);
 *   html(text) → the HTML page as sent (e.g. with a test's recorder script first in it);
 *   served(urlPath, status) once a response is sent.
 */
export function startServer({ port = 0, host = '127.0.0.1', root = REPO_ROOT, csp = false, hooks = {} } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (csp) common['Content-Security-Policy'] = STRICT_CSP;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', { ...common, Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = new URL(req.url, 'http://x').pathname;
    if (hooks.served) res.on('finish', () => hooks.served(urlPath, res.statusCode));
    const hooked = hooks.respond && (await hooks.respond(req, urlPath));
    if (hooked === 'abort') {
      req.socket.destroy(); // what a client sees as a network error
      return;
    }
    const file = hooked?.file ? path.resolve(absRoot, hooked.file) : resolvePath(absRoot, urlPath);
    const { 'content-type': hookedType, ...extra } = hooked?.headers ?? {}; // (lower-case names)
    if (hooked && !hooked.file) {
      const type = hookedType ?? 'text/plain; charset=utf-8';
      const body = type.startsWith('text/html') && hooks.html ? hooks.html(hooked.body ?? '') : hooked.body ?? '';
      res.writeHead(hooked.status ?? 200, { ...common, 'Content-Type': type, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (!file) {
      send(res, 403, 'Forbidden\n', common);
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        send(res, 404, 'Not found\n', common); // directories too: no listings
        return;
      }
      const type = hookedType ?? TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const headers = { ...common, 'Content-Type': type, ...extra };
      if (hooks.html && type.startsWith('text/html')) {
        const body = hooks.html(fs.readFileSync(file, 'utf8'));
        res.writeHead(hooked?.status ?? 200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(hooked?.status ?? 200, { ...headers, 'Content-Length': stat.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${actual}/`,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8080, host: '127.0.0.1', csp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--csp') opts.csp = true;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node tools/serve.js [--port 8080] [--host 127.0.0.1] [--csp]');
      process.exit(0);
    } else {
      console.error(`serve: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (process.env.PORT) opts.port = Number(process.env.PORT);
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const opts = parseArgs(process.argv.slice(2));
  startServer(opts).then(
    ({ url }) => console.log(`serving ${REPO_ROOT} at ${url}${opts.csp ? ' (strict CSP)' : ''}`),
    (err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    },
  );
}

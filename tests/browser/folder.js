// A static server on a folder outside the repository and one Chromium, for the tests of what a
// publisher copies or builds (assets, site, package): before the file's first test, closed after
// its last. Pages collect every console error, page error and failed request in `problems`.
// Not a test file itself (node --test only runs *.test.js).
import { after, before } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.js';
import { CHROMIUM } from '../../tools/screenshot.js';

/** A static server on `root` (port 0): { url, close }. */
export function serve(root) {
  // Chromium asks every origin for /favicon.ico: a 404 would be a console error not of the page's making.
  writeFileSync(join(root, 'favicon.ico'), '');
  return startServer({ port: 0, root });
}

export function useFolder(root) {
  const env = { server: null, browser: null, url: (p) => new URL(p, env.server.url).href };
  before(async () => {
    env.server = await serve(root);
    env.browser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  /** A page in a fresh context: { page, problems, requests, close }. */
  env.newPage = async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const problems = [];
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    return { page, problems, requests, close: () => context.close() };
  };
  return env;
}

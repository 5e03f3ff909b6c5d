// The browser files as one folder, copied outside the repository as the README says (issue 15):
// found beside the script at any path; `article-widget assets --out DIR --hash` gives
// content-hashed names, a script pinned to its siblings' Subresource Integrity and the <head>
// tags; with those preloads the render chunk, the wasm and the stylesheet are fetched once; a file
// that does not match its integrity is the widget's error state, never a silent success (the render
// chunk too, which the script imports with import(): its modulepreload carries the integrity); a
// server-rendered page hydrates without fetching the render chunk or the wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForWidgets, problems, trustedTypesEnforced } from './harness.js';
import { forEachEngineOn } from './folder.js';
import { BROWSER_FILES } from '../../web/cli/assets.js';
import { loadWidget } from '../../web/index.js';
import { STRICT_CSP } from '../../tools/serve.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'aw-assets-'));
const bin = join(repo, 'web/bin/article-widget.js');
writeFileSync(join(root, 'article.json'), readFileSync(join(repo, 'examples/la-la-land.json')));

// 1. The folder as built, copied to a path of the publisher's choosing.
const plain = join(root, 'any/deep/path/aw');
mkdirSync(plain, { recursive: true });
for (const f of BROWSER_FILES) cpSync(join(repo, 'web/dist', f), join(plain, f));
// 2. The hashed, pinned copy and the tags the command prints for it.
const out = JSON.parse(execFileSync(process.execPath, [bin, 'assets', '--out', join(root, 'static'), '--hash', '--base', '/static/', '--json'], { encoding: 'utf8' }));
const page = (name, head, body = '<article-widget src="/article.json"></article-widget>') =>
  writeFileSync(join(root, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>\n${head.join('\n')}\n</head><body><main>${body}</main></body></html>`);
page('plain.html', ['<script type="module" src="/any/deep/path/aw/article-widget.js"></script>']);
page('hashed.html', out.head);
// The same preloads without `crossorigin`: their credentials mode differs from the widget's fetch.
page('no-crossorigin.html', out.head.map((t) => t.replace(' crossorigin ', ' ')));
// A server-rendered article (the element shell) with the tags for such a page: it hydrates.
const script = out.files.find((f) => /^article-widget\.[0-9a-f]+\.js$/.test(f.file));
const css = out.files.find((f) => /^article-widget\.[0-9a-f]+\.css$/.test(f.file));
const ssr = (await loadWidget()).render(readFileSync(join(repo, 'examples/la-la-land.json'), 'utf8'), {
  shell: 'element', src: '/article.json', stylesheetHref: `/static/${css.file}`, stylesheetIntegrity: css.integrity,
});
page('ssr.html', out.headServerRendered, ssr.html);

const IMMUTABLE = 'public, max-age=31536000, immutable';

forEachEngineOn(root, (env) => {
  /** Opens `path` with the widget's error events recorded; setup(page) runs first (routes). */
  async function open(path, setup = () => {}, { cacheable = true } = {}) {
    const p = await env.newPage();
    p.addInitScript(() => {
      window.__awErrorEvents = [];
      document.addEventListener('article-widget:error', (e) => window.__awErrorEvents.push(JSON.parse(JSON.stringify(e.detail))));
    });
    setup(p);
    // The hashed files served as the README says: cacheable for good (Firefox reuses a preload
    // only through its HTTP cache: with the test server's no-store it fetched the wasm twice).
    if (cacheable) p.route('**/static/*', (req) => ({ path: new URL(req.url, 'http://x').pathname.slice(1), headers: { 'Cache-Control': IMMUTABLE } }));
    await p.goto(env.url(path));
    await waitForWidgets(p);
    p.errorEvents = () => p.evaluate(() => window.__awErrorEvents);
    return p;
  }

  const styledKicker = (p) =>
    p.locator('article-widget').getByText('Ending Explained', { exact: true }).evaluate((k) => getComputedStyle(k).textTransform);
  const count = (p, suffix) => p.requests().filter((r) => r.endsWith(suffix)).length;

  test('the folder copied anywhere: the script finds the wasm and the stylesheet beside it', async () => {
    const p = await open('/plain.html');
    assert.equal(await styledKicker(p), 'uppercase');
    assert.deepEqual(await problems(p), []);
    assert.deepEqual(await p.errorEvents(), []);
    assert.equal(count(p, '/any/deep/path/aw/article-widget-core.wasm'), 1);
    assert.equal(count(p, '/any/deep/path/aw/article-widget.css'), 1);
    await p.close();
  });

  test('hashed names, integrity and preloads: every file fetched once, verified, no console error', async () => {
    const names = out.files.map((f) => f.file);
    assert.equal(names.length, 5);
    for (const n of names) assert.match(n, /^article-widget(-core|-render|\.light)?\.[0-9a-f]{16}\.(js|wasm|css)$/);
    const p = await open('/hashed.html');
    assert.equal(await styledKicker(p), 'uppercase');
    assert.deepEqual(await problems(p), []);
    assert.deepEqual(await p.errorEvents(), []);
    for (const n of names) {
      // WebKitGTK 2.50 does not use the wasm's preload for the widget's fetch (crossorigin,
      // integrity and caching as above): it asks twice. Recorded, so that a change is noticed.
      // The light stylesheet is light mode's (dom="light"): a page in shadow mode never asks for it.
      const times = n.includes('.light.') ? 0 : env.is('webkit') && n.endsWith('.wasm') ? 2 : 1;
      assert.equal(count(p, `/static/${n}`), times, `${n} fetched ${count(p, `/static/${n}`)} times`);
    }
    await p.close();
  });

  test('under the strict CSP with Trusted Types (docs/SECURITY.md): the pinned chunk loads, no violation', async () => {
    const p = await open('/hashed.html', (page) => {
      page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      page.route('**/hashed.html', () => ({ path: 'hashed.html', headers: { 'Content-Security-Policy': STRICT_CSP } }));
    });
    assert.equal(await styledKicker(p), 'uppercase');
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    assert.deepEqual(await problems(p), []);
    assert.equal(await trustedTypesEnforced(p), true, 'the policy is enforced in this page');
    await p.close();
  });

  test('a preload whose credentials mode differs is not used: the wasm is fetched twice (why the README says crossorigin)', async () => {
    // Served uncacheable (the test server's no-store), so no HTTP cache hides it.
    const p = await open('/no-crossorigin.html', undefined, { cacheable: false });
    assert.equal(await styledKicker(p), 'uppercase');
    const wasm = out.files.find((f) => f.file.endsWith('.wasm')).file;
    assert.equal(count(p, `/static/${wasm}`), 2);
    await p.close();
  });

  const CONTENT_TYPES = { '.css': 'text/css', '.wasm': 'application/wasm', '.js': 'text/javascript' };
  for (const [ext, kind, code, which = ext] of [
    ['.wasm', 'core', 'core-load-failed'],
    ['.css', 'stylesheet', 'stylesheet-failed'],
    // Imported with import(), which carries no integrity: the script's modulepreload does.
    ['.js', 'core', 'core-load-failed', 'render chunk'],
  ]) {
    test(`a ${which} file that does not match its integrity is the error state (${kind})`, async () => {
      const file = out.files.find((f) => f.file.endsWith(ext) && (ext !== '.js' || f.file.includes('-render.'))).file;
      const p = await open('/hashed.html', (page) =>
        page.route(`**/static/${file}`, () => {
          const body = readFileSync(join(root, 'static', file));
          if (ext !== '.js') body[body.length - 1] ^= 1; // one bit changed, as a tampered mirror would
          // The chunk: code added, which must never run.
          return { body: ext === '.js' ? Buffer.concat([body, Buffer.from('\nwindow.__awTampered = true;\n')]) : body, contentType: CONTENT_TYPES[ext] };
        }),
      );
      assert.equal(await p.locator('article-widget').locator('.aw-article').count(), 0, 'the article was shown anyway');
      assert.equal(await p.locator('article-widget').getByRole('alert').count(), 1);
      const errors = await p.errorEvents();
      assert.equal(errors.length, 1);
      assert.equal(errors[0].kind, kind);
      assert.equal(errors[0].errors[0].code, code);
      // Nothing of the tampered chunk ran: the core is not loaded.
      if (ext === '.js') assert.equal(await p.evaluate(() => typeof window.__awTampered), 'undefined');
      await p.close();
    });
  }

  test('a server-rendered page with the hashed files hydrates without fetching the render chunk or the wasm', async () => {
    const p = await open('/ssr.html');
    await p.locator('article-widget').locator('article.aw-article[data-aw-live]').waitFor({ state: 'attached' });
    await p.getByRole('button', { name: 'Show all spoilers' }).click();
    await p.getByText('five-year-later epilogue').waitFor();
    const fetched = p.requests().filter((r) => r.startsWith('/static/') || r.endsWith('.json'));
    assert.deepEqual(fetched.sort(), [`/static/${css.file}`, `/static/${script.file}`].sort());
    assert.deepEqual(await problems(p), []);
    await p.close();
  });
});

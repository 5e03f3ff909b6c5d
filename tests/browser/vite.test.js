// Where publishers already work (issue 15): examples/vite/, copied outside the repository with the
// packed package installed, built by Vite (the root's pinned devDependency) once, and loaded in
// every engine. Vite must have found the wasm and the stylesheet through the bundle's
// `new URL('./…', import.meta.url)` and emitted them, hashed, beside its own script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { pack, installInto, repo, run } from '../pack.js';
import { problems } from './harness.js';
import { forEachEngineOn } from './folder.js';

const { work, tarball } = pack('aw-vite-');
const project = join(work, 'examples/vite');
installInto(project, tarball);
for (const f of ['index.html', 'main.js']) cpSync(join(repo, 'examples/vite', f), join(project, f));
cpSync(join(repo, 'examples/la-la-land.json'), join(work, 'examples/la-la-land.json'));
run(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], project);
const built = readdirSync(join(project, 'dist/assets'));

test('vite build emits the wasm and the stylesheet beside its script, content-hashed', () => {
  assert.equal(built.filter((f) => /^article-widget-core-[\w-]+\.wasm$/.test(f)).length, 1, built.join(' '));
  assert.equal(built.filter((f) => /^article-widget-[\w-]+\.css$/.test(f)).length, 1, built.join(' '));
  const script = built.find((f) => /^index-[\w-]+\.js$/.test(f));
  const text = readFileSync(join(project, 'dist/assets', script), 'utf8');
  assert.ok(text.includes('La La Land'), 'the article JSON is bundled');
});

forEachEngineOn(join(project, 'dist'), (env) => {
  /** The article rendered, styled, by the page at `url`. */
  async function renders(page, url) {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.rendered === 'true', null, { timeout: 30000 });
    const kicker = page.locator('article-widget').getByText('Ending Explained', { exact: true });
    assert.equal(await kicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase');
  }

  test('the page Vite built renders the article, styled, with no console error or failed request', async () => {
    const page = await env.newPage();
    await renders(page, env.url('/index.html'));
    assert.ok(page.requests().some((r) => /^\/assets\/article-widget-core-[\w-]+\.wasm$/.test(r)), page.requests().join(' '));
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.getByText('five-year-later epilogue').waitFor();
    assert.deepEqual(await problems(page), []);
    await page.close();
  });

  test('the dev server (vite, no configuration) serves the same page working', async () => {
    writeFileSync(join(project, 'favicon.ico'), ''); // browsers ask for it
    // No configuration but the test's recorder of errors, first in the page as in every test page.
    const recorder = { name: 'aw-test-recorder', transformIndexHtml: () => [{ tag: 'script', attrs: { src: env.url('/__aw/init.js') }, injectTo: 'head-prepend' }] };
    const dev = await createServer({ root: project, configFile: false, logLevel: 'warn', plugins: [recorder], server: { port: 0, host: '127.0.0.1' } });
    await dev.listen();
    const page = await env.newPage();
    try {
      await renders(page, dev.resolvedUrls.local[0]);
      assert.deepEqual(await problems(page), []);
    } finally {
      await page.close();
      await dev.close();
    }
  });
});

// Where publishers already work (issue 15): examples/vite/, copied outside the repository with the
// packed package installed, built by Vite (the root's pinned devDependency) and loaded in
// Chromium. Vite must have found the wasm and the stylesheet through the bundle's
// `new URL('./…', import.meta.url)` and emitted them, hashed, beside its own script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { pack, installInto, repo, run } from '../pack.js';
import { useFolder } from './folder.js';

const { work, tarball } = pack('aw-vite-');
const project = join(work, 'examples/vite');
installInto(project, tarball);
for (const f of ['index.html', 'main.js']) cpSync(join(repo, 'examples/vite', f), join(project, f));
cpSync(join(repo, 'examples/la-la-land.json'), join(work, 'examples/la-la-land.json'));
run(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], project);
const built = readdirSync(join(project, 'dist/assets'));
const env = useFolder(join(project, 'dist'));

test('vite build emits the wasm and the stylesheet beside its script, content-hashed', () => {
  assert.equal(built.filter((f) => /^article-widget-core-[\w-]+\.wasm$/.test(f)).length, 1, built.join(' '));
  assert.equal(built.filter((f) => /^article-widget-[\w-]+\.css$/.test(f)).length, 1, built.join(' '));
  const script = built.find((f) => /^index-[\w-]+\.js$/.test(f));
  const text = readFileSync(join(project, 'dist/assets', script), 'utf8');
  assert.ok(text.includes('La La Land'), 'the article JSON is bundled');
});

test('the page Vite built renders the article, styled, with no console error or failed request', async () => {
  const { page, problems, requests, close } = await env.newPage();
  await page.goto(env.url('/index.html'));
  await page.waitForFunction(() => document.body.dataset.rendered === 'true', null, { timeout: 15000 });
  const kicker = page.locator('article-widget').getByText('Ending Explained', { exact: true });
  assert.equal(await kicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase');
  assert.ok(requests.some((r) => /^\/assets\/article-widget-core-[\w-]+\.wasm$/.test(r)), requests.join(' '));
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  await page.getByText('five-year-later epilogue').waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('the dev server (vite, no configuration) serves the same page working', async () => {
  writeFileSync(join(project, 'favicon.ico'), ''); // Chromium asks for it
  const dev = await createServer({ root: project, configFile: false, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await dev.listen();
  const { page, problems, close } = await env.newPage();
  try {
    await page.goto(dev.resolvedUrls.local[0]);
    await page.waitForFunction(() => document.body.dataset.rendered === 'true', null, { timeout: 30000 });
    const kicker = page.locator('article-widget').getByText('Ending Explained', { exact: true });
    assert.equal(await kicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase');
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await dev.close();
  }
});

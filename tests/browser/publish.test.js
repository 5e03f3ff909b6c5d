// Done when (issue 15): a developer who has never seen the project installs the packed tarball
// into an empty folder outside the repository and, following only the README ("Publish from npm"),
// validates, renders, builds a site of articles and embeds one in a page served from another
// folder. The README's command lines are run as written (the one substitution: `npm install
// article-widget` installs the tarball); each step is a test, run once; the pages are then loaded
// in every engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from '../pack.js';
import { docBlocks, keyOf } from '../node/lib/doc-blocks.js';
import { problems } from './harness.js';
import { forEachEngineOn } from './folder.js';

const KEY = 'README.md sh § Publish from npm: validate, render, build a site, embed';
const block = docBlocks().find((b) => keyOf(b) === KEY);
const lines = block.text.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
const { work, tarball } = pack('aw-publish-');
const project = join(work, 'project');
mkdirSync(project);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-reviews', private: true }));
const step = (match) => {
  const line = lines.find((l) => match.test(l));
  assert.ok(line, `the README has no step matching ${match}`);
  const command = line === 'npm install article-widget' ? `npm install --offline --no-audit --no-fund ${tarball}` : line;
  return spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8' });
};
const examples = () => readdirSync(join(project, 'articles')).filter((f) => f.endsWith('.json'));

test('install: the tarball into an empty folder; the example articles copied as the README says', () => {
  assert.equal(lines.length, 6, 'the README\'s steps changed: update this test');
  let r = step(/^npm install article-widget$/);
  assert.equal(r.status, 0, r.stderr);
  r = step(/^cp -r node_modules\/article-widget\/examples articles$/);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(examples().length >= 5);
});

test('validate: FILE: ok for each article, exit 0', () => {
  const r = step(/ validate /);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, examples().map((f) => `articles/${f}: ok\n`).join(''));
});

test('render: one standalone page', () => {
  const r = step(/ render --page /);
  assert.equal(r.status, 0, r.stderr);
  const page = readFileSync(join(project, 'la-la-land.html'), 'utf8');
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /<meta property="og:title" content="La La Land: the twist/);
});

test('build: a site of the articles with an index, under the base URL', () => {
  const r = step(/ build articles --out site /);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`${examples().length} articles \\(${examples().length} rendered`));
  const index = readFileSync(join(project, 'site/index.html'), 'utf8');
  for (const f of examples()) assert.ok(index.includes(`<a href="${f.replace('.json', '.html')}">`));
  assert.match(readFileSync(join(project, 'site/la-la-land.html'), 'utf8'), /<link rel="canonical" href="https:\/\/example.com\/reviews\/la-la-land.html">/);
});

let head;
test('assets: the browser files, hashed, and the tags for the page\'s head', () => {
  const r = step(/ assets --out www\/article-widget /);
  assert.equal(r.status, 0, r.stderr);
  head = r.stdout.split('\n').filter((l) => l.startsWith('<'));
  assert.equal(head.length, 5);
  // script, render chunk, wasm, stylesheet, light mode's stylesheet
  assert.equal(readdirSync(join(project, 'www/article-widget')).length, 5);
});

test('embed: the developer\'s own page in another folder (www/), with the printed tags and the element', () => {
  assert.ok(existsSync(join(project, 'www')));
  cpSync(join(project, 'articles'), join(project, 'www/articles'), { recursive: true });
  writeFileSync(join(project, 'www/index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My reviews</title>\n${head.join('\n')}\n</head>
<body><main><article-widget src="/articles/la-la-land.json"></article-widget></main></body></html>`);
});

forEachEngineOn(work, (env) => {
  test('the built site: index → page, hydrated, spoilers revealable, no console error', async () => {
    const page = await env.newPage();
    await page.goto(env.url('/project/site/index.html'));
    await page.getByRole('link', { name: /La La Land: the twist/ }).click();
    // Hydrated (the shim marks the server-rendered article live) before a reader's click counts.
    // (30 s: in a fresh-clone make test, Firefox once took over 10 s to hydrate this page.)
    await page.locator('article-widget').locator('article.aw-article[data-aw-live]').waitFor({ state: 'attached', timeout: 30000 });
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.getByText('five-year-later epilogue').waitFor();
    assert.deepEqual(await problems(page), []);
    await page.close();
  });

  test('embed: the page served from www/ renders the article, styled, with no console error', async () => {
    const www = await env.serveFolder(join(project, 'www'));
    const page = await env.newPage();
    try {
      await page.goto(new URL('/index.html', www.url).href);
      const kicker = page.locator('article-widget').getByText('Ending Explained', { exact: true });
      await kicker.waitFor();
      assert.equal(await kicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase');
      // (The test server sends no-store, under which Firefox and WebKit fetch a preloaded wasm
      // again: assets.test.js.)
      assert.equal(page.requests().filter((r) => r.endsWith('.wasm')).length, env.is('chromium') ? 1 : 2);
      assert.deepEqual(await problems(page), []);
    } finally {
      await page.close();
      await www.close();
    }
  });
});

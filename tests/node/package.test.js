// The npm package as a user gets it: `npm pack` in web/, installed into an empty folder, used
// from plain Node, the CLI from node_modules/.bin, the typings checked by tsc, and its browser
// script embedding an article in Chromium from the installed files alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.js';
import { CHROMIUM } from '../../tools/screenshot.js';
import { pack, installInto, repo, run } from '../pack.js';

const { work, tarball, packed } = pack();
const app = installInto(join(work, 'app'), tarball);

test('the tarball holds the runtime files and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['index.js', 'index.d.ts', 'widget.js', 'article-widget.css', 'bin/article-widget.js',
    'dist/article-widget.js', 'dist/article-widget-render.js', 'dist/article-widget-core.mjs', 'dist/article-widget-core.wasm', 'dist/article-widget.css',
    'dist/article-widget.light.css', 'cli/assets.js', 'cli/build.js', 'cli/build-worker.js', 'cli/problems.js',
    'cli/article-widget-index.css', 'package.json', 'README.md']) {
    assert.ok(files.includes(f), `${f} missing from the tarball`);
  }
  for (const f of files) assert.doesNotMatch(f, /(^|\/)(tests?|src|include|wasm)\/|\.cpp$|\.test\.js$/, `${f} should not ship`);
});

test('the files a publisher ships resolve through the exports map, and every README link resolves in the package', () => {
  writeFileSync(join(app, 'resolve.mjs'), `
    for (const f of ['article-widget/dist/article-widget.js', 'article-widget/dist/article-widget-core.wasm',
      'article-widget/article-widget.css', 'article-widget/schema/article.schema.json']) console.log(import.meta.resolve(f));
  `);
  const resolved = run(process.execPath, ['resolve.mjs'], app).trim().split('\n');
  assert.equal(resolved.length, 4);
  for (const url of resolved) assert.ok(existsSync(fileURLToPath(url)), `${url} does not exist`);
  const installed = join(app, 'node_modules/article-widget');
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
  assert.ok(links.length >= 8, 'the README has its links');
  for (const link of links) assert.ok(existsSync(join(installed, link)), `README links to ${link}, which is not in the package`);
});

test('import { loadWidget } from "article-widget" works in plain node', () => {
  writeFileSync(join(app, 'main.js'), `
    import { readFileSync } from 'node:fs';
    import { loadWidget } from 'article-widget';
    const w = await loadWidget();
    const r = w.render(readFileSync(${JSON.stringify(join(repo, 'examples/la-la-land.json'))}, 'utf8'));
    console.log(JSON.stringify({ ok: r.ok, title: r.meta.title, md: w.renderMarkdown('*x*') }));
  `);
  const out = JSON.parse(run(process.execPath, ['main.js'], app));
  assert.deepEqual(out, { ok: true, title: 'La La Land: the twist, final scene, and what the ending means.', md: '<p><em>x</em></p>\n' });
});

test('the CLI is installed as a bin', () => {
  const bin = join(app, 'node_modules/.bin/article-widget');
  assert.ok(existsSync(bin));
  const example = join(repo, 'examples/la-la-land.json');
  assert.equal(run(bin, ['validate', example], app), `${example}: ok\n`);
});

test('the typings describe the API (tsc --noEmit on a usage file)', () => {
  writeFileSync(join(app, 'usage.ts'), `
    import { loadWidget, type RenderResult, type Diagnostic, type ArticleJSON } from 'article-widget';
    import type { ArticleWidgetEventMap, ErrorDetail } from 'article-widget/widget';
    const w = await loadWidget({ wasmUrl: new URL('file:///x.wasm') });
    const r: RenderResult = w.render('{}', { idPrefix: 'a-', revealSpoilers: true, limits: { maxDepth: 10 } });
    const d: Diagnostic | undefined = r.errors[0];
    const line: number = d ? d.line : r.meta.readingMinutes;
    const html: string = w.renderMarkdown('x') + r.html + r.meta.toc.map((t) => t.anchor).join();
    const bytes: number = w.memoryBytes();
    type Detail = ArticleWidgetEventMap['article-widget:faq-toggle']['detail'];
    const open: Detail = { articleId: 'a', id: 'b', open: true };
    // @ts-expect-error options are checked
    w.render('{}', { idPrefx: 'typo' });
    const kind: ErrorDetail['kind'] = 'invalid';
    // Every example is an ArticleJSON; a misspelled field is not.
    const examples: ArticleJSON[] = [${readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(repo, 'examples', f), 'utf8')).join(',\n')}];
    // @ts-expect-error "titel" is not a field
    const typo: ArticleJSON = { ...examples[0], titel: 'x' };
    w.render(examples[0]);
    export { line, html, bytes, open, kind, typo };
  `);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, lib: ['es2022', 'dom'], skipLibCheck: false },
    files: ['usage.ts'],
  }));
  const tsc = join(repo, 'node_modules/typescript/bin/tsc');
  try {
    run(process.execPath, [tsc, '-p', app], app);
  } catch (e) {
    assert.fail(`tsc reported:\n${e.stdout}${e.stderr}`);
  }
});

test('the installed browser script embeds an article (Chromium, files from node_modules only)', async () => {
  writeFileSync(join(app, 'la-la-land.json'), readFileSync(join(repo, 'examples/la-la-land.json')));
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><title>app</title>
    <script type="module" src="/node_modules/article-widget/dist/article-widget.js"></script>
    <article-widget src="/la-la-land.json"></article-widget>`);
  const server = await startServer({ port: 0, root: app });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(new URL('/index.html', server.url).href);
    const h1 = page.locator('article-widget').getByRole('heading', { level: 1 });
    await h1.waitFor({ timeout: 15000 });
    assert.equal(await h1.textContent(), 'La La Land: the twist, final scene, and what the ending means.');
    // Styled by the package's stylesheet (the shadow root's link loaded).
    assert.equal(await page.locator('article-widget').evaluate((el) => el.shadowRoot.styleSheets.length), 1);
    assert.deepEqual(failed, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('package.json exports, bin and files are declared', () => {
  const pkg = JSON.parse(readFileSync(join(repo, 'web/package.json'), 'utf8'));
  assert.equal(pkg.name, 'article-widget');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].default, './index.js');
  assert.equal(pkg.bin['article-widget'], 'bin/article-widget.js');
  assert.ok(Array.isArray(pkg.files));
});

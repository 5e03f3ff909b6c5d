// Time to first rendered article in headless Chromium, cold cache, localhost: the widget page
// (bench/pages/widget.html: <article-widget src=…>, until its `article-widget:render` event) vs the
// JS stack page (bench/pages/js-stack.html: markdown-it + footnote + DOMPurify + littlefoot on the
// same article as Markdown). Every load gets a fresh browser context (empty HTTP and code caches);
// the pages alternate. Needs `make build` and `make size` (the JS stack bundle) first.
//   node bench/browser-ttfr.js [--loads 25] [--json]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.js';
import { articleAsMarkdown } from './lib/inputs.js';
import { stats } from './lib/timing.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 25;
const asJson = args.includes('--json');

// Inputs: the JS stack bundle (as make size builds it) and the article as Markdown.
mkdirSync(`${ROOT}build/size`, { recursive: true });
mkdirSync(`${ROOT}build/bench/inputs`, { recursive: true });
const esbuild = `${ROOT}node_modules/.bin/esbuild`;
execFileSync(esbuild, [`${ROOT}bench/js-stack/entry.js`, '--bundle', '--minify', '--format=esm', '--target=es2020', `--outfile=${ROOT}build/size/js-stack.min.js`, '--log-level=warning']);
execFileSync(esbuild, [`${ROOT}node_modules/littlefoot/dist/littlefoot.css`, '--minify', `--outfile=${ROOT}build/size/littlefoot.min.css`, '--log-level=warning']);
const seed = JSON.parse(readFileSync(`${ROOT}examples/la-la-land.json`, 'utf8'));
writeFileSync(`${ROOT}build/bench/inputs/seed-article.md`, articleAsMarkdown(seed));
if (!existsSync(`${ROOT}web/dist/article-widget-core.wasm`)) throw new Error('web/dist is missing: run make build');

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
const server = await startServer({ port: 0, root: ROOT });
const browser = await chromium.launch(CHROMIUM);
const pages = [
  { name: 'widget (article-widget, wasm)', path: 'bench/pages/widget.html', check: async (p) => p.evaluate(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('.aw-article .aw-section') !== null) },
  { name: 'JS stack (markdown-it + footnote + DOMPurify + littlefoot)', path: 'bench/pages/js-stack.html', check: async (p) => p.evaluate(() => document.querySelectorAll('#article h2').length > 3) },
];
const samples = new Map(pages.map((p) => [p.name, { rendered: [], painted: [], bytes: [] }]));
try {
  for (let i = 0; i < loads + 2; i++) {
    for (const pg of i % 2 ? [...pages].reverse() : pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on('response', async (r) => { bytes += Number((await r.allHeaders())['content-length'] ?? 0); });
      await page.goto(server.url + pg.path, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__painted !== undefined || window.__failed !== undefined, null, { timeout: 20000 });
      const r = await page.evaluate(() => ({ rendered: window.__rendered, painted: window.__painted, failed: window.__failed }));
      if (r.failed) throw new Error(`${pg.name}: ${r.failed}`);
      if (!(await pg.check(page))) throw new Error(`${pg.name}: the article is not in the page`);
      if (i >= 2) { // two warm-up rounds: the server's and the OS's file caches, Chromium's process start
        const s = samples.get(pg.name);
        s.rendered.push(r.rendered);
        s.painted.push(r.painted);
        s.bytes.push(bytes);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const result = {
  loads,
  chromium: `Chromium ${browser.version()}`,
  pages: pages.map((p) => {
    const s = samples.get(p.name);
    return { name: p.name, ...stats(s.rendered), painted: stats(s.painted).median, transferBytes: s.bytes[0] };
  }),
};
if (asJson) console.log(JSON.stringify(result));
else for (const p of result.pages) console.log(`${p.name}: median ${p.median.toFixed(1)} ms (min ${p.min.toFixed(1)}, max ${p.max.toFixed(1)}), next frame ${p.painted.toFixed(1)} ms, ${p.transferBytes} bytes over the wire`);

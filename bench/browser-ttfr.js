// Time to first rendered article, cold cache, localhost: the widget page (bench/pages/widget.html:
// <article-widget src=…>, until its `article-widget:render` event) vs the JS stack page
// (bench/pages/js-stack.html: the same article JSON through bench/js-stack/article.js — JSON.parse,
// markdown-it + footnote, the article template, DOMPurify — put into the page, littlefoot wired).
// Both pages load the same stylesheet. The pages alternate (A B, then B A); the first rounds are
// thrown away (server and OS file caches, browser process start): two in Chromium, one elsewhere.
//   Chromium (playwright-core): a fresh browser context per load (empty HTTP and code caches).
//   Firefox ESR (puppeteer-core, WebDriver BiDi): a fresh browser context per load.
//   WebKitGTK (MiniBrowser over WebKitWebDriver): a fresh MiniBrowser per load.
// Firefox and WebKit are driven through tests/browser/page.js, as the browser tests are.
//   node bench/browser-ttfr.js [--loads 25] [--loads-other 7] [--engines chromium,firefox,webkit] [--json]
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.js';
import { CHROMIUM } from '../tools/screenshot.js';
import { createEngine } from '../tests/browser/page.js';
import { ROOT, buildJsStack, numberArg } from './lib/browser.js';
import { stats } from './lib/timing.js';

const args = process.argv.slice(2);
const loads = numberArg(args, '--loads', 25);
const loadsOther = numberArg(args, '--loads-other', 7);
const engines = (args.includes('--engines') ? args[args.indexOf('--engines') + 1] : 'chromium,firefox,webkit').split(',');
const asJson = args.includes('--json');

export const PAGES = [
  { key: 'widget', name: 'widget (article-widget, wasm)', path: 'bench/pages/widget.html', check: () => document.querySelector('article-widget')?.shadowRoot?.querySelector('.aw-article .aw-section') != null },
  { key: 'jsStack', name: 'JS stack (JSON.parse, markdown-it + footnote, template, DOMPurify, littlefoot)', path: 'bench/pages/js-stack.html', check: () => document.querySelectorAll('#article .aw-section').length > 3 },
];

/** One cold load of `pg` in a fresh page; → { rendered, painted } ms from navigation start. */
export async function coldLoad(page, url, pg) {
  await page.goto(url + pg.path);
  await page.waitForFunction(() => window.__painted !== undefined || window.__failed !== undefined, null, { timeout: 60000 });
  const r = await page.evaluate(() => ({ rendered: window.__rendered, painted: window.__painted, failed: window.__failed ?? null }));
  if (r.failed) throw new Error(`${pg.name}: ${r.failed}`);
  if (!(await page.evaluate(pg.check))) throw new Error(`${pg.name}: the article is not in the page`);
  return r;
}

/** Interleaved cold loads after `warmup` rounds; open() → { page, close }. Returns per page
 *  { rendered stats, painted median }. */
export async function interleavedLoads(n, open, url, { warmup = 2 } = {}) {
  const samples = new Map(PAGES.map((p) => [p.key, { rendered: [], painted: [] }]));
  for (let i = 0; i < n + warmup; i++) {
    for (const pg of i % 2 ? [...PAGES].reverse() : PAGES) {
      const { page, close } = await open();
      try {
        const r = await coldLoad(page, url, pg);
        if (i >= warmup) {
          samples.get(pg.key).rendered.push(r.rendered);
          samples.get(pg.key).painted.push(r.painted);
        }
      } finally {
        await close();
      }
    }
  }
  return PAGES.map((p) => ({ key: p.key, name: p.name, ...stats(samples.get(p.key).rendered), painted: stats(samples.get(p.key).painted).median }));
}

async function chromiumRun(url) {
  const browser = await chromium.launch(CHROMIUM);
  try {
    const open = async () => {
      const context = await browser.newContext();
      return { page: await context.newPage(), close: () => context.close() };
    };
    return { engine: `Chromium ${browser.version()}`, loads, pages: await interleavedLoads(loads, open, url) };
  } finally {
    await browser.close();
  }
}

async function otherRun(name, url) {
  const engine = createEngine(name);
  const env = { requests: [], responses: [], pages: new Set() }; // what page.js records into (tests/browser/harness.js's env)
  try {
    const open = async () => {
      const page = await engine.newPage({}, env);
      return { page, close: () => page.close() };
    };
    const pages = await interleavedLoads(loadsOther, open, url, { warmup: 1 });
    return { engine: engine.version, loads: loadsOther, pages };
  } finally {
    await engine.close();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  buildJsStack();
  const server = await startServer({ port: 0, root: ROOT });
  const result = {};
  try {
    for (const name of engines) {
      const t0 = Date.now();
      try {
        result[name] = name === 'chromium' ? await chromiumRun(server.url) : await otherRun(name, server.url);
        result[name].seconds = Math.round((Date.now() - t0) / 1000);
      } catch (e) {
        console.error(`[ttfr] ${name} failed: ${e.message.split('\n')[0]}`);
        result[name] = { error: e.message.split('\n')[0] };
      }
    }
  } finally {
    await server.close();
  }
  if (asJson) console.log(JSON.stringify(result));
  else {
    for (const [name, r] of Object.entries(result)) {
      if (r.error) { console.log(`${name}: ${r.error}`); continue; }
      for (const p of r.pages) console.log(`${r.engine}, ${r.loads} loads: ${p.name}: median ${p.median.toFixed(1)} ms (IQR ${p.q1.toFixed(1)}–${p.q3.toFixed(1)}), next frame ${p.painted.toFixed(1)} ms`);
      console.log(`${r.engine}: widget ÷ JS stack ${(r.pages[0].median / r.pages[1].median).toFixed(2)} (${r.seconds} s)`);
    }
  }
}

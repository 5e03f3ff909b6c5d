// `make size`'s server-rendered page: the seed article rendered by the Node API with the page shell
// into <out>/index.html beside a copy of web/dist's browser files (the folder a publisher copies),
// then loaded in headless Chromium until the script has hydrated it. Returns the files the page
// fetched (measured raw / gzip / brotli by the caller's `measure`) and whether the wasm was among them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadWidget } from '../../web/index.js';
import { BROWSER_FILES } from '../../web/cli/assets.js';
import { startServer } from '../../tools/serve.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function measureSsrPage({ root, out, measure }) {
  mkdirSync(out, { recursive: true });
  for (const f of BROWSER_FILES) copyFileSync(`${root}web/dist/${f}`, `${out}/${f}`);
  const w = await loadWidget();
  const { ok, html } = w.render(readFileSync(`${root}examples/la-la-land.json`, 'utf8'), {
    shell: 'page',
    src: './la-la-land.json',
    stylesheetHref: './article-widget.css',
    scriptSrc: './article-widget.js',
  });
  if (!ok) return { ok: false, error: 'the seed article did not render' };
  writeFileSync(`${out}/index.html`, html);
  copyFileSync(`${root}examples/la-la-land.json`, `${out}/la-la-land.json`);

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { ok: false, error: 'playwright-core is not installed' };
  }
  const server = await startServer({ port: 0, root: out });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
    // Hydrated: the script has taken over the server-rendered article (tests/browser/hydration.test.js).
    await page.locator('article-widget').locator('article[data-aw-live]').waitFor({ state: 'attached', timeout: 20000 });
    await page.waitForTimeout(500); // anything fetched late still counts
    const names = requests.map((p) => basename(p) || 'index.html');
    const files = [...new Set(names)].map((n) => measure(`${out}/${n}`, n === 'index.html' ? 'the page (HTML)' : n));
    const t = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { ok: true, requests: names, files, total: t, wasmFetched: names.some((n) => n.endsWith('.wasm')), renderFetched: names.some((n) => n.includes('-render')) };
  } catch (error) {
    return { ok: false, error: `headless Chromium: ${error.message.split('\n')[0]}` };
  } finally {
    await browser?.close();
    await server.close?.();
  }
}

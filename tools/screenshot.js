#!/usr/bin/env node
// Screenshot a page in the machine's Chromium (never a downloaded browser).
//   node tools/screenshot.js [url] [out.png] [--width 1280] [--height 900] [--full]
//                            [--dark] [--mobile]
//   node tools/screenshot.js --states [dir]     every reader-visible state into docs/screenshots/
// Without a url it serves the repository itself (tools/serve.js) and shoots the demo page.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';

export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Waits until every widget on the page has rendered or failed (or the timeout passes). */
export async function waitForWidgets(page, timeout = 15000) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('article-widget, [data-article-widget]')].every((el) =>
        (el.shadowRoot ?? el).querySelector('.aw-article, .aw-error'),
      ),
    null,
    { timeout },
  );
}

export async function screenshot({ url, out, width = 1280, height = 900, full = false, dark = false, mobile = false }) {
  let server = null;
  if (!url) {
    server = await startServer({ port: 0 });
    url = server.url;
  }
  const browser = await chromium.launch(CHROMIUM);
  try {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: mobile ? 2 : 1,
      isMobile: mobile,
      hasTouch: mobile,
      colorScheme: dark ? 'dark' : 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await waitForWidgets(page).catch(() => {});
    await page.screenshot({ path: out, fullPage: full });
    return out;
  } finally {
    await browser.close();
    await server?.close();
  }
}

/** One shot per state a reader can see, desktop and phone, light and dark. */
export async function screenshotStates(dir) {
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  const written = [];
  const DESKTOP = { viewport: { width: 1280, height: 900 } };
  const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const shot = async (name, { context = DESKTOP, dark = false, path: pagePath = '/', full = false, act } = {}) => {
    const ctx = await browser.newContext({ ...context, colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    try {
      if (act?.before) await act.before(page);
      await page.goto(new URL(pagePath, server.url).href);
      if (!act?.noWait) await waitForWidgets(page);
      if (act?.after) await act.after(page);
      const out = `${dir}/${name}.png`;
      await page.screenshot({ path: out, fullPage: full });
      written.push(out);
    } finally {
      await ctx.close();
    }
  };
  const revealAll = (page) => page.getByRole('button', { name: 'Show all spoilers' }).click();
  const openCitation = async (page) => {
    await revealAll(page);
    const cite = page.getByRole('button', { name: 'Source 1', exact: true }).first();
    const box = await cite.boundingBox();
    await page.evaluate((dy) => scrollBy(0, dy), box.y - 260);
    await cite.click();
  };
  const openFaq = async (page) => {
    await page.getByText('What is La La Land about?').click();
    await page.getByRole('heading', { name: 'Frequently Asked', level: 2 }).evaluate((h) => h.scrollIntoView());
    await page.evaluate(() => scrollBy(0, -24));
  };
  const failWith = (status, body) => ({
    before: (page) => page.route('**/examples/la-la-land.json', (r) => r.fulfill({ status, body, contentType: 'application/json' })),
  });
  try {
    await shot('desktop-light', { full: true });
    await shot('desktop-dark', { dark: true, full: true });
    await shot('desktop-revealed-popover', { act: { after: openCitation } });
    await shot('desktop-revealed-popover-dark', { dark: true, act: { after: openCitation } });
    await shot('desktop-faq-open', { act: { after: openFaq } });
    await shot('phone-light', { context: PHONE, full: true });
    await shot('phone-dark', { context: PHONE, dark: true });
    await shot('phone-popover', { context: PHONE, act: { after: openCitation } });
    await shot('phone-faq-open', { context: PHONE, dark: true, act: { after: openFaq } });
    // The media example (issue 14): hero, figures, a pull quote, a video's poster, notes.
    await shot('desktop-media', { path: '/?article=starfall-avenue', full: true });
    await shot('phone-media-revealed-dark', { context: PHONE, dark: true, path: '/?article=starfall-avenue', full: true, act: { after: revealAll } });
    await shot('error-not-found', { act: failWith(404, 'missing') });
    await shot('error-invalid-article', { act: failWith(200, '{"id": "la-la-land", "lang": "en"}') });
    await shot('error-bad-json', { context: PHONE, act: failWith(200, '{\n  "id": "la-la-land",\n  "title": \n}') });
    await shot('loading', {
      act: {
        noWait: true,
        before: (page) => page.route('**/examples/la-la-land.json', () => {}), // never answers
        after: (page) => page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'attached' }).then(() => page.waitForTimeout(300)),
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

function parseArgs(argv) {
  const opts = { width: 1280, height: 900, full: false, dark: false, mobile: false };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--width') opts.width = Number(argv[++i]);
    else if (a === '--height') opts.height = Number(argv[++i]);
    else if (a === '--full') opts.full = true;
    else if (a === '--dark') opts.dark = true;
    else if (a === '--mobile') opts.mobile = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else positional.push(a);
  }
  [opts.url, opts.out] = positional;
  if (opts.url && !/^[a-z]+:/i.test(opts.url)) {
    // `node tools/screenshot.js out.png` style call: a single argument ending in .png is the output
    if (!opts.out && opts.url.endsWith('.png')) [opts.url, opts.out] = [undefined, opts.url];
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  opts.out ??= path.join(root, 'docs', 'screenshot.png');
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const argv = process.argv.slice(2);
    if (argv[0] === '--states') {
      const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
      const dir = path.resolve(argv[1] ?? path.join(root, 'docs', 'screenshots'));
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir, { recursive: true });
      for (const out of await screenshotStates(dir)) console.log(`wrote ${out}`);
    } else {
      const out = await screenshot(parseArgs(argv));
      console.log(`wrote ${out}`);
    }
  } catch (err) {
    console.error(`screenshot: ${err.message}`);
    process.exit(1);
  }
}

#!/usr/bin/env node
// The seed article (the demo page) in each browser engine the tests run, desktop and phone, at
// the top and with a footnote open, through the tests' page API (tests/browser/page.js):
//   node tools/screenshot-engines.js [dir]      (default docs/screenshots/engines; AW_ENGINES picks)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.js';
import { PHONE, createEngine, selectedEngines } from '../tests/browser/page.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screenshots', 'engines'));
mkdirSync(dir, { recursive: true });

const server = await startServer({ port: 0 });
const env = { requests: [], responses: [], pages: new Set() }; // what a page keeps of its test environment
try {
  for (const name of selectedEngines()) {
    const engine = createEngine(name);
    try {
      for (const [form, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', PHONE]]) {
        const page = await engine.newPage({ viewport, reducedMotion: 'reduce' }, env);
        await page.goto(new URL('/', server.url).href);
        await page.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('.aw-article'));
        await page.evaluate(() => document.fonts.ready.then(() => true));
        await page.screenshot({ path: path.join(dir, `${name}-${form}.png`) });
        await page.getByRole('button', { name: 'Show all spoilers' }).click();
        const cite = page.getByRole('button', { name: 'Source 1', exact: true }).first();
        const box = await cite.boundingBox();
        await page.evaluate((dy) => scrollBy(0, dy), box.y - 200);
        await cite.click();
        await page.getByRole('dialog', { name: 'Source 1' }).waitFor();
        await page.screenshot({ path: path.join(dir, `${name}-${form}-popover.png`) });
        console.log(`wrote ${name}-${form}{,-popover}.png (${engine.version}, viewport ${page.viewport.width}×${page.viewport.height})`);
        await page.close();
      }
    } finally {
      await engine.close();
    }
  }
} finally {
  await server.close();
}

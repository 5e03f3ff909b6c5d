// What headless defaults hide: classic scrollbars. Headless Chromium normally hides them
// (--hide-scrollbars); desktop Chromium on Linux and Windows, and Firefox, show 15 px ones that
// take room from the page. Here they are shown, and a popover at a 375 px wide window must stay
// inside the page: the page must not scroll sideways while it is open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.js';
import { CHROMIUM, waitForWidgets } from '../../tools/screenshot.js';

let server;
let browser;
before(async () => {
  server = await startServer({ port: 0 });
  browser = await chromium.launch({ ...CHROMIUM, ignoreDefaultArgs: ['--hide-scrollbars'] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('with classic scrollbars, a popover at 375 px stays inside the page (no sideways scroll)', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
  await page.goto(new URL('/', server.url).href);
  await waitForWidgets(page);
  const scrollbar = await page.evaluate(() => innerWidth - document.documentElement.clientWidth);
  assert.ok(scrollbar >= 10, `no classic scrollbar shown (${scrollbar} px): the test would prove nothing`);
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  const cites = page.getByRole('button', { name: /^Source \d+$/ });
  for (const n of [0, (await cites.count()) - 1]) {
    const cite = cites.nth(n);
    await cite.scrollIntoViewIfNeeded();
    await cite.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const { right, clientWidth, scrollWidth } = await dialog.evaluate((d) => ({
      right: d.getBoundingClientRect().right,
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(right <= clientWidth, `the popover ends at ${right} px, under the scrollbar (page ${clientWidth} px wide)`);
    assert.ok(scrollWidth <= clientWidth, `the page scrolls sideways: ${scrollWidth} > ${clientWidth}`);
    await page.keyboard.press('Escape');
  }
  await page.close();
});
